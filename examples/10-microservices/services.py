"""Small services for this chapter's examples: real aiohttp.web applications on this machine.

    users = Service("users", lambda key: {"id": key, "name": "Ada"}, delay=0.1)
    async with serve(users.app) as users_url, aiohttp.ClientSession() as session:
        async with session.get(f"{users_url}/42") as response:
            print(await response.json())     # {'id': '42', 'name': 'Ada'}

A Service answers GET (or POST) /{key} with the JSON its `answer` function makes of the key, after
waiting `delay` seconds (the work it does). Set its attributes while it runs to make it
misbehave on purpose:

    service.delay = 2.0           # slow
    service.down = True           # answers 503 at once, as while it restarts
    service.failing = True        # does the work, then answers 500
    service.garbage = True        # answers 200 with a body that is not JSON
    service.capacity = 4          # answers 503 at once when 4 requests are already in hand

It counts what it saw: `received` requests (and their `arrivals`, as perf_counter() times),
`in_flight` now and at the `peak`, `answered`, `shed` (the 503s of a full service), and
`for_nobody`: requests it finished after their client had hung up, work nobody will read.

serve() runs an application on 127.0.0.1 with a port the operating system picks and yields its
base URL; leaving the block stops it. closed_url() is an address where nothing listens: a
service that is down.
"""

import asyncio
import time
from collections.abc import AsyncGenerator, Callable, Iterable
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web

Answer = Callable[[str], Any]


class Service:
    def __init__(self, name: str, answer: Answer, delay: float = 0.1,
                 middlewares: Iterable[Any] = ()) -> None:
        self.name = name
        self.answer = answer
        self.delay = delay
        self.down = False
        self.failing = False
        self.garbage = False
        self.capacity: int | None = None
        self.received = self.in_flight = self.peak = 0
        self.answered = self.shed = self.for_nobody = 0
        self.arrivals: list[float] = []
        self.app = web.Application(middlewares=list(middlewares))
        self.app.add_routes([web.get("/{key}", self.handle), web.post("/{key}", self.handle)])

    async def handle(self, request: web.Request) -> web.Response:
        self.received += 1
        self.arrivals.append(time.perf_counter())
        if self.down:
            return web.json_response({"error": f"{self.name} is restarting"}, status=503)
        if self.capacity is not None and self.in_flight >= self.capacity:
            self.shed += 1
            return web.json_response({"error": "busy, try later"}, status=503)
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            await asyncio.sleep(self.delay)  # the work: a query, a computation, a call
        finally:
            self.in_flight -= 1
        if request.transport is None or request.transport.is_closing():
            self.for_nobody += 1  # the client hung up while we worked
        if self.failing:
            return web.json_response({"error": f"{self.name} is failing"}, status=500)
        self.answered += 1
        if self.garbage:
            return web.Response(text="<html>Bad Gateway</html>", content_type="text/html")
        return web.json_response(self.answer(request.match_info["key"]))


@asynccontextmanager
async def serve(app: web.Application) -> AsyncGenerator[str, None]:
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        # A short grace period: requests their clients gave up on are not waited for long.
        site = web.TCPSite(runner, "127.0.0.1", 0, shutdown_timeout=0.1)
        await site.start()
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


async def closed_url() -> str:
    """The address of a service that is down: a port on 127.0.0.1 where nothing listens."""
    async with serve(web.Application()) as url:
        pass  # started, then stopped: its port is free again
    return url
