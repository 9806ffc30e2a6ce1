"""The asyncpg stand-in's database engine on CPython: one session of a real PostgreSQL server.

In the browser the stand-in talks to PGlite, which answers wire-protocol messages synchronously
in one session. This module offers the same ``exchange`` over a blocking socket to a real server,
so the stand-in can run (and be tested) on CPython too, as in the page:

    python3 src/runtime/python/run_example.py --standins asyncpg examples/.../first_queries.py

It works in a database of its own (``asyncio_study_standin``, created when missing) where the
stand-in's changes to pg_catalog (``standins/asyncpg/protocol/shims.sql``: pg_sleep waits on the
run's clock, pg_backend_pid names the stand-in's connection) are installed: pg_catalog is per
database, so the server's other databases never see them. Its tables are dropped before each run.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import socket
import struct

STANDIN_DATABASE = "asyncio_study_standin"
SHIMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "standins", "asyncpg", "protocol", "shims.sql")
# What the page's database looks like at the start of every run: no schema but public.
RESET = """
DO $$
DECLARE s text;
BEGIN
    FOR s IN SELECT nspname FROM pg_catalog.pg_namespace
             WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public')
               AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'
    LOOP
        EXECUTE format('DROP SCHEMA %I CASCADE', s);
    END LOOP;
END $$;
DROP SCHEMA public CASCADE;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
"""


class PostgresError(Exception):
    pass


def _message(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("!i", len(body) + 4) + body


def _error_text(body: bytes) -> str:
    parts = {chr(p[0]): p[1:].decode() for p in body.split(b"\0") if p}
    return f"{parts.get('C', '?')}: {parts.get('M', '?')}"


class SocketEngine:
    """A PostgreSQL session over a socket, spoken to in wire-protocol bytes."""

    def __init__(self, host: str, port: int, user: str, password: str, database: str) -> None:
        self._sock = socket.create_connection((host, port))
        self._buffer = b""
        self._startup(user, password, database)

    @classmethod
    def for_standin(cls, host: str = "", port: int = 0, user: str = "", password: str = "", admin_database: str = "") -> SocketEngine:
        """The stand-in's own database on the server the PG* variables name, made ready for a run."""
        host = host or os.environ.get("PGHOST", "127.0.0.1")
        port = port or int(os.environ.get("PGPORT", "5432"))
        user = user or os.environ.get("PGUSER", "postgres")
        password = password or os.environ.get("PGPASSWORD", "postgres")
        admin_database = admin_database or os.environ.get("PGDATABASE", "postgres")
        admin = cls(host, port, user, password, admin_database)
        try:
            exists = admin.scalar(f"SELECT 1 FROM pg_database WHERE datname = '{STANDIN_DATABASE}'")
            if not exists:
                admin.run(f"CREATE DATABASE {STANDIN_DATABASE}")
        finally:
            admin.close()
        engine = cls(host, port, user, password, STANDIN_DATABASE)
        if not engine.scalar("SELECT 1 FROM pg_proc WHERE proname = 'pg_sleep_engine'"):
            with open(SHIMS, encoding="utf-8") as file:
                engine.run(file.read())
        engine.run(RESET)
        return engine

    # -- the wire ------------------------------------------------------------------------------

    def _send(self, data: bytes) -> None:
        self._sock.sendall(data)

    def _read_message(self) -> tuple[bytes, bytes]:
        while True:
            if len(self._buffer) >= 5:
                (length,) = struct.unpack_from("!i", self._buffer, 1)
                if len(self._buffer) >= 1 + length:
                    kind, body = self._buffer[:1], self._buffer[5 : 1 + length]
                    self._buffer = self._buffer[1 + length :]
                    return kind, body
            chunk = self._sock.recv(65536)
            if not chunk:
                raise ConnectionResetError("the server closed the connection")
            self._buffer += chunk

    def _until_ready(self) -> bytes:
        out = []
        while True:
            kind, body = self._read_message()
            out.append(_message(kind, body))
            if kind == b"Z":
                return b"".join(out)

    def exchange(self, data: bytes) -> bytes:
        self._send(data)
        return self._until_ready()

    def copy_in(self, statement: str, payload: bytes) -> bytes:
        self._send(_message(b"Q", statement.encode() + b"\0"))
        out = []
        while True:
            kind, body = self._read_message()
            if kind == b"G":
                self._send(_message(b"d", payload) + _message(b"c", b""))
                continue
            out.append(_message(kind, body))
            if kind == b"Z":
                return b"".join(out)

    # -- conveniences for setting up -----------------------------------------------------------

    def run(self, sql: str) -> None:
        answer = self.exchange(_message(b"Q", sql.encode() + b"\0"))
        for kind, body in _split(answer):
            if kind == b"E":
                raise PostgresError(_error_text(body))

    def scalar(self, sql: str) -> str | None:
        answer = self.exchange(_message(b"Q", sql.encode() + b"\0"))
        for kind, body in _split(answer):
            if kind == b"E":
                raise PostgresError(_error_text(body))
            if kind == b"D":
                (length,) = struct.unpack_from("!i", body, 2)
                return None if length < 0 else body[6 : 6 + length].decode()
        return None

    def close(self) -> None:
        try:
            self._send(_message(b"X", b""))
        finally:
            self._sock.close()

    # -- start-up and authentication (SCRAM-SHA-256, MD5 or a password in clear) ---------------

    def _startup(self, user: str, password: str, database: str) -> None:
        params = b"".join(k.encode() + b"\0" + v.encode() + b"\0" for k, v in {
            "user": user, "database": database, "client_encoding": "UTF8",
        }.items()) + b"\0"
        body = struct.pack("!i", 196608) + params
        self._send(struct.pack("!i", len(body) + 4) + body)
        scram: _Scram | None = None
        while True:
            kind, body = self._read_message()
            if kind == b"E":
                raise PostgresError(_error_text(body))
            if kind == b"Z":
                return
            if kind != b"R":
                continue
            (code,) = struct.unpack_from("!i", body)
            if code == 3:
                self._send(_message(b"p", password.encode() + b"\0"))
            elif code == 5:
                salt = body[4:8]
                inner = hashlib.md5(password.encode() + user.encode()).hexdigest().encode()
                self._send(_message(b"p", b"md5" + hashlib.md5(inner + salt).hexdigest().encode() + b"\0"))
            elif code == 10:
                scram = _Scram(password)
                first = scram.client_first()
                self._send(_message(b"p", b"SCRAM-SHA-256\0" + struct.pack("!i", len(first)) + first))
            elif code == 11 and scram is not None:
                self._send(_message(b"p", scram.client_final(body[4:])))


class _Scram:
    def __init__(self, password: str) -> None:
        self._password = password.encode()
        self._nonce = base64.b64encode(secrets.token_bytes(18)).decode()
        self._first_bare = f"n=,r={self._nonce}"

    def client_first(self) -> bytes:
        return f"n,,{self._first_bare}".encode()

    def client_final(self, server_first: bytes) -> bytes:
        attrs = dict(part.split("=", 1) for part in server_first.decode().split(","))
        salt = base64.b64decode(attrs["s"])
        salted = hashlib.pbkdf2_hmac("sha256", self._password, salt, int(attrs["i"]))
        client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
        stored_key = hashlib.sha256(client_key).digest()
        without_proof = f"c=biws,r={attrs['r']}"
        auth_message = f"{self._first_bare},{server_first.decode()},{without_proof}".encode()
        signature = hmac.new(stored_key, auth_message, hashlib.sha256).digest()
        proof = bytes(a ^ b for a, b in zip(client_key, signature))
        return f"{without_proof},p={base64.b64encode(proof).decode()}".encode()


def _split(data: bytes) -> list[tuple[bytes, bytes]]:
    out = []
    offset = 0
    while offset < len(data):
        (length,) = struct.unpack_from("!i", data, offset + 1)
        out.append((data[offset : offset + 1], data[offset + 5 : offset + 1 + length]))
        offset += 1 + length
    return out
