"""Checks for "Queries through a pool": a pool of the check's own whose connections refuse a
second query at once (as asyncpg's do) and whose queries take different times."""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, NotChecked, Run, check

MESSAGE = "cannot perform operation: another operation is in progress"
SIZE = 3
ORDERS = {1: 0.3, 2: 0.1, 3: 0.2, 4: 0.1, 5: 0.4, 6: 0.1, 7: 0.2}


class Connection:
    def __init__(self, pool: Pool) -> None:
        self.pool = pool
        self.busy = False

    async def fetchval(self, query: str, order_id: int) -> int:
        if self.busy:
            self.pool.refused += 1
            raise self.pool.error_type(MESSAGE)
        self.busy = True
        try:
            await asyncio.sleep(self.pool.orders[order_id])
            return order_id * 10
        finally:
            self.busy = False


@dataclass
class Pool:
    orders: dict[int, float]
    size: int
    error_type: type[Exception]
    refused: int = 0
    idle: asyncio.Queue[Connection] = field(init=False)

    def __post_init__(self) -> None:
        self.idle = asyncio.Queue()
        for _ in range(self.size):
            self.idle.put_nowait(Connection(self))

    @asynccontextmanager
    async def acquire(self) -> AsyncGenerator[Connection, None]:
        connection = await self.idle.get()
        try:
            yield connection
        finally:
            self.idle.put_nowait(connection)


@dataclass
class Outcome:
    pool: Pool
    run: Run
    totals: Any = None
    elapsed: float = 0.0


def named(ctx: Context, module: Any, name: str) -> Any:
    """The reader's `name` (a function or a class), or a plain failure when it is missing."""
    found = getattr(module, name, None)
    if found is None or not callable(found):
        ctx.fail("missing-function", name=name)
    return found


def best_time(size: int, durations: list[float]) -> float:
    """Each query takes a connection as soon as one is free, in the order given."""
    slots = [0.0] * min(size, len(durations))
    for seconds in durations:
        heapq.heappush(slots, heapq.heappop(slots) + seconds)
    return max(slots, default=0.0)


def query(ctx: Context, orders: dict[int, float], size: int) -> Outcome:
    module: Any = ctx.module()
    order_totals = named(ctx, module, "order_totals")
    error_type: Any = getattr(module, "InterfaceError", None)
    if not (isinstance(error_type, type) and issubclass(error_type, Exception)):
        error_type = RuntimeError
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        pool = seen["pool"] = Pool(dict(orders), size, error_type)
        loop = asyncio.get_running_loop()
        start = loop.time()
        seen["totals"] = await order_totals(pool, list(orders))
        seen["elapsed"] = loop.time() - start

    run = ctx.run(scenario, name="order_totals", allow_error=True)
    pool: Pool = seen["pool"]
    if run.problem is not None and not pool.refused:
        raise run.problem  # their code failed some other way: the checker words it
    return Outcome(pool, run, seen.get("totals"), seen.get("elapsed", 0.0))


def default(ctx: Context) -> Outcome:
    return query(ctx, ORDERS, SIZE)


@check("one-each")
def one_query_per_connection(ctx: Context) -> None:
    got = default(ctx)
    ctx.expect(not got.pool.refused, "one-connection")


@check("totals")
def totals_in_order(ctx: Context) -> None:
    got = default(ctx)
    if got.pool.refused:
        raise NotChecked()  # the refused query ended the run: there are no totals to read
    want = [order_id * 10 for order_id in ORDERS]
    ctx.expect(got.totals == want, "wrong-totals", got=got.totals, want=want)


@check("together")
def queries_overlap(ctx: Context) -> None:
    got = default(ctx)
    if got.pool.refused:
        raise NotChecked()
    best = best_time(SIZE, list(ORDERS.values()))
    total = sum(ORDERS.values())
    if got.elapsed >= total - ctx.tolerance:
        ctx.fail("one-at-a-time", elapsed=got.elapsed, best=best)
    ctx.expect(got.elapsed <= best + ctx.tolerance, "batches", elapsed=got.elapsed, best=best)


@check("generated")
def generated_pools(ctx: Context) -> None:
    for _ in range(6):
        size = ctx.random.randint(1, 4)
        count = ctx.random.randint(1, 9)
        orders = {n: ctx.random.randint(1, 5) / 10 for n in range(1, count + 1)}
        got = query(ctx, orders, size)
        best = best_time(size, list(orders.values()))
        ok = (
            not got.pool.refused
            and got.totals == [n * 10 for n in orders]
            and got.elapsed <= best + ctx.tolerance
        )
        ctx.expect(ok, "generated", size=size, count=count, elapsed=got.elapsed, best=best)
