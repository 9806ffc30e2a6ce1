#: runs: local
#: clock: real
#: varies: \d+\.\d+
#: varies: GIL enabled: \w+
"""CPU-bound work: threads take turns under the GIL; processes don't."""

import os
import sys
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

JOBS = 4
N = 4_000_000


def crunch(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def run_in(pool: Executor) -> float:
    start = time.perf_counter()
    with pool:
        list(pool.map(crunch, [N] * JOBS))
    return time.perf_counter() - start


def main() -> None:
    # sys._is_gil_enabled() is new in 3.13; before, the GIL was always on.
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    # flush=True: a forked child could print unflushed output twice.
    print(f"GIL enabled: {gil}", flush=True)

    start = time.perf_counter()
    for _ in range(JOBS):
        crunch(N)
    base = time.perf_counter() - start
    print(f"one thread:  {base:.2f} s", flush=True)

    workers = os.cpu_count() or 1
    threads = run_in(ThreadPoolExecutor(max_workers=workers))
    print(f"threads:     {threads:.2f} s  (speed-up x{base / threads:.2f})",
          flush=True)

    processes = run_in(ProcessPoolExecutor(max_workers=workers))
    print(f"processes:   {processes:.2f} s  (speed-up x{base / processes:.2f})",
          flush=True)


if __name__ == "__main__":
    main()
