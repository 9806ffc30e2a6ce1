#: runs: browser
#: clock: virtual
# /// script
# requires-python = ">=3.13"
# ///
"""Since Python 3.13, `async for` over as_completed() hands back the original tasks or futures.

A dictionary from each call to its input then says which call just finished. In the browser
there are no processes, so a sleep stands in for the time a worker would compute; with a pool,
the futures from run_in_executor() come back the same way.
"""

import asyncio
import time


def count_primes(limit: int) -> int:
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n**0.5) + 1)))


async def in_a_worker(limit: int) -> int:
    await asyncio.sleep(limit / 100)  # stands for the time a worker process would take
    return count_primes(limit)


async def main() -> None:
    start = time.perf_counter()
    limits = [400, 100, 300, 200]
    calls: dict[asyncio.Future[int], int] = {
        asyncio.create_task(in_a_worker(limit)): limit for limit in limits
    }
    async for call in asyncio.as_completed(calls):  # yields the tasks themselves (3.13+)
        print(f"{time.perf_counter() - start:.1f}s: primes below {calls[call]:,}: "
              f"{call.result():,}")


if __name__ == "__main__":
    asyncio.run(main())
