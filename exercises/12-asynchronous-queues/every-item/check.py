"""Checks for "Every item, whatever happens": results, failures, workers, time, clean end."""

from __future__ import annotations

import asyncio
import heapq
from typing import Any

from livecheck import Context, Run, check


class Meter:
    """A handle that takes its time, counts how many run at once, and fails on negative values."""

    def __init__(self) -> None:
        self.running = 0
        self.most = 0

    async def handle(self, item: tuple[float, int]) -> int:
        seconds, value = item
        self.running += 1
        self.most = max(self.most, self.running)
        try:
            await asyncio.sleep(seconds)
        finally:
            self.running -= 1
        if value < 0:
            raise ValueError(f"bad item {value}")
        return value * 10


def best_time(workers: int, durations: list[float]) -> float:
    slots = [0.0] * max(1, min(workers, len(durations)))
    for seconds in durations:
        heapq.heappush(slots, heapq.heappop(slots) + seconds)
    return max(slots)


def expected(items: list[tuple[float, int]]) -> list[Any]:
    return [f"ValueError('bad item {v}')" if v < 0 else v * 10 for _, v in items]


def shown(results: list[Any]) -> list[Any]:
    return [repr(r) if isinstance(r, BaseException) else r for r in results]


Item = tuple[float, int]


def run_case(ctx: Context, items: list[Item], workers: int) -> tuple[list[Any], Meter, Run]:
    process_all = ctx.function("process_all", coroutine=True)
    meter = Meter()
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        seen["results"] = await process_all(list(items), meter.handle, workers)

    run = ctx.run(scenario, allow_error=True)
    if run.problem is not None and run.problem.message_id in ("deadlock", "timeout"):
        ctx.fail("join-hangs", waiting=run.problem.params.get("waiting", "?"))
    if run.problem is not None:
        if isinstance(run.exception, ValueError):
            ctx.fail("failure-stops")
        raise run.problem
    return shown(list(seen["results"])), meter, run


SIMPLE = [(1.0, 1), (0.5, 2), (0.5, 3), (1.0, 4), (0.5, 5)]
WITH_FAILURE = [(1.0, 1), (0.5, -2), (0.5, 3), (1.0, 4)]


@check("results")
def results_in_order(ctx: Context) -> None:
    results, _, _ = run_case(ctx, SIMPLE, 2)
    ctx.expect(results == expected(SIMPLE), "wrong-results", got=results, want=expected(SIMPLE))


@check("failures")
def a_failure_stays_in_its_place(ctx: Context) -> None:
    results, _, _ = run_case(ctx, WITH_FAILURE, 2)
    want = expected(WITH_FAILURE)
    ctx.expect(results == want, "wrong-results", got=results, want=want)


@check("workers")
def workers_at_once(ctx: Context) -> None:
    _, meter, _ = run_case(ctx, SIMPLE, 2)
    ctx.expect(meter.most <= 2, "too-many", most=meter.most)
    ctx.expect(meter.most == 2, "too-few", most=meter.most)


@check("no-waste")
def free_worker_takes_next(ctx: Context) -> None:
    _, _, run = run_case(ctx, SIMPLE, 2)
    best = best_time(2, [s for s, _ in SIMPLE])
    ctx.expect(run.elapsed <= best + ctx.tolerance, "slow", elapsed=run.elapsed, best=best)


@check("clean")
def nothing_left_running(ctx: Context) -> None:
    _, _, run = run_case(ctx, WITH_FAILURE, 2)
    ctx.expect(not run.pending, "left-running", tasks=run.describe(run.pending))


def sign(ctx: Context) -> int:
    return ctx.random.choice([1, 1, 1, -1])


@check("generated")
def generated_cases(ctx: Context) -> None:
    for _ in range(8):
        workers = ctx.random.randint(1, 4)
        # Values 1-9; about one in four negative, which makes its handle fail.
        items = [
            (ctx.random.randint(1, 10) / 10, sign(ctx) * ctx.random.randint(1, 9))
            for _ in range(ctx.random.randint(0, 9))
        ]
        results, meter, run = run_case(ctx, items, workers)
        best = best_time(workers, [s for s, _ in items]) if items else 0.0
        shown = ", ".join(f"{ctx.seconds(seconds)} s → {value}" for seconds, value in items)
        case = {"workers": workers, "items": shown or "[]"}
        want = expected(items)
        ctx.expect(results == want, "generated-results", got=results, want=want, **case)
        ctx.expect(meter.most <= workers, "generated-too-many", most=meter.most, **case)
        ctx.expect(
            run.elapsed <= best + ctx.tolerance,
            "generated-slow",
            elapsed=run.elapsed,
            best=best,
            **case,
        )
        ctx.expect(not run.pending, "left-running", tasks=run.describe(run.pending))
