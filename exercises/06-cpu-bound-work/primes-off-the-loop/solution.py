import asyncio
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

LIMITS = [30_000, 40_000, 50_000, 60_000]


def where() -> str:
    """Which process runs this call: the main one, or a worker of a pool."""
    return "the main process" if multiprocessing.parent_process() is None else "a worker process"


def count_primes(limit: int) -> tuple[int, str]:
    """Pure-Python computation: it never waits, so it never gives the loop a turn."""
    count = sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))
    return count, where()


async def heartbeat(ticks: list[float]) -> None:
    while True:
        ticks.append(time.perf_counter())
        await asyncio.sleep(0.05)


async def main(pool: ProcessPoolExecutor) -> None:
    ticks: list[float] = []
    beat = asyncio.create_task(heartbeat(ticks))
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    calls = [loop.run_in_executor(pool, count_primes, limit) for limit in LIMITS]
    results = await asyncio.gather(*calls)
    beat.cancel()
    for limit, (count, place) in zip(LIMITS, results):
        print(f"primes below {limit}: {count} (counted in {place})")
    print(f"heartbeat ticks while counting: {len(ticks)}")


if __name__ == "__main__":
    # One pool for the whole program, shut down after the loop ends. Its two workers start
    # here, before the loop runs: starting a process takes a while, and a pool that starts them
    # on demand (spawn, forkserver) would do it on the loop's thread, at the first calls.
    with ProcessPoolExecutor(max_workers=2) as pool:
        for started in [pool.submit(where) for _ in range(2)]:
            started.result()
        asyncio.run(main(pool))
