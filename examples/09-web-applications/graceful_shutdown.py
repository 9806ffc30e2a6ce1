#: runs: local
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Stopping a server gracefully while requests are in flight.

The program sends itself SIGTERM, as a process manager (systemd, Docker, Kubernetes) does to
stop a service. The server then stops accepting connections, lets the requests it is handling
finish within a grace period, and cuts off whatever is still running when the period ends.
"""

import asyncio
import os
import signal
import time

import aiohttp
from aiohttp import web

GRACE = 1.0  # seconds the requests in flight get to finish
started = time.perf_counter()


def now() -> str:
    """Seconds since the requests went out."""
    return f"{time.perf_counter() - started:.1f} s"


in_handlers = 0  # requests the server is working on right now


async def work(request: web.Request) -> web.Response:
    global in_handlers
    seconds = float(request.match_info["seconds"])
    in_handlers += 1
    try:
        await asyncio.sleep(seconds)
    finally:
        in_handlers -= 1
    return web.Response(text=f"worked {seconds} s")


async def on_shutdown(app: web.Application) -> None:
    # The place to close what never ends on its own: WebSockets, streams, background tasks.
    print(f"{now()}  on_shutdown: the server no longer listens; requests in flight go on")


async def get(session: aiohttp.ClientSession, url: str) -> str:
    try:
        async with session.get(url) as response:
            return f"{response.status} {await response.text()} (at {now()})"
    except aiohttp.ClientConnectorError as error:  # nobody listening any more
        return f"ClientConnectorError, {type(error.os_error).__name__} (at {now()})"
    except aiohttp.ClientError as error:
        return f"{type(error).__name__} (at {now()})"


async def main() -> None:
    app = web.Application()
    app.add_routes([web.get("/work/{seconds}", work)])
    app.on_shutdown.append(on_shutdown)
    runner = web.AppRunner(app)
    await runner.setup()
    # aiohttp 3.9 and later take the grace period as AppRunner(app, shutdown_timeout=GRACE).
    site = web.TCPSite(runner, "127.0.0.1", 0, shutdown_timeout=GRACE)
    await site.start()
    host, port = runner.addresses[0][:2]
    base_url = f"http://{host}:{port}"

    stop_requested = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop_requested.set)

    global started
    async with aiohttp.ClientSession(base_url) as session:
        started = time.perf_counter()
        paths = ["/work/0.5", "/work/0.5", "/work/0.5", "/work/5"]
        in_flight = [asyncio.create_task(get(session, path)) for path in paths]
        print(f"{now()}  sent {len(paths)} requests: three need 0.5 s, one needs 5 s")
        while in_handlers < len(paths):  # until the server is working on all four
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)

        os.kill(os.getpid(), signal.SIGTERM)
        await stop_requested.wait()
        print(f"{now()}  SIGTERM: shutting down, with {GRACE} s of grace for requests in flight")
        stopping = asyncio.create_task(runner.cleanup())

        await asyncio.sleep(0.1)
        async with aiohttp.ClientSession() as newcomer:
            print(f"{now()}  a new request: {await get(newcomer, base_url + '/work/0.1')}")

        await stopping
        print(f"{now()}  the server has stopped")
        for path, outcome in zip(paths, await asyncio.gather(*in_flight)):
            print(f"       GET {path:9} -> {outcome}")


if __name__ == "__main__":
    asyncio.run(main())
