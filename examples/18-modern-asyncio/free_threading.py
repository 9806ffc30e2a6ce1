#: runs: local
#: varies: \d+\.\d+ s
#: varies: \d+\.\d+ cores
#: varies: Python 3\.\d+
import asyncio
import sys
import sysconfig
import threading
import time

THREADS = 4
REQUESTS_PER_THREAD = 3


def count_primes(limit: int) -> int:
    """Pure Python CPU work: it never waits, so it needs the interpreter all the time."""
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))


async def handle(request: int) -> int:
    await asyncio.sleep(0.01)  # some I/O
    return count_primes(15_000 + request)  # then some computing


async def serve(results: list[int]) -> None:
    # One event loop: its tasks take turns, whatever the build.
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(handle(n)) for n in range(REQUESTS_PER_THREAD)]
    results.extend(task.result() for task in tasks)


def describe_build() -> None:
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    # sys._is_gil_enabled() exists from 3.13. A free-threaded build can still turn the GIL back
    # on, for example when it imports an extension module that has not declared it runs without.
    gil_enabled = sys._is_gil_enabled() if sys.version_info >= (3, 13) else True
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    print(f"free-threaded build: {'yes' if free_threaded else 'no'}")
    print(f"GIL enabled now: {'yes' if gil_enabled else 'no'}")


def main() -> None:
    describe_build()
    results: list[int] = []
    # One event loop per thread: each asyncio.run() makes its own loop on its own thread.
    threads = [threading.Thread(target=asyncio.run, args=(serve(results),)) for _ in range(THREADS)]
    wall, cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    busy = cpu / wall  # CPU seconds per second: how many cores worked at once, on average
    print(f"{len(results)} requests on {THREADS} loops in {THREADS} threads: {wall:.1f} s")
    print(f"{busy:.1f} cores busy on average")
    print(f"Python ran on several cores at once: {'yes' if busy > 1.5 else 'no'}")


if __name__ == "__main__":
    main()
