#: runs: local
#: clock: real
#: varies: \d+\.\d+ s
#: varies: ticked \d+ times
"""The blocking call from frozen_loop.py, moved to a worker thread with asyncio.to_thread.

The coroutine awaits the thread's result, so the event loop stays free: the heartbeat keeps
ticking, and three blocking calls wait at the same time.
"""

import asyncio
import threading
import time


def fetch_report(name: str, *, pages: int) -> str:
    # Runs in a worker thread of the loop's default executor.
    on_main = threading.current_thread() is threading.main_thread()
    time.sleep(1.0)  # blocks this worker thread only
    return f"report {name} ({pages} pages, main thread: {on_main})"


async def main() -> None:
    ticks = 0

    async def heartbeat() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.1)
            ticks += 1

    beat = asyncio.create_task(heartbeat())
    start = time.perf_counter()
    reports = await asyncio.gather(
        asyncio.to_thread(fetch_report, "sales", pages=3),
        asyncio.to_thread(fetch_report, "stock", pages=5),
        asyncio.to_thread(fetch_report, "staff", pages=2),
    )
    elapsed = time.perf_counter() - start
    beat.cancel()

    for report in reports:  # gather keeps the order of its arguments
        print(report)
    print(f"three 1-second calls took {elapsed:.1f} s in total")
    print(f"the heartbeat ticked {ticks} times meanwhile")
    print(f"the loop kept running: {ticks >= 3}")
    on_main = threading.current_thread() is threading.main_thread()
    print(f"main() runs on the main thread: {on_main}")


if __name__ == "__main__":
    asyncio.run(main())
