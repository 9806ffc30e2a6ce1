"""Checks for "In lockstep": rounds never overlap, the workers of a round run together, and
the whole takes the sum of each round's slowest part."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from livecheck import Context, check


@dataclass
class Plan:
    """How long worker w takes in round r, and when each part started and ended."""

    seconds: list[list[float]]
    started: dict[tuple[int, int], float] = field(default_factory=dict)
    ended: dict[tuple[int, int], float] = field(default_factory=dict)
    elapsed: float = 0.0

    @property
    def workers(self) -> int:
        return len(self.seconds)

    @property
    def rounds(self) -> int:
        return len(self.seconds[0])

    def expected_elapsed(self) -> float:
        return sum(max(part[r] for part in self.seconds) for r in range(self.rounds))

    def early_start(self) -> tuple[int, int] | None:
        """A (worker, round) that started before the round before it was over, if any."""
        for r in range(1, self.rounds):
            ends = [self.ended.get((w, r - 1), float("inf")) for w in range(self.workers)]
            previous_end = max(ends)
            for w in range(self.workers):
                if self.started.get((w, r), float("inf")) < previous_end - 1e-9:
                    return (w, r)
        return None


def run_plan(ctx: Context, plan: Plan) -> Plan:
    in_lockstep = ctx.function("in_lockstep", coroutine=True)

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()

        async def work(w: int, r: int) -> None:
            plan.started[(w, r)] = loop.time() - start
            await asyncio.sleep(plan.seconds[w][r])
            plan.ended[(w, r)] = loop.time() - start

        await in_lockstep(plan.workers, plan.rounds, work)
        plan.elapsed = loop.time() - start

    ctx.run(scenario)
    return plan


FIXED = [[0.1, 0.1, 0.1], [0.2, 0.2, 0.2], [0.3, 0.3, 0.3]]


@check("in-step")
def rounds_do_not_overlap(ctx: Context) -> None:
    plan = run_plan(ctx, Plan(FIXED))
    early = plan.early_start()
    if early is not None:
        w, r = early
        ctx.fail("out-of-step", worker=w, round=r, previous=r - 1, at=plan.started[(w, r)])


@check("all-parts")
def every_part_done(ctx: Context) -> None:
    plan = run_plan(ctx, Plan(FIXED))
    missing = 3 * 3 - len(plan.ended)
    ctx.expect(missing == 0, "missing-parts", missing=missing)


@check("fast")
def rounds_run_together(ctx: Context) -> None:
    plan = run_plan(ctx, Plan(FIXED))
    ctx.expect(plan.elapsed <= 0.9 + ctx.tolerance, "too-slow", elapsed=plan.elapsed)


@check("generated")
def generated_plans(ctx: Context) -> None:
    for _ in range(5):
        workers = ctx.random.randint(2, 5)
        rounds = ctx.random.randint(1, 4)
        seconds = [[ctx.random.randint(1, 9) / 10 for _ in range(rounds)] for _ in range(workers)]
        plan = run_plan(ctx, Plan(seconds))
        want = plan.expected_elapsed()
        in_step = plan.early_start() is None and len(plan.ended) == workers * rounds
        if not in_step or abs(plan.elapsed - want) > ctx.tolerance:
            ctx.fail("generated", workers=workers, rounds=rounds, elapsed=plan.elapsed, want=want)
