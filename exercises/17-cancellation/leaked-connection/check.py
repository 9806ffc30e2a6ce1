"""Checks for "The connection that never came back": a cancelled query returns its connection,
and the cancellation still reaches whoever cancelled it."""

from __future__ import annotations

import asyncio
import types
from typing import Any

from livecheck import Context, check

EXPECTED = ["['a: ok', 'b: timed out']", "c: ok", "free connections: 2"]


def free_connections(module: types.ModuleType) -> list[str]:
    pool = getattr(module, "pool", None)
    return sorted(pool) if isinstance(pool, list) else []


def cancel_one(ctx: Context, seconds: float, cancel_after: float) -> dict[str, Any]:
    """Starts `query("x", seconds)`, cancels it after `cancel_after` s, and says what came out."""
    module = ctx.module()
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        task = asyncio.ensure_future(module.query("x", seconds))
        await asyncio.sleep(cancel_after)
        task.cancel()
        try:
            seen["result"] = await task
        except asyncio.CancelledError:
            seen["cancelled"] = True
        seen["free"] = free_connections(module)

    ctx.run(scenario)
    return seen


@check("returned")
def connection_back_after_cancel(ctx: Context) -> None:
    seen = cancel_one(ctx, 5.0, 1.0)
    ctx.expect(len(seen["free"]) == 2, "leak", free=len(seen["free"]))


@check("cancelled")
def cancellation_goes_through(ctx: Context) -> None:
    seen = cancel_one(ctx, 5.0, 1.0)
    ctx.expect(seen.get("cancelled"), "swallowed", got=repr(seen.get("result")))


@check("generated")
def many_timeouts(ctx: Context) -> None:
    for _ in range(6):
        module = ctx.module()
        lengths = [ctx.random.randint(1, 30) / 10 for _ in range(2)]
        limit = ctx.random.randint(1, 30) / 10

        async def scenario() -> None:
            async def one(name: str, seconds: float) -> None:
                try:
                    await asyncio.wait_for(module.query(name, seconds), limit)
                except TimeoutError:
                    pass

            await asyncio.gather(*(one(f"q{i}", s) for i, s in enumerate(lengths)))

        ctx.run(scenario)
        free = free_connections(module)
        shown = " s, ".join(ctx.seconds(s) for s in lengths)
        ok = free == ["conn-1", "conn-2"]
        ctx.expect(ok, "generated", lengths=shown, limit=limit, free=len(free))


@check("program")
def program_output(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.lines == EXPECTED, "wrong-output", output=" / ".join(run.lines))
