#: runs: local
#: services: postgres
#: varies: after \d+\.\d s
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""A query that takes too long: three ways to stop waiting, and what each leaves behind.

- timeout= on the call: asyncpg raises TimeoutError and asks the server to cancel the query;
- asyncio.timeout() around the call: the same, through task cancellation;
- statement_timeout, a server setting: the server gives up and asyncpg raises
  QueryCanceledError. It guards every query on that connection, from any code.

In all three the connection stays usable, and the server stops working on the query.
"""

import asyncio
import time

import asyncpg

from scratch_db import scratch_schema

SLOW = "SELECT pg_sleep(5)"


async def server_is_idle(admin: asyncpg.Connection, connection: asyncpg.Connection) -> bool:
    """Whether the server has stopped running anything for `connection`."""
    state = await admin.fetchval(
        "SELECT state FROM pg_stat_activity WHERE pid = $1", connection.get_server_pid()
    )
    return state == "idle"


async def main() -> None:
    async with scratch_schema() as dsn:
        admin = await asyncpg.connect(dsn)
        connection = await asyncpg.connect(dsn)
        # statement_timeout is in milliseconds; like search_path, it could go in the DSN too.
        guarded = await asyncpg.connect(dsn, server_settings={"statement_timeout": "300"})
        try:
            start = time.perf_counter()
            try:
                await connection.fetchval(SLOW, timeout=0.3)
            except TimeoutError:
                elapsed = time.perf_counter() - start
                print(f"timeout=0.3:          TimeoutError after {elapsed:.1f} s")
            print(f"  still usable: {await connection.fetchval('SELECT 1') == 1},"
                  f" server idle: {await server_is_idle(admin, connection)}")

            start = time.perf_counter()
            try:
                async with asyncio.timeout(0.3):
                    await connection.fetchval(SLOW)
            except TimeoutError:
                elapsed = time.perf_counter() - start
                print(f"asyncio.timeout(0.3): TimeoutError after {elapsed:.1f} s")
            print(f"  still usable: {await connection.fetchval('SELECT 1') == 1},"
                  f" server idle: {await server_is_idle(admin, connection)}")

            start = time.perf_counter()
            try:
                await guarded.fetchval(SLOW)
            except asyncpg.QueryCanceledError as error:
                elapsed = time.perf_counter() - start
                print(f"statement_timeout:    {type(error).__name__}"
                      f" after {elapsed:.1f} s: {error}")
            print(f"  still usable: {await guarded.fetchval('SELECT 1') == 1},"
                  f" server idle: {await server_is_idle(admin, guarded)}")
        finally:
            await guarded.close()
            await connection.close()
            await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
