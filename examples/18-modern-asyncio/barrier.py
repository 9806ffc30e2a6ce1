#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def player(name: str, ready_after: float, barrier: asyncio.Barrier) -> None:
    for round_ in (1, 2):
        await asyncio.sleep(ready_after)  # getting ready takes each player a different time
        print(f"{now()} {name}: ready for round {round_}, waiting")
        position = await barrier.wait()  # nobody passes until all three are here
        if position == 0:  # exactly one task gets 0: let it make the announcement
            print(f"{now()} {name}: everyone is here, round {round_} starts")


async def quitter(barrier: asyncio.Barrier) -> None:
    await asyncio.sleep(1)
    print(f"{now()} dave: leaving, breaking the barrier")
    await barrier.abort()


async def waiter(name: str, barrier: asyncio.Barrier) -> None:
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print(f"{now()} {name}: BrokenBarrierError, the match is off")


async def main() -> None:
    print("-- three players, two rounds, one barrier")
    barrier = asyncio.Barrier(3)
    async with asyncio.TaskGroup() as group:
        group.create_task(player("alice", 0.5, barrier))
        group.create_task(player("bob", 1.0, barrier))
        group.create_task(player("carol", 1.5, barrier))

    print("-- a player leaves: abort() breaks it for everyone")
    barrier = asyncio.Barrier(3)
    async with asyncio.TaskGroup() as group:
        group.create_task(waiter("alice", barrier))
        group.create_task(waiter("bob", barrier))
        group.create_task(quitter(barrier))
    print(f"{now()} broken? {barrier.broken}")


if __name__ == "__main__":
    asyncio.run(main())
