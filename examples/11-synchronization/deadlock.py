#: runs: browser
#: clock: virtual
import asyncio

Pair = tuple[asyncio.Lock, asyncio.Lock]


async def transfer(name: str, locks: Pair, cancelled: list[str]) -> None:
    first, second = locks
    async with first:
        await asyncio.sleep(0.1)  # long enough for the other task to start
        try:
            async with second:
                print(f"  {name} done")
        except asyncio.CancelledError:
            # Sent by the TaskGroup: the timeout cancelled the task waiting on the group.
            cancelled.append(name)
            raise  # leaving the outer `async with` releases the first lock


async def two_transfers(one: Pair, other: Pair) -> None:
    cancelled: list[str] = []
    try:
        async with asyncio.timeout(2):  # a deadlock never ends by itself
            async with asyncio.TaskGroup() as tg:
                tg.create_task(transfer("alice->bob", one, cancelled))
                tg.create_task(transfer("bob->alice", other, cancelled))
    except TimeoutError:
        print("  stuck for 2 s: each task holds the lock the other needs")
        print(f"  the TaskGroup cancelled {sorted(cancelled)}, which released their locks")


async def main() -> None:
    alice, bob = asyncio.Lock(), asyncio.Lock()

    print("-- opposite orders")
    await two_transfers((alice, bob), (bob, alice))

    print("-- the same order for everyone")
    await two_transfers((alice, bob), (alice, bob))
    print(f"  both locks free again: {not alice.locked() and not bob.locked()}")


if __name__ == "__main__":
    asyncio.run(main())
