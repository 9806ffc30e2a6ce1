#: runs: browser
#: standins: aiohttp
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""How far cancellation travels when the caller gives up.

Inside one program, cancellation follows the awaits: a timeout cancels the task that waits,
and the tasks it waits on. Across the network it becomes a closed connection, and the server
at the other end decides what to do about it. An aiohttp server, by default, does nothing:
its handler runs on and answers nobody.
"""

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web

from services import Service, serve

start = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - start:.1f} s"


class Summary:
    """A BFF whose page needs two slow services."""

    def __init__(self, urls: dict[str, str], deadline: float | None) -> None:
        self.urls = urls
        self.deadline = deadline  # the BFF's own time limit for a page, if any
        self.events: list[str] = []
        self.app = web.Application(middlewares=[self.watch_handler])
        self.app.cleanup_ctx.append(self.client_session)
        self.app.add_routes([web.get("/summary", self.summary)])

    async def client_session(self, app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as session:
            self.session = session
            yield

    @web.middleware
    async def watch_handler(self, request: web.Request, handler: Any) -> web.StreamResponse:
        response = await handler(request)
        gone = request.transport is None or request.transport.is_closing()
        self.events.append(f"{now()}  BFF: handler done, {response.status} for "
                           f"{'nobody: its client had left' if gone else 'its client'}")
        return response

    async def fetch(self, service: str) -> Any:
        try:
            async with self.session.get(f"{self.urls[service]}/7") as response:
                return await response.json()
        except asyncio.CancelledError:
            self.events.append(f"{now()}  BFF: call to {service} cancelled, connection closed")
            raise

    async def summary(self, request: web.Request) -> web.Response:
        try:
            async with asyncio.timeout(self.deadline):  # None: no limit
                parts = await asyncio.gather(self.fetch("reports"), self.fetch("history"))
        except TimeoutError:
            return web.json_response({"error": "the page took too long"}, status=504)
        return web.json_response({"parts": parts})


async def ask(session: aiohttp.ClientSession, url: str, events: list[str]) -> None:
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=0.4)) as response:
            events.append(f"{now()}  client: got {response.status}")
    except TimeoutError:
        events.append(f"{now()}  client: gave up (TimeoutError), connection closed")


async def main() -> None:
    global start
    for deadline in (None, 0.2):  # a deadline shorter than its caller's patience
        reports = Service("reports", lambda key: {"report": key}, delay=0.8)
        history = Service("history", lambda key: {"history": key}, delay=0.8)
        async with serve(reports.app) as reports_url, serve(history.app) as history_url:
            bff = Summary({"reports": reports_url, "history": history_url}, deadline)
            async with serve(bff.app) as bff_url, aiohttp.ClientSession() as session:
                print("the client waits 0.4 s for the BFF; the BFF's deadline:",
                      f"{deadline} s" if deadline else "none")
                start = time.perf_counter()
                await ask(session, f"{bff_url}/summary", bff.events)
                await asyncio.sleep(0.8)  # the services finish their 0.8 s of work
                for event in bff.events:
                    print(f"  {event}")
        print(f"  services: work finished for nobody: reports {reports.for_nobody}, "
              f"history {history.for_nobody}")


if __name__ == "__main__":
    asyncio.run(main())
