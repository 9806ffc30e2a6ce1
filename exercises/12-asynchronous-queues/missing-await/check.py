"""Checks for "Orders that never arrive": every order served, in order, before closing."""

from __future__ import annotations

import asyncio

from livecheck import Context, NotChecked, check, mistake

SERVED = ["served tea", "served cake", "served soup"]


@check("served")
def every_dish_served(ctx: Context) -> None:
    run = ctx.program()
    served = [line for line in run.lines if line.startswith("served ")]
    ctx.expect(served == SERVED, "not-served", served=len(served))


@check("closes-last")
def closes_after_serving(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.lines[-1:] == ["kitchen closed"], "closed-early")


@check("back-pressure")
def orders_wait_for_room(ctx: Context) -> None:
    run = ctx.program()
    lines = run.lines
    if "served tea" not in lines:
        raise NotChecked()  # nothing was served: the check above already says so
    # maxsize=1: the third order can only go in once the kitchen has taken the second one.
    ordered_soup = lines.index("ordered soup") if "ordered soup" in lines else -1
    served_tea = lines.index("served tea") if "served tea" in lines else len(lines)
    ctx.expect(ordered_soup > served_tea, "no-back-pressure")


@mistake("not-awaited")
def put_not_awaited(ctx: Context) -> bool:
    return ctx.program(allow_error=True).never_awaited("put")


@mistake("queue-full")
def put_nowait_on_a_full_queue(ctx: Context) -> bool:
    return isinstance(_leaf(ctx.program(allow_error=True).exception), asyncio.QueueFull)


def _leaf(error: BaseException | None) -> BaseException | None:
    while isinstance(error, BaseExceptionGroup) and error.exceptions:
        error = error.exceptions[0]
    return error
