"""Checks for "A test that cannot hang": wait_ready returns when the service is ready, and
gives up with TimeoutError at its deadline, leaving nothing behind."""

from __future__ import annotations

import asyncio
from typing import Any

from livecheck import Context, Run, check


def wait_for_service(
    ctx: Context, startup: float, broken: bool, deadline: float
) -> tuple[dict[str, Any], Run]:
    wait_ready = ctx.function("wait_ready", coroutine=True)
    service = ctx.module().Service(startup, broken)
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        starting = asyncio.ensure_future(service.start())
        try:
            await wait_ready(service, deadline)
            seen["ready"] = True
        except TimeoutError:
            seen["timeout"] = True
        finally:
            seen["elapsed"] = loop.time() - start
        await starting

    run = ctx.run(scenario, allow_error=True)
    if run.problem is not None and run.problem.message_id == "deadlock":
        ctx.fail("hangs", startup=startup, deadline=deadline)
    if run.problem is not None:
        raise run.problem
    return seen, run


def state_words(ctx: Context, broken: bool) -> str:
    if ctx.lang == "pt-BR":
        return "quebrado" if broken else "que funciona"
    return "broken" if broken else "working"


@check("ready")
def returns_when_ready(ctx: Context) -> None:
    seen, _ = wait_for_service(ctx, 0.5, False, 2.0)
    ctx.expect(seen.get("ready") and seen["elapsed"] <= 0.5 + ctx.tolerance, "not-when-ready",
               elapsed=seen.get("elapsed", 0.0))


@check("deadline")
def gives_up_at_deadline(ctx: Context) -> None:
    seen, _ = wait_for_service(ctx, 0.5, True, 1.0)
    ctx.expect(seen.get("timeout") and abs(seen["elapsed"] - 1.0) <= ctx.tolerance, "late",
               elapsed=seen.get("elapsed", 0.0))


@check("nothing-left")
def no_waiter_left(ctx: Context) -> None:
    _, run = wait_for_service(ctx, 0.5, True, 1.0)
    ctx.expect(not run.pending, "left-waiting", tasks=run.describe(run.pending))


@check("generated")
def generated_services(ctx: Context) -> None:
    for _ in range(6):
        startup = ctx.random.randint(1, 30) / 10
        deadline = ctx.random.randint(1, 30) / 10
        broken = ctx.random.random() < 0.5
        if startup == deadline:
            continue
        seen, _ = wait_for_service(ctx, startup, broken, deadline)
        ready = not broken and startup < deadline
        want = startup if ready else deadline
        if bool(seen.get("ready")) != ready or abs(seen["elapsed"] - want) > ctx.tolerance:
            ctx.fail("generated", startup=startup, deadline=deadline,
                     state=state_words(ctx, broken), elapsed=seen.get("elapsed", 0.0),
                     got="ready" if seen.get("ready") else "TimeoutError",
                     want="ready" if ready else "TimeoutError", at=want)
