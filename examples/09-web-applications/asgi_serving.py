"""Serves an ASGI application with uvicorn for this chapter's examples, on this machine only.

    async with serve_asgi(app) as base_url, aiohttp.ClientSession(base_url) as session:
        ...

uvicorn usually runs from the command line (`uvicorn module:app`). Here it runs inside the
program, on the program's own event loop, on 127.0.0.1 with a port the operating system picks,
and stops when the block ends: the program starts and stops its own server, as in every other
example of the chapter.
"""

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any

import uvicorn

# The ASGI interface: a coroutine function called with a scope (what the connection is) and
# two coroutines, one to receive messages from the server and one to send messages to it.
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@asynccontextmanager
async def serve_asgi(app: ASGIApp) -> AsyncGenerator[str, None]:
    config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="on", log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:  # uvicorn sets it once it listens
        if serving.done():
            serving.result()  # raises what stopped it
            raise RuntimeError("uvicorn stopped before it started listening")
        await asyncio.sleep(0.01)
    host, port = server.servers[0].sockets[0].getsockname()[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True  # uvicorn checks it every 0.1 s, then shuts down gracefully
        await serving
