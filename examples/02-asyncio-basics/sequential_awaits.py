#: runs: browser
#: clock: virtual
import asyncio
import time


async def brew(drink: str, seconds: float) -> str:
    print(f"start {drink}")
    await asyncio.sleep(seconds)  # pause here; the loop is free
    print(f"done  {drink}")
    return drink


async def main() -> None:
    start = time.perf_counter()
    # Each await finishes before the next line runs.
    await brew("coffee", 2)
    await brew("tea", 1)
    elapsed = time.perf_counter() - start
    print(f"both ready after {elapsed:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
