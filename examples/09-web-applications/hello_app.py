#: runs: browser
#: standins: aiohttp
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""An aiohttp.web application: routes, handlers, the request and the response, JSON.

The program serves the application on this machine, then sends it requests as a client would.
"""

import asyncio
import time

import aiohttp
from aiohttp import web

from serving import serve

routes = web.RouteTableDef()


@routes.get("/")
async def index(request: web.Request) -> web.Response:
    return web.Response(text="hello from aiohttp.web")


@routes.get("/greet/{name}")
async def greet(request: web.Request) -> web.Response:
    name = request.match_info["name"]  # the {name} part of the path
    greeting = f"hello, {name}"
    if request.query.get("shout") == "yes":  # ?shout=yes
        greeting = greeting.upper()
    return web.json_response({"greeting": greeting})


@routes.post("/echo")
async def echo(request: web.Request) -> web.Response:
    data = await request.json()  # reads the whole body, then parses it
    return web.json_response({"you sent": data, "as": request.content_type}, status=201)


@routes.get("/slow")
async def slow(request: web.Request) -> web.Response:
    await asyncio.sleep(0.5)  # a database or another service would be here
    return web.json_response({"waited": 0.5})


def make_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app


async def show(response: aiohttp.ClientResponse) -> None:
    request = f"{response.method} {response.url.path_qs}"
    print(f"{request:26} {response.status} {response.content_type:17} {await response.text()}")


async def main() -> None:
    async with serve(make_app()) as base_url, aiohttp.ClientSession(base_url) as session:
        for path in ["/", "/greet/ada", "/greet/ada?shout=yes", "/nowhere"]:
            async with session.get(path) as response:
                await show(response)
        async with session.post("/echo", json={"order": 7, "items": ["tea"]}) as response:
            await show(response)
        async with session.delete("/echo") as response:  # a route for POST only
            await show(response)

        # Every request is handled in a task of its own, so two slow ones wait together.
        async def get_slow() -> None:
            async with session.get("/slow") as response:
                await response.read()

        start = time.perf_counter()
        await asyncio.gather(get_slow(), get_slow())
        print(f"two GET /slow at once, 0.5 s each: {time.perf_counter() - start:.1f} s in all")


if __name__ == "__main__":
    asyncio.run(main())
