import asyncio
from collections.abc import AsyncGenerator
from contextlib import aclosing

ROWS = 8
PREFETCH = 3


async def fetch_batch(first: int) -> list[int]:
    """Stands in for one round trip of a cursor: the next PREFETCH rows, at most."""
    await asyncio.sleep(0.05)
    batch = list(range(first, min(first + PREFETCH, ROWS + 1)))
    print(f"fetched rows {batch[0]}-{batch[-1]}")
    return batch


async def rows() -> AsyncGenerator[int, None]:
    """Like `async for row in connection.cursor(query, prefetch=3)` in a transaction."""
    print("transaction begins")
    try:
        for first in range(1, ROWS + 1, PREFETCH):
            for row in await fetch_batch(first):
                yield row
    finally:
        print("transaction ends")


async def main() -> None:
    async with aclosing(rows()) as stream:
        async for row in stream:
            print(f"row {row}")
            if row == 5:
                break
    print("report done")


if __name__ == "__main__":
    asyncio.run(main())
