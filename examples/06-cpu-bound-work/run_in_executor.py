#: runs: local
#: clock: real
#: varies: \d+ times
"""The event loop hands CPU-bound calls to a process pool and stays free while they run.

loop.run_in_executor(pool, func, *args) submits func(*args) to the pool and returns an
asyncio future. gather collects the results in argument order; as_completed yields them
as they finish, which is handy for progress reports.
"""

import asyncio
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit: int) -> int:
    """Counts the primes below limit by trial division: slow on purpose."""
    count = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            count += 1
    return count


async def heartbeat(ticks: list[int]) -> None:
    while True:
        await asyncio.sleep(0.02)
        ticks.append(1)


async def main() -> None:
    limits = [40_000, 10_000, 30_000, 20_000]
    loop = asyncio.get_running_loop()
    ticks: list[int] = []
    beat = asyncio.create_task(heartbeat(ticks))

    with ProcessPoolExecutor(max_workers=2) as pool:
        print("-- gather: results in the order of the calls")
        calls = [loop.run_in_executor(pool, count_primes, n) for n in limits]
        results = await asyncio.gather(*calls)
        for limit, primes in zip(limits, results):
            print(f"primes below {limit:,}: {primes:,}")
        print(f"meanwhile the heartbeat ticked {len(ticks)} times")

        print("-- as_completed: results in the order they finish")
        calls = [loop.run_in_executor(pool, count_primes, n) for n in limits]
        total = 0
        for done, next_result in enumerate(asyncio.as_completed(calls), start=1):
            total += await next_result
            print(f"{done} of {len(calls)} finished")
        print(f"primes in all four ranges: {total:,}")

    beat.cancel()


if __name__ == "__main__":
    asyncio.run(main())
