#: runs: browser
#: standins: asyncpg
#: services: postgres
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""Transactions: all of a transfer happens, or none of it does.

Outside a transaction every statement commits on its own, so a transfer that fails halfway
leaves half of itself behind. `async with connection.transaction():` commits when the block
ends normally and rolls back when an exception leaves it, SQL error or Python error alike.
"""

import asyncio
from collections.abc import Awaitable

import asyncpg

from scratch_db import scratch_schema

SCHEMA = """
    CREATE TABLE account (
        name    text PRIMARY KEY,
        balance integer NOT NULL CHECK (balance >= 0)
    );
    INSERT INTO account VALUES ('alice', 100), ('bob', 50);
"""
CREDIT = "UPDATE account SET balance = balance + $2 WHERE name = $1"
DEBIT = "UPDATE account SET balance = balance - $2 WHERE name = $1"


async def balances(connection: asyncpg.Connection) -> str:
    rows = await connection.fetch("SELECT name, balance FROM account ORDER BY name")
    return ", ".join(f"{row['name']} {row['balance']}" for row in rows)


async def transfer_without_transaction(
    connection: asyncpg.Connection, source: str, target: str, amount: int
) -> None:
    await connection.execute(CREDIT, target, amount)  # committed at once, on its own
    await connection.execute(DEBIT, source, amount)  # may fail: the credit stays


async def transfer(connection: asyncpg.Connection, source: str, target: str, amount: int) -> None:
    async with connection.transaction():
        await connection.execute(CREDIT, target, amount)
        await connection.execute(DEBIT, source, amount)
        if amount > 60:
            raise ValueError(f"transfers over 60 need a second approval ({amount})")


async def attempt(connection: asyncpg.Connection, label: str, step: Awaitable[None]) -> None:
    try:
        await step
        print(f"{label}: done")
    except (asyncpg.PostgresError, ValueError) as error:
        print(f"{label}: {type(error).__name__}: {error}")
    print(f"  balances: {await balances(connection)}")


async def main() -> None:
    async with scratch_schema() as dsn:
        connection = await asyncpg.connect(dsn)
        try:
            await connection.execute(SCHEMA)
            print(f"start: {await balances(connection)}")

            await attempt(connection, "bob pays alice 80, no transaction",
                          transfer_without_transaction(connection, "bob", "alice", 80))
            await connection.execute("UPDATE account SET balance = 100 WHERE name = 'alice'")
            print(f"repaired by hand: {await balances(connection)}")

            await attempt(connection, "bob pays alice 80 in a transaction",
                          transfer(connection, "bob", "alice", 80))
            await attempt(connection, "alice pays bob 30 in a transaction",
                          transfer(connection, "alice", "bob", 30))
            await attempt(connection, "alice pays bob 65 in a transaction",
                          transfer(connection, "alice", "bob", 65))

            # The same without `async with`: start, then commit or roll back yourself.
            manual = connection.transaction()
            await manual.start()
            await connection.execute(CREDIT, "bob", 1000)
            print(f"inside a manual transaction: {await balances(connection)}")
            await manual.rollback()
            print(f"after rollback(): {await balances(connection)}")
        finally:
            await connection.close()


if __name__ == "__main__":
    asyncio.run(main())
