import asyncio
import time
from concurrent.futures import ProcessPoolExecutor


def crunch(name: str, seconds: float) -> str:
    """A computation that keeps its worker busy for `seconds` (a sleep stands in for it here,
    so that the timing is the same on every machine)."""
    time.sleep(seconds)
    return name


async def main() -> None:
    loop = asyncio.get_running_loop()
    jobs = [("resize", 0.8), ("thumbnail", 0.2), ("histogram", 0.8)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        calls = [loop.run_in_executor(pool, crunch, name, seconds) for name, seconds in jobs]
        for next_done in asyncio.as_completed(calls):
            print(f"as_completed: {await next_done}")
        print(f"gather: {await asyncio.gather(*calls)}")


if __name__ == "__main__":
    asyncio.run(main())
