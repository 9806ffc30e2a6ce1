"""Checks for "A handler that blocks": ten requests at once, served by the reader's handler,
with the database's queries counted by the check."""

from __future__ import annotations

import asyncio
import inspect
import re
import time
from dataclasses import dataclass
from typing import Any

from livecheck import Context, Run, check, mistake

ITEMS = ["tea", "cake", "soup", "bread", "jam"]


@dataclass
class Served:
    answers: Any
    expected: list[dict[str, Any]]
    queries: int
    #: The most queries waiting at the same moment.
    most: int
    run: Run


def serve_ten(ctx: Context) -> Served:
    module = ctx.module()
    for name in ("serve", "price_handler"):
        if not callable(getattr(module, name, None)):
            ctx.fail("missing-function", name=name)
    prices = {item: round(ctx.random.uniform(1, 9), 1) for item in ITEMS}
    queries = waiting = most = 0

    # The check's own database, in both forms, so every query is counted.
    def read_price_blocking(item: str) -> float:
        nonlocal queries, most
        queries += 1
        most = max(most, waiting + 1)
        time.sleep(0.1)
        return prices[item]

    async def read_price(item: str) -> float:
        nonlocal queries, waiting, most
        queries += 1
        waiting += 1
        most = max(most, waiting)
        try:
            await asyncio.sleep(0.1)
        finally:
            waiting -= 1
        return prices[item]

    setattr(module, "read_price_blocking", read_price_blocking)
    setattr(module, "read_price", read_price)
    requests = [ctx.random.choice(ITEMS) for _ in range(10)]
    got: dict[str, Any] = {}

    async def scenario() -> None:
        got["answers"] = await module.serve(requests)

    run = ctx.run(scenario)
    expected = [{"item": item, "price": prices[item]} for item in requests]
    return Served(got.get("answers"), expected, queries, most, run)


@check("answers")
def right_answers(ctx: Context) -> None:
    served = serve_ten(ctx)
    answers = list(served.answers or [])
    if any(isinstance(a, dict) and inspect.iscoroutine(a.get("price")) for a in answers):
        ctx.fail("got-coroutine")
    ctx.expect(answers == served.expected, "wrong-answers",
               got=repr(answers[0]) if answers else repr(served.answers),
               want=repr(served.expected[0]))
    ctx.expect(served.queries == 10, "no-query", queries=served.queries)


@check("no-blocking")
def nothing_blocks(ctx: Context) -> None:
    run = serve_ten(ctx).run
    if run.blocking:
        step = max(run.blocking, key=lambda s: s.duration)
        ctx.fail("blocking", coroutine=step.coroutine, duration=step.duration,
                 steps=len(run.blocking))


@check("at-once")
def handled_at_once(ctx: Context) -> None:
    served = serve_ten(ctx)
    ctx.expect(served.most == 10, "one-at-a-time", most=served.most)


@check("fast")
def ten_in_a_tenth(ctx: Context) -> None:
    run = serve_ten(ctx).run
    ctx.expect(run.elapsed <= 0.1 + ctx.tolerance, "too-slow", elapsed=run.elapsed)


@mistake("not-awaited")
def query_not_awaited(ctx: Context) -> bool:
    answers = serve_ten(ctx).answers or []
    prices = [a.get("price") for a in answers if isinstance(a, dict)]
    unawaited = [p for p in prices if inspect.iscoroutine(p)]
    for coroutine in unawaited:
        coroutine.close()  # it was never going to run
    return bool(unawaited)


@mistake("async-wrapper")
def blocking_call_wrapped(ctx: Context) -> bool:
    # Only asked once a check failed: the blocking call moved into an `async def` of its own.
    wrapped = re.search(r"async def \w+\([^)]*\)[^:]*:\s*\n(?:\s*(?:#.*|\"\"\".*\"\"\")\n)*"
                        r"\s*return read_price_blocking\(", ctx.source)
    return wrapped is not None and bool(serve_ten(ctx).run.blocking)
