"""Checks for "Primes off the loop": real processes, so it is checked on the reader's machine.

Each count says which process computed it (`where()` in the reader's file), so the check sees
whether the work really left the main process; the probe's blocking steps show whether the
event loop was held meanwhile.
"""

from __future__ import annotations

import pickle

from livecheck import Context, check, mistake

EXPECTED = {30_000: 3245, 40_000: 4203, 50_000: 5133, 60_000: 6057}


def counted(ctx: Context) -> list[str]:
    return [line for line in ctx.program().lines if line.startswith("primes below ")]


@check("counts")
def right_counts(ctx: Context) -> None:
    wanted = [f"primes below {limit}: {count}" for limit, count in EXPECTED.items()]
    got = [line.split(" (")[0] for line in counted(ctx)]
    ctx.expect(got == wanted, "wrong-counts", wanted="; ".join(wanted))


@check("in-workers")
def counted_in_workers(ctx: Context) -> None:
    in_main = [line for line in counted(ctx) if not line.endswith("(counted in a worker process)")]
    ctx.expect(not in_main, "in-main", count=len(in_main))


@check("loop-free")
def loop_never_blocked(ctx: Context) -> None:
    run = ctx.program()
    if run.blocking:
        step = max(run.blocking, key=lambda s: s.duration)
        ctx.fail("blocking", coroutine=step.coroutine, duration=step.duration)


@mistake("lambda")
def sent_a_lambda(ctx: Context) -> bool:
    error = ctx.program(allow_error=True).exception
    refused = isinstance(error, (pickle.PicklingError, AttributeError)) and "pickle" in str(error)
    return refused and "lambda" in ctx.source
