#: runs: browser
#: clock: virtual
import asyncio

Pair = tuple[asyncio.Lock, asyncio.Lock]


async def transfer(name: str, locks: Pair) -> None:
    first, second = locks
    async with first:
        await asyncio.sleep(0.1)  # long enough for the other task to start
        async with second:
            print(f"  {name} done")


async def two_transfers(one: Pair, other: Pair) -> None:
    try:
        async with asyncio.timeout(2):  # a deadlock never ends by itself
            async with asyncio.TaskGroup() as tg:
                tg.create_task(transfer("alice->bob", one))
                tg.create_task(transfer("bob->alice", other))
    except TimeoutError:
        print("  stuck for 2 s: each task holds the lock the other needs")


async def main() -> None:
    alice, bob = asyncio.Lock(), asyncio.Lock()

    print("-- opposite orders")
    await two_transfers((alice, bob), (bob, alice))

    print("-- the same order for everyone")
    await two_transfers((alice, bob), (alice, bob))


if __name__ == "__main__":
    asyncio.run(main())
