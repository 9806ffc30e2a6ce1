"""The run's database, as the stand-in's connections share it.

In the page the database is PGlite: PostgreSQL 18 compiled to WebAssembly, with a single session
that answers wire-protocol messages synchronously (``exchange``). A real server gives each
connection a session of its own; here every connection takes turns on the one session, and this
module keeps them apart as far as a single session allows:

- each connection's session settings (``SET ...``, and those its connection string asked for,
  such as ``search_path``) are saved when another connection takes the session over, and put back
  when it comes back; ``pg_backend_pid()`` answers the connection's own process id;
- a connection inside a transaction holds the session until the transaction ends: another
  connection that needs it waits (PostgreSQL would let it run, isolated), and the stand-in says so
  on stderr, once, because the output may then differ from a real server's;
- time: every round trip takes ``ROUND_TRIP`` on the run's clock, and ``pg_sleep`` (replaced in
  the page's database by a function that only reports how long it would sleep) waits on the run's
  clock too, so a query of 0.2 s takes 0.2 s of virtual time and the whole run takes milliseconds.

What cannot be kept apart: temporary tables, prepared statements and advisory locks are shared;
the effects of a statement land when it runs (before its round trip and its ``pg_sleep`` are
waited for), and a timeout does not undo them.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
from typing import Any, Protocol

from . import wire

#: One round trip to the server on the run's clock (a local server answers in a fraction of a ms).
ROUND_TRIP = 0.0004
#: Where the page's database listens: the address the chapters' examples use by default.
ADDRESSES = {("127.0.0.1", 5432), ("localhost", 5432), ("::1", 5432)}
USER = "postgres"
PASSWORD = "postgres"
DATABASE = "postgres"

#: What a real server reports to every new connection (ParameterStatus); the values come from
#: the database itself.
REPORTED_SETTINGS = (
    "application_name",
    "client_encoding",
    "DateStyle",
    "default_transaction_read_only",
    "in_hot_standby",
    "integer_datetimes",
    "IntervalStyle",
    "is_superuser",
    "server_encoding",
    "server_version",
    "session_authorization",
    "standard_conforming_strings",
    "TimeZone",
)

SLEEP_NOTICE = "standin:pg_sleep:"
TERMINATE_NOTICE = "standin:terminate:"
CANCEL_NOTICE = "standin:cancel:"

WAIT_WARNING = (
    "asyncpg stand-in: a connection waits here for another connection's transaction to end. "
    "The database in this page has a single session; PostgreSQL would run both connections at "
    "once, each isolated from the other, so what follows may differ from a real server.\n"
)


class Engine(Protocol):
    """What the host gives the stand-in: one database session, spoken to in wire-protocol bytes."""

    def exchange(self, data: bytes) -> bytes:
        """Sends frontend messages (ending with Sync or a Query); returns every reply up to ReadyForQuery."""
        ...

    def copy_in(self, statement: str, payload: bytes) -> bytes:
        """Runs ``COPY ... FROM STDIN ...`` with ``payload`` as its data; returns the replies."""
        ...


class EngineFailed(Exception):
    """The database stopped answering (the engine itself failed)."""


class Backend:
    """One connection's share of the session: its process id and its session settings."""

    def __init__(self, pid: int, startup: dict[str, str]) -> None:
        self.pid = pid
        self.startup = {**startup, "standin.backend_pid": str(pid)}
        #: Settings of source "session" when it last handed the session over.
        self.saved: dict[str, str] | None = None
        self.status = "I"  # I: idle, T: in a transaction, E: in a failed transaction
        #: pg_terminate_backend() or pg_cancel_backend() named this connection.
        self.terminated = False
        self.cancelled = False
        self._pause: asyncio.Future[None] | None = None
        #: What the connection does when it is ended while idle (set by the protocol).
        self.on_terminated: Any = None

    async def pause(self, seconds: float) -> None:
        """Waits for the reply to come back: ``seconds`` on the run's clock, or less when the
        connection is ended or its query cancelled meanwhile."""
        loop = asyncio.get_running_loop()
        self._pause = pause = loop.create_future()
        timer = loop.call_later(seconds, lambda: pause.done() or pause.set_result(None))
        try:
            await pause
        finally:
            timer.cancel()
            self._pause = None

    def interrupt(self) -> None:
        if self._pause is not None and not self._pause.done():
            self._pause.set_result(None)


class Reply:
    """What one exchange brought back."""

    def __init__(self, messages: list[wire.Message], slept: float, status: str) -> None:
        self.messages = messages
        #: Seconds of pg_sleep the statements asked for: waited on the run's clock.
        self.slept = slept
        self.status = status


def listens(host: str, port: int) -> bool:
    """Whether the page's database answers at this address (PostgreSQL's, on loopback)."""
    return (host, port) in ADDRESSES


class Database:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._pids = itertools.count(7001)
        self._current: Backend | None = None
        self._owner: Backend | None = None
        self._waiters: list[asyncio.Future[None]] = []
        self._warned = False
        self._backends: dict[int, Backend] = {}
        self.broken = False
        self.parameters = self._reported_settings()

    # -- connecting ----------------------------------------------------------------------------

    def _reported_settings(self) -> dict[str, str]:
        columns = ", ".join(f"pg_catalog.current_setting('{name}')" for name in REPORTED_SETTINGS)
        reply = self._raw(wire.query(f"SELECT {columns}"))
        row = next(wire.data_row(m.body) for m in reply.messages if m.kind == "D")
        return {name: (value or b"").decode() for name, value in zip(REPORTED_SETTINGS, row)}


    @staticmethod
    def refusal(user: str, password: str | None, database: str) -> dict[str, str] | None:
        """The server's ErrorResponse fields for a login it refuses, or None."""
        if user != USER or password != PASSWORD:
            return {"S": "FATAL", "V": "FATAL", "C": "28P01", "M": f'password authentication failed for user "{user}"'}
        if database != DATABASE:
            return {"S": "FATAL", "V": "FATAL", "C": "3D000", "M": f'database "{database}" does not exist'}
        return None

    def open_backend(self, settings: dict[str, str]) -> Backend:
        backend = Backend(next(self._pids), settings)
        self._backends[backend.pid] = backend
        return backend

    # -- taking turns --------------------------------------------------------------------------

    async def enter(self, backend: Backend) -> None:
        """Waits until no other connection's transaction holds the session."""
        while self._owner is not None and self._owner is not backend:
            if not self._warned:
                self._warned = True
                sys.stderr.write(WAIT_WARNING)
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    def _set_owner(self, backend: Backend, status: str) -> None:
        backend.status = status
        if status != "I":
            self._owner = backend
        elif self._owner is backend:
            self._owner = None
            for waiter in self._waiters:
                if not waiter.done():
                    waiter.set_result(None)

    def leave(self, backend: Backend) -> None:
        """The connection is gone: its transaction ends (rolled back), as its session would."""
        if self._owner is backend and not self.broken:
            self._switch_to(backend)
            self._raw(wire.query("ROLLBACK"))
            self._set_owner(backend, "I")
        if self._current is backend:
            self._current = None
        self._backends.pop(backend.pid, None)

    # -- talking -------------------------------------------------------------------------------

    def _raw(self, data: bytes) -> Reply:
        if self.broken:
            raise EngineFailed("the database in this page stopped working")
        try:
            answer = self._engine.exchange(data)
        except Exception as exc:
            self.broken = True
            raise EngineFailed(f"the database in this page stopped working: {exc}") from exc
        return self._read(answer)

    def _read(self, answer: bytes) -> Reply:
        messages: list[wire.Message] = []
        slept = 0.0
        status = "I"
        for message in wire.split(answer):
            if message.kind == "N":
                text = wire.fields(message.body).get("M", "")
                if text.startswith(SLEEP_NOTICE):
                    slept += max(0.0, float(text[len(SLEEP_NOTICE):] or 0))
                    continue
                if text.startswith((TERMINATE_NOTICE, CANCEL_NOTICE)):
                    self._signal(text)
                    continue
            if message.kind == "Z":
                status = chr(message.body[0])
            messages.append(message)
        return Reply(messages, slept, status)

    def _signal(self, notice: str) -> None:
        kind, _, pid = notice.rpartition(":")
        target = self._backends.get(int(pid)) if pid.isdigit() else None
        if target is None:
            return
        if kind + ":" == TERMINATE_NOTICE:
            target.terminated = True
            if target._pause is None and target.on_terminated is not None:
                asyncio.get_running_loop().call_soon(target.on_terminated)
        elif target._pause is not None:
            target.cancelled = True  # only a query in flight can be cancelled
        target.interrupt()

    def _switch_to(self, backend: Backend) -> None:
        """Makes the session ``backend``'s: the previous connection's settings saved, its own restored."""
        if self._current is backend:
            return
        script = []
        previous = self._current
        if previous is not None:
            script.append("SELECT name, setting FROM pg_catalog.pg_settings WHERE source = 'session'")
        script.append("RESET ALL")
        script.append(_set_config(backend.saved if backend.saved is not None else backend.startup))
        reply = self._raw(wire.query(";\n".join(script)))
        if previous is not None:
            previous.saved = {}
            for message in reply.messages:
                if message.kind == "C":  # the end of the first statement's rows
                    break
                if message.kind == "D":
                    name, value = wire.data_row(message.body)
                    previous.saved[(name or b"").decode()] = (value or b"").decode()
            # Before it ever switched, the stand-in's own settings were set this same way.
            previous.saved.setdefault("standin.backend_pid", str(previous.pid))
        self._current = backend

    def exchange(self, backend: Backend, data: bytes, resets: bool = False) -> Reply:
        """Runs ``data`` in ``backend``'s session. ``resets``: it may RESET or DISCARD settings,
        after which a real session falls back to what its connection asked for at start-up."""
        self._switch_to(backend)
        reply = self._raw(data)
        if resets:
            self._raw(wire.query(_set_config(backend.startup)))
        self._set_owner(backend, reply.status)
        return reply

    def copy_in(self, backend: Backend, statement: str, payload: bytes) -> Reply:
        self._switch_to(backend)
        if self.broken:
            raise EngineFailed("the database in this page stopped working")
        try:
            answer = self._engine.copy_in(statement, payload)
        except Exception as exc:
            self.broken = True
            raise EngineFailed(f"the database in this page stopped working: {exc}") from exc
        reply = self._read(answer)
        self._set_owner(backend, reply.status)
        return reply


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _set_config(settings: dict[str, str]) -> str:
    calls = ", ".join(f"pg_catalog.set_config({_literal(k)}, {_literal(v)}, false)" for k, v in settings.items())
    return f"SELECT {calls}" if calls else "SELECT 1"


_database: Database | None = None


def current(engine_factory: Any) -> Database:
    """The run's database (one per run: the stand-in's modules are loaded afresh for each run)."""
    global _database
    if _database is None:
        _database = Database(engine_factory())
    return _database
