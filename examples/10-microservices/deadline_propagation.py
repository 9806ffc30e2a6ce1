#: runs: browser
#: standins: aiohttp
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Passing the deadline on, so that every service stops when its caller stops waiting.

The BFF has 0.5 s for a page. It calls users (0.2 s), then orders, with what is left. Orders
hangs today (1.0 s). Without help, orders works on long after the BFF gave up. With the time
left in a header, orders can set the same deadline on its own work, and stop with everyone.
"""

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web

from services import Service, serve

BUDGET = 0.5  # seconds for the whole page
MARGIN = 0.1  # seconds a service gets less than the BFF waits: time for its answer to arrive
start = time.perf_counter()
log: list[str] = []


def note(event: str) -> None:
    log.append(f"{time.perf_counter() - start:.1f} s  {event}")


@web.middleware
async def honor_deadline(request: web.Request, handler: Any) -> web.StreamResponse:
    """A service's side: do not work longer than the caller will wait."""
    if "X-Timeout" not in request.headers:
        return await handler(request)
    try:
        async with asyncio.timeout(float(request.headers["X-Timeout"])):
            return await handler(request)
    except TimeoutError:
        note("orders: its caller's deadline passed; it stopped working")
        return web.json_response({"error": "deadline exceeded"}, status=504)


class Page:
    def __init__(self, urls: dict[str, str], pass_deadline_on: bool) -> None:
        self.urls = urls
        self.pass_deadline_on = pass_deadline_on
        self.app = web.Application()
        self.app.cleanup_ctx.append(self.client_session)
        self.app.add_routes([web.get("/page", self.page)])

    async def client_session(self, app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as session:
            self.session = session
            yield

    async def fetch(self, service: str, deadline: float) -> Any:
        left = deadline - time.monotonic()
        headers = {"X-Timeout": f"{left - MARGIN:.3f}"} if self.pass_deadline_on else {}
        timeout = aiohttp.ClientTimeout(total=left)  # the BFF waits no longer than the page
        url = f"{self.urls[service]}/7"
        async with self.session.get(url, headers=headers, timeout=timeout) as response:
            response.raise_for_status()
            return await response.json()

    async def page(self, request: web.Request) -> web.Response:
        deadline = time.monotonic() + BUDGET
        try:
            user = await self.fetch("users", deadline)
            note(f"BFF: users answered; {deadline - time.monotonic():.1f} s left for orders")
            orders = await self.fetch("orders", deadline)
        except TimeoutError:
            note("BFF: gave up waiting for orders; answers 504")
            return web.json_response({"error": "the page took too long"}, status=504)
        except aiohttp.ClientResponseError as error:
            note(f"BFF: orders answered {error.status}; the BFF answers 504")
            return web.json_response({"error": "the page took too long"}, status=504)
        return web.json_response({"user": user, "orders": orders})


async def main() -> None:
    global start
    for pass_deadline_on in (False, True):
        users = Service("users", lambda key: {"id": key}, delay=0.2)
        orders = Service("orders", lambda key: [{"order": 1}], delay=1.0,
                         middlewares=[honor_deadline])
        async with serve(users.app) as users_url, serve(orders.app) as orders_url:
            bff = Page({"users": users_url, "orders": orders_url}, pass_deadline_on)
            async with serve(bff.app) as bff_url, aiohttp.ClientSession() as session:
                log.clear()
                start = time.perf_counter()
                async with session.get(f"{bff_url}/page") as response:
                    note(f"client: got {response.status}")
                while orders.in_flight:  # until orders is done, one way or the other
                    await asyncio.sleep(0.05)
                note("orders: idle again")
        print("the deadline passed on in X-Timeout:" if pass_deadline_on else
              "the deadline kept to the BFF:")
        for event in log:
            print(f"  {event}")
        print(f"  requests orders finished for nobody: {orders.for_nobody}")


if __name__ == "__main__":
    asyncio.run(main())
