"""Checks for "The BFF, for real": real services on 127.0.0.1 (slow, failing, hanging, down),
the reader's BFF served beside them, a real client timing its pages."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncGenerator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from livecheck import Context, check

ANSWERS: dict[str, Any] = {
    "users": {"name": "Ada"},
    "orders": [{"order": 3}],
    "recommendations": ["tea"],
}
LIMIT = 0.5


@dataclass
class Behaviour:
    delay: float = 0.1
    status: int = 200
    down: bool = False  # nothing listens at its address


@dataclass
class Page:
    status: int = 0
    body: Any = None
    elapsed: float = 0.0
    received: dict[str, int] = field(default_factory=dict)


def closed_url() -> str:
    """An address where nothing listens: a port the system gave us, closed again."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@asynccontextmanager
async def serve(app: web.Application) -> AsyncGenerator[str, None]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


def service(name: str, behaviour: Behaviour, page: Page, closing: asyncio.Event) -> web.Application:
    async def handle(request: web.Request) -> web.Response:
        page.received[name] = page.received.get(name, 0) + 1
        try:
            # Waits its delay, or until the check closes everything (a hanging service).
            await asyncio.wait_for(closing.wait(), behaviour.delay)
        except TimeoutError:
            pass
        if behaviour.status != 200:
            return web.json_response({"error": "internal error"}, status=behaviour.status)
        return web.json_response(ANSWERS[name])

    app = web.Application()
    app.add_routes([web.get("/{user}", handle)])
    return app


def load_page(ctx: Context, **behaviours: Behaviour) -> Page:
    make_app: Callable[[dict[str, str]], web.Application] = ctx.function("make_app")
    page = Page()

    async def scenario() -> None:
        closing = asyncio.Event()
        async with AsyncExitStack() as stack:
            urls: dict[str, str] = {}
            for name in ANSWERS:
                behaviour = behaviours.get(name, Behaviour())
                if behaviour.down:
                    urls[name] = closed_url()
                else:
                    app = service(name, behaviour, page, closing)
                    urls[name] = await stack.enter_async_context(serve(app))
            stack.push_async_callback(_set, closing)  # runs first: hanging handlers return
            bff = await stack.enter_async_context(serve(make_app(urls)))
            client = await stack.enter_async_context(aiohttp.ClientSession())
            start = time.perf_counter()
            async with client.get(f"{bff}/home/7") as response:
                page.status = response.status
                page.elapsed = time.perf_counter() - start
                try:
                    page.body = await response.json(content_type=None)
                except ValueError:
                    page.body = await response.text()

    ctx.run(scenario)
    return page


async def _set(event: asyncio.Event) -> None:
    event.set()


def expect_page(ctx: Context, page: Page, missing: set[str]) -> None:
    ctx.expect(page.status == 200 and isinstance(page.body, dict), "lost-page",
               status=page.status)
    body: dict[str, Any] = page.body
    for name, key in (("users", "user"), ("orders", "orders"),
                      ("recommendations", "recommendations")):
        want = None if name in missing else ANSWERS[name]
        if name in missing and body.get(key) is not None:
            ctx.fail("failure-as-data", key=key, got=repr(body.get(key)))
        ctx.expect(body.get(key) == want, "wrong-part", key=key, got=repr(body.get(key)),
                   want=repr(want))
    listed = body.get("missing")
    ctx.expect(isinstance(listed, dict) and set(listed) == missing
               and all(isinstance(v, str) and v for v in listed.values()),
               "not-marked-missing", got=repr(listed), want=", ".join(sorted(missing)) or "-")


@check("page")
def whole_page(ctx: Context) -> None:
    page = load_page(ctx)
    expect_page(ctx, page, set())


@check("concurrent")
def calls_overlap(ctx: Context) -> None:
    # Under the limit, and far enough apart that the real clock's slack cannot blur them:
    # together about 0.45 s, one after another about 1.2 s.
    page = load_page(ctx, users=Behaviour(0.3), orders=Behaviour(0.45),
                     recommendations=Behaviour(0.45))
    ctx.expect(page.status == 200, "lost-page", status=page.status)
    ctx.expect(page.elapsed <= 0.45 + ctx.tolerance, "too-slow", elapsed=page.elapsed)


@check("slow-optional")
def hanging_part_left_out(ctx: Context) -> None:
    page = load_page(ctx, recommendations=Behaviour(delay=2.0))  # hangs, for a page
    ctx.expect(page.status == 200, "lost-page", status=page.status)
    ctx.expect(page.elapsed <= LIMIT + ctx.tolerance, "waited-for-slow", elapsed=page.elapsed)
    expect_page(ctx, page, {"recommendations"})


@check("failing-optional")
def failing_part_left_out(ctx: Context) -> None:
    page = load_page(ctx, orders=Behaviour(status=500))
    expect_page(ctx, page, {"orders"})


@check("optional-down")
def unreachable_part_left_out(ctx: Context) -> None:
    page = load_page(ctx, recommendations=Behaviour(down=True))
    expect_page(ctx, page, {"recommendations"})


@check("users-down")
def no_page_without_user(ctx: Context) -> None:
    page = load_page(ctx, users=Behaviour(down=True))
    ctx.expect(page.status == 503, "users-down", status=page.status)
