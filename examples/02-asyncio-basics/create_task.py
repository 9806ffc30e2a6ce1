#: runs: browser
#: clock: virtual
import asyncio
import time


async def brew(drink: str, seconds: float) -> str:
    print(f"start {drink}")
    await asyncio.sleep(seconds)
    print(f"done  {drink}")
    return drink


async def main() -> None:
    start = time.perf_counter()
    # create_task hands each coroutine to the event loop right away.
    coffee = asyncio.create_task(brew("coffee", 2))
    tea = asyncio.create_task(brew("tea", 1))
    print("tasks created; main keeps going")

    # Awaiting a task waits for it and hands back its result.
    print(f"got {await coffee} and {await tea}")
    elapsed = time.perf_counter() - start
    print(f"both ready after {elapsed:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
