#: runs: local
#: clock: real
#: varies: worker processes used: \d+
"""A pool initializer does the expensive setup once per worker, not once per task.

Every task needs a table of primes. Building it takes a while, so each worker builds it
once when it starts, keeps it in a global, and reuses it for every task it runs.
"""

import os
from concurrent.futures import ProcessPoolExecutor

primes: set[int] = set()
builds = 0


def build_table(limit: int) -> None:
    """Runs once in each worker, before its first task (a sieve of Eratosthenes)."""
    global builds
    sieve = bytearray([1]) * limit
    sieve[0:2] = b"\x00\x00"
    for n in range(2, int(limit**0.5) + 1):
        if sieve[n]:
            sieve[n * n::n] = bytes(len(range(n * n, limit, n)))
    primes.update(n for n in range(limit) if sieve[n])
    builds += 1


def count_primes_in(bounds: tuple[int, int]) -> tuple[int, int, int]:
    start, stop = bounds
    found = sum(1 for n in range(start, stop) if n in primes)
    return found, builds, os.getpid()


if __name__ == "__main__":
    ranges = [(start, start + 250_000) for start in range(0, 1_000_000, 250_000)]
    with ProcessPoolExecutor(max_workers=2, initializer=build_table,
                             initargs=(1_000_000,)) as pool:
        results = list(pool.map(count_primes_in, ranges))
    for (start, stop), (found, seen_builds, _) in zip(ranges, results):
        print(f"primes in [{start:,}, {stop:,}): {found:,}  "
              f"(table built {seen_builds} time in this worker)")
    workers = len({pid for _, _, pid in results})
    print(f"tasks: {len(ranges)}, worker processes used: {workers}")
    print(f"table built in the main process: {builds} times")
