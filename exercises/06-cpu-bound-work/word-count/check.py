"""Checks for "Word count in chunks": a map/reduce over a pretend pool of two workers.

The page has no processes, so the check hands `count_words` a pool of its own that behaves like
`run_in_executor` on a two-process pool, on the virtual clock: each call is pickled there and
back (a lambda or a local function is refused, as a real pool refuses it), waits for a free
worker, then takes 0.05 s to ship plus 1 ms per line to count.
"""

from __future__ import annotations

import asyncio
import heapq
import math
import pickle
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from livecheck import Context, check, mistake

WORKERS = 2
SHIP = 0.05
PER_LINE = 0.001
WORDS = ["loop", "task", "await", "future", "pool", "worker", "chunk", "count"]


def call_cost(lines: int) -> float:
    return SHIP + PER_LINE * lines


@dataclass
class PretendPool:
    """Two worker processes, as `run_in_executor` would reach them."""

    #: Lines sent with each call, in the order the calls were made.
    calls: list[int] = field(default_factory=list)
    #: What could not be pickled, if anything.
    refused: str | None = None
    free: asyncio.Semaphore | None = None
    #: The most calls sent and not yet answered at the same moment.
    most: int = 0
    waiting: int = 0

    async def run(self, function: Callable[..., Any], *args: Any) -> Any:
        try:
            function, args = pickle.loads(pickle.dumps((function, args)))
        except Exception:  # noqa: BLE001 - whatever pickle refuses, a real pool refuses too
            self.refused = getattr(function, "__qualname__", repr(function))
        size = len(args[0]) if args and hasattr(args[0], "__len__") else 0
        self.calls.append(size)
        if self.free is None:
            self.free = asyncio.Semaphore(WORKERS)
        self.waiting += 1
        self.most = max(self.most, self.waiting)
        try:
            async with self.free:
                await asyncio.sleep(call_cost(size))
                result = function(*args)
        finally:
            self.waiting -= 1
        return pickle.loads(pickle.dumps(result))


@dataclass
class Outcome:
    counts: Any
    pool: PretendPool
    elapsed: float


def make_lines(ctx: Context, count: int) -> list[str]:
    return [" ".join(ctx.random.choices(WORDS, k=ctx.random.randint(1, 8))) for _ in range(count)]


def count_with(ctx: Context, lines: list[str], chunk_size: int) -> Outcome:
    module = ctx.module()
    count_words = getattr(module, "count_words", None)
    if count_words is None:
        raise ctx.fail("missing-function", name="count_words")
    pool = PretendPool()
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        seen["counts"] = await count_words(list(lines), chunk_size, pool.run)

    # Pickle finds a module-level function by its module's name, as a worker would import it.
    sys.modules[module.__name__] = module
    try:
        run = ctx.run(scenario)
    finally:
        sys.modules.pop(module.__name__, None)
    return Outcome(seen["counts"], pool, run.elapsed)


def best_time(lines: int, chunk_size: int) -> float:
    """Chunks of `chunk_size` lines, all sent at once, each taken by the first free worker."""
    sizes = [min(chunk_size, lines - start) for start in range(0, lines, chunk_size)]
    slots = [0.0] * min(WORKERS, len(sizes))
    for size in sizes:
        heapq.heappush(slots, heapq.heappop(slots) + call_cost(size))
    return max(slots, default=0.0)


def exact(ctx: Context, value: float) -> str:
    """Seconds with two decimals, as the reader's language writes them (0.35 / 0,35)."""
    text = f"{value:.2f}"
    return text.replace(".", ",") if ctx.lang == "pt-BR" else text


def first_difference(got: Any, lines: list[str]) -> dict[str, Any] | None:
    wanted: Counter[str] = Counter(word for line in lines for word in line.split())
    if not isinstance(got, dict):
        return {"word": "?", "got": repr(got)[:60], "wanted": "a Counter"}
    for word in sorted(set(wanted) | set(got)):
        if got.get(word, 0) != wanted[word]:
            return {"word": word, "got": got.get(word, 0), "wanted": wanted[word]}
    return None


_cases: dict[int, tuple[list[str], Outcome]] = {}
LINES, CHUNK = 400, 100


def main_case(ctx: Context) -> tuple[list[str], Outcome]:
    if id(ctx) not in _cases:
        lines = make_lines(ctx, LINES)
        _cases[id(ctx)] = (lines, count_with(ctx, lines, CHUNK))
    return _cases[id(ctx)]


@check("counts")
def same_counts(ctx: Context) -> None:
    lines, outcome = main_case(ctx)
    difference = first_difference(outcome.counts, lines)
    if difference is not None:
        ctx.fail("wrong-counts", **difference)


@check("chunks")
def one_call_per_chunk(ctx: Context) -> None:
    _, outcome = main_case(ctx)
    calls = outcome.pool.calls
    wanted = math.ceil(LINES / CHUNK)
    if len(calls) > wanted:
        ctx.fail("tiny-tasks", calls=len(calls), wanted=wanted)
    if len(calls) < wanted or max(calls, default=0) > CHUNK:
        ctx.fail("not-split", biggest=max(calls, default=0))


@check("together")
def chunks_overlap(ctx: Context) -> None:
    _, outcome = main_case(ctx)
    best = best_time(LINES, CHUNK)
    if outcome.elapsed > best + ctx.tolerance:
        times = {"elapsed": exact(ctx, outcome.elapsed), "best": exact(ctx, best)}
        if len(outcome.pool.calls) > 1 and outcome.pool.most == 1:
            ctx.fail("one-at-a-time", **times)
        ctx.fail("idle-worker", **times)


@check("sendable")
def calls_can_be_pickled(ctx: Context) -> None:
    _, outcome = main_case(ctx)
    ctx.expect(outcome.pool.refused is None, "cannot-pickle", name=outcome.pool.refused)


@check("generated")
def generated_cases(ctx: Context) -> None:
    for _ in range(8):
        size = ctx.random.randint(1, 60)
        chunk = ctx.random.randint(1, 25)
        lines = make_lines(ctx, size)
        outcome = count_with(ctx, lines, chunk)
        case = {"lines": size, "chunk": chunk}
        difference = first_difference(outcome.counts, lines)
        if difference is not None:
            ctx.fail("generated-counts", **case, **difference)
        calls = outcome.pool.calls
        if len(calls) != math.ceil(size / chunk) or max(calls) > chunk:
            ctx.fail("generated-chunks", **case, calls=len(calls), wanted=math.ceil(size / chunk))
        best = best_time(size, chunk)
        if outcome.elapsed > best + ctx.tolerance:
            times = {"elapsed": exact(ctx, outcome.elapsed), "best": exact(ctx, best)}
            ctx.fail("generated-slow", **case, **times)


@mistake("merged-not-added")
def merged_instead_of_added(ctx: Context) -> bool:
    """`total |= counts` keeps the biggest count of a word, `dict.update` / `{**a, **b}` the
    last one: either way the counts were merged, not added."""
    lines, outcome = main_case(ctx)
    counts = outcome.counts
    if not isinstance(counts, dict):
        return False
    partial = [
        Counter(word for line in lines[start:start + CHUNK] for word in line.split())
        for start in range(0, LINES, CHUNK)
    ]
    biggest: Counter[str] = Counter()
    last: dict[str, int] = {}
    for counted in partial:
        biggest |= counted
        last.update(counted)
    return dict(counts) in (dict(biggest), last)
