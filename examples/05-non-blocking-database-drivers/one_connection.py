#: runs: browser
#: standins: asyncpg
#: services: postgres
#: varies: \d+\.\d s,
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""One connection runs one query at a time: asking it for two at once is an error.

A PostgreSQL connection is a single conversation: the server answers one query before it
reads the next. asyncpg refuses a second query while the first is in flight, so two tasks
that share a connection must take turns, and taking turns is sequential again.
"""

import asyncio
import time

import asyncpg

from scratch_db import scratch_schema


async def slow_query(connection: asyncpg.Connection, name: str) -> str:
    await connection.execute("SELECT pg_sleep(0.2)")  # the server works for 0.2 s
    return f"{name} done"


async def main() -> None:
    async with scratch_schema() as dsn:
        connection = await asyncpg.connect(dsn)
        try:
            # Two queries on one connection at the same time. return_exceptions=True lets the
            # first one finish: gather would otherwise return while it still runs.
            results = await asyncio.gather(
                slow_query(connection, "first"),
                slow_query(connection, "second"),
                return_exceptions=True,
            )
            for result in results:
                if isinstance(result, asyncpg.InterfaceError):
                    print(f"asyncpg.{type(result).__name__}: {result}")
                else:
                    print(result)

            # A lock makes them take turns. It works, but the waits add up instead of overlapping.
            lock = asyncio.Lock()

            async def take_turns(name: str) -> str:
                async with lock:
                    return await slow_query(connection, name)

            start = time.perf_counter()
            print(await asyncio.gather(*(take_turns(f"query {n}") for n in range(1, 4))))
            elapsed = time.perf_counter() - start
            print(f"3 queries of 0.2 s through one connection: {elapsed:.1f} s,"
                  f" at least 3 x 0.2 s")
        finally:
            await connection.close()


if __name__ == "__main__":
    asyncio.run(main())
