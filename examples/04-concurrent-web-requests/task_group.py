#: runs: browser
#: standins: aiohttp
#: varies: (?<=the group ended after )0\.[2-4](?= s)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""A TaskGroup waits for all its requests, and when one fails it cancels the others."""

import asyncio
import time

import aiohttp

from api_server import serve


async def get_json(session: aiohttp.ClientSession, path: str) -> dict[str, float]:
    async with session.get(path) as response:
        response.raise_for_status()
        return await response.json()


async def fetch_all(session: aiohttp.ClientSession, paths: list[str]) -> None:
    start = time.perf_counter()
    tasks: list[asyncio.Task[dict[str, float]]] = []
    try:
        async with asyncio.TaskGroup() as group:
            for path in paths:
                tasks.append(group.create_task(get_json(session, path), name=path))
        # Here, and only here, every task has finished well.
        print(f"  answers: {[task.result() for task in tasks]}")
    except* aiohttp.ClientResponseError as failures:  # the group raises an ExceptionGroup
        for error in failures.exceptions:
            assert isinstance(error, aiohttp.ClientResponseError)
            print(f"  failed: {error.status} {error.message}")
        print(f"  cancelled: {[task.get_name() for task in tasks if task.cancelled()]}")
    print(f"  the group ended after {time.perf_counter() - start:.1f} s")


async def main() -> None:
    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        print("three requests that succeed:")
        await fetch_all(session, ["/delay/0.3", "/delay/0.1", "/delay/0.2"])
        print("one of them fails after 0.2 s:")
        await fetch_all(session, ["/delay/0.8", "/status/503?delay=0.2", "/delay/0.6"])


if __name__ == "__main__":
    asyncio.run(main())
