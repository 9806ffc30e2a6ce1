#: runs: browser
#: standins: aiohttp
#: varies: 0\.[23](?= s  (raised|still running))
#: varies: 0\.[67](?= s  (they finished|gather returned))
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""What gather() does when one request fails, with and without return_exceptions."""

import asyncio
import time

import aiohttp

from api_server import serve

PATHS = ["/delay/0.6", "/status/500?delay=0.2", "/delay/0.4"]


def since(start: float) -> str:
    return f"{time.perf_counter() - start:.1f} s"


async def get_json(session: aiohttp.ClientSession, path: str) -> dict[str, float]:
    async with session.get(path) as response:
        response.raise_for_status()  # a 4xx or 5xx answer becomes ClientResponseError
        return await response.json()


def describe(result: object) -> str:
    if isinstance(result, aiohttp.ClientResponseError):
        return f"ClientResponseError({result.status}, {result.message!r})"
    return repr(result)


async def main() -> None:
    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        print("-- without return_exceptions")
        start = time.perf_counter()
        tasks = [asyncio.create_task(get_json(session, path)) for path in PATHS]
        try:
            await asyncio.gather(*tasks)
        except aiohttp.ClientResponseError as error:
            print(f"{since(start)}  raised {describe(error)}")
        running = [path for path, task in zip(PATHS, tasks) if not task.done()]
        print(f"{since(start)}  still running: {running}")
        await asyncio.wait(tasks)  # nobody cancelled them: they finish, unwatched
        answers = [task.result() for task in tasks if task.exception() is None]
        print(f"{since(start)}  they finished anyway: {answers}")

        print("-- with return_exceptions=True")
        start = time.perf_counter()
        results = await asyncio.gather(
            *(get_json(session, path) for path in PATHS), return_exceptions=True
        )
        print(f"{since(start)}  gather returned {len(results)} results:")
        for index, result in enumerate(results):
            print(f"  [{index}] {describe(result)}")
        failed = sum(isinstance(result, Exception) for result in results)
        print(f"{failed} of {len(results)} failed")


if __name__ == "__main__":
    asyncio.run(main())
