"""Checks for "A schedule that keeps time": start times of every run, on fixed and random jobs."""

from __future__ import annotations

import asyncio
from typing import Any

from livecheck import Context, check


def expected_starts(period: float, durations: list[float]) -> list[float]:
    """Fixed rate with catch-up: a run starts at its deadline, or when the last one ended."""
    starts, free = [], 0.0
    for index, seconds in enumerate(durations):
        start = max(index * period, free)
        starts.append(start)
        free = start + seconds
    return starts


def starts_of(ctx: Context, period: float, durations: list[float]) -> dict[str, Any]:
    every = ctx.function("every", coroutine=True)
    seen: dict[str, Any] = {"starts": [], "overlap": False, "running": 0}

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        origin = loop.time()
        queue = list(durations)

        async def job() -> None:
            seen["starts"].append(loop.time() - origin)
            seen["overlap"] = seen["overlap"] or seen["running"] > 0
            seen["running"] += 1
            try:
                await asyncio.sleep(queue.pop(0) if queue else 0.0)
            finally:
                seen["running"] -= 1

        await every(period, job, len(durations))

    ctx.run(scenario)
    return seen


def first_late(got: list[float], want: list[float], tolerance: float) -> int | None:
    for index, (g, w) in enumerate(zip(got, want)):
        if abs(g - w) > tolerance:
            return index
    return None if len(got) == len(want) else min(len(got), len(want))


def expect_schedule(ctx: Context, period: float, durations: list[float], message: str) -> None:
    seen = starts_of(ctx, period, durations)
    ctx.expect(not seen["overlap"], "overlap")
    want = expected_starts(period, durations)
    late = first_late(seen["starts"], want, ctx.tolerance)
    if late is not None:
        got = seen["starts"]
        ctx.fail(
            message,
            run=late + 1,
            got=got[late] if late < len(got) else "—",
            want=want[late] if late < len(want) else "—",
            count=len(got),
            times=len(want),
            job=durations[0],
        )


@check("steady")
def no_drift(ctx: Context) -> None:
    expect_schedule(ctx, 1.0, [0.3] * 5, "drift")


@check("uneven")
def uneven_jobs(ctx: Context) -> None:
    expect_schedule(ctx, 1.0, [0.1, 0.8, 0.4, 0.9, 0.2], "uneven")


@check("overshoot")
def a_slow_run(ctx: Context) -> None:
    expect_schedule(ctx, 1.0, [0.2, 1.5, 0.2, 0.2], "overshoot")


@check("generated")
def generated_schedules(ctx: Context) -> None:
    for _ in range(8):
        period = ctx.random.randint(2, 10) / 10
        longest = int(period * 10) - 1
        durations = [ctx.random.randint(0, longest) / 10 for _ in range(ctx.random.randint(1, 6))]
        expect_schedule(ctx, period, durations, "generated")
