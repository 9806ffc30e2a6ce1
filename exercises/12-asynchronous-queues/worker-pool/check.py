"""Checks for "Three cooks": every dish served, by three workers at once, in 2 s, none left."""

import re

from livecheck import Context, check

DISHES = {"soup", "salad", "pasta", "fish", "pie", "tea"}


@check("served")
def every_dish_served_once(ctx: Context) -> None:
    run = ctx.program()
    served = [m.group(1) for line in run.lines if (m := re.fullmatch(r"\S+ served (\w+)", line))]
    shown = ", ".join(served) or "nothing"
    ctx.expect(sorted(served) == sorted(DISHES), "not-served", served=shown)


@check("three-cooks")
def three_workers_at_once(ctx: Context) -> None:
    run = ctx.program()
    at_once = run.max_at_once("worker")
    ctx.expect(at_once <= 3, "too-many-cooks", cooks=at_once)
    ctx.expect(at_once == 3, "one-cook", cooks=at_once)


@check("fast")
def served_in_two_seconds(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.elapsed <= 2.0 + ctx.tolerance, "too-slow", elapsed=run.elapsed)


@check("clean")
def no_worker_left(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(not run.pending, "left-running", tasks=run.describe(run.pending))
