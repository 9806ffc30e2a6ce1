"""Checks for "At most N at a time": order, the limit, and no time wasted, on generated jobs."""

from __future__ import annotations

import asyncio
import heapq
from typing import Any

from livecheck import Context, check


class Meter:
    """Jobs that count how many of them run at once."""

    def __init__(self) -> None:
        self.running = 0
        self.most = 0

    async def job(self, seconds: float, value: int) -> int:
        self.running += 1
        self.most = max(self.most, self.running)
        try:
            await asyncio.sleep(seconds)
        finally:
            self.running -= 1
        return value


def best_time(limit: int, durations: list[float]) -> float:
    """Each job starts as soon as a slot is free, in the order given."""
    slots = [0.0] * min(limit, len(durations))
    for seconds in durations:
        heapq.heappush(slots, heapq.heappop(slots) + seconds)
    return max(slots, default=0.0)


def run_case(ctx: Context, limit: int, durations: list[float]) -> dict[str, Any]:
    gather_limited = ctx.function("gather_limited", coroutine=True)
    meter = Meter()
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        jobs = [meter.job(seconds, index) for index, seconds in enumerate(durations)]
        seen["results"] = await gather_limited(limit, *jobs)

    run = ctx.run(scenario)
    return {"results": seen["results"], "most": meter.most, "elapsed": run.elapsed}


CASE = (2, [1.0, 0.5, 0.5, 1.0, 0.5])


@check("order")
def results_in_order(ctx: Context) -> None:
    limit, durations = CASE
    got = run_case(ctx, limit, durations)["results"]
    ctx.expect(list(got) == list(range(len(durations))), "wrong-order", got=got)


@check("limit")
def never_more_than_limit(ctx: Context) -> None:
    limit, durations = CASE
    most = run_case(ctx, limit, durations)["most"]
    ctx.expect(most <= limit, "too-many", most=most, limit=limit)


@check("no-waste")
def a_free_slot_is_used_at_once(ctx: Context) -> None:
    limit, durations = CASE
    elapsed = run_case(ctx, limit, durations)["elapsed"]
    best = best_time(limit, durations)
    ctx.expect(elapsed <= best + ctx.tolerance, "batches", elapsed=elapsed, best=best)


@check("generated")
def generated_cases(ctx: Context) -> None:
    for _ in range(8):
        limit = ctx.random.randint(1, 4)
        durations = [ctx.random.randint(1, 10) / 10 for _ in range(ctx.random.randint(1, 9))]
        got = run_case(ctx, limit, durations)
        best = best_time(limit, durations)
        case = {"limit": limit, "durations": ", ".join(ctx.seconds(d) for d in durations)}
        in_order = list(got["results"]) == list(range(len(durations)))
        ctx.expect(in_order, "generated-order", got=got["results"], **case)
        ctx.expect(got["most"] <= limit, "generated-too-many", most=got["most"], **case)
        ctx.expect(
            got["elapsed"] <= best + ctx.tolerance,
            "generated-slow",
            elapsed=got["elapsed"],
            best=best,
            **case,
        )
