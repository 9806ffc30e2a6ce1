#: runs: browser
#: standins: aiohttp
#: varies: 0\.[01](?= s  attempt 1:)
#: varies: 0\.[12](?= s  attempt 2:)
#: varies: 0\.[34](?= s  attempt 3:)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Retry what may succeed next time, with a wait that doubles after every failure.

A 500, a dropped connection or a timeout may be gone in a moment; a 404 will not.
"""

import asyncio
import time
from typing import Any

import aiohttp

from api_server import serve

ATTEMPTS = 4
FIRST_WAIT = 0.1  # seconds; then 0.2, 0.4, ...


async def get_json(session: aiohttp.ClientSession, path: str) -> Any:
    async with session.get(path, timeout=aiohttp.ClientTimeout(total=0.5)) as response:
        response.raise_for_status()
        return await response.json()


def worth_retrying(error: Exception) -> bool:
    """A server error, a dropped connection or a timeout: yes. A 4xx answer: no."""
    if isinstance(error, aiohttp.ClientResponseError):
        return error.status >= 500
    return isinstance(error, (aiohttp.ClientConnectionError, TimeoutError))


def describe(error: Exception) -> str:
    if isinstance(error, aiohttp.ClientResponseError):
        return f"status {error.status}"
    return type(error).__name__


async def get_json_with_retries(session: aiohttp.ClientSession, path: str) -> Any:
    start = time.perf_counter()
    for attempt in range(1, ATTEMPTS):
        try:
            return await get_json(session, path)
        except (aiohttp.ClientError, TimeoutError) as error:
            if not worth_retrying(error):
                raise
            wait = FIRST_WAIT * 2 ** (attempt - 1)  # back off: 0.1, 0.2, 0.4 s
            print(f"  {time.perf_counter() - start:.1f} s  attempt {attempt}: "
                  f"{describe(error)}; next try in {wait:.1f} s")
            await asyncio.sleep(wait)
    return await get_json(session, path)  # the last attempt: its error is the caller's


async def main() -> None:
    paths = [
        "/flaky/orders?failures=2",  # two 500s, then an answer
        "/flaky/stock?failures=1&fail=reset",  # the connection drops once
        "/status/404",  # retrying cannot help
        "/flaky/prices?failures=9",  # still failing when we run out of attempts
    ]
    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        for path in paths:
            print(path)
            try:
                print(f"  answer: {await get_json_with_retries(session, path)}")
            except aiohttp.ClientResponseError as error:
                print(f"  gave up: {describe(error)}")


if __name__ == "__main__":
    asyncio.run(main())
