"""Checks for "A page in time": services the check scripts (slow, failing, hanging)."""

from __future__ import annotations

import asyncio
import types
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, check

ANSWERS: dict[str, Any] = {
    "users": {"id": 7, "name": "Ada"},
    "orders": [{"order": 3}],
    "recommendations": ["tea"],
}
LIMIT = 0.3


@dataclass
class Services:
    """Stand-ins for the three services: each waits its delay, then answers or fails."""

    module: types.ModuleType
    delays: dict[str, float]
    failing: set[str] = field(default_factory=set)
    started: set[str] = field(default_factory=set)
    ended: set[str] = field(default_factory=set)

    async def fetch(self, service: str, user_id: int) -> Any:
        self.started.add(service)
        try:
            await asyncio.sleep(self.delays[service])
        finally:
            # cancelled or not, the call is over when this runs
            self.ended.add(service)
        if service in self.failing:
            raise self.module.ServiceError(f"{service}: 503 Service Unavailable")
        return ANSWERS[service]


@dataclass
class Outcome:
    #: The reader's code this page was loaded with (its own ServiceError).
    module: types.ModuleType | None = None
    page: Any = None
    error: BaseException | None = None
    elapsed: float = 0.0
    #: Calls still running when home_page returned or raised.
    running: list[str] = field(default_factory=list)


def load_page(ctx: Context, delays: dict[str, float], failing: tuple[str, ...] = ()) -> Outcome:
    module = ctx.module()
    if not callable(getattr(module, "home_page", None)):
        ctx.fail("missing-function", name="home_page")
    services = Services(module, delays, set(failing))
    outcome = Outcome(module=module)

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            outcome.page = await module.home_page(7, services.fetch)
        except Exception as error:  # noqa: BLE001 - what it raised is judged below
            outcome.error = error
        outcome.elapsed = loop.time() - start
        outcome.running = sorted(services.started - services.ended)

    ctx.run(scenario)
    return outcome


def shown(outcome: Outcome) -> str:
    return repr(outcome.error) if outcome.error is not None else repr(outcome.page)


def expect_page(ctx: Context, outcome: Outcome, missing: dict[str, str]) -> None:
    """The page has every part that answered, None for the rest, and says what is missing."""
    ctx.expect(outcome.error is None and isinstance(outcome.page, dict), "lost-page",
               got=shown(outcome))
    page: dict[str, Any] = outcome.page
    for name, key in (("users", "user"), ("orders", "orders"),
                      ("recommendations", "recommendations")):
        want = None if name in missing else ANSWERS[name]
        ctx.expect(page.get(key) == want, "wrong-part", key=key, got=repr(page.get(key)),
                   want=repr(want))
    ctx.expect(page.get("missing") == missing, "not-marked-missing",
               got=repr(page.get("missing")), want=repr(missing))


def raised_service_error(outcome: Outcome) -> bool:
    error = outcome.error
    module_error = getattr(outcome.module, "ServiceError")
    if isinstance(error, BaseExceptionGroup):
        return any(isinstance(e, module_error) for e in error.exceptions)
    return isinstance(error, module_error)


@check("page")
def whole_page(ctx: Context) -> None:
    outcome = load_page(ctx, {"users": 0.1, "orders": 0.2, "recommendations": 0.15})
    expect_page(ctx, outcome, {})


@check("concurrent")
def calls_overlap(ctx: Context) -> None:
    outcome = load_page(ctx, {"users": 0.1, "orders": 0.2, "recommendations": 0.15})
    ctx.expect(outcome.elapsed <= 0.2 + ctx.tolerance, "too-slow", elapsed=outcome.elapsed)


@check("slow-optional")
def slow_part_left_out(ctx: Context) -> None:
    outcome = load_page(ctx, {"users": 0.1, "orders": 0.2, "recommendations": 10.0})
    ctx.expect(outcome.error is None, "lost-page", got=shown(outcome))
    ctx.expect(outcome.elapsed <= LIMIT + ctx.tolerance, "waited-for-slow",
               elapsed=outcome.elapsed)
    expect_page(ctx, outcome, {"recommendations": "no answer in time"})
    ctx.expect(not outcome.running, "left-running", calls=", ".join(outcome.running))


@check("failed-optional")
def failed_part_left_out(ctx: Context) -> None:
    outcome = load_page(ctx, {"users": 0.1, "orders": 0.05, "recommendations": 0.2},
                        failing=("orders",))
    expect_page(ctx, outcome, {"orders": "failed"})


@check("required-fails")
def no_page_without_user(ctx: Context) -> None:
    outcome = load_page(ctx, {"users": 0.05, "orders": 0.25, "recommendations": 0.25},
                        failing=("users",))
    ctx.expect(raised_service_error(outcome), "required-swallowed",
               got=shown(outcome))
    ctx.expect(outcome.elapsed <= 0.05 + ctx.tolerance, "waited-on-failure",
               elapsed=outcome.elapsed)
    ctx.expect(not outcome.running, "left-running", calls=", ".join(outcome.running))
