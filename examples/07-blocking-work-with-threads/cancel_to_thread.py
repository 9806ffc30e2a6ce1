#: runs: local
#: clock: real
#: varies: after \d+ chunks
"""A timeout cancels the task awaiting asyncio.to_thread, not the thread itself.

The first job ignores the world and runs to the end; its result is thrown away. The second job
checks a threading.Event between chunks of work, so it can stop when asked.
"""

import asyncio
import threading
import time


def stubborn_job(release: threading.Event, finished: threading.Event) -> str:
    release.wait()  # stands for a long blocking call we cannot interrupt
    finished.set()
    return "stubborn result"


def polite_job(stop: threading.Event) -> str:
    for chunk in range(1, 101):
        if stop.is_set():
            return f"stopped after {chunk - 1} chunks"
        time.sleep(0.05)  # one chunk of blocking work
    return "finished all 100 chunks"


async def main() -> None:
    release, finished = threading.Event(), threading.Event()
    try:
        await asyncio.wait_for(asyncio.to_thread(stubborn_job, release, finished), 0.2)
    except TimeoutError:
        print("stubborn: wait_for timed out and cancelled the task")
    print(f"stubborn: has the thread finished? {finished.is_set()}")
    release.set()  # only now can the thread end
    await asyncio.to_thread(finished.wait)
    print(f"stubborn: has the thread finished? {finished.is_set()} (its result is lost)")

    stop = threading.Event()
    job = asyncio.create_task(asyncio.to_thread(polite_job, stop))
    try:
        await asyncio.wait_for(asyncio.shield(job), 0.3)
    except TimeoutError:
        stop.set()  # ask the thread to stop at its next check
        print("polite: timed out, set the stop event")
    print(f"polite: {await job}")


if __name__ == "__main__":
    asyncio.run(main())
