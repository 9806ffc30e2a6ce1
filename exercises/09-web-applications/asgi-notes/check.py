"""Checks for "A raw ASGI application": the check plays the server (lifespan, requests with
bodies in pieces) and the database pool, which counts how often it is opened."""

from __future__ import annotations

import asyncio
import json
import types
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, check

Message = dict[str, Any]


@dataclass
class Pools:
    """The check's stand-in for `open_pool`: each pool it opens records what happens to it."""

    opened: int = 0
    closed: int = 0
    saved: list[str] = field(default_factory=list)

    async def open_pool(self) -> Any:
        await asyncio.sleep(0.2)
        self.opened += 1
        pools = self

        class Pool:
            async def save(self, text: str) -> int:
                await asyncio.sleep(0.05)
                pools.saved.append(text)
                return len(pools.saved)

            async def close(self) -> None:
                await asyncio.sleep(0.01)
                pools.closed += 1

        return Pool()


@dataclass
class Response:
    status: int | None = None
    headers: dict[bytes, bytes] = field(default_factory=dict)
    body: bytes = b""

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return self.body


class Server:
    """Plays uvicorn's part against the reader's `app`, one fresh copy of the code each."""

    def __init__(self, ctx: Context) -> None:
        self.module: types.ModuleType = ctx.module()
        if not callable(getattr(self.module, "app", None)):
            ctx.fail("missing-function", name="app")
        self.pools = Pools()
        setattr(self.module, "open_pool", self.pools.open_pool)
        self.lifespan_sent: list[str] = []
        self.events: asyncio.Queue[Message] = asyncio.Queue()
        self.task: asyncio.Task[Any] | None = None

    async def _lifespan_send(self, message: Message) -> None:
        self.lifespan_sent.append(message.get("type", "?"))

    async def _wait_for(self, reply: str) -> bool:
        """Whether the app sends `reply` on its lifespan call (within a second)."""
        for _ in range(100):
            if reply in self.lifespan_sent:
                return True
            if self.task is not None and self.task.done():
                return reply in self.lifespan_sent
            await asyncio.sleep(0.01)
        return False

    async def startup(self) -> bool:
        self.task = asyncio.create_task(
            self.module.app({"type": "lifespan", "asgi": {"version": "3.0"}},
                            self.events.get, self._lifespan_send))
        await self.events.put({"type": "lifespan.startup"})
        return await self._wait_for("lifespan.startup.complete")

    async def shutdown(self) -> bool:
        await self.events.put({"type": "lifespan.shutdown"})
        done = await self._wait_for("lifespan.shutdown.complete")
        if self.task is not None and not self.task.done():
            self.task.cancel()
        return done

    async def request(self, method: str, path: str, pieces: list[bytes]) -> Response:
        messages = [{"type": "http.request", "body": piece, "more_body": i < len(pieces) - 1}
                    for i, piece in enumerate(pieces)] or [{"type": "http.request"}]
        queue = iter(messages)
        response = Response()

        async def receive() -> Message:
            return next(queue, {"type": "http.disconnect"})

        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                response.status = message["status"]
                response.headers = {k.lower(): v for k, v in message.get("headers", [])}
            elif message["type"] == "http.response.body":
                response.body += message.get("body", b"")

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": method, "path": path, "query_string": b"", "headers": []}
        await self.module.app(scope, receive, send)
        return response


def served(ctx: Context, scenario: Any) -> Server:
    """Runs `scenario(server)` on a fresh event loop; the server is returned for judging."""
    server = Server(ctx)

    async def start() -> None:
        await scenario(server)

    ctx.run(start)
    return server


def split(text: bytes, cuts: int, ctx: Context) -> list[bytes]:
    points = sorted(ctx.random.randint(0, len(text)) for _ in range(cuts))
    edges = [0, *points, len(text)]
    return [text[a:b] for a, b in zip(edges, edges[1:])]


@check("lifespan")
def opens_and_closes_the_pool(ctx: Context) -> None:
    seen: dict[str, bool] = {}

    async def scenario(server: Server) -> None:
        seen["started"] = await server.startup()
        seen["stopped"] = await server.shutdown()

    server = served(ctx, scenario)
    ctx.expect(seen["started"], "no-lifespan")
    ctx.expect(server.pools.opened == 1, "wrong-opens", opens=server.pools.opened)
    ctx.expect(seen["stopped"] and server.pools.closed == 1, "no-shutdown")


@check("one-pool")
def requests_share_the_pool(ctx: Context) -> None:
    seen: dict[str, Any] = {}

    async def scenario(server: Server) -> None:
        await server.startup()
        loop = asyncio.get_running_loop()
        start = loop.time()
        notes = [f"note {n}".encode() for n in range(5)]
        await asyncio.gather(*(server.request("POST", "/notes", [note]) for note in notes))
        seen["elapsed"] = loop.time() - start
        await server.shutdown()

    server = served(ctx, scenario)
    opens = server.pools.opened
    ctx.expect(opens <= 1, "pool-per-request", opens=opens, elapsed=seen["elapsed"])
    ctx.expect(opens == 1 and len(server.pools.saved) == 5, "wrong-opens", opens=opens)


@check("response")
def created_answer(ctx: Context) -> None:
    got: dict[str, Response] = {}

    async def scenario(server: Server) -> None:
        await server.startup()
        got["response"] = await server.request("POST", "/notes", [b"buy tea"])
        await server.shutdown()

    served(ctx, scenario)
    response = got["response"]
    kind = response.headers.get(b"content-type", b"").decode(errors="replace")
    ctx.expect(response.status == 201 and response.json() == {"id": 1, "length": 7}
               and kind.startswith("application/json"), "wrong-response",
               status=response.status, body=repr(response.json()), kind=kind or "-")


@check("body-in-pieces")
def whole_body_read(ctx: Context) -> None:
    got: dict[str, Response] = {}

    async def scenario(server: Server) -> None:
        await server.startup()
        got["response"] = await server.request("POST", "/notes", [b"water ", b"the ", b"plants"])
        await server.shutdown()

    server = served(ctx, scenario)
    ctx.expect(server.pools.saved == ["water the plants"], "partial-body",
               saved=repr(server.pools.saved[-1]) if server.pools.saved else "nothing")


@check("not-found")
def other_paths_404(ctx: Context) -> None:
    got: dict[str, Response] = {}

    async def scenario(server: Server) -> None:
        await server.startup()
        got["response"] = await server.request("GET", "/secret", [])
        await server.shutdown()

    server = served(ctx, scenario)
    ctx.expect(got["response"].status == 404 and not server.pools.saved, "not-404",
               status=got["response"].status)


@check("generated")
def generated_bodies(ctx: Context) -> None:
    words = ["tea", "cake", "call", "Ada", "at", "noon", "café", "☕"]
    texts = [" ".join(ctx.random.choice(words) for _ in range(ctx.random.randint(1, 6)))
             for _ in range(6)]
    bodies = [split(text.encode(), ctx.random.randint(0, 4), ctx) for text in texts]
    got: list[Response] = []

    async def scenario(server: Server) -> None:
        await server.startup()
        for pieces in bodies:
            got.append(await server.request("POST", "/notes", pieces))
        await server.shutdown()

    server = served(ctx, scenario)
    for number, (text, pieces, response) in enumerate(zip(texts, bodies, got), start=1):
        want = {"id": number, "length": len(text)}
        saved = server.pools.saved[number - 1] if len(server.pools.saved) >= number else None
        ctx.expect(response.json() == want and saved == text,
                   "generated", text=repr(text), pieces=len(pieces),
                   got=repr(response.json()), want=repr(want))
