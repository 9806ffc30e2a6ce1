#: runs: local
#: clock: real
#: varies: \d+\.\d+ s
"""Threads overlap waiting, but not pure-Python computing: the GIL.

Four jobs run one after another, then in four threads. A sleeping job releases the GIL
while it waits; a counting job needs the GIL for every bytecode it runs.
"""

import asyncio
import time
from collections.abc import Callable


def wait_a_bit() -> None:
    time.sleep(0.2)  # like a network or disk wait: the GIL is released


def count_a_lot() -> None:
    total = 0
    for n in range(1_500_000):  # pure Python: holds the GIL while it runs
        total += n


async def compare(label: str, job: Callable[[], None]) -> None:
    wall = time.perf_counter()
    for _ in range(4):
        job()
    one_by_one = time.perf_counter() - wall

    wall, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(asyncio.to_thread(job) for _ in range(4)))
    threaded = time.perf_counter() - wall
    busy_cores = (time.process_time() - cpu) / threaded  # CPU seconds per wall second

    print(f"{label}: one after another {one_by_one:.1f} s, in 4 threads {threaded:.1f} s")
    if busy_cores >= 1.3:
        print("  -> the threads computed in parallel (a free-threaded build?)")
    elif threaded < one_by_one / 2:
        print("  -> the threads waited at the same time")
    else:
        print("  -> no faster: the threads took turns holding the GIL")


async def main() -> None:
    await compare("sleep", wait_a_bit)
    await compare("count", count_a_lot)


if __name__ == "__main__":
    asyncio.run(main())
