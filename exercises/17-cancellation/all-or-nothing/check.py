"""Checks for "All or nothing": the downloads overlap, and one failure cancels the rest."""

from __future__ import annotations

import asyncio
from typing import Any

from livecheck import Context, check, mistake


class Server:
    """A fetch for fetch_all that remembers which downloads were cancelled."""

    def __init__(self, seconds: dict[str, float], failing: str | None = None) -> None:
        self.seconds = seconds
        self.failing = failing
        self.cancelled: set[str] = set()

    async def fetch(self, url: str) -> str:
        try:
            await asyncio.sleep(self.seconds[url])
        except asyncio.CancelledError:
            self.cancelled.add(url)
            raise
        if url == self.failing:
            raise ConnectionError(f"{url} is down")
        return f"<{url}>"


def fetch_with(ctx: Context, server: Server, *, allow_error: bool = False) -> dict[str, Any]:
    fetch_all = ctx.function("fetch_all", coroutine=True)
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            seen["pages"] = await fetch_all(list(server.seconds), server.fetch)
        finally:
            seen["elapsed"] = loop.time() - start
            # Taken when fetch_all gives up: what it left running is cancelled later, by the
            # end of this scenario, which must not count for it.
            seen["cancelled"] = set(server.cancelled)

    run = ctx.run(scenario, allow_error=allow_error)
    seen["exception"] = run.exception
    return seen


def is_connection_error(error: BaseException | None) -> bool:
    if isinstance(error, BaseExceptionGroup):
        return error.subgroup(ConnectionError) is not None
    return isinstance(error, ConnectionError)


@check("pages")
def pages_in_order(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.lines == ["['<home>', '<about>', '<blog>']"], "wrong-pages",
               output=" / ".join(run.lines) or "nothing")


@check("fast")
def downloads_overlap(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.elapsed <= 0.5 + ctx.tolerance, "too-slow", elapsed=run.elapsed)


@check("together")
def all_at_once(ctx: Context) -> None:
    run = ctx.program()
    # A download awaited directly, with no task, is one at a time.
    at_once = max(1, run.max_at_once())
    ctx.expect(at_once >= 3, "not-together", at_once=at_once)


@check("fails-fast")
def failure_comes_out_at_once(ctx: Context) -> None:
    server = Server({"slow-a": 3.0, "bad": 0.5, "slow-c": 3.0}, failing="bad")
    seen = fetch_with(ctx, server, allow_error=True)
    ctx.expect(is_connection_error(seen["exception"]), "no-failure", got=repr(seen.get("pages")))
    ctx.expect(seen["elapsed"] <= 0.5 + ctx.tolerance, "late-failure", elapsed=seen["elapsed"])


@check("cancels")
def others_cancelled(ctx: Context) -> None:
    server = Server({"slow-a": 3.0, "bad": 0.5, "slow-c": 3.0}, failing="bad")
    seen = fetch_with(ctx, server, allow_error=True)
    ctx.expect(seen["cancelled"] == {"slow-a", "slow-c"}, "not-cancelled")


@check("generated")
def generated_pages(ctx: Context) -> None:
    for _ in range(5):
        count = ctx.random.randint(2, 6)
        urls = [f"page{n}" for n in range(count)]
        seconds = {url: ctx.random.randint(1, 30) / 10 for url in urls}
        seen = fetch_with(ctx, Server(seconds))
        want = [f"<{url}>" for url in urls]
        slowest = max(seconds.values())
        if seen.get("pages") != want or seen["elapsed"] > slowest + ctx.tolerance:
            ctx.fail("generated", count=count, slowest=slowest, elapsed=seen["elapsed"],
                     got=repr(seen.get("pages")), want=repr(want))


@mistake("gather")
def gather_keeps_going(ctx: Context) -> bool:
    server = Server({"slow-a": 3.0, "bad": 0.5, "slow-c": 3.0}, failing="bad")
    seen = fetch_with(ctx, server, allow_error=True)
    return not seen["cancelled"] and "gather(" in ctx.source
