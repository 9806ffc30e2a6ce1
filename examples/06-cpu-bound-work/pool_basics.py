#: runs: local
#: clock: real
"""Two ways to run functions in worker processes: multiprocessing.Pool and ProcessPoolExecutor.

Both start a fixed set of worker processes once and hand them one function call after
another. The calls below run in the workers, not in this process.
"""

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool, parent_process


def count_primes(limit: int) -> int:
    """Counts the primes below limit by trial division: slow on purpose."""
    count = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            count += 1
    return count


def where(limit: int) -> str:
    place = "the main process" if parent_process() is None else "a worker"
    return f"primes below {limit:,}: {count_primes(limit):,} (counted in {place})"


def with_multiprocessing_pool() -> None:
    print("-- multiprocessing.Pool")
    with Pool(processes=2) as pool:
        pending = pool.apply_async(where, (30_000,))  # one call, result later
        print(pending.get(timeout=10))
        print(pool.map(count_primes, [10_000, 20_000, 30_000]))  # many calls


def with_process_pool_executor() -> None:
    print("-- concurrent.futures.ProcessPoolExecutor")
    with ProcessPoolExecutor(max_workers=2) as pool:
        future = pool.submit(where, 30_000)  # a concurrent.futures.Future
        print(future.result(timeout=10))
        print(list(pool.map(count_primes, [10_000, 20_000, 30_000])))


if __name__ == "__main__":
    with_multiprocessing_pool()
    with_process_pool_executor()
