"""Checks for "Retry with backoff": scripted services that fail a given number of times."""

from __future__ import annotations

import asyncio
import types
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, check


@dataclass
class Case:
    """What the reader's `retry` did against a service that fails `failures` times first."""

    calls: list[float] = field(default_factory=list)
    result: Any = None
    error: BaseException | None = None
    errors_raised: list[BaseException] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def waits(self) -> list[float]:
        return [round(b - a, 3) for a, b in zip(self.calls, self.calls[1:])]


def reader_module(ctx: Context) -> types.ModuleType:
    module = ctx.module()
    for name in ("retry", "ServiceError", "ClientError"):
        if not callable(getattr(module, name, None)):
            ctx.fail("missing-function", name=name)
    return module


def run_case(
    ctx: Context,
    failures: int,
    attempts: int = 4,
    base_delay: float = 0.1,
    client_error: bool = False,
) -> Case:
    module = reader_module(ctx)
    case = Case()

    async def service() -> str:
        loop = asyncio.get_running_loop()
        case.calls.append(loop.time() - start)
        number = len(case.calls)
        error: BaseException | None = None
        if client_error:
            error = module.ClientError(f"400 Bad Request (call {number})")
        elif number <= failures:
            error = module.ServiceError(f"503 Service Unavailable (call {number})")
        if error is not None:
            case.errors_raised.append(error)
            raise error
        await asyncio.sleep(0.05)  # the answer takes a moment to come back
        return f"answer of call {number}"

    async def scenario() -> None:
        nonlocal start
        start = asyncio.get_running_loop().time()
        try:
            case.result = await module.retry(service, attempts=attempts, base_delay=base_delay)
        except (module.ServiceError, module.ClientError) as error:
            case.error = error

    start = 0.0
    run = ctx.run(scenario)
    case.elapsed = run.elapsed
    return case


def expected_waits(failures: int, attempts: int, base_delay: float) -> list[float]:
    """The waits between calls: one after each failure that is not the last attempt."""
    return [round(base_delay * 2**n, 3) for n in range(min(failures, attempts - 1))]


def judge_waits(ctx: Context, case: Case, want: list[float], **where: Any) -> None:
    got = case.waits
    if len(got) == len(want) and all(abs(g - w) <= ctx.tolerance for g, w in zip(got, want)):
        return
    shown = ", ".join(ctx.seconds(w) for w in got) or "-"
    wanted = ", ".join(ctx.seconds(w) for w in want) or "-"
    if where:
        ctx.fail("generated-waits", got=shown, want=wanted, **where)
    if len(got) > 1 and all(w <= ctx.tolerance for w in got):
        ctx.fail("no-backoff", calls=len(case.calls))
    if len(got) > 1 and max(got) - min(got) <= ctx.tolerance:
        ctx.fail("not-exponential", got=shown, want=wanted)
    ctx.fail("wrong-waits", got=shown, want=wanted)


@check("first-success")
def success_at_once(ctx: Context) -> None:
    case = run_case(ctx, failures=0)
    ctx.expect(case.error is None and case.result == "answer of call 1", "wrong-result",
               got=repr(case.result))
    ctx.expect(len(case.calls) == 1, "called-again", calls=len(case.calls))


@check("backoff")
def waits_double(ctx: Context) -> None:
    case = run_case(ctx, failures=3)
    ctx.expect(case.error is None and case.result == "answer of call 4", "wrong-result",
               got=repr(case.result) if case.error is None else repr(case.error))
    judge_waits(ctx, case, expected_waits(3, 4, 0.1))


@check("gives-up")
def last_failure_raised(ctx: Context) -> None:
    case = run_case(ctx, failures=10)
    ctx.expect(len(case.calls) == 4, "too-many-attempts" if len(case.calls) > 4 else "too-few",
               calls=len(case.calls))
    ctx.expect(case.error is not None, "swallowed", got=repr(case.result))
    ctx.expect(case.error is case.errors_raised[-1], "wrong-error", got=repr(case.error))
    # 0.1 + 0.2 + 0.4 s of waits, and no wait after the last failure: nobody will call again.
    ctx.expect(case.elapsed <= 0.7 + ctx.tolerance, "slept-after-last", elapsed=case.elapsed)


@check("client-error")
def client_error_not_retried(ctx: Context) -> None:
    case = run_case(ctx, failures=0, client_error=True)
    ctx.expect(len(case.calls) == 1, "retried-client-error", calls=len(case.calls))
    ctx.expect(case.error is case.errors_raised[0], "wrong-error", got=repr(case.error))


@check("generated")
def generated_patterns(ctx: Context) -> None:
    for _ in range(8):
        attempts = ctx.random.randint(1, 5)
        base_delay = ctx.random.choice([0.05, 0.1, 0.2, 0.3])
        failures = ctx.random.randint(0, attempts + 1)
        case = run_case(ctx, failures, attempts, base_delay)
        where = {"attempts": attempts, "base": base_delay, "first": failures + 1}
        succeeds = failures < attempts
        calls = failures + 1 if succeeds else attempts
        ctx.expect(len(case.calls) == calls, "generated-calls", got=len(case.calls), want=calls,
                   **where)
        if succeeds:
            ctx.expect(case.result == f"answer of call {calls}", "generated-result",
                       got=repr(case.result) if case.error is None else repr(case.error), **where)
        else:
            ctx.expect(case.error is not None and case.error is case.errors_raised[-1],
                       "generated-error", got=repr(case.error or case.result), **where)
        judge_waits(ctx, case, expected_waits(failures, attempts, base_delay), **where)
