"""Where the examples find PostgreSQL, and a scratch schema of their own for each run.

The server's address comes from the standard PostgreSQL variables (PGHOST, PGPORT, PGUSER,
PGPASSWORD, PGDATABASE), with defaults for a server on this machine: 127.0.0.1:5432, user,
password and database all "postgres".

Each example works in a schema with a random name, created before it starts and dropped when
it ends (even on an error), so examples can run in any order, twice, or side by side without
seeing each other's tables. The schema travels inside the connection string as the setting
`search_path`: asyncpg sends query parameters it does not know to the server as settings, so
every connection made from that string, alone or in a pool, finds its tables in the scratch
schema, and the examples can call asyncpg.connect(dsn) and asyncpg.create_pool(dsn) as is.
"""

import os
import secrets
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from urllib.parse import quote

import asyncpg


def server_dsn() -> str:
    """postgresql://user:password@host:port/database, from the PG* variables or the defaults."""
    host = os.environ.get("PGHOST", "127.0.0.1")
    port = os.environ.get("PGPORT", "5432")
    user = quote(os.environ.get("PGUSER", "postgres"), safe="")
    password = quote(os.environ.get("PGPASSWORD", "postgres"), safe="")
    database = quote(os.environ.get("PGDATABASE", "postgres"), safe="")
    return f"postgresql://{user}:{password}@{host}:{port}/{database}"


@asynccontextmanager
async def scratch_schema() -> AsyncGenerator[str, None]:
    """Create a schema with a random name, yield a DSN that uses it, then drop it."""
    schema = f"scratch_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(server_dsn())
    try:
        await admin.execute(f"CREATE SCHEMA {schema}")
    finally:
        await admin.close()
    try:
        yield f"{server_dsn()}?search_path={schema}"
    finally:
        admin = await asyncpg.connect(server_dsn())
        try:
            # CASCADE drops every table, index and function the example made in it.
            await admin.execute(f"DROP SCHEMA {schema} CASCADE")
        finally:
            await admin.close()
