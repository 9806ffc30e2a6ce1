#: runs: local
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8", "starlette>=0.26", "uvicorn>=0.17"]
# ///
"""The same two endpoints on aiohttp.web and on Starlette (an ASGI framework, served by uvicorn).

GET /greet/{name} greets, POST /echo sends back the JSON it got. One client asks both servers
the same questions, bad input included, and compares what they answer.
"""

import asyncio
import json
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
from aiohttp import web
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from asgi_serving import serve_asgi
from serving import serve


# --- aiohttp.web: a handler takes a web.Request and returns a web.Response ---

async def aiohttp_greet(request: web.Request) -> web.Response:
    greeting = f"hello, {request.match_info['name']}"
    if request.query.get("shout") == "yes":
        greeting = greeting.upper()
    return web.json_response({"greeting": greeting})


async def aiohttp_echo(request: web.Request) -> web.Response:
    try:
        data = await request.json()
    except json.JSONDecodeError:
        return web.json_response({"error": "the body is not valid JSON"}, status=400)
    return web.json_response({"you sent": data}, status=201)


def aiohttp_app() -> web.Application:
    app = web.Application()  # refuses bodies over 1 MiB (client_max_size) unless told otherwise
    app.add_routes([web.get("/greet/{name}", aiohttp_greet), web.post("/echo", aiohttp_echo)])
    return app


# --- Starlette: an endpoint takes a Request and returns a Response; the app is ASGI ---

async def starlette_greet(request: Request) -> JSONResponse:
    greeting = f"hello, {request.path_params['name']}"
    if request.query_params.get("shout") == "yes":
        greeting = greeting.upper()
    return JSONResponse({"greeting": greeting})


async def starlette_echo(request: Request) -> JSONResponse:
    try:
        data = await request.json()  # reads the whole body into memory, however large
    except json.JSONDecodeError:
        return JSONResponse({"error": "the body is not valid JSON"}, status_code=400)
    return JSONResponse({"you sent": data}, status_code=201)


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncGenerator[None, None]:
    print("Starlette lifespan: startup (open pools here)")  # what cleanup_ctx is to aiohttp
    yield
    print("Starlette lifespan: shutdown (close them here)")


starlette_app = Starlette(
    routes=[Route("/greet/{name}", starlette_greet),
            Route("/echo", starlette_echo, methods=["POST"])],
    lifespan=lifespan,
)


async def ask(session: aiohttp.ClientSession, base_url: str, method: str, path: str,
              **kwargs: Any) -> str:
    async with session.request(method, base_url + path, **kwargs) as response:
        body = await response.read()
    if len(body) > 1000:
        return f"{response.status} ({len(body) // 1024} KiB of {response.content_type} back)"
    if response.content_type == "application/json":
        return f"{response.status} {json.loads(body)}"
    return f"{response.status} {body.decode().split(',')[0]}"  # aiohttp's own 413 is text


async def main() -> None:
    two_mib = {"data": "x" * 2 * 1024 * 1024}
    questions: list[tuple[str, str, dict[str, Any]]] = [
        ("GET", "/greet/ada", {}),
        ("GET", "/greet/ada?shout=yes", {}),
        ("POST", "/echo", {"json": {"n": 1}}),
        ("POST", "/echo", {"data": "{oops", "headers": {"Content-Type": "application/json"}}),
        ("POST", "/echo", {"json": two_mib}),
    ]
    async with aiohttp.ClientSession() as session:
        async with serve(aiohttp_app()) as aiohttp_url, serve_asgi(starlette_app) as asgi_url:
            for method, path, kwargs in questions:
                shown = "(2 MiB of JSON)" if kwargs.get("json") is two_mib else ""
                print(f"{method} {path} {shown}".rstrip())
                from_aiohttp = await ask(session, aiohttp_url, method, path, **kwargs)
                from_starlette = await ask(session, asgi_url, method, path, **kwargs)
                print(f"  aiohttp.web: {from_aiohttp}")
                print(f"  Starlette:   {from_starlette}")


if __name__ == "__main__":
    asyncio.run(main())
