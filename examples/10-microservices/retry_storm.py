#: runs: browser
#: standins: aiohttp
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""How retries make an outage worse: more requests for a service that is already struggling.

First, one layer. The service works on 4 requests at a time (0.4 s each) and sheds the rest
with an immediate 503. Twelve clients call it together, as after a restart, each with a policy.

Then, two layers. When a BFF retries its calls and its clients retry the BFF, the attempts
multiply, and a service that is down gets hit by every combination.
"""

import asyncio
import time
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web

from services import Service, serve

CLIENTS = 12
ATTEMPTS = 4


async def get_with_retries(session: aiohttp.ClientSession, url: str,
                           backoff: float | None) -> int:
    """Up to ATTEMPTS tries; between them, wait `backoff` doubled each time (None: no retry)."""
    for attempt in range(1, ATTEMPTS + 1):
        async with session.get(url) as response:
            if response.status < 500 or backoff is None or attempt == ATTEMPTS:
                return response.status
        await asyncio.sleep(backoff * 2 ** (attempt - 1))
    raise AssertionError("not reached")


class Bff:
    """A BFF whose every call to the service is retried, like its clients' calls to it."""

    def __init__(self, service_url: str) -> None:
        self.service_url = service_url
        self.retries = True
        self.app = web.Application()
        self.app.cleanup_ctx.append(self.client_session)
        self.app.add_routes([web.get("/page", self.page)])

    async def client_session(self, app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as session:
            self.session = session
            yield

    async def page(self, request: web.Request) -> web.Response:
        backoff = 0.01 if self.retries else None
        status = await get_with_retries(self.session, f"{self.service_url}/tea", backoff)
        return web.json_response({"service answered": status}, status=status)


async def one_layer(session: aiohttp.ClientSession) -> None:
    service = Service("inventory", lambda item: {"item": item, "in stock": 3}, delay=0.4)
    service.capacity = 4
    print(f"{CLIENTS} clients at once; the service takes 4 at a time (0.4 s each), sheds the rest")
    async with serve(service.app) as url:
        for name, backoff in [("no retries", None), ("retry at once", 0.0),
                              ("backoff 0.2 s, doubling", 0.2)]:
            service.received = service.shed = 0
            start = time.perf_counter()
            calls = (get_with_retries(session, f"{url}/tea", backoff) for _ in range(CLIENTS))
            statuses = await asyncio.gather(*calls)
            print(f"  {name:24} answered {statuses.count(200):2} of {CLIENTS} "
                  f"in {time.perf_counter() - start:.1f} s; the service got "
                  f"{service.received:2} requests and shed {service.shed:2}")


async def two_layers(session: aiohttp.ClientSession) -> None:
    service = Service("inventory", lambda item: {"item": item})
    service.down = True  # every request gets a 503
    print(f"one page request, {ATTEMPTS} attempts per layer, the service down")
    async with serve(service.app) as service_url:
        bff = Bff(service_url)
        async with serve(bff.app) as bff_url:
            for bff_retries in (True, False):
                bff.retries = bff_retries
                service.received = 0
                status = await get_with_retries(session, f"{bff_url}/page", backoff=0.01)
                where = "client and BFF both retry" if bff_retries else "only the client retries"
                print(f"  {where:26} the client got {status}; "
                      f"the service got {service.received:2} requests")


async def main() -> None:
    async with aiohttp.ClientSession() as session:
        await one_layer(session)
        await two_layers(session)


if __name__ == "__main__":
    asyncio.run(main())
