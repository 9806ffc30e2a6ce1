#: runs: local
#: clock: real
#: varies: \d+ worker threads
"""How big the default executor is, and what happens when a pool is too small.

Part 1 counts the threads the default executor starts for 40 blocked calls. Part 2 keeps
two workers busy with long calls and submits a quick one: with a pool of 2 it has to wait.
"""

import asyncio
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor


def default_size() -> int:
    if sys.version_info >= (3, 13):
        cpus = os.process_cpu_count()
    else:
        cpus = os.cpu_count()
    return min(32, (cpus or 1) + 4)


async def count_default_workers() -> None:
    gate = threading.Event()
    before = threading.active_count()
    calls = [asyncio.create_task(asyncio.to_thread(gate.wait)) for _ in range(40)]
    await asyncio.sleep(0)  # every task takes its first step: all 40 calls are submitted
    workers = threading.active_count() - before
    gate.set()  # let the blocked calls finish
    await asyncio.gather(*calls)
    print(f"40 blocked calls, the default executor started {workers} worker threads")
    print(f"that is min(32, CPUs + 4): {workers == default_size()}")


def quick_call() -> str:
    return "quick call done"


async def quick_behind_slow(workers: int) -> None:
    """Two long calls hold their threads; can a quick call still get through?"""
    loop = asyncio.get_running_loop()
    gate = threading.Event()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        slow = [loop.run_in_executor(pool, gate.wait) for _ in range(2)]
        quick = loop.run_in_executor(pool, quick_call)
        done, _ = await asyncio.wait([quick], timeout=1.0)
        verdict = "ran at once" if done else "still queued after 1 s"
        print(f"pool of {workers}, 2 long calls busy: the quick call {verdict}")
        gate.set()  # the long calls end, and their threads pick up what is queued
        await asyncio.gather(*slow)
        print(f"  then: {await quick}")


async def main() -> None:
    await count_default_workers()
    await quick_behind_slow(workers=2)
    await quick_behind_slow(workers=3)


if __name__ == "__main__":
    asyncio.run(main())
