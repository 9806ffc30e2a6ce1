"""Checks for "The last tickets": the reader's sell() run by eight buyers at once against a
real PostgreSQL (PGHOST/PGPORT, default 127.0.0.1:5432, user and password postgres), in a
schema of the check's own that is dropped afterwards."""

from __future__ import annotations

import asyncio
import os
import secrets
from dataclasses import dataclass, field
from typing import Any

import asyncpg

from livecheck import Context, NotChecked, check, mistake

STOCK = 5
BUYERS = 8


@dataclass
class Outcome:
    address: str
    reachable: bool = True
    sold: list[Any] = field(default_factory=list)
    stock: int | None = None


def dsn() -> tuple[str, str]:
    host = os.environ.get("PGHOST", "127.0.0.1")
    port = os.environ.get("PGPORT", "5432")
    user = os.environ.get("PGUSER", "postgres")
    password = os.environ.get("PGPASSWORD", "postgres")
    database = os.environ.get("PGDATABASE", "postgres")
    return f"postgresql://{user}:{password}@{host}:{port}/{database}", f"{host}:{port}"


_outcomes: dict[int, Outcome] = {}


def sales(ctx: Context) -> Outcome:
    """Eight buyers at once for five tickets (run once; every check reads it)."""
    if id(ctx) in _outcomes:
        return _outcomes[id(ctx)]
    sell = ctx.function("sell", coroutine=True)
    url, address = dsn()
    got = Outcome(address)

    async def scenario() -> None:
        schema = f"tickets_check_{secrets.token_hex(4)}"
        try:
            admin = await asyncpg.connect(url, timeout=5)
        except (OSError, asyncpg.PostgresError):
            got.reachable = False
            return
        try:
            await admin.execute(f"CREATE SCHEMA {schema}")
            async with asyncpg.create_pool(
                f"{url}?search_path={schema}", min_size=BUYERS, max_size=BUYERS
            ) as pool:
                await pool.execute("CREATE TABLE item (id int PRIMARY KEY, stock int NOT NULL)")
                await pool.execute("INSERT INTO item VALUES (7, $1)", STOCK)
                got.sold = list(await asyncio.gather(*(sell(pool, 7) for _ in range(BUYERS))))
                got.stock = await pool.fetchval("SELECT stock FROM item WHERE id = 7")
        finally:
            await admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            await admin.close()

    ctx.run(scenario, name="sell")
    _outcomes[id(ctx)] = got
    return got


@check("stock")
def every_sale_counted(ctx: Context) -> None:
    got = sales(ctx)
    if not got.reachable:
        ctx.fail("no-postgres", address=got.address)
    sold = sum(1 for result in got.sold if result is True)
    stock = got.stock if got.stock is not None else STOCK
    if stock < 0:
        ctx.fail("oversold", stock=stock)
    ctx.expect(stock == STOCK - sold, "lost-update", sold=sold, taken=STOCK - stock)


@check("sold-out")
def five_sold(ctx: Context) -> None:
    got = sales(ctx)
    if not got.reachable:
        raise NotChecked()
    sold = sum(1 for result in got.sold if result is True)
    ctx.expect(sold == STOCK and got.stock == 0, "wrong-count", sold=sold, stock=got.stock)


@mistake("lock-without-transaction")
def row_lock_in_autocommit(ctx: Context) -> bool:
    source = ctx.source.upper()
    return "FOR UPDATE" in source and "TRANSACTION(" not in source
