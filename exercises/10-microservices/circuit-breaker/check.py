"""Checks for "A circuit breaker": scripted services, and a model of the contract for
generated sequences of calls."""

from __future__ import annotations

import asyncio
import types
from dataclasses import dataclass
from typing import Any

from livecheck import Context, check


class ServiceDown(Exception):
    """What the check's service raises when it is told to fail."""


@dataclass
class Service:
    healthy: bool = True
    duration: float = 0.05
    calls: int = 0

    async def __call__(self) -> str:
        self.calls += 1
        number = self.calls
        await asyncio.sleep(self.duration)
        if not self.healthy:
            raise ServiceDown(f"503 (call {number})")
        return f"answer {number}"


@dataclass
class Attempt:
    """What one call through the breaker did: `ok`, `error` (the service's), `open`, `other`."""

    kind: str
    called: bool
    detail: str


class Harness:
    def __init__(self, ctx: Context, failures: int = 3, open_for: float = 0.5) -> None:
        module: types.ModuleType = ctx.module()
        for name in ("CircuitBreaker", "CircuitOpenError"):
            if not callable(getattr(module, name, None)):
                ctx.fail("missing-function", name=name)
        self.module = module
        self.failures = failures
        self.open_for = open_for
        self.service = Service()
        self.breaker: Any = None

    async def attempt(self) -> Attempt:
        if self.breaker is None:
            self.breaker = self.module.CircuitBreaker(failures=self.failures,
                                                      open_for=self.open_for)
        before = self.service.calls
        try:
            value = await self.breaker.call(self.service)
        except ServiceDown as error:
            return Attempt("error", self.service.calls > before, str(error))
        except self.module.CircuitOpenError as error:
            return Attempt("open", self.service.calls > before, repr(error))
        except Exception as error:  # noqa: BLE001 - judged by the checks
            return Attempt("other", self.service.calls > before, repr(error))
        return Attempt("ok" if isinstance(value, str) else "other",
                       self.service.calls > before, repr(value))


def scenario_of(ctx: Context, steps: Any, **settings: Any) -> list[Attempt]:
    harness = Harness(ctx, **settings)
    attempts: list[Attempt] = []

    async def start() -> None:
        await steps(harness, attempts)

    ctx.run(start)
    return attempts


async def fail_times(harness: Harness, attempts: list[Attempt], times: int) -> None:
    harness.service.healthy = False
    for _ in range(times):
        attempts.append(await harness.attempt())


def expect_refused(ctx: Context, attempt: Attempt, message: str, **values: Any) -> None:
    """The call should have raised CircuitOpenError without reaching the service."""
    ctx.expect(attempt.kind != "other", "wrong-error", got=attempt.detail)
    ctx.expect(attempt.kind == "open" and not attempt.called, message, **values)


def expect_through(ctx: Context, attempt: Attempt, message: str, **values: Any) -> None:
    """The call should have reached the service and got its answer or its error."""
    ctx.expect(attempt.kind != "other", "wrong-error", got=attempt.detail)
    ctx.expect(attempt.called and attempt.kind in ("ok", "error"), message, **values)


@check("passes-through")
def closed_passes_through(ctx: Context) -> None:
    async def steps(harness: Harness, attempts: list[Attempt]) -> None:
        attempts.append(await harness.attempt())
        await fail_times(harness, attempts, 1)

    ok, failed = scenario_of(ctx, steps)
    ctx.expect(ok.kind == "ok" and ok.called, "not-passed", got=ok.detail)
    if failed.kind == "other" and failed.detail == "None":
        ctx.fail("swallowed")
    ctx.expect(failed.kind == "error", "wrong-error", got=failed.detail)


@check("opens")
def opens_after_three(ctx: Context) -> None:
    async def steps(harness: Harness, attempts: list[Attempt]) -> None:
        await fail_times(harness, attempts, 5)

    attempts = scenario_of(ctx, steps)
    for number, attempt in enumerate(attempts[:3], start=1):
        if attempt.kind == "other" and attempt.detail == "None":
            ctx.fail("swallowed")
        expect_through(ctx, attempt, "opened-early", number=number)
    for number, attempt in enumerate(attempts[3:], start=4):
        expect_refused(ctx, attempt, "never-opens", number=number)


@check("resets")
def success_resets_the_count(ctx: Context) -> None:
    async def steps(harness: Harness, attempts: list[Attempt]) -> None:
        await fail_times(harness, attempts, 2)
        harness.service.healthy = True
        attempts.append(await harness.attempt())
        await fail_times(harness, attempts, 2)

    attempts = scenario_of(ctx, steps)
    for attempt in attempts:
        expect_through(ctx, attempt, "not-reset")


@check("trial")
def trial_closes(ctx: Context) -> None:
    async def steps(harness: Harness, attempts: list[Attempt]) -> None:
        await fail_times(harness, attempts, 3)
        attempts.append(await harness.attempt())  # refused: open
        await asyncio.sleep(0.6)
        harness.service.healthy = True
        attempts.append(await harness.attempt())  # the trial
        attempts.append(await harness.attempt())  # closed again

    attempts = scenario_of(ctx, steps)
    expect_refused(ctx, attempts[3], "never-opens", number=4)
    expect_through(ctx, attempts[4], "no-trial")
    expect_through(ctx, attempts[5], "not-closed")


@check("trial-fails")
def failed_trial_reopens(ctx: Context) -> None:
    async def steps(harness: Harness, attempts: list[Attempt]) -> None:
        await fail_times(harness, attempts, 3)
        await asyncio.sleep(0.6)
        await fail_times(harness, attempts, 2)  # the trial fails; then refused
        await asyncio.sleep(0.3)
        attempts.append(await harness.attempt())  # still open: 0.3 s since the trial
        await asyncio.sleep(0.3)
        harness.service.healthy = True
        attempts.append(await harness.attempt())  # a new trial

    attempts = scenario_of(ctx, steps)
    expect_through(ctx, attempts[3], "no-trial")
    expect_refused(ctx, attempts[4], "trial-not-reopened")
    expect_refused(ctx, attempts[5], "reopened-short")
    expect_through(ctx, attempts[6], "no-second-trial")


@check("one-trial")
def one_trial_at_a_time(ctx: Context) -> None:
    async def steps(harness: Harness, attempts: list[Attempt]) -> None:
        await fail_times(harness, attempts, 3)
        await asyncio.sleep(0.6)
        harness.service.healthy = True
        harness.service.duration = 0.1
        attempts.extend(await asyncio.gather(*(harness.attempt() for _ in range(3))))

    attempts = scenario_of(ctx, steps)
    trials = attempts[3:]
    reached = sum(1 for attempt in trials if attempt.called)
    ctx.expect(reached >= 1, "no-trial")
    ctx.expect(reached == 1, "many-trials", reached=reached)
    for attempt in trials:
        ctx.expect(attempt.kind != "other", "wrong-error", got=attempt.detail)


def model(failures: int, open_for: float, plan: list[tuple[float, bool]],
          duration: float) -> list[bool]:
    """Which of the sequential calls reach the service, by the contract."""
    state, in_a_row, opened_at, now = "closed", 0, 0.0, 0.0
    reached: list[bool] = []
    for gap, healthy in plan:
        now += gap
        trial = state == "open" and now - opened_at >= open_for
        if state == "open" and not trial:
            reached.append(False)
            continue
        reached.append(True)
        now += duration
        if healthy:
            state, in_a_row = "closed", 0
        else:
            in_a_row += 1
            if trial or in_a_row >= failures:
                state, opened_at = "open", now
    return reached


def make_plan(ctx: Context, failures: int, open_for: float,
              duration: float) -> list[tuple[float, bool]]:
    """Random gaps and health, nudged so no call lands within 0.02 s of the open time's end."""
    plan: list[tuple[float, bool]] = []
    for _ in range(ctx.random.randint(6, 12)):
        gap = ctx.random.choice([0.0, 0.1, 0.2, 0.4, open_for + 0.1])
        healthy = ctx.random.random() < 0.4
        for _ in range(10):
            state_time = _since_open(failures, open_for, plan + [(gap, healthy)], duration)
            if state_time is None or abs(state_time - open_for) > 0.02:
                break
            gap += 0.05
        plan.append((round(gap, 2), healthy))
    return plan


def _since_open(failures: int, open_for: float, plan: list[tuple[float, bool]],
                duration: float) -> float | None:
    """How long the breaker has been open when the plan's last call arrives (None: closed)."""
    state, in_a_row, opened_at, now = "closed", 0, 0.0, 0.0
    for index, (gap, healthy) in enumerate(plan):
        now += gap
        if index == len(plan) - 1:
            return now - opened_at if state == "open" else None
        trial = state == "open" and now - opened_at >= open_for
        if state == "open" and not trial:
            continue
        now += duration
        if healthy:
            state, in_a_row = "closed", 0
        else:
            in_a_row += 1
            if trial or in_a_row >= failures:
                state, opened_at = "open", now
    return None


@check("generated")
def generated_sequences(ctx: Context) -> None:
    for _ in range(6):
        failures = ctx.random.randint(1, 4)
        open_for = ctx.random.choice([0.3, 0.5, 1.0])
        duration = 0.05
        plan = make_plan(ctx, failures, open_for, duration)

        async def steps(harness: Harness, attempts: list[Attempt]) -> None:
            harness.service.duration = duration
            for gap, healthy in plan:
                await asyncio.sleep(gap)
                harness.service.healthy = healthy
                attempts.append(await harness.attempt())

        attempts = scenario_of(ctx, steps, failures=failures, open_for=open_for)
        want = model(failures, open_for, plan, duration)
        for number, (attempt, reaches) in enumerate(zip(attempts, want), start=1):
            ctx.expect(attempt.kind != "other", "wrong-error", got=attempt.detail)
            where = {"failures": failures, "open_for": open_for, "number": number}
            ctx.expect(not (attempt.called and not reaches), "generated-reached", **where)
            ctx.expect(not (reaches and not attempt.called), "generated-refused", **where)
