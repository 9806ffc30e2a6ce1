#: runs: browser
#: standins: aiohttp
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""One ClientSession reuses its connections; a session per request opens a new one every time.

The server counts the TCP connections it accepted, so we can see what each way costs.
"""

import asyncio

import aiohttp

from api_server import serve


async def fetch(session: aiohttp.ClientSession, path: str) -> None:
    async with session.get(path) as response:
        await response.read()


async def fetch_with_own_session(base_url: str, path: str) -> None:
    async with aiohttp.ClientSession(base_url) as session:  # a new pool, used once
        await fetch(session, path)


async def server_counts(base_url: str, reset: bool = False) -> str:
    """What the server saw so far (and, if asked, a fresh start for its counts)."""
    async with aiohttp.ClientSession(base_url) as session:
        async with session.get("/stats") as response:
            stats = await response.json()
        if reset:
            async with session.post("/stats/reset"):
                pass
    connections = stats["connections"]
    return f"{stats['requests']:2} requests, {connections} connection" + "s" * (connections > 1)


def show(label: str, counts: str) -> None:
    print(f"{label:28}{counts}")


async def main() -> None:
    async with serve() as base_url:
        for _ in range(5):
            await fetch_with_own_session(base_url, "/delay/0.1")
        show("5 in a row, a session each:", await server_counts(base_url, reset=True))

        async with aiohttp.ClientSession(base_url) as session:
            for _ in range(5):
                await fetch(session, "/delay/0.1")
            show("5 in a row, one session:", await server_counts(base_url))
            for label in ("then 5 at once:", "and 5 at once again:"):
                await asyncio.gather(*(fetch(session, "/delay/0.1") for _ in range(5)))
                show(label, await server_counts(base_url))

            connector = session.connector
            assert connector is not None
            print(f"pool size: {connector.limit} connections "
                  f"(per host: {connector.limit_per_host or 'no limit of its own'})")

        print(f"after async with: session.closed is {session.closed}")


if __name__ == "__main__":
    asyncio.run(main())
