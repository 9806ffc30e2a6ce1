"""Checks for "Progress from a thread": real threads, so it is checked on the reader's machine.

The check swaps the copy for one of its own that writes down when each chunk was written, and
reads the queue itself, so it sees how long each report took to reach the event loop.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from livecheck import Context, NotChecked, Run, check, mistake

CHUNKS = 6
CHUNK_SECONDS = 0.1
#: A report that reaches the loop later than this after its chunk was written came too late.
LATE = 0.25


@dataclass
class Copy:
    """What one copy did: when each chunk was written, when its report arrived, the result."""

    written: dict[int, float] = field(default_factory=dict)
    arrived: list[tuple[int, float]] = field(default_factory=list)
    result: object = None
    run: Run | None = None
    #: Calls of the queue's put_nowait made from another thread than the loop's.
    foreign_puts: int = 0


class WatchedQueue(asyncio.Queue[int]):
    """A queue that notes each put_nowait made from a thread other than its loop's."""

    def __init__(self, copy: Copy) -> None:
        super().__init__()
        self.copy = copy
        self.loop_thread = threading.get_ident()

    def put_nowait(self, item: int) -> None:
        if threading.get_ident() != self.loop_thread:
            self.copy.foreign_puts += 1
        super().put_nowait(item)


def copy_in_chunks(copy: Copy) -> Callable[[int, Callable[[int], None]], str]:
    def fake(chunks: int, on_progress: Callable[[int], None]) -> str:
        for done in range(1, chunks + 1):
            time.sleep(CHUNK_SECONDS)
            copy.written[done] = time.monotonic()
            on_progress(done)
        return f"copied {chunks} chunks"

    return fake


_copies: dict[int, Copy] = {}


def copied(ctx: Context) -> Copy:
    """Runs the reader's copy_with_progress once, with the check's own copy and queue."""
    key = id(ctx)
    if key in _copies:
        return _copies[key]
    module = ctx.module()
    copy_with_progress = getattr(module, "copy_with_progress", None)
    if copy_with_progress is None:
        raise ctx.fail("missing-function", name="copy_with_progress")
    copy = Copy()
    setattr(module, "copy_in_chunks", copy_in_chunks(copy))

    async def scenario() -> None:
        progress = WatchedQueue(copy)

        async def read() -> None:
            while True:
                done = await progress.get()
                copy.arrived.append((done, time.monotonic()))

        reader = asyncio.create_task(read())
        try:
            copy.result = await copy_with_progress(CHUNKS, progress)
            for _ in range(50):  # reports still on their way get half a second
                if len(copy.arrived) >= CHUNKS:
                    break
                await asyncio.sleep(0.01)
        finally:
            reader.cancel()

    copy.run = ctx.run(scenario, allow_error=True, limit=5.0)
    _copies[key] = copy
    return copy


def raised_no_loop(copy: Copy) -> bool:
    error = copy.run.exception if copy.run else None
    return isinstance(error, RuntimeError) and "no running event loop" in str(error)


@check("reports")
def every_report_arrives(ctx: Context) -> None:
    copy = copied(ctx)
    if raised_no_loop(copy):
        ctx.fail("no-loop-in-thread")
    if copy.run is not None and copy.run.problem is not None:
        raise copy.run.problem
    numbers = [done for done, _ in copy.arrived]
    ctx.expect(numbers == list(range(1, CHUNKS + 1)), "missing-reports", got=numbers)
    ctx.expect(copy.result == f"copied {CHUNKS} chunks", "no-result", got=repr(copy.result))


@check("on-time")
def reports_arrive_as_written(ctx: Context) -> None:
    copy = copied(ctx)
    if copy.run is not None and copy.run.problem is not None:
        raise NotChecked()
    lateness = max(at - copy.written[done] for done, at in copy.arrived)
    if lateness > LATE:
        first = copy.arrived[0][1] - copy.written[1] + CHUNK_SECONDS
        ctx.fail("late", first=first, last=CHUNKS * CHUNK_SECONDS)


@check("thread-safe")
def no_loop_call_from_the_thread(ctx: Context) -> None:
    copy = copied(ctx)
    if copy.run is not None and copy.run.problem is not None:
        raise NotChecked()
    ctx.expect(copy.foreign_puts == 0, "wrong-thread", calls=copy.foreign_puts)


@check("loop-free")
def loop_never_blocked(ctx: Context) -> None:
    copy = copied(ctx)
    run = copy.run
    if run is None or run.problem is not None:
        raise NotChecked()
    if run.blocking:
        step = max(run.blocking, key=lambda s: s.duration)
        ctx.fail("blocking", duration=step.duration)


@mistake("call-soon")
def plain_call_soon(ctx: Context) -> bool:
    return "call_soon(" in ctx.source
