#: runs: local
#: slack: 0.3 s
#: varies: \s*\d+(?= req/s)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""The same load on three handlers: one blocks, one awaits, one hands its blocking call to threads.

An asyncio client sends 10 requests at once to each. Every handler needs 0.1 s: time.sleep
stands for a blocking call (a synchronous database driver, `requests.get`), asyncio.sleep for
an awaited one. The server counts how many requests it was handling at once.
"""

import asyncio
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import aiohttp
from aiohttp import web

from serving import serve_in_thread

REQUESTS = 10
WORK = 0.1  # seconds each handler needs
threads = ThreadPoolExecutor(max_workers=5)


async def blocking(request: web.Request) -> web.Response:
    time.sleep(WORK)  # the event loop stops here: no other request moves meanwhile
    return web.Response(text="done")


async def non_blocking(request: web.Request) -> web.Response:
    await asyncio.sleep(WORK)  # the loop serves other requests meanwhile
    return web.Response(text="done")


async def offloaded(request: web.Request) -> web.Response:
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(threads, time.sleep, WORK)  # blocks a worker thread, not the loop
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
    app.add_routes([web.get("/blocking", blocking), web.get("/non-blocking", non_blocking),
                    web.get("/offloaded", offloaded)])
    async with serve_in_thread(app) as base_url, aiohttp.ClientSession(base_url) as session:
        print(f"{REQUESTS} requests at once; each handler needs {WORK} s")
        for path, label in [("/blocking", "time.sleep in the handler"),
                            ("/non-blocking", "await asyncio.sleep"),
                            ("/offloaded", "time.sleep in 5 threads")]:
            peak.most = 0
            start = time.perf_counter()
            latencies = await asyncio.gather(*(timed_get(session, path) for _ in range(REQUESTS)))
            elapsed = time.perf_counter() - start
            print(f"{label:26} all done in {elapsed:.1f} s, {REQUESTS / elapsed:3.0f} req/s, "
                  f"latency: median {statistics.median(latencies):.1f} s, "
                  f"worst {max(latencies):.1f} s; handled at once: {peak.most}")
    threads.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
