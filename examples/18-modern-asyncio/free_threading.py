#: runs: local
#: varies: \d+\.\d+ s
#: varies: \d+\.\d+ cores
#: varies: Python 3\.\d+
import asyncio
import sys
import sysconfig
import time

CHUNKS = 4
LIMIT = 50_000


def count_primes(limit: int) -> int:
    """Pure Python CPU work: it never waits, so it needs an interpreter all the time."""
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))


def describe_build() -> None:
    free_threaded = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    # sys._is_gil_enabled() exists from 3.13. A free-threaded build can still turn the GIL back
    # on, for example when it imports an extension module that has not declared it runs without.
    gil_enabled = sys._is_gil_enabled() if sys.version_info >= (3, 13) else True
    print(f"Python {sys.version_info.major}.{sys.version_info.minor}")
    print(f"free-threaded build: {'yes' if free_threaded else 'no'}")
    print(f"GIL enabled now: {'yes' if gil_enabled else 'no'}")


async def main() -> None:
    describe_build()
    wall, cpu = time.perf_counter(), time.process_time()
    # The event loop stays on its one thread; the chunks go to the default thread pool.
    await asyncio.gather(*(asyncio.to_thread(count_primes, LIMIT) for _ in range(CHUNKS)))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    busy = cpu / wall  # CPU seconds per second: how many cores worked at once, on average
    print(f"{CHUNKS} chunks in {CHUNKS} threads: {wall:.1f} s, {busy:.1f} cores busy")
    print(f"threads ran Python in parallel: {'yes' if busy > 1.5 else 'no'}")


if __name__ == "__main__":
    asyncio.run(main())
