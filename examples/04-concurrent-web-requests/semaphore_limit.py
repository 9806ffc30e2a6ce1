#: runs: browser
#: standins: aiohttp
#: varies: 0\.[23](?= s, at most 12 at once)
#: varies: 0\.[6-8](?= s, at most  4 at once)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Twelve requests, at most four at a time: the server's own count proves the limit held.

Each request takes 0.2 s on the server, so four at a time means three waves: about 0.6 s.
"""

import asyncio
import time

import aiohttp

from api_server import serve

LIMIT = 4
PATHS = [f"/delay/0.2?item={n}" for n in range(1, 13)]


async def fetch(session: aiohttp.ClientSession, path: str) -> None:
    async with session.get(path) as response:
        await response.read()


async def fetch_limited(
    session: aiohttp.ClientSession, path: str, limit: asyncio.Semaphore
) -> None:
    async with limit:  # waits here while LIMIT requests are already out
        await fetch(session, path)


async def report(session: aiohttp.ClientSession, how: str, start: float) -> None:
    elapsed = time.perf_counter() - start
    async with session.get("/stats") as response:
        peak = (await response.json())["peak"]
    async with session.post("/stats/reset"):
        pass
    print(f"{how:23} {elapsed:.1f} s, at most {peak:2} at once, limit held: {peak <= LIMIT}")


async def main() -> None:
    async with serve() as base_url:
        async with aiohttp.ClientSession(base_url) as session:
            start = time.perf_counter()
            await asyncio.gather(*(fetch(session, path) for path in PATHS))
            await report(session, "no limit:", start)

            limit = asyncio.Semaphore(LIMIT)
            start = time.perf_counter()
            await asyncio.gather(*(fetch_limited(session, path, limit) for path in PATHS))
            await report(session, f"Semaphore({LIMIT}):", start)

        # The connection pool can be the limit too: a request waits for a free connection.
        connector = aiohttp.TCPConnector(limit=LIMIT)
        async with aiohttp.ClientSession(base_url, connector=connector) as session:
            start = time.perf_counter()
            await asyncio.gather(*(fetch(session, path) for path in PATHS))
            await report(session, f"TCPConnector(limit={LIMIT}):", start)


if __name__ == "__main__":
    asyncio.run(main())
