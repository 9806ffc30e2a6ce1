"""The asyncpg stand-in on CPython, against a real PostgreSQL in a database of its own.

In the page the stand-in talks to PGlite; here to one session of the PostgreSQL the examples use
(PG* variables, loopback defaults), through local_postgres.SocketEngine with the same changes to
pg_catalog. These tests need that server: without it they are skipped, and in CI they fail.
"""

from __future__ import annotations

import os
import socket
import textwrap
import unittest
from typing import Any

from .helpers import RecordingHost

from livepy.session import Session  # noqa: E402  (helpers puts the runner on the path)
from livepy.standins import StandinRun  # noqa: E402
from local_postgres import SocketEngine  # noqa: E402

ADDRESS = (os.environ.get("PGHOST", "127.0.0.1"), int(os.environ.get("PGPORT", "5432")))
REQUIRED = os.environ.get("CI", "") not in ("", "false") or bool(os.environ.get("REQUIRE_ALL_TIERS"))
DSN = "postgresql://postgres:postgres@127.0.0.1:5432/postgres"


def reachable() -> bool:
    try:
        with socket.create_connection(ADDRESS, timeout=1):
            return True
    except OSError:
        return False


def run(code: str) -> tuple[dict[str, Any], RecordingHost]:
    host = RecordingHost()
    session = Session("virtual", host=host, capture=True)
    standins = StandinRun(["asyncpg"], database=SocketEngine.for_standin)
    program = f"import asyncio, time\nimport asyncpg\nDSN = {DSN!r}\n" + textwrap.dedent(code)
    return dict(session.run(program, "main.py", standins=standins)), host


class RefusedConnectionTest(unittest.TestCase):
    """No server needed: where nothing listens, the connection is refused before any database."""

    def test_a_refused_connection_raises_what_asyncpg_raises(self) -> None:
        def no_database() -> Any:
            raise AssertionError("a refused connection opened the database")

        host = RecordingHost()
        session = Session("virtual", host=host, capture=True)
        program = textwrap.dedent("""
            import asyncio, errno
            import asyncpg

            async def main():
                for address in ("127.0.0.1", "localhost", "[::1]"):
                    try:
                        await asyncpg.connect(f"postgresql://postgres:postgres@{address}:5433/postgres")
                    except OSError as error:
                        print(type(error).__name__, errno.errorcode[error.errno], error)
                try:
                    await asyncpg.create_pool("postgresql://postgres:postgres@127.0.0.1:5433/postgres")
                except ConnectionRefusedError as error:
                    print("pool:", error)

            asyncio.run(main())
        """)
        outcome = dict(session.run(program, "main.py", standins=StandinRun(["asyncpg"], database=no_database)))
        self.assertEqual(outcome["status"], "ok", host.text())
        # As asyncpg 0.27 prints it on CPython 3.11, with nothing listening on port 5433.
        self.assertEqual(
            host.text("stdout"),
            "ConnectionRefusedError ECONNREFUSED [Errno 111] Connect call failed ('127.0.0.1', 5433)\n"
            "ConnectionRefusedError ECONNREFUSED [Errno 111] Connect call failed ('127.0.0.1', 5433)\n"
            "ConnectionRefusedError ECONNREFUSED [Errno 111] Connect call failed ('::1', 5433, 0, 0)\n"
            "pool: [Errno 111] Connect call failed ('127.0.0.1', 5433)\n",
        )


@unittest.skipUnless(reachable() or REQUIRED, f"no PostgreSQL at {ADDRESS[0]}:{ADDRESS[1]} (npm run services starts one)")
class AsyncpgStandinTest(unittest.TestCase):
    def test_queries_records_and_errors_as_asyncpg_has_them(self) -> None:
        outcome, host = run('''
            async def main():
                connection = await asyncpg.connect(DSN)
                print(asyncpg.__version__, connection.get_server_version().major >= 15)
                await connection.execute("CREATE TEMP TABLE planet (name text, moons int)")
                await connection.executemany("INSERT INTO planet VALUES ($1, $2)", [("Earth", 1), ("Mars", 2)])
                row = await connection.fetchrow("SELECT name, moons FROM planet ORDER BY moons DESC")
                print(row, row["name"], tuple(row), dict(row), row == ("Mars", 2))
                print(await connection.fetchval("SELECT sum(moons) FROM planet"))
                try:
                    await connection.fetch("SELECT * FROM planet WHERE moons > $1", "1")
                except asyncpg.DataError as error:
                    print(f"{type(error).__name__}: {error}")
                try:
                    await connection.execute("SELECT 1/0")
                except asyncpg.DivisionByZeroError as error:
                    print(f"{type(error).__name__}: {error} ({error.sqlstate})")
                await connection.close()
                print(connection.is_closed())

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(outcome["standins"], ["asyncpg"])
        self.assertEqual(
            host.text(),
            "0.27.0-standin True\n"
            "<Record name='Mars' moons=2> Mars ('Mars', 2) {'name': 'Mars', 'moons': 2} True\n"
            "3\n"
            "DataError: invalid input for query argument $1: '1' ('str' object cannot be interpreted as an integer)\n"
            "DivisionByZeroError: division by zero (22012)\n"
            "True\n",
        )

    def test_a_pool_overlaps_server_waits_on_the_virtual_clock(self) -> None:
        outcome, host = run('''
            async def main():
                async with asyncpg.create_pool(DSN, min_size=4, max_size=4) as pool:
                    start = time.monotonic()
                    pids = await asyncio.gather(*(pool.fetchval("SELECT pg_backend_pid() FROM pg_sleep(0.2)") for _ in range(8)))
                    print(f"{time.monotonic() - start:.1f} s on {len(set(pids))} connections")
                connection = await asyncpg.connect(DSN)
                start = time.monotonic()
                for _ in range(3):
                    await connection.execute("SELECT pg_sleep(0.2)")
                print(f"{time.monotonic() - start:.1f} s on one")
                await connection.close()

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(host.text(), "0.4 s on 4 connections\n0.6 s on one\n")

    def test_transactions_savepoints_cursors_and_copy(self) -> None:
        outcome, host = run('''
            async def main():
                connection = await asyncpg.connect(DSN)
                await connection.execute("CREATE TEMP TABLE item (n int PRIMARY KEY, label text)")
                try:
                    async with connection.transaction():
                        await connection.execute("INSERT INTO item VALUES (1, 'one')")
                        try:
                            async with connection.transaction():
                                await connection.execute("INSERT INTO item VALUES (1, 'again')")
                        except asyncpg.UniqueViolationError as error:
                            print(type(error).__name__, error.constraint_name)
                        print(connection.is_in_transaction())
                        raise RuntimeError("undo")
                except RuntimeError:
                    pass
                print(await connection.fetchval("SELECT count(*) FROM item"), connection.is_in_transaction())
                try:
                    async for row in connection.cursor("SELECT 1"):
                        pass
                except asyncpg.NoActiveSQLTransactionError as error:
                    print(error)
                print(await connection.copy_records_to_table("item", records=[(n, f"tab\\t{n}") for n in range(5)]))
                async with connection.transaction():
                    cursor = await connection.cursor("SELECT n, label FROM item ORDER BY n")
                    await cursor.forward(2)
                    print(await cursor.fetch(2))
                await connection.close()

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(
            host.text(),
            "UniqueViolationError item_pkey\n"
            "True\n"
            "0 False\n"
            "cursor cannot be created outside of a transaction\n"
            "COPY 5\n"
            "[<Record n=2 label='tab\\t2'>, <Record n=3 label='tab\\t3'>]\n",
        )

    def test_who_may_connect_and_where_the_database_listens(self) -> None:
        outcome, host = run('''
            async def main():
                for dsn in ("postgresql://postgres:secret@127.0.0.1:5432/postgres",
                            "postgresql://postgres:postgres@127.0.0.1:5432/shop",
                            "postgresql://postgres:postgres@127.0.0.1:5433/postgres"):
                    try:
                        await asyncpg.connect(dsn)
                    except (asyncpg.PostgresError, OSError) as error:
                        print(f"{type(error).__name__}: {error}")

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(
            host.text(),
            'InvalidPasswordError: password authentication failed for user "postgres"\n'
            'InvalidCatalogNameError: database "shop" does not exist\n'
            "ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 5433)\n",
        )

    def test_a_connection_waiting_for_another_ones_transaction_says_so(self) -> None:
        outcome, host = run('''
            async def main():
                writer = await asyncpg.connect(DSN)
                reader = await asyncpg.connect(DSN)
                await writer.execute("CREATE TABLE IF NOT EXISTS account (balance int)")
                transaction = writer.transaction()
                await transaction.start()
                await writer.execute("INSERT INTO account VALUES (1)")

                async def commit_later():
                    await asyncio.sleep(0.5)
                    await transaction.commit()

                asyncio.get_running_loop().create_task(commit_later())
                start = time.monotonic()
                count = await reader.fetchval("SELECT count(*) FROM account")
                print(count, f"after {time.monotonic() - start:.1f} s")

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(host.text("stdout"), "1 after 0.5 s\n")
        self.assertIn("asyncpg stand-in: a connection waits here for another connection's transaction", host.text("stderr"))


if __name__ == "__main__":
    unittest.main()
