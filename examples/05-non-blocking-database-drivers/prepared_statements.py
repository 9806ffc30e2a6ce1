#: runs: local
#: services: postgres
#: varies: \d+ ms
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""Prepared statements: parse and plan a query once, run it many times with new arguments.

connection.prepare() returns a PreparedStatement that knows its parameter and column types.
asyncpg also prepares every query you run behind your back and keeps it in a per-connection
cache, so a repeated fetch() costs one round trip instead of two. pg_prepared_statements is
the server's list of the statements prepared on the current connection.
"""

import asyncio
import time

import asyncpg

from scratch_db import scratch_schema

SCHEMA = """
    CREATE TABLE book (title text PRIMARY KEY, pages integer NOT NULL, price numeric(6, 2));
    INSERT INTO book VALUES
        ('Dune', 412, 9.99), ('Emma', 474, 4.50), ('Ulysses', 730, 12.00), ('Beloved', 324, 8.25);
"""
RUNS = 500


async def time_runs(connection: asyncpg.Connection) -> float:
    start = time.perf_counter()
    for pages in range(RUNS):
        await connection.fetchval("SELECT count(*) FROM book WHERE pages > $1", pages)
    return time.perf_counter() - start


async def main() -> None:
    async with scratch_schema() as dsn:
        connection = await asyncpg.connect(dsn)
        uncached = await asyncpg.connect(dsn, statement_cache_size=0)
        try:
            await connection.execute(SCHEMA)

            shorter_than = await connection.prepare(
                "SELECT title, price FROM book WHERE pages < $1 ORDER BY pages"
            )
            print("parameters:", [t.name for t in shorter_than.get_parameters()])
            print("columns:   ", [(a.name, a.type.name) for a in shorter_than.get_attributes()])
            for limit in (400, 500):
                rows = await shorter_than.fetch(limit)
                print(f"under {limit} pages:", [(r["title"], str(r["price"])) for r in rows])

            # Mistakes surface when the server parses the query, before anything runs.
            try:
                await connection.prepare("SELECT title FROM book WHERE author = $1")
            except asyncpg.UndefinedColumnError as error:
                print(f"prepare() failed: {type(error).__name__}: {error}")

            await connection.fetchval("SELECT count(*) FROM book WHERE pages > $1", 100)
            statements = await connection.fetch(
                "SELECT statement FROM pg_prepared_statements ORDER BY prepare_time"
            )
            print("prepared on this connection:")
            for row in statements:
                print("  ", " ".join(row["statement"].split()))

            # With the cache off, asyncpg prepares an unnamed statement for every call (two
            # round trips each) and keeps nothing on the server.
            cached = await time_runs(connection)
            not_cached = await time_runs(uncached)
            kept = await uncached.fetchval("SELECT count(*) FROM pg_prepared_statements")
            print(f"{RUNS} runs, statement cache on:  {cached * 1000:.0f} ms")
            print(f"{RUNS} runs, statement cache off: {not_cached * 1000:.0f} ms,"
                  f" statements kept on the server: {kept}")
        finally:
            await uncached.close()
            await connection.close()


if __name__ == "__main__":
    asyncio.run(main())
