#: runs: local
#: clock: real
#: varies: in \d+\.\d s
"""Run many child processes at once, but never more than a few at a time.

gather() starts a coroutine per job; a Semaphore lets only LIMIT of them hold a child
process at any moment. Each child "works" for 0.3 s and prints the sum of a range.
"""

import asyncio
import sys
import time

LIMIT = 2
WORK = "import sys, time; time.sleep(0.3); print(sum(range(int(sys.argv[1]))))"


class Counter:
    """How many children are alive right now, and the most there ever were."""

    def __init__(self) -> None:
        self.now = 0
        self.peak = 0


async def run_job(n: int, limit: asyncio.Semaphore, alive: Counter) -> int:
    async with limit:  # waits here while LIMIT children are already running
        alive.now += 1
        alive.peak = max(alive.peak, alive.now)
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-c", WORK, str(n * 1000), stdout=asyncio.subprocess.PIPE
            )
            output, _ = await process.communicate()
            return int(output)
        finally:
            alive.now -= 1


async def main() -> None:
    limit = asyncio.Semaphore(LIMIT)
    alive = Counter()
    start = time.perf_counter()
    jobs = [run_job(n, limit, alive) for n in range(1, 7)]
    results = await asyncio.gather(*jobs)  # results come back in the order of `jobs`
    elapsed = time.perf_counter() - start
    for n, total in enumerate(results, start=1):
        print(f"job {n}: sum(range({n * 1000})) = {total}")
    print(f"6 children, at most {alive.peak} at a time, in {elapsed:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
