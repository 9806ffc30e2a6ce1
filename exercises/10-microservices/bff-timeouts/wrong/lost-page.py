import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web

LIMIT = aiohttp.ClientTimeout(total=0.5)  # for each call, however long the others take


class HomePage:
    """A backend-for-frontend: one request from the app, three calls to services behind it."""

    def __init__(self, services: dict[str, str]) -> None:
        self.services = services  # name -> base URL
        self.app = web.Application()
        self.app.cleanup_ctx.append(self.client_session)
        self.app.add_routes([web.get("/home/{user}", self.home)])

    async def client_session(self, app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as session:
            self.session = session
            yield

    async def fetch(self, name: str, user: str) -> Any:
        url = f"{self.services[name]}/{user}"
        async with self.session.get(url) as response:
            response.raise_for_status()  # a 500 is a failure, not an answer
            return await response.json()

    async def optional(self, name: str, user: str, missing: dict[str, str]) -> Any:
        """Never raises: the answer, or None with the reason written in `missing`."""
        try:
            return await self.fetch(name, user)
        except (aiohttp.ClientError, TimeoutError) as error:
            missing[name] = type(error).__name__
            return None

    async def home(self, request: web.Request) -> web.Response:
        user = request.match_info["user"]
        missing: dict[str, str] = {}
        try:
            async with asyncio.timeout(0.5), asyncio.TaskGroup() as group:
                profile = group.create_task(self.fetch("users", user))
                orders = group.create_task(self.optional("orders", user, missing))
                picks = group.create_task(self.optional("recommendations", user, missing))
        except ExceptionGroup:
            return web.json_response({"error": "users unavailable"}, status=503)
        return web.json_response({
            "user": profile.result(),
            "orders": orders.result(),
            "recommendations": picks.result(),
            "missing": missing,
        })


def make_app(services: dict[str, str]) -> web.Application:
    return HomePage(services).app


async def main() -> None:
    # Stand-ins for the three services, on ports the system picks: one slow, one hanging.
    async def serve(app: web.Application) -> str:
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        return f"http://{host}:{port}"

    def service(answer: Any, delay: float) -> web.Application:
        async def handle(request: web.Request) -> web.Response:
            await asyncio.sleep(delay)
            return web.json_response(answer)

        app = web.Application()
        app.add_routes([web.get("/{user}", handle)])
        return app

    services = {
        "users": await serve(service({"name": "Ada"}, 0.1)),
        "orders": await serve(service([{"order": 3}], 0.3)),
        "recommendations": await serve(service(["tea"], 5.0)),
    }
    bff = await serve(make_app(services))
    async with aiohttp.ClientSession() as client:
        start = time.perf_counter()
        async with client.get(f"{bff}/home/7") as response:
            print(response.status, await response.json())
        print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
