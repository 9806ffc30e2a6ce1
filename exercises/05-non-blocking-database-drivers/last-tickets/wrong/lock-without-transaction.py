import asyncio
import os
import secrets

import asyncpg

# A PostgreSQL on this machine; PG* variables point elsewhere (user, password: postgres).
HOST = os.environ.get("PGHOST", "127.0.0.1")
PORT = os.environ.get("PGPORT", "5432")
DSN = f"postgresql://postgres:postgres@{HOST}:{PORT}/postgres"
PAYMENT_CHECK = 0.05  # seconds each sale awaits something else (a payment service)


async def sell(pool: asyncpg.Pool, item_id: int) -> bool:
    """Sells one ticket of item_id if any is left; True when it sold one."""
    async with pool.acquire() as connection:
        stock = await connection.fetchval(
            "SELECT stock FROM item WHERE id = $1 FOR UPDATE", item_id
        )
        await asyncio.sleep(PAYMENT_CHECK)
        if stock <= 0:
            return False
        await connection.execute("UPDATE item SET stock = $1 WHERE id = $2", stock - 1, item_id)
        return True


async def main() -> None:
    # A schema of our own for the run, dropped at the end.
    schema = f"tickets_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(DSN)
    await admin.execute(f"CREATE SCHEMA {schema}")
    try:
        pool_dsn = f"{DSN}?search_path={schema}"  # every pooled connection finds the table
        async with asyncpg.create_pool(pool_dsn, min_size=1, max_size=8) as pool:
            await pool.execute("CREATE TABLE item (id int PRIMARY KEY, stock int NOT NULL)")
            await pool.execute("INSERT INTO item VALUES (1, 5)")
            sold = await asyncio.gather(*(sell(pool, 1) for _ in range(8)))
            stock = await pool.fetchval("SELECT stock FROM item WHERE id = 1")
            print(f"5 tickets, 8 buyers: {sum(sold)} sold, {stock} left in stock")
    finally:
        await admin.execute(f"DROP SCHEMA {schema} CASCADE")
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
