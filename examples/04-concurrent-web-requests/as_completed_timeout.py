#: runs: browser
#: standins: aiohttp
#: varies: 0\.[12](?= s  got \{'delay': 0\.1\})
#: varies: 0\.[34](?= s  got \{'delay': 0\.3\})
#: varies: 0\.[56](?= s  got \{'delay': 0\.5\})
#: varies: 1\.[01](?= s  (TimeoutError|still running|cancelled))
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Handle each answer as soon as it arrives with as_completed(), and give up on the slow ones."""

import asyncio
import time

import aiohttp

from api_server import serve


def since(start: float) -> str:
    return f"{time.perf_counter() - start:.1f} s"


async def get_json(session: aiohttp.ClientSession, path: str) -> dict[str, float]:
    async with session.get(path) as response:
        return await response.json()


async def main() -> None:
    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        paths = ["/delay/0.5", "/delay/0.1", "/delay/2", "/delay/0.3"]
        start = time.perf_counter()
        tasks = [asyncio.create_task(get_json(session, path)) for path in paths]
        try:
            for next_done in asyncio.as_completed(tasks, timeout=1):
                answer = await next_done  # the earliest answer not handled yet
                print(f"{since(start)}  got {answer}")
        except TimeoutError:
            print(f"{since(start)}  TimeoutError: the 1 s budget ran out")

        # as_completed() does not cancel what is left: that is our job.
        leftovers = [path for path, task in zip(paths, tasks) if not task.done()]
        for task in tasks:
            task.cancel()  # no effect on a task that is already done
        await asyncio.wait(tasks)
        cancelled = [path for path, task in zip(paths, tasks) if task.cancelled()]
        print(f"{since(start)}  still running at the deadline: {leftovers}")
        print(f"{since(start)}  cancelled: {cancelled}")


if __name__ == "__main__":
    asyncio.run(main())
