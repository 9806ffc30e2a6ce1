"""Checks for "Lost emails": every email goes out, in the background, before main() reports."""

from livecheck import Context, check, mistake


@check("welcomes")
def welcomes_everyone(ctx: Context) -> None:
    run = ctx.program()
    welcomes = [line for line in run.lines if line.startswith("welcome, ")]
    ctx.expect(welcomes == ["welcome, ana", "welcome, bruno", "welcome, carla"], "no-welcome")


@check("all-sent")
def all_emails_sent(ctx: Context) -> None:
    run = ctx.program()
    reported = [line for line in run.lines if line.startswith("emails sent:")]
    last = reported[-1] if reported else "nothing"
    ctx.expect(reported == ["emails sent: 3"], "lost", reported=last)


@check("none-left")
def nothing_left_running(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(not run.pending, "left-running", tasks=run.describe(run.pending))


@check("background")
def emails_in_the_background(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.elapsed <= 0.5 + ctx.tolerance, "one-at-a-time", elapsed=run.elapsed)


@mistake("kept-not-awaited")
def kept_but_not_awaited(ctx: Context) -> bool:
    run = ctx.program()
    return bool(run.pending) and ".add(" in ctx.source
