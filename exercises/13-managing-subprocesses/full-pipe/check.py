"""Checks for "The pipe that filled up": real children (this Python, with `-c`), run on the
reader's machine. A child that writes more than a pipe holds must not hang `run_tool`."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from livecheck import Context, check

#: Children end their output with a newline, so that an unpiped child cannot glue its text to
#: the verdict's line; a child cut off by a closed pipe leaves quietly.
CHILD = """
import os, sys
try:
    sys.stdout.write({text!r} * {times})
    sys.stdout.flush()
except BrokenPipeError:
    os._exit(1)
sys.exit({status})
"""

BIG = 1_000_000


@dataclass
class Outcome:
    value: Any
    problem: str | None
    error: str | None


def run_child(ctx: Context, text: str, times: int = 1, status: int = 0) -> Outcome:
    run_tool = ctx.function("run_tool", coroutine=True)
    seen: dict[str, Any] = {}
    code = CHILD.format(text=text, times=times, status=status)

    async def scenario() -> None:
        seen["value"] = await run_tool(sys.executable, "-c", code)

    run = ctx.run(scenario, allow_error=True, limit=3)
    problem = run.problem.message_id if run.problem is not None else None
    error = type(run.exception).__name__ if run.exception is not None else None
    return Outcome(seen.get("value"), problem, error)


def expect_returned(ctx: Context, got: Outcome) -> None:
    ctx.expect(got.error is None, "raised", error=got.error)
    ctx.expect(got.problem is None, "broke", problem=got.problem)


@check("small")
def small_output(ctx: Context) -> None:
    got = run_child(ctx, "hello\n")
    expect_returned(ctx, got)
    ctx.expect(got.value is not None and got.value[1] is not None, "not-piped")
    right = got.value is not None and tuple(got.value) == (0, b"hello\n")
    ctx.expect(right, "wrong-small", got=repr(got.value))


@check("large")
def large_output(ctx: Context) -> None:
    small = run_child(ctx, "hello\n")
    if small.value is None or small.value[1] is None:
        # Not piped: a megabyte would land in the reader's terminal. The first check said why.
        ctx.fail("needs-small")
    got = run_child(ctx, "x", BIG)
    ctx.expect(got.problem not in ("timeout", "deadlock"), "deadlock", size=BIG)
    expect_returned(ctx, got)
    length = len(got.value[1]) if got.value and got.value[1] is not None else 0
    ctx.expect(length == BIG and got.value[0] == 0, "wrong-large", length=length, size=BIG)


@check("status")
def failing_child(ctx: Context) -> None:
    got = run_child(ctx, "oops\n", status=4)
    expect_returned(ctx, got)
    right = got.value is not None and tuple(got.value) == (4, b"oops\n")
    ctx.expect(right, "wrong-status", got=repr(got.value))
