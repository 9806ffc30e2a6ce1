#: runs: local
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8", "uvicorn>=0.17"]
# ///
"""ASGI from the inside: an application with no framework, served by uvicorn.

An ASGI application is one coroutine function, app(scope, receive, send). The server calls it
once per connection event it wants handled, and the two talk in plain dictionaries (messages).
The application below writes down every message it gets and sends, and the program prints them.
"""

import asyncio
import json

import aiohttp

from asgi_serving import Receive, Scope, Send, serve_asgi

log: list[str] = []


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "lifespan":  # one call for the server's whole life: startup, shutdown
        while True:
            message = await receive()
            log.append(f"app   <- {message['type']}")
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    elif scope["type"] == "http":  # one call per HTTP request
        log.append(f"app   <- a call for {scope['type']} {scope['http_version']}: "
                   f"{scope['method']} {scope['path']}, query {scope['query_string']!r}")
        request = await receive()  # the body, possibly in several messages (more_body)
        log.append(f"app   <- {request['type']} ({len(request['body'])} bytes of body)")
        name = scope["path"].removeprefix("/greet/")
        body = json.dumps({"greeting": f"hello, {name}"}).encode()
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": body})
        log.append(f"app   -> http.response.start (200), http.response.body ({len(body)} bytes)")


async def main() -> None:
    async with serve_asgi(app) as base_url, aiohttp.ClientSession(base_url) as session:
        async with session.get("/greet/ada?lang=en") as response:
            log.append(f"client got {response.status} {await response.text()}")
    for line in log:
        print(line)


if __name__ == "__main__":
    asyncio.run(main())
