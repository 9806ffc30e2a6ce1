#: runs: browser
#: standins: aiohttp
#: varies: (?<=sequential: 8 requests in )2\.[4-7](?= s)
#: varies: (?<=concurrent: 8 requests in )0\.[34](?= s)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Eight requests that each take 0.3 s on the server: one after another, then all at once."""

import asyncio
import time

import aiohttp

from api_server import serve

PATHS = [f"/delay/0.3?page={n}" for n in range(1, 9)]


async def fetch(session: aiohttp.ClientSession, path: str) -> int:
    async with session.get(path) as response:
        await response.read()  # the whole body, so the request is really finished
        return response.status


async def peak_in_flight(session: aiohttp.ClientSession) -> int:
    """The most requests the server had in flight at once; then its counts start again."""
    async with session.get("/stats") as response:
        peak: int = (await response.json())["peak"]
    async with session.post("/stats/reset"):
        return peak


async def main() -> None:
    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        start = time.perf_counter()
        for path in PATHS:
            await fetch(session, path)  # the next request starts when this one is done
        elapsed = time.perf_counter() - start
        print(f"sequential: {len(PATHS)} requests in {elapsed:.1f} s, "
              f"at most {await peak_in_flight(session)} in flight")

        start = time.perf_counter()
        statuses = await asyncio.gather(*(fetch(session, path) for path in PATHS))
        elapsed = time.perf_counter() - start
        print(f"concurrent: {len(PATHS)} requests in {elapsed:.1f} s, "
              f"at most {await peak_in_flight(session)} in flight")
        print(f"statuses: {statuses}")


if __name__ == "__main__":
    asyncio.run(main())
