#: runs: browser
#: standins: asyncpg
#: services: postgres
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""Nested transactions are savepoints: a failed step rolls back alone, the rest carries on.

asyncpg turns a transaction() opened inside another into SAVEPOINT; leaving it normally
releases the savepoint, an exception rolls back to it. Nothing is committed until the
outermost block ends, and an error there undoes the inner blocks too.
"""

import asyncio

import asyncpg

from scratch_db import scratch_schema

SCHEMA = """
    CREATE TABLE product (name text PRIMARY KEY, stock integer NOT NULL CHECK (stock >= 0));
    CREATE TABLE order_line (
        order_id integer NOT NULL,
        product  text NOT NULL REFERENCES product (name),
        quantity integer NOT NULL
    );
    INSERT INTO product VALUES ('pen', 10), ('ink', 2), ('paper', 5);
"""
ADD_LINE = "INSERT INTO order_line VALUES ($1, $2, $3)"
TAKE_STOCK = "UPDATE product SET stock = stock - $2 WHERE name = $1"
ORDER = [("pen", 3), ("ink", 5), ("stamp", 1), ("paper", 2)]


async def summary(connection: asyncpg.Connection) -> str:
    lines = await connection.fetchval("SELECT count(*) FROM order_line")
    stock = await connection.fetch("SELECT name, stock FROM product ORDER BY name")
    return f"{lines} order line(s); stock " + ", ".join(f"{r['name']} {r['stock']}" for r in stock)


async def place_order(connection: asyncpg.Connection, order_id: int, fail_at_end: bool) -> None:
    async with connection.transaction():  # BEGIN
        for product, quantity in ORDER:
            try:
                async with connection.transaction():  # SAVEPOINT
                    await connection.execute(ADD_LINE, order_id, product, quantity)
                    await connection.execute(TAKE_STOCK, product, quantity)
                print(f"  {product} x{quantity}: added")  # RELEASE SAVEPOINT
            except asyncpg.IntegrityConstraintViolationError as error:  # ROLLBACK TO SAVEPOINT
                print(f"  {product} x{quantity}: skipped ({type(error).__name__})")
        if fail_at_end:
            raise RuntimeError("the payment was declined")
    # COMMIT (or ROLLBACK, if an exception left the outer block)


async def without_savepoint(connection: asyncpg.Connection) -> None:
    async with connection.transaction():
        try:
            await connection.execute(ADD_LINE, 3, "stamp", 1)
        except asyncpg.ForeignKeyViolationError:
            print("  caught the error in Python, carrying on...")
        await connection.execute(ADD_LINE, 3, "pen", 1)


async def main() -> None:
    async with scratch_schema() as dsn:
        connection = await asyncpg.connect(dsn)
        try:
            await connection.execute(SCHEMA)
            print(f"before: {await summary(connection)}")

            print("order 1, each line in a savepoint:")
            await place_order(connection, 1, fail_at_end=False)
            print(f"committed: {await summary(connection)}")

            print("order 2, the same, but the outer block fails at the end:")
            try:
                await place_order(connection, 2, fail_at_end=True)
            except RuntimeError as error:
                print(f"  RuntimeError: {error}")
            print(f"rolled back: {await summary(connection)}")

            print("order 3, an error caught without a savepoint:")
            try:
                await without_savepoint(connection)
            except asyncpg.InFailedSQLTransactionError as error:
                print(f"  {type(error).__name__}: {error}")
            print(f"after: {await summary(connection)}")
        finally:
            await connection.close()


if __name__ == "__main__":
    asyncio.run(main())
