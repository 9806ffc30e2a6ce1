"""Checks for "A timeout wrapper": fixed cases, then generated ones, against the contract."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from livecheck import Context, Run, check

DEFAULT = "gave up"


@dataclass
class Job:
    """A coroutine to wrap that remembers what happened to it."""

    seconds: float
    value: str = "done"
    error: Exception | None = None
    cancelled: bool = False

    async def run(self) -> str:
        try:
            await asyncio.sleep(self.seconds)
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        if self.error is not None:
            raise self.error
        return self.value


@dataclass
class Outcome:
    result: Any
    elapsed: float
    #: Whether the job had been cancelled by the time with_timeout returned.
    cancelled: bool
    run: Run


def call(ctx: Context, job: Job, limit: float, *, allow_error: bool = False) -> Outcome:
    with_timeout = ctx.function("with_timeout", coroutine=True)
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        seen["result"] = await with_timeout(job.run(), limit, DEFAULT)
        seen["elapsed"] = loop.time() - start
        seen["cancelled"] = job.cancelled

    run = ctx.run(scenario, allow_error=allow_error)
    elapsed = seen.get("elapsed", run.elapsed)
    return Outcome(seen.get("result"), elapsed, seen.get("cancelled", job.cancelled), run)


def expect_case(ctx: Context, seconds: float, limit: float, message: str) -> None:
    outcome = call(ctx, Job(seconds, value="done"), limit)
    finishes = seconds < limit
    expected = "done" if finishes else DEFAULT
    expected_elapsed = min(seconds, limit)
    if outcome.result != expected or abs(outcome.elapsed - expected_elapsed) > ctx.tolerance:
        ctx.fail(
            message,
            job=seconds,
            limit=limit,
            got=repr(outcome.result),
            elapsed=outcome.elapsed,
            expected=repr(expected),
            expected_elapsed=expected_elapsed,
        )


@check("in-time")
def returns_the_result(ctx: Context) -> None:
    expect_case(ctx, 0.5, 1.0, "wrong-result")


@check("gives-up")
def gives_up_at_the_limit(ctx: Context) -> None:
    outcome = call(ctx, Job(5.0, value="too late"), 1.0)
    ctx.expect(outcome.elapsed <= 1.0 + ctx.tolerance, "too-slow", elapsed=outcome.elapsed)
    ctx.expect(outcome.result == DEFAULT, "wrong-default", got=repr(outcome.result))


@check("cancels")
def cancels_the_slow_job(ctx: Context) -> None:
    outcome = call(ctx, Job(5.0), 1.0)
    ctx.expect(outcome.cancelled and not outcome.run.pending, "not-cancelled")


@check("errors")
def lets_errors_through(ctx: Context) -> None:
    outcome = call(ctx, Job(0.2, error=ValueError("bad input")), 1.0, allow_error=True)
    error = outcome.run.exception
    got = repr(outcome.result) if error is None else f"`{type(error).__name__}`"
    ctx.expect(isinstance(error, ValueError) and str(error) == "bad input", "swallowed", got=got)


@check("generated")
def generated_cases(ctx: Context) -> None:
    for _ in range(8):
        seconds = ctx.random.randint(1, 30) / 10
        limit = ctx.random.randint(1, 30) / 10
        if seconds != limit:
            expect_case(ctx, seconds, limit, "generated")
