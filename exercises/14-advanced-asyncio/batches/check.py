"""Checks for "Readings in batches": the right batches, each as soon as it is full."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from livecheck import Context, check


async def readings(count: int) -> AsyncIterator[int]:
    """A source that yields 0, 1, 2... one item a second."""
    for n in range(count):
        await asyncio.sleep(1)
        yield n


def collect(ctx: Context, count: int, size: int) -> list[tuple[float, Any]]:
    """The batches `batched(readings(count), size)` yields, each with when it came."""
    batched = ctx.function("batched")
    got: list[tuple[float, Any]] = []

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        async for batch in batched(readings(count), size):
            got.append((round(loop.time() - start, 1), batch))

    ctx.run(scenario)
    return got


def expected(count: int, size: int) -> list[tuple[float, list[int]]]:
    starts = range(0, count, size)
    return [(float(min(n + size, count)), list(range(n, min(n + size, count)))) for n in starts]


def shown(batches: list[tuple[float, Any]]) -> str:
    return ", ".join(repr(batch) for _, batch in batches) or "nothing"


@check("all-items")
def every_item_once(ctx: Context) -> None:
    got = [batch for _, batch in collect(ctx, 7, 3)]
    if got == [[0, 1, 2], [3, 4, 5]]:
        ctx.fail("lost-remainder")
    ctx.expect(got == [[0, 1, 2], [3, 4, 5], [6]], "wrong-batches", count=7, size=3,
               got=", ".join(map(repr, got)) or "nothing", want="[0, 1, 2], [3, 4, 5], [6]")


@check("on-time")
def each_batch_when_full(ctx: Context) -> None:
    got = collect(ctx, 7, 3)
    first = got[0][0] if got else None
    ctx.expect(first is not None and first <= 3.0 + ctx.tolerance, "not-lazy",
               first=first if first is not None else 0.0)


@check("no-empty")
def no_empty_batch(ctx: Context) -> None:
    got = [batch for _, batch in collect(ctx, 6, 3)]
    ctx.expect([] not in got, "empty-batch")


@check("generated")
def generated_sources(ctx: Context) -> None:
    for _ in range(6):
        count = ctx.random.randint(0, 12)
        size = ctx.random.randint(1, 5)
        got = collect(ctx, count, size)
        want = expected(count, size)
        if [(round(t, 1), b) for t, b in got] != want:
            timed = "; ".join(f"{ctx.seconds(t)} s: {b!r}" for t, b in got) or "nothing"
            wanted = "; ".join(f"{ctx.seconds(t)} s: {b!r}" for t, b in want) or "nothing"
            ctx.fail("generated", count=count, size=size, got=timed, want=wanted)
