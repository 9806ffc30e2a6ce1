"""Checks for "Taking turns": the lines come in round-robin order, for any set of tasks."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator
from typing import Any

from livecheck import Context, check, mistake

Task = Generator[str, None, None]


def counter(name: str, steps: int) -> Task:
    for step in range(1, steps + 1):
        yield f"{name} {step}"


def round_robin(plan: list[tuple[str, int]]) -> list[str]:
    """What take_turns must return for counters with these names and step counts."""
    ready = deque(counter(name, steps) for name, steps in plan)
    lines: list[str] = []
    while ready:
        task = ready.popleft()
        for line in task:
            lines.append(line)
            ready.append(task)
            break
    return lines


def skipping(plan: list[tuple[str, int]]) -> list[str]:
    """The known mistake: removing a finished task from the list being looped over."""
    ready = [counter(name, steps) for name, steps in plan]
    lines: list[str] = []
    while ready:
        for task in ready:
            try:
                lines.append(next(task))
            except StopIteration:
                ready.remove(task)
    return lines


def take_turns_on(ctx: Context, plan: list[tuple[str, int]]) -> Any:
    take_turns: Callable[[list[Task]], Any] = ctx.function("take_turns", coroutine=False)
    got: dict[str, Any] = {}

    async def scenario() -> None:
        got["lines"] = take_turns([counter(name, steps) for name, steps in plan])

    ctx.run(scenario)
    return got.get("lines")


EXAMPLE = [("a", 3), ("b", 1), ("c", 2)]


@check("order")
def example_in_turns(ctx: Context) -> None:
    got = take_turns_on(ctx, EXAMPLE)
    if got == [line for name, steps in EXAMPLE for line in counter(name, steps)]:
        ctx.fail("one-at-a-time")
    want = round_robin(EXAMPLE)
    ctx.expect(got == want, "wrong-order", got=repr(got), want=repr(want))


@check("empty")
def nothing_to_do(ctx: Context) -> None:
    plan = [("idle", 0), ("x", 2), ("quiet", 0)]
    got = take_turns_on(ctx, plan)
    ctx.expect(got == ["x 1", "x 2"], "empty-tasks", got=repr(got))


@check("generated")
def generated_plans(ctx: Context) -> None:
    for _ in range(6):
        count = ctx.random.randint(1, 5)
        plan = [(chr(ord("a") + n), ctx.random.randint(0, 4)) for n in range(count)]
        got = take_turns_on(ctx, plan)
        want = round_robin(plan)
        if got != want:
            steps = ", ".join(f"{name}: {steps}" for name, steps in plan)
            ctx.fail("generated", steps=steps, got=repr(got), want=repr(want))


@mistake("skipped-turn")
def removed_while_looping(ctx: Context) -> bool:
    return take_turns_on(ctx, EXAMPLE) == skipping(EXAMPLE)
