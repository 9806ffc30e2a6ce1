#: runs: local
#: clock: real
#: varies: \d+\.\d+ s
"""The same CPU-bound job, twice: one after another, in two threads, in two processes.

Threads take turns holding the GIL, so two of them compute no faster than one. Each
process has its own interpreter and its own GIL, so two processes can use two cores.
"""

import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from functools import partial

LIMIT = 3_000_000


def count_odd(limit: int) -> int:
    count = 0
    for n in range(limit):  # pure Python: it holds the GIL the whole time
        if n % 2:
            count += 1
    return count


def one_after_another() -> list[int]:
    return [count_odd(LIMIT), count_odd(LIMIT)]


def twice_in(pool: Executor) -> list[int]:
    return list(pool.map(count_odd, [LIMIT, LIMIT]))


def timed(label: str, run: Callable[[], list[int]]) -> None:
    start = time.perf_counter()
    results = run()
    print(f"{label:<18} {time.perf_counter() - start:.2f} s  results {results}")


def main() -> None:
    timed("one after another", one_after_another)
    with ThreadPoolExecutor(max_workers=2) as threads:
        timed("two threads", partial(twice_in, threads))
    with ProcessPoolExecutor(max_workers=2) as processes:
        twice_in(processes)  # warm up: start both workers before timing
        timed("two processes", partial(twice_in, processes))


if __name__ == "__main__":
    main()
