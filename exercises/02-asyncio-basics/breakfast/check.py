"""Checks for "Breakfast in two seconds": the program's output, and how it ran."""

from livecheck import Context, check, mistake


@check("output")
def same_breakfast(ctx: Context) -> None:
    run = ctx.program()
    first = run.lines[:1]
    ctx.expect("breakfast: coffee, toast, eggs" in run.lines, "wrong-breakfast", output=first)


@check("fast")
def ready_in_two_seconds(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.elapsed <= 2.0 + ctx.tolerance, "too-slow", elapsed=run.elapsed)


@check("together")
def cooked_together(ctx: Context) -> None:
    run = ctx.program()
    at_once = run.max_at_once()
    ctx.expect(at_once >= 3, "not-together", at_once=at_once)


@check("clean")
def nothing_left(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(not run.pending, "left-running", tasks=run.describe(run.pending))


@mistake("tasks-awaited-at-once")
def awaited_each_task_at_once(ctx: Context) -> bool:
    run = ctx.program()
    slow = run.elapsed > 2.0 + ctx.tolerance
    return run.ok and slow and len(run.children()) >= 3 and run.max_at_once() <= 1
