"""A small web API for the chapter's examples to call: a real aiohttp.web application.

Every example starts it itself, on 127.0.0.1 with a port the operating system picks, and stops
it when it is done, so nothing here ever talks to another computer:

    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        async with session.get("/delay/0.5") as response:
            print(await response.json())

Its endpoints make slowness and failure happen on purpose, so their effects show in the output:

    GET  /delay/{seconds}        answers {"delay": seconds} after waiting that long
    GET  /status/{code}          answers with that HTTP status (500: a server error on purpose)
    GET  /reset                  closes the connection without answering
    GET  /slow-body/{chunks}     sends its body in pieces, `interval` seconds apart
    GET  /flaky/{name}           fails the first `failures` times (2 unless given), then answers;
                                 it fails with a 500, or as /reset does with `?fail=reset`
    GET  /stats                  what the server saw (see Traffic); not counted itself
    POST /stats/reset            starts the counts again

Every endpoint but /stats also takes `?delay=seconds`: a wait before it does anything else.
"""

import asyncio
from collections import Counter
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Traffic:
    """What the server saw since it started (or since POST /stats/reset)."""

    requests: int = 0  # requests received
    in_flight: int = 0  # requests being handled right now
    peak: int = 0  # the most that were ever in flight at once
    peers: set[str] = field(default_factory=set)  # one "address:port" per TCP connection

    def summary(self) -> dict[str, int]:
        counts = asdict(self)
        counts["connections"] = len(counts.pop("peers"))
        return counts


async def pause(request: web.Request) -> None:
    """Waits for `?delay=seconds` when the request asks for it."""
    await asyncio.sleep(float(request.query.get("delay", 0)))


def drop_connection(request: web.Request) -> web.Response:
    """Closes the connection under the request: the client sees it drop, with no answer."""
    if request.transport is not None:
        request.transport.close()
    return web.Response()  # never sent: aiohttp sees the closed connection and moves on


class ExampleApi:
    """The application, with the counts its handlers keep."""

    def __init__(self) -> None:
        self.traffic = Traffic()
        self.attempts: Counter[str] = Counter()  # requests per /flaky/{name}
        self.handling: set[asyncio.Task[Any]] = set()  # tasks inside a handler right now
        self.app = web.Application(middlewares=[self.count_requests])
        self.app.add_routes(
            [
                web.get("/delay/{seconds}", self.delay),
                web.get("/status/{code}", self.status),
                web.get("/reset", self.reset),
                web.get("/slow-body/{chunks}", self.slow_body),
                web.get("/flaky/{name}", self.flaky),
                web.get("/stats", self.stats),
                web.post("/stats/reset", self.reset_stats),
            ]
        )

    @web.middleware
    async def count_requests(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith("/stats"):
            return await handler(request)
        traffic = self.traffic
        traffic.requests += 1
        traffic.in_flight += 1
        traffic.peak = max(traffic.peak, traffic.in_flight)
        host, port = request.transport.get_extra_info("peername") if request.transport else ("?", 0)
        traffic.peers.add(f"{host}:{port}")
        task = asyncio.current_task()
        assert task is not None
        self.handling.add(task)
        try:
            return await handler(request)
        finally:  # also when the handler is cancelled
            traffic.in_flight -= 1
            self.handling.discard(task)

    def cancel_handlers(self) -> None:
        """Stops the handlers still running: their clients gave up (a timeout, a cancel)."""
        for task in self.handling:
            task.cancel()

    async def delay(self, request: web.Request) -> web.Response:
        seconds = float(request.match_info["seconds"])
        await asyncio.sleep(seconds)
        return web.json_response({"delay": seconds})

    async def status(self, request: web.Request) -> web.Response:
        await pause(request)
        code = int(request.match_info["code"])
        return web.json_response({"status": code}, status=code)

    async def reset(self, request: web.Request) -> web.Response:
        await pause(request)
        return drop_connection(request)

    async def slow_body(self, request: web.Request) -> web.StreamResponse:
        await pause(request)
        chunks = int(request.match_info["chunks"])
        interval = float(request.query.get("interval", 0.1))
        response = web.StreamResponse(headers={"Content-Type": "text/plain"})
        await response.prepare(request)  # the status line and headers go out now
        try:
            for n in range(1, chunks + 1):
                await asyncio.sleep(interval)
                await response.write(f"piece {n} of {chunks}\n".encode())
        except ConnectionResetError:
            pass  # the client stopped reading (it timed out, say): nobody is left to write to
        return response

    async def flaky(self, request: web.Request) -> web.Response:
        await pause(request)
        name = request.match_info["name"]
        self.attempts[name] += 1
        if self.attempts[name] > int(request.query.get("failures", 2)):
            return web.json_response({"name": name, "attempt": self.attempts[name]})
        if request.query.get("fail") == "reset":
            return drop_connection(request)
        return web.json_response({"error": "try again"}, status=500)

    async def stats(self, request: web.Request) -> web.Response:
        return web.json_response(self.traffic.summary())

    async def reset_stats(self, request: web.Request) -> web.Response:
        self.traffic = Traffic()
        return web.json_response(self.traffic.summary())


@asynccontextmanager
async def serve() -> AsyncGenerator[str, None]:
    """Runs the API on 127.0.0.1 (the OS picks a free port) and yields its base URL."""
    api = ExampleApi()
    runner = web.AppRunner(api.app)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        # A request whose client gave up is still being handled; the server would wait for it
        # before it stops. Nobody needs those answers: stop them now.
        api.cancel_handlers()
        await runner.cleanup()
