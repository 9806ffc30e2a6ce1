"""Checks for "A poller that will not stop": it stops when cancelled, and survives failing runs."""

from __future__ import annotations

import asyncio
from typing import Any

from livecheck import Context, check


@check("program")
def program_stops(ctx: Context) -> None:
    run = ctx.program(allow_error=True)
    if run.problem is not None and run.problem.message_id in ("timeout", "deadlock"):
        ctx.fail("never-stops")
    if run.problem is not None:
        raise run.problem
    ctx.expect(run.lines[-1:] == ["poller stopped"], "ended-normally")


@check("cancelled")
def cancellation_ends_the_task(ctx: Context) -> None:
    keep_polling = ctx.function("keep_polling", coroutine=True)
    seen: dict[str, Any] = {}

    async def fetch() -> str:
        await asyncio.sleep(0.1)
        return "ok"

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        task = asyncio.create_task(keep_polling(fetch, 1.0))
        await asyncio.sleep(2.5)
        task.cancel()
        asked = loop.time()
        # Give it a generous while to end; a task that swallows its cancellation never does.
        await asyncio.wait({task}, timeout=10)
        seen["done"] = task.done()
        seen["cancelled"] = task.cancelled()
        seen["took"] = loop.time() - asked

    ctx.run(scenario)
    ctx.expect(seen["done"], "never-stops")
    ctx.expect(seen["cancelled"], "ended-normally")


@check("survives")
def failing_runs_do_not_end_it(ctx: Context) -> None:
    keep_polling = ctx.function("keep_polling", coroutine=True)
    seen: dict[str, Any] = {"calls": 0}

    async def flaky() -> str:
        seen["calls"] += 1
        await asyncio.sleep(0.1)
        if seen["calls"] % 2 == 1:
            raise ConnectionError("server unreachable")
        return "ok"

    async def scenario() -> None:
        task = asyncio.create_task(keep_polling(flaky, 1.0))
        await asyncio.sleep(4.5)
        seen["alive"] = not task.done()
        seen["by-then"] = seen["calls"]
        task.cancel()
        await asyncio.wait({task}, timeout=10)

    ctx.run(scenario)
    ctx.expect(seen["alive"] and seen["by-then"] == 4, "gives-up", calls=seen["by-then"])
