#: runs: browser
#: clock: virtual
"""A CPU-bound coroutine holds the event loop: the heartbeat cannot tick until it ends.

The heartbeat wants to print every 0.1 seconds. The crunching coroutine never awaits while
it computes, so no other task gets a turn, however long the computation takes.
"""

import asyncio


def sum_of_squares(limit: int) -> int:
    return sum(n * n for n in range(limit))


async def heartbeat(ticks: list[int]) -> None:
    while True:
        await asyncio.sleep(0.1)
        ticks.append(1)
        print(f"  tick {len(ticks)}")


async def crunch(limit: int, ticks: list[int]) -> None:
    before = len(ticks)
    print(f"crunch: start (ticks so far: {before})")
    result = sum_of_squares(limit)  # pure computation, no await
    print(f"crunch: done, result has {len(str(result))} digits")
    print(f"crunch: ticks while computing: {len(ticks) - before}")


async def main() -> None:
    ticks: list[int] = []
    beat = asyncio.create_task(heartbeat(ticks))
    await asyncio.sleep(0.25)  # two ticks happen while main waits
    await crunch(2_000_000, ticks)
    await asyncio.sleep(0.25)  # the heartbeat resumes once the loop is free
    beat.cancel()


if __name__ == "__main__":
    asyncio.run(main())
