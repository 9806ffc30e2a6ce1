#: runs: local
#: services: postgres
#: varies: \d+\.\d s;
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""Concurrent tasks, one row: read-modify-write in Python loses updates.

Four tasks each sell one ticket through their own pooled connection. Reading the stock,
awaiting something else, then writing stock - 1 lets every task read the same number, so
three sales vanish. SELECT ... FOR UPDATE inside a transaction makes the others wait for the
row; an UPDATE that does the arithmetic in SQL needs no waiting at all.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable, Generator
from contextlib import contextmanager

import asyncpg

from scratch_db import scratch_schema

BUYERS = 4
PAYMENT_CHECK = 0.2  # seconds each sale awaits something else between its read and its write


class StaleReads:
    """Counts the sales holding a stock value they read but have not written back yet."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0

    @contextmanager
    def holding(self) -> Generator[None, None, None]:
        self.now += 1
        self.most = max(self.most, self.now)
        try:
            yield
        finally:
            self.now -= 1


async def sell_read_then_write(pool: asyncpg.Pool, reads: StaleReads) -> None:
    async with pool.acquire() as connection:
        stock = await connection.fetchval("SELECT stock FROM item WHERE name = 'ticket'")
        with reads.holding():
            await asyncio.sleep(PAYMENT_CHECK)  # the other tasks run here and read the same stock
            await connection.execute("UPDATE item SET stock = $1 WHERE name = 'ticket'", stock - 1)


async def sell_with_row_lock(pool: asyncpg.Pool, reads: StaleReads) -> None:
    async with pool.acquire() as connection, connection.transaction():
        # FOR UPDATE locks the row until this transaction ends: other buyers wait here.
        stock = await connection.fetchval(
            "SELECT stock FROM item WHERE name = 'ticket' FOR UPDATE"
        )
        with reads.holding():
            await asyncio.sleep(PAYMENT_CHECK)
            await connection.execute("UPDATE item SET stock = $1 WHERE name = 'ticket'", stock - 1)


async def sell_in_one_statement(pool: asyncpg.Pool, reads: StaleReads) -> None:
    await asyncio.sleep(PAYMENT_CHECK)
    # The server reads and writes the row in one step: no value waits in Python in between.
    await pool.execute("UPDATE item SET stock = stock - 1 WHERE name = 'ticket' AND stock > 0")


Sale = Callable[[asyncpg.Pool, StaleReads], Awaitable[None]]


async def run(pool: asyncpg.Pool, label: str, sell: Sale) -> None:
    await pool.execute("UPDATE item SET stock = 10 WHERE name = 'ticket'")
    reads = StaleReads()
    start = time.perf_counter()
    await asyncio.gather(*(sell(pool, reads) for _ in range(BUYERS)))
    elapsed = time.perf_counter() - start
    stock = await pool.fetchval("SELECT stock FROM item WHERE name = 'ticket'")
    print(f"{label:<22} {BUYERS} sold, stock 10 -> {stock}; {elapsed:.1f} s;"
          f" most reads held at once: {reads.most}")


async def main() -> None:
    async with scratch_schema() as dsn:
        async with asyncpg.create_pool(dsn, min_size=BUYERS, max_size=BUYERS) as pool:
            await pool.execute("CREATE TABLE item (name text PRIMARY KEY, stock integer NOT NULL)")
            await pool.execute("INSERT INTO item VALUES ('ticket', 10)")
            await run(pool, "read, then write:", sell_read_then_write)
            await run(pool, "SELECT ... FOR UPDATE:", sell_with_row_lock)
            await run(pool, "one UPDATE statement:", sell_in_one_statement)


if __name__ == "__main__":
    asyncio.run(main())
