"""Checks for "Skip the bad rows, keep the rest": a connection of the check's own that keeps
PostgreSQL's rules (a failed statement spoils the transaction until a rollback, or a rollback
to a savepoint) and raises the reader's own exception classes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from livecheck import Context, NotChecked, Run, check, mistake

ROWS = [("pen", 10), ("ink", -2), ("paper", 500), ("stamp", -1), ("clip", 80), ("tape", 5)]
GOOD = [(f"item{n}", n) for n in range(1, 11)]


@dataclass
class Connection:
    violation: type[Exception]
    spoiled_error: type[Exception]
    table: list[tuple[str, int]] = field(default_factory=list)
    open: list[list[tuple[str, int]]] = field(default_factory=list)
    spoiled: bool = False
    #: Statements refused because the transaction was spoiled, and savepoints whose RELEASE was.
    refused: int = 0
    release_refused: int = 0

    def transaction(self) -> Transaction:
        return Transaction(self)

    async def execute(self, query: str, sku: str, quantity: int) -> None:
        await asyncio.sleep(0.01)
        if self.spoiled:
            self.refused += 1
            raise self.spoiled_error("current transaction is aborted")
        if quantity < 0:
            self.spoiled = bool(self.open)
            raise self.violation(f"{sku}: quantity {quantity} violates quantity >= 0")
        (self.open[-1] if self.open else self.table).append((sku, quantity))


class Transaction:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    async def __aenter__(self) -> None:
        if self.connection.spoiled:
            self.connection.refused += 1
            raise self.connection.spoiled_error("current transaction is aborted")
        self.connection.open.append([])

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        connection = self.connection
        rows = connection.open.pop()
        if kind is None and connection.spoiled and connection.open:
            connection.release_refused += 1
            raise connection.spoiled_error("current transaction is aborted")
        if kind is not None or connection.spoiled:
            connection.spoiled = False
            return
        (connection.open[-1] if connection.open else connection.table).extend(rows)


@dataclass
class Outcome:
    connection: Connection
    run: Run
    rejected: Any = None


def named(ctx: Context, module: Any, name: str) -> Any:
    """The reader's `name` (a function or a class), or a plain failure when it is missing."""
    found = getattr(module, name, None)
    if found is None or not callable(found):
        ctx.fail("missing-function", name=name)
    return found


def classes(module: Any) -> tuple[type[Exception], type[Exception]]:
    found = []
    for name in ("CheckViolationError", "InFailedSQLTransactionError"):
        value = getattr(module, name, None)
        found.append(value if isinstance(value, type) and issubclass(value, Exception)
                     else type(name, (Exception,), {}))
    return found[0], found[1]


def run_import(ctx: Context, rows: list[tuple[str, int]], cancel_after: float | None = None
               ) -> Outcome:
    module: Any = ctx.module()
    import_rows = named(ctx, module, "import_rows")
    connection = Connection(*classes(module))
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        if cancel_after is None:
            seen["rejected"] = await import_rows(connection, list(rows))
            return
        task = asyncio.ensure_future(import_rows(connection, list(rows)))
        await asyncio.sleep(cancel_after)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    run = ctx.run(scenario, name="import_rows", allow_error=True)
    known = (connection.violation, connection.spoiled_error)
    if run.problem is not None and not isinstance(run.exception, known):
        raise run.problem  # some other failure: the checker words it
    return Outcome(connection, run, seen.get("rejected"))


def escaped(got: Outcome) -> bool:
    return isinstance(got.run.exception, got.connection.violation)


@check("kept")
def good_rows_kept(ctx: Context) -> None:
    got = run_import(ctx, ROWS)
    if escaped(got):
        error = got.run.exception
        ctx.fail("not-skipped", error=f"{type(error).__name__}: {error}")
    if got.connection.refused or got.connection.release_refused:
        ctx.fail("aborted")
    want = [row for row in ROWS if row[1] >= 0]
    ctx.expect(got.connection.table == want, "wrong-rows", got=got.connection.table, want=want)


@check("rejected")
def rejected_returned(ctx: Context) -> None:
    got = run_import(ctx, ROWS)
    if got.run.problem is not None:
        raise NotChecked()
    want = [sku for sku, quantity in ROWS if quantity < 0]
    ctx.expect(got.rejected == want, "wrong-rejected", got=got.rejected, want=want)


@check("all-or-nothing")
def cancelled_import_keeps_nothing(ctx: Context) -> None:
    got = run_import(ctx, GOOD, cancel_after=0.055)
    kept = len(got.connection.table)
    ctx.expect(kept == 0, "half-imported", kept=kept, total=len(GOOD))


@check("generated")
def generated_imports(ctx: Context) -> None:
    for _ in range(6):
        rows = [(f"sku{n}", ctx.random.randint(-3, 9)) for n in range(ctx.random.randint(1, 8))]
        got = run_import(ctx, rows)
        ok = (
            got.run.problem is None
            and got.connection.table == [row for row in rows if row[1] >= 0]
            and got.rejected == [sku for sku, quantity in rows if quantity < 0]
        )
        shown = ", ".join(f"{sku} {quantity}" for sku, quantity in rows)
        ctx.expect(ok, "generated", rows=shown, table=got.connection.table, rejected=got.rejected)


@mistake("caught-inside")
def error_caught_inside_the_savepoint(ctx: Context) -> bool:
    return run_import(ctx, ROWS).connection.release_refused > 0
