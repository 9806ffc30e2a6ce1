import asyncio
from types import TracebackType

INSERT = "INSERT INTO stock (sku, quantity) VALUES ($1, $2)"


class CheckViolationError(Exception):
    """What asyncpg raises when a row breaks a CHECK constraint (here: quantity >= 0)."""


class InFailedSQLTransactionError(Exception):
    """What asyncpg raises for any statement after an error spoiled the transaction."""


class Connection:
    """A stand-in for an asyncpg connection that keeps PostgreSQL's rules for transactions:
    a failed statement spoils the transaction until it, or a savepoint, is rolled back."""

    def __init__(self) -> None:
        self.table: list[tuple[str, int]] = []  # the committed rows
        self.open: list[list[tuple[str, int]]] = []  # uncommitted rows, one list per level
        self.spoiled = False

    def transaction(self) -> "Transaction":
        return Transaction(self)

    async def execute(self, query: str, sku: str, quantity: int) -> None:
        await asyncio.sleep(0.01)  # the round trip to the server
        if self.spoiled:
            raise InFailedSQLTransactionError("current transaction is aborted")
        if quantity < 0:
            self.spoiled = bool(self.open)
            raise CheckViolationError(f"{sku}: quantity {quantity} violates quantity >= 0")
        (self.open[-1] if self.open else self.table).append((sku, quantity))


class Transaction:
    """conn.transaction(): BEGIN, or SAVEPOINT inside another; on exit COMMIT (RELEASE), or
    ROLLBACK (ROLLBACK TO SAVEPOINT) when the block raised."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    async def __aenter__(self) -> None:
        self.connection.open.append([])

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        connection = self.connection
        rows = connection.open.pop()
        if kind is None and connection.spoiled and connection.open:
            raise InFailedSQLTransactionError("current transaction is aborted")  # at RELEASE
        if kind is not None or connection.spoiled:
            connection.spoiled = False  # rolled back: this level's rows are gone
            return
        (connection.open[-1] if connection.open else connection.table).extend(rows)


async def import_rows(connection: Connection, rows: list[tuple[str, int]]) -> list[str]:
    """Inserts the rows in one transaction, skips the rows the database rejects, and
    returns the skus of those."""
    async with connection.transaction():
        for sku, quantity in rows:
            await connection.execute(INSERT, sku, quantity)
    return []


async def main() -> None:
    connection = Connection()
    rows = [("pen", 10), ("ink", -2), ("paper", 500), ("stamp", -1), ("clip", 80)]
    print("rejected:", await import_rows(connection, rows))
    print("kept:", connection.table)


if __name__ == "__main__":
    asyncio.run(main())
