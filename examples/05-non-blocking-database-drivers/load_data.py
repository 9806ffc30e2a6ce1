#: runs: browser
#: standins: asyncpg
#: services: postgres
#: varies: \d+ ms
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""Create a schema and load data: one INSERT at a time, executemany(), and COPY.

Each awaited execute() is a round trip to the server. executemany() sends the same statement
with many argument tuples in one go, and COPY streams rows in PostgreSQL's bulk format.
"""

import asyncio
import io
import time
from decimal import Decimal

import asyncpg

from scratch_db import scratch_schema

# Without arguments, execute() may hold several statements separated by semicolons.
SCHEMA = """
    CREATE TABLE category (
        id   integer PRIMARY KEY,
        name text NOT NULL UNIQUE
    );
    CREATE TABLE product (
        id          integer PRIMARY KEY,
        category_id integer NOT NULL REFERENCES category (id),
        name        text NOT NULL,
        price       numeric(8, 2) NOT NULL
    );
"""

CATEGORIES_CSV = b"""id,name
1,books
2,games
3,music
"""

INSERT_PRODUCT = "INSERT INTO product (id, category_id, name, price) VALUES ($1, $2, $3, $4)"


Product = tuple[int, int, str, Decimal]  # id, category_id, name, price


def make_products(count: int) -> list[Product]:
    return [(n, n % 3 + 1, f"product {n}", Decimal(n % 47) + Decimal("0.99")) for n in range(count)]


async def load_three_ways(connection: asyncpg.Connection, rows: list[Product]) -> None:
    timings: dict[str, float] = {}

    start = time.perf_counter()
    for row in rows:
        await connection.execute(INSERT_PRODUCT, *row)  # one round trip per row
    timings["one execute() per row"] = time.perf_counter() - start

    await connection.execute("TRUNCATE product")
    start = time.perf_counter()
    await connection.executemany(INSERT_PRODUCT, rows)
    timings["executemany()"] = time.perf_counter() - start

    await connection.execute("TRUNCATE product")
    start = time.perf_counter()
    await connection.copy_records_to_table(
        "product", records=rows, columns=["id", "category_id", "name", "price"]
    )
    timings["copy_records_to_table()"] = time.perf_counter() - start

    for way, seconds in timings.items():
        print(f"  {way:<25} {seconds * 1000:.0f} ms")
    one_by_one = timings["one execute() per row"]
    print(f"  executemany() beat one execute() per row: {timings['executemany()'] < one_by_one}")


async def main() -> None:
    async with scratch_schema() as dsn:
        connection = await asyncpg.connect(dsn)
        try:
            await connection.execute(SCHEMA)
            print("tables:", await connection.fetchval(
                "SELECT string_agg(table_name, ', ' ORDER BY table_name)"
                " FROM information_schema.tables WHERE table_schema = current_schema()"
            ))

            # copy_to_table() reads a file (or any object with a read method) in COPY format.
            await connection.copy_to_table(
                "category", source=io.BytesIO(CATEGORIES_CSV), format="csv", header=True
            )
            print("categories:", await connection.fetchval("SELECT count(*) FROM category"))

            rows = make_products(300)
            print(f"loading {len(rows)} products three ways:")
            await load_three_ways(connection, rows)

            summary = await connection.fetch("""
                SELECT c.name, count(*) AS products, sum(p.price) AS total
                FROM product p JOIN category c ON c.id = p.category_id
                GROUP BY c.name ORDER BY c.name
            """)
            for row in summary:
                print(f"{row['name']:<6} {row['products']} products,"
                      f" prices add up to {row['total']}")
        finally:
            await connection.close()


if __name__ == "__main__":
    asyncio.run(main())
