import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def fetch(name: str, seconds: float) -> str:
    """A blocking call that holds its worker thread for `seconds`."""
    time.sleep(seconds)
    return name


async def fetch_all(workers: int) -> None:
    loop = asyncio.get_running_loop()
    jobs = [("report", 0.4), ("archive", 0.8), ("ping", 0.1)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        calls = [loop.run_in_executor(pool, fetch, name, seconds) for name, seconds in jobs]
        for finished in asyncio.as_completed(calls):
            print(f"{workers} threads: {await finished} done")


async def main() -> None:
    await fetch_all(workers=2)
    await fetch_all(workers=3)


if __name__ == "__main__":
    asyncio.run(main())
