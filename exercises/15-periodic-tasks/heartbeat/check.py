"""Checks for "A heartbeat during the work": it beats while the work runs and is cancelled after."""

from livecheck import Context, NotChecked, check

STEPS = ["download done", "resize done", "upload done"]


@check("work")
def work_done(ctx: Context) -> None:
    run = ctx.program()
    steps = [line for line in run.lines if line.endswith(" done")]
    ctx.expect(steps == STEPS, "work-missing")


@check("during")
def beats_during_the_work(ctx: Context) -> None:
    lines = ctx.program().lines
    if "download done" not in lines or "upload done" not in lines:
        raise NotChecked()  # the work itself is missing: the check above says so
    first, last = lines.index("download done"), lines.index("upload done")
    ctx.expect("heartbeat" in lines[first:last], "not-during")
    ctx.expect("heartbeat" not in lines[last:], "beats-after")


@check("fast")
def finishes_with_the_work(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.elapsed <= 3.0 + ctx.tolerance, "too-slow", elapsed=run.elapsed)


@check("stopped")
def heartbeat_cancelled(ctx: Context) -> None:
    run = ctx.program()
    beats = run.children("heartbeat")
    ctx.expect(not run.pending, "left-running", tasks=run.describe(run.pending))
    ctx.expect(beats and all(task.outcome == "cancelled" for task in beats), "not-stopped")
