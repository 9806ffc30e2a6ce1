"""PostgreSQL's frontend/backend protocol (version 3): the messages the stand-in sends and reads.

Only what a client needs: the extended query protocol (Parse, Bind, Describe, Execute, Sync),
the simple one (Query), COPY data and the backend messages that answer them. See
https://www.postgresql.org/docs/current/protocol-message-formats.html
"""

from __future__ import annotations

import struct
from typing import NamedTuple, Sequence

_INT32 = struct.Struct("!i")
_INT16 = struct.Struct("!h")


def _message(kind: bytes, body: bytes = b"") -> bytes:
    return kind + _INT32.pack(len(body) + 4) + body


def _cstring(text: str) -> bytes:
    return text.encode("utf-8") + b"\0"


def query(sql: str) -> bytes:
    return _message(b"Q", _cstring(sql))


def parse(sql: str, name: str = "") -> bytes:
    # No parameter types: the server infers them, as asyncpg lets it.
    return _message(b"P", _cstring(name) + _cstring(sql) + _INT16.pack(0))


def bind(portal: str, statement: str, params: Sequence[bytes | None]) -> bytes:
    """Parameters and results in text format (format code 0)."""
    body = [_cstring(portal), _cstring(statement), _INT16.pack(0), _INT16.pack(len(params))]
    for value in params:
        if value is None:
            body.append(_INT32.pack(-1))
        else:
            body.append(_INT32.pack(len(value)) + value)
    body.append(_INT16.pack(0))
    return _message(b"B", b"".join(body))


def describe_statement(name: str = "") -> bytes:
    return _message(b"D", b"S" + _cstring(name))


def describe_portal(name: str = "") -> bytes:
    return _message(b"D", b"P" + _cstring(name))


def execute(portal: str = "", limit: int = 0) -> bytes:
    return _message(b"E", _cstring(portal) + _INT32.pack(limit))


def close_portal(name: str) -> bytes:
    return _message(b"C", b"P" + _cstring(name))


def sync() -> bytes:
    return _message(b"S")


def copy_data(data: bytes) -> bytes:
    return _message(b"d", data)


def copy_done() -> bytes:
    return _message(b"c")


def copy_fail(reason: str) -> bytes:
    return _message(b"f", _cstring(reason))


def terminate() -> bytes:
    return _message(b"X")


class Message(NamedTuple):
    kind: str
    body: bytes


_unpack_int32 = _INT32.unpack_from


def split(data: bytes) -> list[Message]:
    """The backend messages in ``data``, in order (a result of 50,000 rows is 50,000 of them,
    so this loop and data_row() are kept tight)."""
    messages = []
    append = messages.append
    make = Message._make
    offset = 0
    end = len(data)
    while offset < end:
        (length,) = _unpack_int32(data, offset + 1)
        append(make((chr(data[offset]), data[offset + 5 : offset + 1 + length])))
        offset += 1 + length
    return messages


def fields(body: bytes) -> dict[str, str]:
    """An ErrorResponse's or NoticeResponse's fields: {'S': 'ERROR', 'C': '22012', 'M': ...}."""
    result: dict[str, str] = {}
    for part in body.split(b"\0"):
        if part:
            result[chr(part[0])] = part[1:].decode("utf-8", "replace")
    return result


def command_tag(body: bytes) -> bytes:
    """CommandComplete: 'INSERT 0 1', without its terminating zero."""
    return body[:-1] if body.endswith(b"\0") else body


def parameter_status(body: bytes) -> tuple[str, str]:
    name, value, _ = body.split(b"\0", 2)
    return name.decode(), value.decode()


class Column(NamedTuple):
    """One field of a RowDescription, as asyncpg keeps it (name in bytes)."""

    name: bytes
    table_oid: int
    column_number: int
    type_oid: int
    type_size: int
    type_modifier: int
    format: int


def row_description(body: bytes) -> list[Column]:
    (count,) = _INT16.unpack_from(body, 0)
    offset = 2
    columns = []
    for _ in range(count):
        end = body.index(b"\0", offset)
        name = body[offset:end]
        offset = end + 1
        table_oid, column_number, type_oid, type_size, type_modifier, format_ = struct.unpack_from(
            "!IhIhih", body, offset
        )
        offset += 18
        columns.append(Column(name, table_oid, column_number, type_oid, type_size, type_modifier, format_))
    return columns


def parameter_description(body: bytes) -> list[int]:
    (count,) = _INT16.unpack_from(body, 0)
    return list(struct.unpack_from(f"!{count}I", body, 2))


def data_row(body: bytes) -> list[bytes | None]:
    (count,) = _INT16.unpack_from(body, 0)
    offset = 2
    values: list[bytes | None] = []
    append = values.append
    unpack = _unpack_int32
    for _ in range(count):
        (length,) = unpack(body, offset)
        offset += 4
        if length < 0:
            append(None)
        else:
            append(body[offset : offset + length])
            offset += length
    return values
