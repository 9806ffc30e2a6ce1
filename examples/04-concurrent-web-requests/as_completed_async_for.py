#: runs: browser
# /// script
# requires-python = ">=3.13"
# ///
"""Python 3.13+: as_completed() is also an async iterator, and then it yields our own tasks.

The "requests" here are asyncio.sleep() stand-ins, so this runs in the browser too.
"""

import asyncio
import time

START = time.perf_counter()
Answer = dict[str, float]


def now() -> str:
    return f"{time.perf_counter() - START:.1f} s"


async def fetch(seconds: float) -> Answer:
    await asyncio.sleep(seconds)  # stands in for the server's answer
    return {"delay": seconds}


async def main() -> None:
    delays = {"/delay/0.5": 0.5, "/delay/0.1": 0.1, "/delay/2": 2.0, "/delay/0.3": 0.3}
    # Task -> the request it makes. (A task is a Future, which is what as_completed yields.)
    path_of: dict[asyncio.Future[Answer], str] = {
        asyncio.create_task(fetch(seconds)): path for path, seconds in delays.items()
    }
    try:
        async for task in asyncio.as_completed(path_of, timeout=1):
            # The task itself, not a new awaitable: it is a key of our dict.
            print(f"{now()}  {path_of[task]} -> {task.result()}")
    except TimeoutError:
        print(f"{now()}  TimeoutError: the 1 s budget ran out")

    for task in path_of:
        task.cancel()  # as_completed() leaves the stragglers running; a done task ignores this
    await asyncio.wait(path_of)
    print(f"{now()}  cancelled: {[path for task, path in path_of.items() if task.cancelled()]}")


if __name__ == "__main__":
    asyncio.run(main())
