#: runs: browser
#: standins: aiohttp
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""One blocking call in a handler, with the client on the server's own event loop.

Five requests at once go to a handler that calls time.sleep, then five to one that awaits
asyncio.sleep. Each handler needs 0.1 s. The server counts how many requests it was handling
at once.
"""

import asyncio
import time
from typing import Any

import aiohttp
from aiohttp import web

from serving import serve

REQUESTS = 5
WORK = 0.1  # seconds each handler needs


async def blocking(request: web.Request) -> web.Response:
    time.sleep(WORK)  # the event loop stops here: nothing else on it moves meanwhile
    return web.Response(text="done")


async def awaiting(request: web.Request) -> web.Response:
    await asyncio.sleep(WORK)  # the loop runs other handlers meanwhile
    return web.Response(text="done")


class Peak:
    """Counts the requests in the handlers at once, and the most there ever were."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0

    @web.middleware
    async def middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        self.now += 1
        self.most = max(self.most, self.now)
        try:
            return await handler(request)
        finally:
            self.now -= 1


async def timed_get(session: aiohttp.ClientSession, path: str) -> float:
    start = time.perf_counter()
    async with session.get(path) as response:
        await response.read()
    return time.perf_counter() - start


async def main() -> None:
    peak = Peak()
    app = web.Application(middlewares=[peak.middleware])
    app.add_routes([web.get("/blocking", blocking), web.get("/awaiting", awaiting)])
    async with serve(app) as base_url, aiohttp.ClientSession(base_url) as session:
        print(f"{REQUESTS} requests at once; each handler needs {WORK} s")
        for path, label in [("/blocking", "time.sleep in the handler"),
                            ("/awaiting", "await asyncio.sleep")]:
            peak.most = 0
            start = time.perf_counter()
            latencies = await asyncio.gather(*(timed_get(session, path) for _ in range(REQUESTS)))
            elapsed = time.perf_counter() - start
            print(f"{label:26} all done in {elapsed:.1f} s; latency: fastest "
                  f"{min(latencies):.1f} s, slowest {max(latencies):.1f} s; "
                  f"handled at once: {peak.most}")


if __name__ == "__main__":
    asyncio.run(main())
