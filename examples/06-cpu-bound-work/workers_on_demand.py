#: runs: local
#: clock: real
"""How many worker processes does a pool of four start for a single call?

ProcessPoolExecutor starts its workers all at once under the fork start method, but only as
calls need them under spawn and forkserver (the defaults on macOS and Windows, and since
Python 3.14 on Linux). multiprocessing.Pool always starts all of them. Recorded on Linux: fork
and forkserver do not exist on Windows, so there the loop skips them.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def square(n: int) -> int:
    return n * n


def main() -> None:
    for method in ["fork", "spawn", "forkserver"]:
        if method not in multiprocessing.get_all_start_methods():
            continue
        context = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=4, mp_context=context) as executor:
            executor.submit(square, 3).result()
            by_executor = len(multiprocessing.active_children())
        with context.Pool(processes=4) as pool:
            pool.apply(square, (3,))
            by_pool = len(multiprocessing.active_children())
        print(f"{method:>10}: ProcessPoolExecutor started {by_executor}, "
              f"multiprocessing.Pool started {by_pool}")


if __name__ == "__main__":
    main()
