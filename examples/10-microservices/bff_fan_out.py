#: runs: browser
#: standins: aiohttp
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""A backend-for-frontend: one request from the app, three services called at once behind it.

The shop's app wants its home page in one round trip. The BFF asks the users, orders and
recommendations services, merges their answers into the page, and sends back just that.
"""

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web

from services import Service, serve


class HomePage:
    """The BFF: an aiohttp.web application that is also a client of three services."""

    def __init__(self, urls: dict[str, str]) -> None:
        self.urls = urls
        self.app = web.Application()
        self.app.cleanup_ctx.append(self.client_session)
        self.app.add_routes([web.get("/home/{user}", self.home),
                             web.get("/home-one-by-one/{user}", self.home_one_by_one)])

    async def client_session(self, app: web.Application) -> AsyncIterator[None]:
        # One ClientSession for every call the BFF makes: its connections are reused.
        async with aiohttp.ClientSession() as session:
            self.session = session
            yield

    async def fetch(self, service: str, user: str) -> Any:
        async with self.session.get(f"{self.urls[service]}/{user}") as response:
            response.raise_for_status()
            return await response.json()

    async def home(self, request: web.Request) -> web.Response:
        user = request.match_info["user"]
        profile, orders, picks = await asyncio.gather(
            self.fetch("users", user), self.fetch("orders", user),
            self.fetch("recommendations", user))
        return web.json_response({"user": profile, "orders": orders, "recommendations": picks})

    async def home_one_by_one(self, request: web.Request) -> web.Response:
        user = request.match_info["user"]
        profile = await self.fetch("users", user)
        orders = await self.fetch("orders", user)
        picks = await self.fetch("recommendations", user)
        return web.json_response({"user": profile, "orders": orders, "recommendations": picks})


async def main() -> None:
    users = Service("users", lambda user: {"id": user, "name": "Ada"}, delay=0.2)
    orders = Service("orders", lambda user: [{"order": 7, "total": 12.5}], delay=0.3)
    picks = Service("recommendations", lambda user: ["tea", "scones"], delay=0.2)
    async with serve(users.app) as users_url, serve(orders.app) as orders_url, \
            serve(picks.app) as picks_url:
        bff = HomePage({"users": users_url, "orders": orders_url, "recommendations": picks_url})
        async with serve(bff.app) as bff_url, aiohttp.ClientSession(bff_url) as app_client:
            print("the services take 0.2 s (users), 0.3 s (orders), 0.2 s (recommendations)")
            for path in ["/home-one-by-one/42", "/home/42"]:
                start = time.perf_counter()
                async with app_client.get(path) as response:
                    page = await response.json()
                print(f"GET {path:20} {response.status} in {time.perf_counter() - start:.1f} s")
    print(f"the page: {json.dumps(page)}")
    print("requests each service received:",
          ", ".join(f"{s.name} {s.received}" for s in (users, orders, picks)))


if __name__ == "__main__":
    asyncio.run(main())
