"""Checks for "Answers as they arrive": each answer printed when it arrives, a deadline for the
whole page, and the requests past it cancelled rather than left running."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, check, mistake

DELAYS = {"/news": 0.6, "/weather": 0.2, "/prices": 1.5, "/sports": 0.4, "/archive": 3.0}
DEADLINE = 1.0

NOTHING = {"en": "nothing", "pt-BR": "nada"}


def named(ctx: Context, module: Any, name: str) -> Any:
    """The reader's `name` (a function or a class), or a plain failure when it is missing."""
    found = getattr(module, name, None)
    if found is None or not callable(found):
        ctx.fail("missing-function", name=name)
    return found


def listed(ctx: Context, lines: list[str], separator: str) -> str:
    """Printed lines for a message ("nothing" when there are none)."""
    return separator.join(lines) or NOTHING.get(ctx.lang, "nothing")


@dataclass
class Outcome:
    delays: dict[str, float]
    deadline: float
    lines: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    #: Paths whose request had been cancelled just after main() returned.
    cancelled: set[str] = field(default_factory=set)

    def answered(self) -> list[str]:
        """The lines a right answer prints for the requests that beat the deadline, in the
        order they arrive."""
        fast = sorted((d, p) for p, d in self.delays.items() if d < self.deadline)
        return [f"{path}: 200" for _, path in fast]

    def too_slow(self) -> list[str]:
        return [p for p, d in self.delays.items() if d > self.deadline]


def run_page(ctx: Context, delays: dict[str, float], deadline: float) -> Outcome:
    """Runs the reader's main() with requests of the check's own, which record a cancel."""
    module: Any = ctx.module()
    main = named(ctx, module, "main")
    outcome = Outcome(dict(delays), deadline)
    cancelled: set[str] = set()

    async def fetch(path: str) -> str:
        try:
            await asyncio.sleep(delays[path])
        except asyncio.CancelledError:
            cancelled.add(path)
            raise
        return f"{path}: 200"

    module.DELAYS = dict(delays)
    module.DEADLINE = deadline
    module.fetch = fetch

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        await main()
        outcome.elapsed = loop.time() - start
        # A cancel() is delivered at the task's next turn: give it that turn, no more.
        await asyncio.sleep(0.01)
        outcome.cancelled = set(cancelled)

    run = ctx.run(scenario, name="main")
    outcome.lines = run.lines
    return outcome


def default(ctx: Context) -> Outcome:
    return run_page(ctx, DELAYS, DEADLINE)


@check("deadline")
def ends_by_deadline(ctx: Context) -> None:
    got = default(ctx)
    ctx.expect(got.elapsed <= DEADLINE + ctx.tolerance, "too-slow", elapsed=got.elapsed)


@check("arrivals")
def printed_as_they_arrive(ctx: Context) -> None:
    got = default(ctx)
    printed = [line for line in got.lines if line.endswith(": 200")]
    want = got.answered()
    ctx.expect(printed == want, "argument-order", got=listed(ctx, printed, ", "),
               want=", ".join(want))


@check("gave-up")
def slow_ones_reported(ctx: Context) -> None:
    got = default(ctx)
    missing = [p for p in got.too_slow() if f"{p}: gave up" not in got.lines]
    ctx.expect(not missing, "not-reported", paths=", ".join(missing))


@check("cancelled")
def slow_ones_cancelled(ctx: Context) -> None:
    got = default(ctx)
    running = [p for p in got.too_slow() if p not in got.cancelled]
    ctx.expect(not running, "left-running", paths=", ".join(running))


@check("generated")
def generated_pages(ctx: Context) -> None:
    for _ in range(5):
        count = ctx.random.randint(3, 7)
        tenths = ctx.random.sample([t for t in range(1, 30) if t not in (9, 10, 11)], count)
        delays = {f"/page{n}": t / 10 for n, t in enumerate(tenths, 1)}
        got = run_page(ctx, delays, DEADLINE)
        shown = ", ".join(f"{p} {ctx.seconds(d)} s" for p, d in delays.items())
        printed = [line for line in got.lines if line.endswith(": 200")]
        ok = (
            got.elapsed <= DEADLINE + ctx.tolerance
            and printed == got.answered()
            and all(f"{p}: gave up" in got.lines for p in got.too_slow())
            and all(p in got.cancelled for p in got.too_slow())
        )
        ctx.expect(ok, "generated", delays=shown, got=listed(ctx, got.lines, " | "))


@mistake("gather-waits")
def waits_with_gather(ctx: Context) -> bool:
    return "gather(" in ctx.source
