#: runs: browser
#: standins: aiohttp
#: varies: 0\.[23](?= s: mirror-b answered)
#: varies: 0\.[12](?= s: no answer)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Ask three mirrors the same question, keep the first answer, cancel the other two.

asyncio.wait(..., return_when=FIRST_COMPLETED), and its timeout, which raises nothing.
"""

import asyncio
import time

import aiohttp

from api_server import serve

MIRRORS = {"mirror-a": "/delay/0.5", "mirror-b": "/delay/0.2", "mirror-c": "/delay/0.9"}


async def get_json(session: aiohttp.ClientSession, path: str) -> dict[str, float]:
    async with session.get(path) as response:
        return await response.json()


async def fastest(session: aiohttp.ClientSession, timeout: float) -> tuple[str, list[str]]:
    tasks = [asyncio.create_task(get_json(session, path), name=name)
             for name, path in MIRRORS.items()]
    done, pending = await asyncio.wait(
        tasks, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
    )
    for task in pending:
        task.cancel()  # nobody needs their answers any more
    await asyncio.wait(tasks)  # every task is finished or cancelled before we return
    cancelled = sorted(task.get_name() for task in tasks if task.cancelled())
    if not done:  # the timeout passed first: wait() returns, it does not raise
        return f"no answer within {timeout} s", cancelled
    winner = done.pop()
    return f"{winner.get_name()} answered {winner.result()}", cancelled


async def main() -> None:
    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        for timeout in (1.0, 0.1):
            start = time.perf_counter()
            result, cancelled = await fastest(session, timeout)
            print(f"after {time.perf_counter() - start:.1f} s: {result}")
            print(f"  cancelled: {cancelled}")


if __name__ == "__main__":
    asyncio.run(main())
