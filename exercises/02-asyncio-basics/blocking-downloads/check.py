"""Checks for "Downloads that block": the pages, the time, and no step that holds the loop."""

from livecheck import Context, check, mistake

PAGES = "['<home>', '<about>', '<blog>']"
#: Each download's own wait, in the order main starts them.
WAITS = {"home": 1.0, "about": 0.5, "blog": 1.5}


@check("pages")
def same_pages(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(PAGES in run.lines, "wrong-pages", expected=PAGES)


@check("waits")
def each_download_waits(ctx: Context) -> None:
    run = ctx.program()
    downloads = run.children("download")
    quick = [t for t in downloads if t.ended is not None and t.ended - t.created < 0.5 - 0.01]
    ctx.expect(len(downloads) == 3 and not quick, "no-wait")


@check("overlap")
def downloads_overlap(ctx: Context) -> None:
    run = ctx.program()
    longest = max(WAITS.values())
    ctx.expect(run.elapsed <= longest + ctx.tolerance, "too-slow", elapsed=run.elapsed)


@check("no-blocking")
def nothing_blocks(ctx: Context) -> None:
    run = ctx.program()
    if run.blocking:
        step = max(run.blocking, key=lambda s: s.duration)
        ctx.fail("blocking", coroutine=step.coroutine, duration=step.duration)


@mistake("not-awaited")
def sleep_not_awaited(ctx: Context) -> bool:
    return ctx.program().never_awaited("sleep")
