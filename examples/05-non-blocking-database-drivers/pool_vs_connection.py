#: runs: browser
#: standins: asyncpg
#: services: postgres
#: varies: \d+\.\d s on
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""The same 8 slow queries through one connection, then through pools of 4 and 8 connections.

Each query makes the server wait 0.2 s (pg_sleep), like a query that scans a big table.
One connection runs them back to back; a pool runs as many at once as it has connections,
so the time is about ceil(queries / pool size) x 0.2 s.
"""

import asyncio
import math
import time

import asyncpg

from scratch_db import scratch_schema

QUERIES = 8
DELAY = 0.2
# Each answer is the id of the server process that ran it: one per connection.
SLOW_QUERY = "SELECT pg_backend_pid() FROM pg_sleep($1)"


def report(label: str, elapsed: float, backends: set[int]) -> None:
    # In theory: ceil(queries / connections) rounds of DELAY. The measured time adds the
    # round trips, which vary from run to run and machine to machine.
    rounds = math.ceil(QUERIES / len(backends))
    print(f"{label:<34} {elapsed:.1f} s on {len(backends)} connection(s),"
          f" {rounds} x {DELAY} s in theory")


async def one_connection(dsn: str) -> tuple[float, set[int]]:
    connection = await asyncpg.connect(dsn)
    try:
        start = time.perf_counter()
        backends = {await connection.fetchval(SLOW_QUERY, DELAY) for _ in range(QUERIES)}
        return time.perf_counter() - start, backends
    finally:
        await connection.close()


async def pool_of(dsn: str, size: int) -> tuple[float, set[int]]:
    # The pool opens its connections up front (min_size), before the clock starts.
    async with asyncpg.create_pool(dsn, min_size=size, max_size=size) as pool:
        start = time.perf_counter()
        # pool.fetchval() borrows a connection, runs the query, and gives the connection back.
        results = await asyncio.gather(*(pool.fetchval(SLOW_QUERY, DELAY) for _ in range(QUERIES)))
        return time.perf_counter() - start, set(results)


async def main() -> None:
    async with scratch_schema() as dsn:
        print(f"{QUERIES} queries, each keeping the server busy for {DELAY} s")
        alone, backends = await one_connection(dsn)
        report("one connection, one after another:", alone, backends)
        for size in (4, 8):
            elapsed, backends = await pool_of(dsn, size)
            report(f"pool of {size}, all at once:", elapsed, backends)
            print(f"{'':<34} faster than one connection: {elapsed < alone}")


if __name__ == "__main__":
    asyncio.run(main())
