#: runs: browser
#: standins: asyncpg
#: services: postgres
#: varies: \d+\.\d MB
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""Stream a large result with a cursor, wrapped in an async generator.

fetch() brings every row into memory before it returns. A cursor brings them a batch at a
time (`prefetch` rows per round trip), so memory stays flat however long the result is.
PostgreSQL keeps a cursor only inside a transaction, so the generator opens one, and closes
it when the generator is closed: use contextlib.aclosing() if you may stop early.
"""

import asyncio
import tracemalloc
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextlib import aclosing

import asyncpg

from scratch_db import scratch_schema

ROWS = 50_000
# A long result made up on the server: a row number and a 32-character hash of it.
QUERY = "SELECT n, md5(n::text) AS digest FROM generate_series(1, $1) AS n"


async def stream_rows(
    connection: asyncpg.Connection, query: str, *args: object, batch: int = 500
) -> AsyncGenerator[asyncpg.Record, None]:
    async with connection.transaction():
        async for record in connection.cursor(query, *args, prefetch=batch):
            yield record


async def total_with_fetch(connection: asyncpg.Connection) -> int:
    rows = await connection.fetch(QUERY, ROWS)  # all 50,000 rows at once
    return sum(row["n"] for row in rows)


async def total_with_cursor(connection: asyncpg.Connection) -> int:
    total = 0
    async for row in stream_rows(connection, QUERY, ROWS):  # 500 rows per round trip
        total += row["n"]
    return total


async def peak_memory(work: Callable[[], Awaitable[int]]) -> tuple[int, float]:
    """The result of work() and the most memory Python held while it ran, in MB."""
    tracemalloc.start()
    try:
        result = await work()
        return result, tracemalloc.get_traced_memory()[1] / 1_000_000
    finally:
        tracemalloc.stop()


async def main() -> None:
    async with scratch_schema() as dsn:
        connection = await asyncpg.connect(dsn)
        try:
            try:
                async for row in connection.cursor(QUERY, ROWS):
                    pass
            except asyncpg.NoActiveSQLTransactionError as error:
                print(f"outside a transaction: {type(error).__name__}: {error}")

            fetched, fetch_mb = await peak_memory(lambda: total_with_fetch(connection))
            streamed, cursor_mb = await peak_memory(lambda: total_with_cursor(connection))
            print(f"fetch():  sum {fetched}, peak {fetch_mb:.1f} MB")
            print(f"cursor:   sum {streamed}, peak {cursor_mb:.1f} MB")
            print(f"the cursor needed less than a tenth of the memory: {cursor_mb < fetch_mb / 10}")

            # Stopping early: the generator is suspended inside its transaction...
            rows = stream_rows(connection, QUERY, ROWS)
            async for row in rows:
                if row["digest"].startswith("000"):
                    print(f"first digest starting with 000: row {row['n']}")
                    break
            print(f"after break, still in a transaction: {connection.is_in_transaction()}")
            await rows.aclose()  # ...until it is closed, which ends the transaction
            print(f"after aclose(): {connection.is_in_transaction()}")

            # aclosing() closes it on the way out of the block, however the loop ends.
            async with aclosing(stream_rows(connection, QUERY, ROWS)) as rows:
                async for row in rows:
                    if row["digest"].startswith("0000"):
                        print(f"first digest starting with 0000: row {row['n']}")
                        break
            print(f"after aclosing(): {connection.is_in_transaction()}")

            # The explicit form: a cursor object, moved and read in pages of your choice.
            async with connection.transaction():
                cursor = await connection.cursor(QUERY, ROWS)
                await cursor.forward(20)  # skip two pages of 10
                page = await cursor.fetch(10)
                print(f"page 3: rows {page[0]['n']} to {page[-1]['n']}")
        finally:
            await connection.close()


if __name__ == "__main__":
    asyncio.run(main())
