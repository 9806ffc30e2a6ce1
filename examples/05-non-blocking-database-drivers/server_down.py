#: runs: local
#: services: postgres
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""When the server is not there, and when it goes away in the middle of a query.

A port where nothing listens refuses the connection at once: asyncpg.connect() raises
ConnectionRefusedError, an OSError. A connection the server drops (a restart, a failover, an
administrator) fails the query in flight with ConnectionDoesNotExistError, and the
connection is dead for good. A pool replaces dead connections the next time it lends one.
"""

import asyncio
import errno
import socket

import asyncpg

from scratch_db import scratch_schema


async def connect_with_retries(
    dsn: str, host: str, port: int, attempts: int, delay: float
) -> asyncpg.Connection:
    for attempt in range(1, attempts + 1):
        try:
            # host= and port= override the connection string's; timeout= bounds each
            # attempt, so a host that never answers fails after 5 s instead of hanging.
            return await asyncpg.connect(dsn, host=host, port=port, timeout=5)
        except OSError as error:  # ConnectionRefusedError, and unreachable hosts too
            code = errno.errorcode.get(error.errno or 0, "?")
            print(f"  attempt {attempt}: {type(error).__name__} ({code})")
            if attempt == attempts:
                raise
            await asyncio.sleep(delay)
            delay *= 2  # back off: a server that is restarting needs a moment
    raise AssertionError("unreachable")


async def nobody_listening(dsn: str) -> None:
    # A socket bound to a port the OS picks, but not listening: connecting to it is refused.
    with socket.socket() as placeholder:
        placeholder.bind(("127.0.0.1", 0))
        port = placeholder.getsockname()[1]
        print("connecting to a port where nothing listens:")
        try:
            await connect_with_retries(dsn, "127.0.0.1", port, attempts=3, delay=0.1)
        except OSError as error:
            print(f"  gave up: {type(error).__name__} is an OSError: {isinstance(error, OSError)}")


async def terminate_later(admin: asyncpg.Connection, server_pid: int, after: float) -> None:
    await asyncio.sleep(after)
    await admin.execute("SELECT pg_terminate_backend($1)", server_pid)


async def slow_query_dropped(connection: asyncpg.Connection, admin: asyncpg.Connection) -> None:
    """Run a 5 s query while `admin` has the server drop this connection after 0.2 s."""
    dropper = asyncio.create_task(terminate_later(admin, connection.get_server_pid(), 0.2))
    try:
        await connection.execute("SELECT pg_sleep(5)")
    except asyncpg.ConnectionDoesNotExistError as error:
        print(f"  {type(error).__name__}: {error}")
    finally:
        await dropper


async def dropped_mid_query(dsn: str) -> None:
    admin = await asyncpg.connect(dsn)
    connection = await asyncpg.connect(dsn)
    try:
        print("the server drops a connection during a 5 s query:")
        await slow_query_dropped(connection, admin)
        print(f"  the connection is closed: {connection.is_closed()}")

        print("the same with a pooled connection:")
        async with asyncpg.create_pool(dsn, min_size=1, max_size=1) as pool:
            async with pool.acquire() as pooled:
                first_pid = pooled.get_server_pid()
                await slow_query_dropped(pooled, admin)
            async with pool.acquire() as pooled:  # the pool replaces the dead connection
                print(f"  next acquire(), a new connection: {pooled.get_server_pid() != first_pid}")
                print(f"  SELECT 1 on it: {await pooled.fetchval('SELECT 1')}")
    finally:
        await connection.close()
        await admin.close()


async def main() -> None:
    async with scratch_schema() as dsn:
        await nobody_listening(dsn)
        await dropped_mid_query(dsn)


if __name__ == "__main__":
    asyncio.run(main())
