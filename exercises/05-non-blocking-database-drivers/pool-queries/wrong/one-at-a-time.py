import asyncio
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

QUERY = "SELECT sum(price * quantity) FROM order_line WHERE order_id = $1"


class InterfaceError(Exception):
    """What asyncpg raises when a connection gets a second query while one is running."""


class Connection:
    """A stand-in for an asyncpg connection: a query takes 0.2 s, and one runs at a time."""

    def __init__(self) -> None:
        self.busy = False

    async def fetchval(self, query: str, order_id: int) -> int:
        if self.busy:
            raise InterfaceError("cannot perform operation: another operation is in progress")
        self.busy = True
        try:
            await asyncio.sleep(0.2)  # the round trip to the server
            return order_id * 10
        finally:
            self.busy = False


class Pool:
    """A stand-in for asyncpg.create_pool(): `size` connections, each lent to one user."""

    def __init__(self, size: int) -> None:
        self.idle: asyncio.Queue[Connection] = asyncio.Queue()
        for _ in range(size):
            self.idle.put_nowait(Connection())

    @asynccontextmanager
    async def acquire(self) -> AsyncGenerator[Connection, None]:
        connection = await self.idle.get()  # waits while every connection is lent out
        try:
            yield connection
        finally:
            self.idle.put_nowait(connection)


async def order_totals(pool: Pool, order_ids: list[int]) -> list[int]:
    """The total of each order, in the order of order_ids, queried concurrently."""
    async with pool.acquire() as connection:
        return [await connection.fetchval(QUERY, order_id) for order_id in order_ids]


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    totals = await order_totals(Pool(size=3), [1, 2, 3, 4, 5, 6])
    print(totals)
    print(f"took {loop.time() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
