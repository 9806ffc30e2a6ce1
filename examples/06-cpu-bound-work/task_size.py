#: runs: local
#: clock: real
#: varies: \d+\.\d+ s
"""What a task costs besides its computation: pickling its data and a round trip per task.

Part 1 sums the squares of 2 million numbers in four tasks, first sending each worker its
numbers, then only the bounds of its range. Part 2 squares 5,000 numbers, first as
5,000 tasks, then in chunks of 1,000 numbers per task.
"""

import pickle
import time
from concurrent.futures import ProcessPoolExecutor

N = 2_000_000
PARTS = 4


def sum_squares_of(numbers: list[int]) -> int:
    return sum(n * n for n in numbers)


def sum_squares_between(bounds: tuple[int, int]) -> int:
    start, stop = bounds
    return sum(n * n for n in range(start, stop))


def square(n: int) -> int:
    return n * n


def send_less_data(pool: ProcessPoolExecutor) -> None:
    step = N // PARTS
    bounds = [(start, start + step) for start in range(0, N, step)]
    lists = [list(range(start, stop)) for start, stop in bounds]

    print(f"-- part 1: four tasks, {N:,} numbers")
    start = time.perf_counter()
    total = sum(pool.map(sum_squares_of, lists))
    report("send the numbers", lists, start, total)

    start = time.perf_counter()
    total = sum(pool.map(sum_squares_between, bounds))
    report("send the bounds", bounds, start, total)


def report(label: str, args: list[list[int]] | list[tuple[int, int]],
           start: float, total: int) -> None:
    took = time.perf_counter() - start
    size = sum(len(pickle.dumps(arg)) for arg in args)
    print(f"{label:<17} {size:>10,} bytes pickled  {took:.2f} s  (total {total:,})")


def fewer_bigger_tasks(pool: ProcessPoolExecutor) -> None:
    numbers = range(5_000)
    print(f"-- part 2: square {len(numbers):,} numbers")
    for chunksize in (1, 1_000):
        start = time.perf_counter()
        total = sum(pool.map(square, numbers, chunksize=chunksize))
        took = time.perf_counter() - start
        tasks = -(-len(numbers) // chunksize)
        print(f"chunksize {chunksize:>5,}: {tasks:>6,} tasks  {took:.2f} s  "
              f"(total {total:,})")


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(square, range(2)))  # start the workers before timing
        send_less_data(pool)
        fewer_bigger_tasks(pool)
