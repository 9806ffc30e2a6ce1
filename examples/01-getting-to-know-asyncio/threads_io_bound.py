#: runs: local
#: clock: real
#: varies: \d+\.\d+ s
"""Blocking waits: one after another, in threads, and with asyncio."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

WAITS = 4
DELAY = 0.5  # seconds each "request" spends waiting


def blocking_request(n: int) -> int:
    time.sleep(DELAY)  # like a blocking read; the GIL is released
    return n


async def async_request(n: int) -> int:
    await asyncio.sleep(DELAY)  # same wait; the loop runs others
    return n


async def all_async() -> list[int]:
    return await asyncio.gather(*(async_request(n) for n in range(WAITS)))


def timed(label: str, start: float) -> None:
    print(f"{label:<20} {time.perf_counter() - start:.2f} s")


def main() -> None:
    start = time.perf_counter()
    for n in range(WAITS):
        blocking_request(n)
    timed("one thread:", start)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WAITS) as pool:
        list(pool.map(blocking_request, range(WAITS)))
    timed(f"{WAITS} threads:", start)

    start = time.perf_counter()
    asyncio.run(all_async())
    timed("asyncio, 1 thread:", start)


if __name__ == "__main__":
    main()
