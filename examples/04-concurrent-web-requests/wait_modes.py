#: runs: browser
#: standins: aiohttp
#: varies: (?<=FIRST_COMPLETED returned after )0\.[23](?= s)
#: varies: (?<=FIRST_EXCEPTION returned after )0\.[45](?= s)
#: varies: (?<=ALL_COMPLETED returned after )0\.[89](?= s)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""asyncio.wait() with each return_when, over the same three requests.

One answers after 0.2 s, one fails with a 500 after 0.4 s, one answers after 0.8 s.
"""

import asyncio
import time

import aiohttp

from api_server import serve

PATHS = ["/delay/0.2", "/status/500?delay=0.4", "/delay/0.8"]


async def get_json(session: aiohttp.ClientSession, path: str) -> dict[str, float]:
    async with session.get(path) as response:
        response.raise_for_status()
        return await response.json()


def outcome(task: asyncio.Task[dict[str, float]]) -> str:
    error = task.exception()  # wait() never raises a task's exception: we look for it
    if isinstance(error, aiohttp.ClientResponseError):
        return f"{task.get_name()} failed ({error.status})"
    return f"{task.get_name()} -> {task.result()}"


async def main() -> None:
    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        for mode in (asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED):
            tasks = [asyncio.create_task(get_json(session, p), name=p) for p in PATHS]
            start = time.perf_counter()
            done, pending = await asyncio.wait(tasks, return_when=mode)
            print(f"{mode} returned after {time.perf_counter() - start:.1f} s")
            for task in sorted(done, key=tasks.index):
                print(f"  done:    {outcome(task)}")
            for task in sorted(pending, key=tasks.index):
                task.cancel()  # wait() leaves the stragglers running: stop them
                print(f"  pending: {task.get_name()}, cancelled")
            if pending:
                await asyncio.wait(pending)  # let the cancellations finish


if __name__ == "__main__":
    asyncio.run(main())
