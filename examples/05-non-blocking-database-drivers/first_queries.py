#: runs: browser
#: standins: asyncpg
#: services: postgres
#: varies: PostgreSQL \d+
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""Connect to PostgreSQL with asyncpg, run statements and queries, and close the connection.

Every method that talks to the server is a coroutine: while a query travels to the server
and back, the event loop is free to run other tasks. Values go to the server as parameters
($1, $2, ...), never pasted into the SQL text.
"""

import asyncio

import asyncpg

from scratch_db import scratch_schema

CREATE_PLANETS = """
    CREATE TABLE planet (
        id    serial PRIMARY KEY,
        name  text NOT NULL,
        moons integer NOT NULL
    )
"""


async def main() -> None:
    async with scratch_schema() as dsn:
        connection = await asyncpg.connect(dsn)
        try:
            print(f"connected to PostgreSQL {connection.get_server_version().major}")

            # execute() runs a statement and returns the server's status line, not rows.
            print(await connection.execute(CREATE_PLANETS))
            for name, moons in [("Mercury", 0), ("Earth", 1), ("Mars", 2), ("Jupiter", 95)]:
                status = await connection.execute(
                    "INSERT INTO planet (name, moons) VALUES ($1, $2)", name, moons
                )
            print(status, "(the last insert's status)")

            # fetch(): every row, as a list of Record objects.
            rows = await connection.fetch(
                "SELECT name, moons FROM planet WHERE moons > $1 ORDER BY name", 0
            )
            for row in rows:
                print(f"fetch:    {row['name']} has {row['moons']} moon(s)")

            # fetchrow(): the first row, or None; fetchval(): one value of the first row.
            row = await connection.fetchrow("SELECT name, moons FROM planet ORDER BY moons DESC")
            assert row is not None
            print(f"fetchrow: {row['name']}; as a tuple {tuple(row)}; as a dict {dict(row)}")
            count = await connection.fetchval("SELECT count(*) FROM planet")
            print(f"fetchval: {count} planets, a Python {type(count).__name__}")

            # A parameter is data, never SQL: quotes and semicolons are stored as typed.
            sneaky = "Pluto'); DROP TABLE planet; --"
            await connection.execute("INSERT INTO planet (name, moons) VALUES ($1, $2)", sneaky, 5)
            stored = await connection.fetchval("SELECT name FROM planet WHERE moons = 5")
            print(f"the table is still there, and the name was stored as typed: {stored!r}")

            # asyncpg checks each argument against the type the server expects, and never
            # guesses: a string where an integer belongs is an error before anything is sent.
            try:
                await connection.fetch("SELECT name FROM planet WHERE moons > $1", "1")
            except asyncpg.DataError as error:
                print(f"{type(error).__name__}: {error}")
        finally:
            await connection.close()
        print(f"closed: {connection.is_closed()}")


if __name__ == "__main__":
    asyncio.run(main())
