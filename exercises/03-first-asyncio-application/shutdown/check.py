"""Checks for "Shut down with a deadline": client tasks of the check's own, each with a cleanup
time, record how far their cleanup got; the virtual clock measures how long shutdown takes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, check

CLEANUPS = {"alice": 0.2, "bob": 0.5, "carol": 30.0}
DEADLINE = 2.0


@dataclass
class Seen:
    result: Any = None
    elapsed: float = 0.0
    #: names whose cleanup had finished when shutdown returned
    cleaned: set[str] = field(default_factory=set)
    #: names of tasks not done yet when shutdown returned
    running: list[str] = field(default_factory=list)


def run_shutdown(ctx: Context, cleanups: dict[str, float], deadline: float) -> Seen:
    shutdown = ctx.function("shutdown", coroutine=True)
    seen = Seen()

    async def client(name: str, cleanup: float) -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            await asyncio.sleep(cleanup)
            seen.cleaned.add(name)
            raise

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        tasks = {asyncio.create_task(client(n, s), name=n) for n, s in cleanups.items()}
        await asyncio.sleep(1)
        start = loop.time()
        seen.result = await shutdown(set(tasks), deadline)
        seen.elapsed = loop.time() - start
        cleaned = set(seen.cleaned)
        seen.running = sorted(t.get_name() for t in tasks if not t.done())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        seen.cleaned = cleaned

    ctx.run(scenario)
    return seen


@check("cleanups")
def quick_cleanups_finish(ctx: Context) -> None:
    seen = run_shutdown(ctx, CLEANUPS, DEADLINE)
    missing = sorted({"alice", "bob"} - seen.cleaned)
    ctx.expect(not missing, "not-waited", missing=", ".join(missing))


@check("deadline")
def within_the_deadline(ctx: Context) -> None:
    seen = run_shutdown(ctx, CLEANUPS, DEADLINE)
    ctx.expect(seen.elapsed <= DEADLINE + ctx.tolerance, "no-deadline", elapsed=seen.elapsed)


@check("nothing-left")
def every_task_stopped(ctx: Context) -> None:
    seen = run_shutdown(ctx, CLEANUPS, DEADLINE)
    ctx.expect(not seen.running, "left-running", running=", ".join(seen.running))


@check("cut-short")
def names_of_the_stragglers(ctx: Context) -> None:
    seen = run_shutdown(ctx, CLEANUPS, DEADLINE)
    ctx.expect(seen.result == ["carol"], "wrong-stragglers", got=seen.result)


@check("generated")
def generated_shutdowns(ctx: Context) -> None:
    names = ["ana", "bruno", "caio", "dora", "eva"]
    for _ in range(6):
        count = ctx.random.randint(1, 4)
        cleanups = {name: ctx.random.randint(0, 40) / 10 for name in names[:count]}
        deadline = ctx.random.choice([0.5, 1.0, 2.5])
        if any(abs(s - deadline) < 0.1 for s in cleanups.values()):
            continue  # a cleanup ending at the deadline itself could go either way
        seen = run_shutdown(ctx, cleanups, deadline)
        late = sorted(name for name, s in cleanups.items() if s > deadline)
        best = max(cleanups.values()) if not late else deadline
        case = {"cleanups": ", ".join(f"{n} {ctx.seconds(s)} s" for n, s in cleanups.items())}
        right = seen.result == late and not seen.running and seen.elapsed <= best + ctx.tolerance
        ctx.expect(
            right,
            "generated",
            deadline=deadline,
            got=seen.result,
            expected=late,
            elapsed=seen.elapsed,
            best=best,
            **case,
        )
