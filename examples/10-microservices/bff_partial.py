#: runs: browser
#: standins: aiohttp
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""A timeout per service and a partial answer: the page comes without what is slow or down.

The user's profile is required: without it there is no page (503). Orders and recommendations
are optional: when one is slow or failing, the page goes out without it, and says what is
missing, instead of making everyone wait for the slowest service or fail with it.
"""

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

from services import Service, closed_url, serve


@dataclass
class Dependency:
    url: str
    timeout: float  # seconds this service gets, however long the others take
    required: bool


def why(error: BaseException) -> str:
    if isinstance(error, aiohttp.ClientResponseError):
        return f"answered {error.status}"
    if isinstance(error, aiohttp.ClientConnectorError):
        return "unreachable"
    if isinstance(error, TimeoutError):
        return "no answer in time"
    return type(error).__name__


class HomePage:
    def __init__(self, dependencies: dict[str, Dependency]) -> None:
        self.dependencies = dependencies
        self.app = web.Application()
        self.app.cleanup_ctx.append(self.client_session)
        self.app.add_routes([web.get("/home/{user}", self.home)])

    async def client_session(self, app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as session:
            self.session = session
            yield

    async def fetch(self, name: str, user: str) -> Any:
        dependency = self.dependencies[name]
        timeout = aiohttp.ClientTimeout(total=dependency.timeout)
        async with self.session.get(f"{dependency.url}/{user}", timeout=timeout) as response:
            response.raise_for_status()
            return await response.json()

    async def optional(self, name: str, user: str) -> tuple[Any, str | None]:
        """Never raises: the answer, or None and the reason there is none."""
        try:
            return await self.fetch(name, user), None
        except (aiohttp.ClientError, TimeoutError) as error:
            return None, why(error)

    async def home(self, request: web.Request) -> web.Response:
        user = request.match_info["user"]
        try:
            async with asyncio.TaskGroup() as group:
                # A required call that fails makes the group cancel the optional ones.
                profile = group.create_task(self.fetch("users", user))
                orders = group.create_task(self.optional("orders", user))
                picks = group.create_task(self.optional("recommendations", user))
        except ExceptionGroup as failures:  # only fetch("users") can raise
            error = f"users: {why(failures.exceptions[0])}"
            return web.json_response({"error": error}, status=503)
        page = {"user": profile.result(), "orders": orders.result()[0],
                "recommendations": picks.result()[0]}
        missing = {name: task.result()[1] for name, task in
                   [("orders", orders), ("recommendations", picks)] if task.result()[1]}
        return web.json_response({**page, "missing": missing})


async def main() -> None:
    users = Service("users", lambda user: {"id": user, "name": "Ada"}, delay=0.1)
    orders = Service("orders", lambda user: [{"order": 7}], delay=0.2)
    picks = Service("recommendations", lambda user: ["tea"], delay=0.2)
    async with serve(users.app) as users_url, serve(orders.app) as orders_url, \
            serve(picks.app) as picks_url:
        bff = HomePage({
            "users": Dependency(users_url, timeout=0.3, required=True),
            "orders": Dependency(orders_url, timeout=0.3, required=False),
            "recommendations": Dependency(picks_url, timeout=0.3, required=False),
        })
        async with serve(bff.app) as bff_url, aiohttp.ClientSession(bff_url) as app_client:

            async def load_page(situation: str) -> None:
                start = time.perf_counter()
                async with app_client.get("/home/42") as response:
                    page = await response.json()
                elapsed = time.perf_counter() - start
                print(f"{situation:31} {response.status} in {elapsed:.1f} s: ", end="")
                if response.status == 200:
                    parts = [name for name, value in page.items() if value and name != "missing"]
                    print(f"{', '.join(parts)}; missing: {page['missing'] or 'nothing'}")
                else:
                    print(page)

            await load_page("all three well")
            picks.delay = 1.0
            await load_page("recommendations take 1.0 s")
            picks.delay = 0.2
            bff.dependencies["orders"].url = await closed_url()
            await load_page("orders down")
            bff.dependencies["orders"].url = orders_url
            orders.failing = True
            await load_page("orders failing (500)")
            orders.failing = False
            bff.dependencies["users"].url = await closed_url()
            await load_page("users down")


if __name__ == "__main__":
    asyncio.run(main())
