"""Checks for "Lost bytes": real threads, so it is checked on the reader's machine."""

from __future__ import annotations

import re

from livecheck import Context, check, mistake

TOTAL = 2000
#: Twenty uploads of 0.1 s: about 0.5 s in the default executor's threads, 2 s one at a time.
PARALLEL_BOUND = 1.2


def sent(ctx: Context) -> int | None:
    for line in ctx.program().lines:
        found = re.fullmatch(r"sent (\d+) of \d+ bytes", line.strip())
        if found:
            return int(found.group(1))
    return None


@check("total")
def no_update_lost(ctx: Context) -> None:
    got = sent(ctx)
    if got is None:
        ctx.fail("no-total")
    ctx.expect(got == TOTAL, "lost", got=got, lost=TOTAL - (got or 0))


@check("parallel")
def uploads_overlap(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.elapsed <= PARALLEL_BOUND, "lock-too-wide", elapsed=run.elapsed)


@check("loop-free")
def loop_never_blocked(ctx: Context) -> None:
    run = ctx.program()
    if run.blocking:
        step = max(run.blocking, key=lambda s: s.duration)
        ctx.fail("blocking", coroutine=step.coroutine, duration=step.duration)


@mistake("asyncio-lock")
def asyncio_lock_in_a_thread(ctx: Context) -> bool:
    error = ctx.program(allow_error=True).exception
    return isinstance(error, (TypeError, AttributeError)) and "asyncio.Lock(" in ctx.source


@mistake("lock-per-call")
def new_lock_in_every_call(ctx: Context) -> bool:
    """A lock made inside `upload` is a new lock for every thread: it keeps nobody out."""
    body = re.search(r"^def upload\(.*?(?=^\S)", ctx.source, re.S | re.M)
    return body is not None and "Lock()" in body.group(0)
