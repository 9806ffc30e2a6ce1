"""Checks for "Backoff you can test": retries with doubling delays, always through the sleep
it was given, so a test with a fake sleep sees every delay and waits for none."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, check


@dataclass
class FakeSleep:
    """Records the delays asked for and returns at once (after one turn of the loop)."""

    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


@dataclass
class Flaky:
    """An operation that fails `failures` times with `error`, then returns "ok"."""

    failures: int
    error: Exception = field(default_factory=lambda: ConnectionError("refused"))
    calls: int = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error
        return "ok"


@dataclass
class Outcome:
    result: Any
    error: BaseException | None
    delays: list[float]
    calls: int
    elapsed: float


def call(ctx: Context, operation: Flaky, attempts: int) -> Outcome:
    retry = ctx.function("retry", coroutine=True)
    sleep = FakeSleep()
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            seen["result"] = await retry(operation, attempts, sleep)
        finally:
            seen["elapsed"] = loop.time() - start

    run = ctx.run(scenario, allow_error=True)
    return Outcome(seen.get("result"), run.exception, sleep.delays, operation.calls,
                   seen.get("elapsed", run.elapsed))


def backoff(failures: int) -> list[float]:
    return [float(2 ** n) for n in range(failures)]


def expect_delays(ctx: Context, outcome: Outcome, want: list[float]) -> None:
    if not outcome.delays and outcome.elapsed > 0:
        ctx.fail("sleep-not-used", elapsed=outcome.elapsed)
    ctx.expect(outcome.delays == want, "wrong-delays", got=repr(outcome.delays), want=repr(want))


@check("first-try")
def success_at_once(ctx: Context) -> None:
    outcome = call(ctx, Flaky(0), 3)
    ctx.expect(outcome.result == "ok" and outcome.calls == 1 and not outcome.delays, "first-try",
               got=repr(outcome.result), calls=outcome.calls)


@check("retries")
def retries_with_backoff(ctx: Context) -> None:
    outcome = call(ctx, Flaky(2), 5)
    ctx.expect(outcome.error is None, "gave-up-early",
               error=type(outcome.error).__name__ if outcome.error else "")
    expect_delays(ctx, outcome, [1.0, 2.0])
    ctx.expect(outcome.result == "ok", "wrong-result", got=repr(outcome.result))


@check("gives-up")
def last_error_comes_out(ctx: Context) -> None:
    outcome = call(ctx, Flaky(10), 4)
    ctx.expect(isinstance(outcome.error, ConnectionError) and outcome.calls == 4, "no-final-error",
               calls=outcome.calls, got=repr(outcome.result) if outcome.error is None
               else f"`{type(outcome.error).__name__}`")
    expect_delays(ctx, outcome, [1.0, 2.0, 4.0])


@check("other-errors")
def bugs_are_not_retried(ctx: Context) -> None:
    outcome = call(ctx, Flaky(1, ValueError("bad request")), 5)
    ctx.expect(isinstance(outcome.error, ValueError) and outcome.calls == 1, "retried-bug",
               calls=outcome.calls)


@check("generated")
def generated_cases(ctx: Context) -> None:
    for _ in range(6):
        attempts = ctx.random.randint(1, 6)
        failures = ctx.random.randint(0, attempts + 1)
        outcome = call(ctx, Flaky(failures), attempts)
        succeeds = failures < attempts
        want = backoff(failures if succeeds else attempts - 1)
        right = (outcome.result == "ok") if succeeds else isinstance(outcome.error, ConnectionError)
        if not right or outcome.delays != want:
            error = outcome.error
            got = repr(outcome.result) if error is None else f"`{type(error).__name__}`"
            ctx.fail("generated", attempts=attempts, failures=failures, got=got,
                     delays=repr(outcome.delays), want=repr(want))
