#: runs: local
#: clock: real
"""Cancelling a call to a process pool only works while the pool has not picked it up.

The executor moves up to max_workers + 1 calls from its queue into the pipe its workers read
from, and marks them running at once, before any worker has started them. Those calls can no
longer be cancelled: they run to the end, and their results are thrown away.
(run_in_executor is pool.submit plus asyncio.wrap_future; submitting by hand lets us look at
the pool's own futures.)
"""

import asyncio
import multiprocessing
import time
from concurrent.futures import Future, ProcessPoolExecutor


def slow_square(n: int) -> int:
    time.sleep(0.3)
    return n * n


async def main() -> None:
    # spawn: workers take a moment to start, so no call has begun when the deadline passes.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
        calls: list[Future[int]] = [pool.submit(slow_square, n) for n in range(6)]
        while not any(call.running() for call in calls):
            await asyncio.sleep(0.01)  # until the pool has picked calls up
        try:
            async with asyncio.timeout(0.05):
                await asyncio.gather(*(asyncio.wrap_future(call) for call in calls))
        except TimeoutError:
            print("timeout: gather asked the pool to cancel all six calls")
        cancelled = [n for n, call in enumerate(calls) if call.cancelled()]
        print(f"calls really cancelled: {cancelled}")
        print(f"calls the pool had already taken: {[n for n in range(6) if n not in cancelled]}")
    # Leaving the block waits for the pool: the calls it had taken ran to the end.
    results = [call.result() for call in calls if not call.cancelled()]
    print(f"they ran anyway, for nobody: {results}")


if __name__ == "__main__":
    asyncio.run(main())
