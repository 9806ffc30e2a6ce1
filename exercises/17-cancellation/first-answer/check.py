"""Checks for "The first answer wins": the right result, at the right time, and the losers
cancelled and done with their cleanup before first_of returns."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, Run, check

CLEANUP = 0.1


@dataclass
class Job:
    """A coroutine for first_of that remembers whether it was cancelled and cleaned up."""

    name: str
    seconds: float
    error: Exception | None = None
    cancelled: bool = False
    closed: bool = False

    async def run(self) -> str:
        try:
            await asyncio.sleep(self.seconds)
            if self.error is not None:
                raise self.error
            return self.name
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        finally:
            await asyncio.sleep(CLEANUP)
            self.closed = True


@dataclass
class Race:
    jobs: list[Job]
    result: Any = None
    elapsed: float = 0.0
    #: Whether each job had ended, its cleanup done, when first_of returned.
    closed: list[bool] = field(default_factory=list)
    #: Whether each job had been cancelled a second later (cancel() is delivered at an await).
    cancelled: list[bool] = field(default_factory=list)
    run: Run | None = None


def race(
    ctx: Context,
    lengths: list[float],
    errors: dict[int, Exception] | None = None,
    *,
    allow_error: bool = False,
) -> Race:
    first_of = ctx.function("first_of", coroutine=True)
    jobs = [Job(f"job{i}", s, (errors or {}).get(i)) for i, s in enumerate(lengths)]
    outcome = Race(jobs)

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            outcome.result = await first_of(*(job.run() for job in jobs))
        finally:
            outcome.elapsed = loop.time() - start
            outcome.closed = [job.closed for job in jobs]
        await asyncio.sleep(1.0)
        outcome.cancelled = [job.cancelled for job in jobs]

    outcome.run = ctx.run(scenario, allow_error=allow_error)
    return outcome


def losers(outcome: Race, states: list[bool]) -> list[bool]:
    fastest = min(range(len(outcome.jobs)), key=lambda i: outcome.jobs[i].seconds)
    return [state for i, state in enumerate(states) if i != fastest]


def expect_winner(ctx: Context, lengths: list[float], message: str) -> Race:
    outcome = race(ctx, lengths)
    fastest = min(lengths)
    want = f"job{lengths.index(fastest)}"
    bound = fastest + 2 * CLEANUP
    if outcome.result != want or outcome.elapsed > bound + ctx.tolerance:
        shown = " s, ".join(ctx.seconds(s) for s in lengths)
        ctx.fail(message, lengths=shown, got=repr(outcome.result), elapsed=outcome.elapsed,
                 want=repr(want), bound=bound)
    return outcome


@check("first")
def first_result_soon(ctx: Context) -> None:
    expect_winner(ctx, [3.0, 1.0, 2.0], "waited-for-all")


@check("cancelled")
def losers_cancelled(ctx: Context) -> None:
    outcome = race(ctx, [3.0, 1.0, 2.0])
    ctx.expect(all(losers(outcome, outcome.cancelled)), "left-running")


@check("cleaned-up")
def losers_ended(ctx: Context) -> None:
    outcome = race(ctx, [3.0, 1.0, 2.0])
    ctx.expect(all(losers(outcome, outcome.closed)), "not-waited")


@check("error")
def first_error_comes_out(ctx: Context) -> None:
    outcome = race(ctx, [3.0, 1.0, 2.0], {1: ValueError("mirror down")}, allow_error=True)
    error = outcome.run.exception if outcome.run else None
    got = repr(outcome.result) if error is None else f"`{type(error).__name__}`"
    ctx.expect(isinstance(error, ValueError), "error-lost", got=got)


@check("generated")
def generated_races(ctx: Context) -> None:
    for _ in range(6):
        count = ctx.random.randint(2, 5)
        lengths = [tenths / 10 for tenths in ctx.random.sample(range(2, 40), count)]
        expect_winner(ctx, lengths, "generated")
