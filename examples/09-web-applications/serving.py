"""Serves an aiohttp.web application for this chapter's examples, on this machine only.

    async with serve(app) as base_url, aiohttp.ClientSession(base_url) as session:
        async with session.get("/") as response:
            print(await response.text())

serve() starts the application the way a deployment does, with web.AppRunner and web.TCPSite,
on 127.0.0.1 and a port the operating system picks, and yields the address to send requests
to. Leaving the block stops it: the server stops listening, runs the application's shutdown
and cleanup steps, and gives requests still being handled up to `grace` seconds to finish.
"""

import asyncio
import queue
import threading
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from aiohttp import web


@asynccontextmanager
async def serve(app: web.Application, grace: float = 1.0) -> AsyncGenerator[str, None]:
    runner = web.AppRunner(app)
    await runner.setup()  # runs the application's startup steps (on_startup, cleanup_ctx)
    try:
        # aiohttp 3.8 takes the grace period here; 3.9 and later prefer AppRunner(...,
        # shutdown_timeout=...) and still accept it here, with a DeprecationWarning.
        site = web.TCPSite(runner, "127.0.0.1", 0, shutdown_timeout=grace)
        await site.start()
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def serve_in_thread(app: web.Application) -> AsyncGenerator[str, None]:
    """Like serve(), but the server runs on an event loop of its own, in another thread.

    A client on the same loop as its server shares the server's fate: a handler that blocks
    stalls the client too, and the client's clock then measures its own stall. Here the server
    is apart, as it would be in another process, and the client's loop stays free to measure.
    """
    address: "queue.Queue[str]" = queue.Queue()
    stopping = threading.Event()

    async def run_server() -> None:
        async with serve(app) as base_url:
            address.put(base_url)
            while not stopping.is_set():  # the thread's loop polls; the other loop never blocks
                await asyncio.sleep(0.05)

    thread = threading.Thread(target=asyncio.run, args=(run_server(),), name="server")
    thread.start()
    try:
        yield await asyncio.to_thread(address.get)
    finally:
        stopping.set()
        await asyncio.to_thread(thread.join)
