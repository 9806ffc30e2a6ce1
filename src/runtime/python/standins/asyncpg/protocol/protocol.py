"""asyncpg's protocol layer, in Python, over the page's database.

asyncpg's own protocol (``asyncpg/protocol/protocol.pyx``, ``coreproto.pyx``,
``prepared_stmt.pyx``) is compiled Cython that reads a socket. This module offers the same
methods to the rest of asyncpg (connection.py, pool.py, cursor.py, prepared_stmt.py, which the
stand-in runs unchanged) with the same results and the same errors, but each operation is one
synchronous exchange with the database (database.py) followed by a wait on the run's clock for
the round trip it would have cost.
"""

from __future__ import annotations

import asyncio
import errno
import codecs as text_codecs
import collections
import collections.abc
import re
import weakref
from typing import Any, Callable, Iterable

from asyncpg import exceptions as apg_exc
from asyncpg import types as apg_types
from asyncpg.exceptions import _base as apg_exc_base

from . import codecs, wire
from .database import ROUND_TRIP, Backend, Database, EngineFailed, Reply, listens
from .pgtypes import BUILTIN_TYPE_NAME_MAP, BUILTIN_TYPE_OID_MAP
from .record import EMPTY, Record, RecordDescriptor

__all__ = ["BUILTIN_TYPE_NAME_MAP", "BUILTIN_TYPE_OID_MAP", "NO_TIMEOUT", "Protocol", "Record"]

NO_TIMEOUT = object()

#: A simple query that may put session settings back to their start-up values.
_RESETS = re.compile(r"\b(RESET|DISCARD)\b", re.IGNORECASE)


class ConnectionSettings:
    """The server's reported settings and the type codecs of one connection."""

    def __init__(self, conn_key: Any) -> None:
        self._encoding = "utf-8"
        self._is_utf8 = True
        self._settings: dict[str, str] = {}
        self._codec = text_codecs.lookup("utf-8")
        self._data_codecs: dict[int, codecs.Codec] = {}
        self._custom_codecs: dict[int, codecs.Codec] = {}

    def add_setting(self, name: str, val: str) -> None:
        self._settings[name] = val

    def is_encoding_utf8(self) -> bool:
        return True

    def get_text_codec(self) -> Any:
        return self._codec

    def register_data_types(self, types: Iterable[Any]) -> None:
        """Codecs for the types asyncpg introspected (enums, domains, arrays of them...)."""
        pending = list(types)
        for _ in range(len(pending) + 1):
            left = []
            for ti in pending:
                codec = self._codec_for(ti)
                if codec is None:
                    left.append(ti)
                else:
                    self._data_codecs[ti["oid"]] = codec
            if not left:
                return
            pending = left
        for ti in pending:  # anything still unresolved travels as text
            self._data_codecs[ti["oid"]] = codecs.scalar(ti["oid"], ti["name"], ti["ns"])

    def _codec_for(self, ti: Any) -> codecs.Codec | None:
        oid, name, schema, kind = ti["oid"], ti["name"], ti["ns"], ti["kind"]
        if ti["elemtype"]:
            element = self.get_data_codec(ti["elemtype"])
            if element is None:
                return None
            return codecs.array(oid, name, element, schema)
        if kind == b"d" or kind == "d":  # a domain travels as its base type
            base = self.get_data_codec(ti["basetype"])
            if base is None:
                return None
            return base._replace(oid=oid, name=name, schema=schema)
        return codecs.scalar(oid, name, schema)

    def add_python_codec(
        self, typeoid: int, typename: str, typeschema: str, typekind: str, encoder: Callable[[Any], Any],
        decoder: Callable[[Any], Any], format: str,
    ) -> None:
        if format not in ("text", "binary", "tuple"):
            raise apg_exc.InterfaceError(
                "invalid `format` argument, expected {}, got {!r}".format("'text', 'binary' or 'tuple'", format)
            )
        if format != "text":
            raise apg_exc.UnsupportedClientFeatureError(
                f"the asyncpg stand-in supports only format='text' in set_type_codec(), not {format!r}"
            )

        def encode(obj: Any) -> str:
            return codecs.scalar(25).encode(encoder(obj))

        def decode(data: bytes) -> Any:
            return decoder(data.decode("utf-8"))

        self._custom_codecs[typeoid] = codecs.Codec(
            typeoid, typename, typekind, typeschema, encode, decode, codecs.TEXT
        )

    def remove_python_codec(self, typeoid: int, typename: str, typeschema: str) -> None:
        self._custom_codecs.pop(typeoid, None)

    def clear_type_cache(self) -> None:
        self._data_codecs.clear()

    def set_builtin_type_codec(self, *args: Any) -> None:
        raise apg_exc.UnsupportedClientFeatureError("set_builtin_type_codec() is not supported by the asyncpg stand-in")

    def get_data_codec(self, oid: int, format: Any = None, ignore_custom_codec: bool = False) -> codecs.Codec | None:
        if not ignore_custom_codec and oid in self._custom_codecs:
            return self._custom_codecs[oid]
        found = self._data_codecs.get(oid)
        if found is None:
            found = codecs.builtin(oid)
            if found is not None:
                self._data_codecs[oid] = found
        return found

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("_"):
            try:
                return self._settings[name]
            except KeyError:
                raise AttributeError(name) from None
        return object.__getattribute__(self, name)

    def __repr__(self) -> str:
        return f"<ConnectionSettings {self._settings!r}>"


class PreparedStatementState:
    """What asyncpg knows of a prepared statement: its parameter and column types, its codecs."""

    def __init__(self, name: str, query: str, protocol: Protocol, record_class: type, ignore_custom_codec: bool) -> None:
        self.name = name
        self.query = query
        self.settings = protocol.settings
        self.row_desc: list[wire.Column] | None = None
        self.parameters_desc: list[int] | None = None
        self.args_codecs: tuple[codecs.Codec, ...] | None = None
        self.rows_codecs: tuple[codecs.Codec, ...] | None = None
        self.args_num = self.cols_num = 0
        self.cols_desc: RecordDescriptor | None = None
        self._decoders: tuple[Callable[[bytes], Any], ...] | None = None
        self.closed = False
        self.refs = 0
        self.record_class = record_class
        self.ignore_custom_codec = ignore_custom_codec

    def _get_parameters(self) -> tuple[apg_types.Type, ...]:
        result = []
        for oid in self.parameters_desc or ():
            codec = self.settings.get_data_codec(oid)
            if codec is None:
                raise apg_exc.InternalClientError(f"missing codec information for OID {oid}")
            result.append(apg_types.Type(oid, codec.name, codec.kind, codec.schema))
        return tuple(result)

    def _get_attributes(self) -> tuple[apg_types.Attribute, ...]:
        if not self.row_desc:
            return ()
        result = []
        for column in self.row_desc:
            codec = self.settings.get_data_codec(column.type_oid)
            if codec is None:
                raise apg_exc.InternalClientError(f"missing codec information for OID {column.type_oid}")
            result.append(
                apg_types.Attribute(
                    column.name.decode("utf-8"),
                    apg_types.Type(column.type_oid, codec.name, codec.kind, codec.schema),
                )
            )
        return tuple(result)

    def _init_types(self) -> set[int]:
        missing = set()
        for oid in self.parameters_desc or ():
            if self.settings.get_data_codec(oid) is None:
                missing.add(oid)
        for column in self.row_desc or ():
            if self.settings.get_data_codec(column.type_oid) is None:
                missing.add(column.type_oid)
        return missing

    def _init_codecs(self) -> None:
        self._ensure_args_encoder()
        self._ensure_rows_decoder()

    def attach(self) -> None:
        self.refs += 1

    def detach(self) -> None:
        self.refs -= 1

    def mark_closed(self) -> None:
        self.closed = True

    def _set_row_desc(self, columns: list[wire.Column] | None) -> None:
        self.row_desc = columns
        self.cols_num = len(columns or ())
        self.cols_desc = None
        self.rows_codecs = None
        self._decoders = None

    def _set_args_desc(self, oids: list[int]) -> None:
        self.parameters_desc = oids
        self.args_num = len(oids)
        self.args_codecs = None

    def _ensure_rows_decoder(self) -> None:
        if self.cols_desc is not None:
            return
        if self.cols_num == 0:
            self.cols_desc = EMPTY
            self.rows_codecs = ()
            return
        mapping: dict[str, int] = collections.OrderedDict()
        names = []
        found = []
        for index, column in enumerate(self.row_desc or ()):
            name = column.name.decode("utf-8")
            mapping[name] = index
            names.append(name)
            codec = self.settings.get_data_codec(column.type_oid, ignore_custom_codec=self.ignore_custom_codec)
            if codec is None:
                raise apg_exc.InternalClientError(f"no decoder for OID {column.type_oid}")
            found.append(codec)
        self.cols_desc = RecordDescriptor(mapping, tuple(names))
        self.rows_codecs = tuple(found)

    def _ensure_args_encoder(self) -> None:
        if self.args_num == 0 or self.args_codecs is not None:
            return
        found = []
        for oid in self.parameters_desc or ():
            codec = self.settings.get_data_codec(oid, ignore_custom_codec=self.ignore_custom_codec)
            if codec is None:
                raise apg_exc.InternalClientError(f"no encoder for OID {oid}")
            found.append(codec)
        self.args_codecs = tuple(found)

    def _encode_bind_msg(self, args: Any, seqno: int = -1) -> list[bytes | None]:
        """The arguments as the server will get them, checked as asyncpg checks them."""
        if not isinstance(args, collections.abc.Sequence):
            if seqno >= 0:
                raise apg_exc.DataError(
                    f"invalid input in executemany() argument sequence element #{seqno}: "
                    f"expected a sequence, got {type(args).__name__}"
                )
            raise apg_exc.InternalClientError(f"Bind: expected a sequence, got {type(args).__name__}")
        if len(args) > 32767:
            raise apg_exc.InterfaceError("the number of query arguments cannot exceed 32767")
        passed = len(args)
        if self.args_num != passed:
            hint = "Check the query against the passed list of arguments."
            if self.args_num == 0:
                hint += (
                    r"  Note that parameters are supported only in"
                    r" SELECT, INSERT, UPDATE, DELETE, and VALUES"
                    r" statements, and will *not* work in statements "
                    r" like CREATE VIEW or DECLARE CURSOR."
                )
            raise apg_exc.InterfaceError(
                "the server expects {x} argument{s} for this query, {y} {w} passed".format(
                    x=self.args_num, s="s" if self.args_num != 1 else "", y=passed, w="was" if passed == 1 else "were"
                ),
                hint=hint,
            )
        encoded: list[bytes | None] = []
        for index in range(self.args_num):
            arg = args[index]
            if arg is None:
                encoded.append(None)
                continue
            codec = (self.args_codecs or ())[index]
            try:
                encoded.append(codec.encode(arg).encode("utf-8"))
            except (AssertionError, apg_exc.InternalClientError):
                raise
            except apg_exc.InterfaceError as e:
                position = _position(index, seqno)
                raise e.with_msg(f"query argument {position}: {e.args[0]}") from None
            except Exception as e:
                position = _position(index, seqno)
                value_repr = repr(arg)
                if len(value_repr) > 40:
                    value_repr = value_repr[:40] + "..."
                raise apg_exc.DataError(f"invalid input for query argument {position}: {value_repr} ({e})") from e
        return encoded

    def _result_formats(self) -> list[int]:
        return [codec.format for codec in (self.rows_codecs or ())]

    def _decode_row(self, values: list[bytes | None]) -> Record:
        if len(values) != self.cols_num:
            raise apg_exc.ProtocolError(
                f"the number of columns in the result row ({len(values)}) is "
                f"different from what was described ({self.cols_num})"
            )
        decoders = self._decoders
        if decoders is None:
            decoders = self._decoders = tuple(codec.decode for codec in self.rows_codecs or ())
        decoded = tuple([None if value is None else decode(value) for decode, value in zip(decoders, values)])
        return self.record_class._make(self.cols_desc or EMPTY, decoded)


def _position(index: int, seqno: int) -> str:
    position = f"${index + 1}"
    if seqno >= 0:
        position = f"{position} in element #{seqno} of executemany() sequence"
    return position


def _bind_with_formats(portal: str, statement: str, params: list[bytes | None], formats: list[int]) -> bytes:
    message = bytearray(wire.bind(portal, statement, params))
    # wire.bind ends with "0 result format codes" (all text); ask for each column's format.
    del message[-2:]
    message += len(formats).to_bytes(2, "big") + b"".join(f.to_bytes(2, "big") for f in formats)
    message[1:5] = (len(message) - 1).to_bytes(4, "big")
    return bytes(message)


class _Transport:
    """What asyncpg's Connection keeps as its transport: here only something to close."""

    def __init__(self, protocol: Protocol) -> None:
        self._protocol = protocol

    def close(self) -> None:
        self._protocol.abort()

    def abort(self) -> None:
        self._protocol.abort()

    def is_closing(self) -> bool:
        return self._protocol.closing

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return default


class Protocol:
    """One connection's conversation with the database (asyncpg's BaseProtocol, in Python)."""

    def __init__(self, addr: Any, database: Database, backend: Backend, con_params: Any, record_class: type, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.address = addr
        self.database = database
        self.backend = backend
        self.backend_pid = backend.pid
        self.backend_secret = backend.pid * 7919 % 2**31
        self.settings = ConnectionSettings((addr, con_params.database))
        for name, value in database.parameters.items():
            self.settings.add_setting(name, value)
        for name, value in (con_params.server_settings or {}).items():
            if name in database.parameters:
                self.settings.add_setting(name, value)
        self.record_class = record_class
        backend.on_terminated = self._lost
        self.conref: Callable[[], Any] | None = None
        self.closing = False
        self.waiter: object | None = None
        self.last_query: str | None = None
        self.queries_count = 0
        self._is_ssl = False

    # -- what asyncpg's Connection asks of its protocol ----------------------------------------

    def set_connection(self, connection: Any) -> None:
        self.conref = weakref.ref(connection)

    def get_connection(self) -> Any:
        return self.conref() if self.conref is not None else None

    def get_server_pid(self) -> int:
        return self.backend_pid

    def get_settings(self) -> ConnectionSettings:
        return self.settings

    def get_record_class(self) -> type:
        return self.record_class

    @property
    def is_ssl(self) -> bool:
        return self._is_ssl

    @is_ssl.setter
    def is_ssl(self, value: bool) -> None:
        self._is_ssl = value

    def is_in_transaction(self) -> bool:
        return self.backend.status in ("T", "E")

    def is_closed(self) -> bool:
        return self.closing

    def is_connected(self) -> bool:
        return not self.closing

    def _is_cancelling(self) -> bool:
        return False

    async def _wait_for_cancellation(self) -> None:
        pass

    def _request_cancel(self) -> None:
        pass

    def _get_timeout(self, timeout: Any) -> float | None:
        if timeout is not None:
            try:
                if type(timeout) is bool:
                    raise ValueError
                timeout = float(timeout)
            except ValueError:
                raise ValueError(f"invalid timeout value: expected non-negative float (got {timeout!r})") from None
        return self._get_timeout_impl(timeout)

    def _get_timeout_impl(self, timeout: Any) -> float | None:
        if timeout is None:
            connection = self.get_connection()
            timeout = connection._config.command_timeout if connection is not None else None
        elif timeout is NO_TIMEOUT:
            timeout = None
        else:
            timeout = float(timeout)
        if timeout is not None and timeout <= 0:
            raise asyncio.TimeoutError()
        return timeout

    def _check_state(self) -> None:
        if self.closing:
            raise apg_exc.InterfaceError("cannot perform operation: connection is closed")
        if self.waiter is not None:
            raise apg_exc.InterfaceError("cannot perform operation: another operation is in progress")

    # -- one operation: the exchange, then its round trips on the run's clock ------------------

    async def _operate(self, timeout: float | None, work: Callable[[], Any], round_trips: int = 1) -> Any:
        self.waiter = marker = object()
        try:
            async with asyncio.timeout(timeout):
                await self.database.enter(self.backend)
                if self.closing:
                    raise apg_exc.ConnectionDoesNotExistError("connection was closed in the middle of operation")
                try:
                    result, reply = work()
                except EngineFailed as exc:
                    raise apg_exc.ConnectionDoesNotExistError("connection was closed in the middle of operation") from exc
                delay = ROUND_TRIP * round_trips + (reply.slept if reply is not None else 0.0)
                await self.backend.pause(delay)
                if self.backend.terminated:
                    self._lost()
                    raise apg_exc.ConnectionDoesNotExistError("connection was closed in the middle of operation")
                if self.backend.cancelled:
                    self.backend.cancelled = False
                    result = self._error({
                        "S": "ERROR", "V": "ERROR", "C": "57014", "M": "canceling statement due to user request",
                    })
                if reply is not None:
                    self._notices(reply)
            if isinstance(result, BaseException):
                raise result
            return result
        finally:
            if self.waiter is marker:
                self.waiter = None

    def _lost(self) -> None:
        if self.closing:
            return
        self.closing = True
        self.database.leave(self.backend)
        connection = self.get_connection()
        if connection is not None:
            connection._cleanup()

    def _notices(self, reply: Reply) -> None:
        connection = self.get_connection()
        if connection is None:
            return
        for message in reply.messages:
            if message.kind == "N":
                connection._process_log_message(wire.fields(message.body), self.last_query)

    def _error(self, fields: dict[str, str]) -> BaseException:
        return apg_exc_base.PostgresError.new(fields, query=self.last_query)

    def _exchange(self, data: bytes, resets: bool = False) -> Reply:
        return self.database.exchange(self.backend, data, resets)

    # -- the operations --------------------------------------------------------------------------

    async def prepare(
        self, stmt_name: str, query: str, timeout: Any, *, state: PreparedStatementState | None = None,
        ignore_custom_codec: bool = False, record_class: type,
    ) -> PreparedStatementState:
        self._check_state()
        timeout = self._get_timeout_impl(timeout)
        self.last_query = query
        if state is None:
            state = PreparedStatementState(stmt_name, query, self, record_class, ignore_custom_codec)
        prepared = state

        def work() -> tuple[Any, Reply]:
            reply = self._exchange(wire.parse(query) + wire.describe_statement() + wire.sync())
            for message in reply.messages:
                if message.kind == "E":
                    return self._error(wire.fields(message.body)), reply
                if message.kind == "t":
                    prepared._set_args_desc(wire.parameter_description(message.body))
                elif message.kind == "T":
                    prepared._set_row_desc(wire.row_description(message.body))
                elif message.kind == "n":
                    prepared._set_row_desc(None)
            return prepared, reply

        return await self._operate(timeout, work)

    def _rows(self, state: PreparedStatementState, reply: Reply) -> tuple[Any, list[Record], bytes, bool]:
        """(error or None, rows, command tag, completed) from an Execute's reply."""
        rows: list[Record] = []
        tag = b""
        completed = False
        for message in reply.messages:
            if message.kind == "E":
                return self._error(wire.fields(message.body)), rows, tag, completed
            if message.kind == "D":
                rows.append(state._decode_row(wire.data_row(message.body)))
            elif message.kind == "C":
                tag = wire.command_tag(message.body)
                completed = True
            elif message.kind in ("I", "s"):
                completed = message.kind == "I"
        return None, rows, tag, completed

    def _rebind(self, state: PreparedStatementState, portal: str, params: list[bytes | None]) -> bytes:
        """Parse and Bind: the stand-in parses the statement again (always unnamed), as asyncpg's
        named statement would be planned again after a change of schema."""
        return wire.parse(state.query) + _bind_with_formats(portal, "", params, state._result_formats())

    def _check_shape(self, state: PreparedStatementState, reply: Reply) -> BaseException | None:
        """A statement whose result type changed since it was prepared fails as on a real server."""
        for message in reply.messages:
            if message.kind == "T":
                described = [column.type_oid for column in wire.row_description(message.body)]
                if described != [column.type_oid for column in state.row_desc or ()]:
                    return self._error({
                        "S": "ERROR", "V": "ERROR", "C": "0A000",
                        "M": "cached plan must not change result type", "R": "RevalidateCachedQuery",
                    })
            elif message.kind == "n" and state.row_desc:
                return self._error({
                    "S": "ERROR", "V": "ERROR", "C": "0A000",
                    "M": "cached plan must not change result type", "R": "RevalidateCachedQuery",
                })
        return None

    async def bind_execute(
        self, state: PreparedStatementState, args: Any, portal_name: str, limit: int, return_extra: bool, timeout: Any
    ) -> Any:
        self._check_state()
        timeout = self._get_timeout_impl(timeout)
        params = state._encode_bind_msg(args)
        self.last_query = state.query

        def work() -> tuple[Any, Reply]:
            data = self._rebind(state, portal_name, params) + wire.describe_portal(portal_name)
            reply = self._exchange(data + wire.execute(portal_name, limit) + wire.sync())
            error, rows, tag, completed = self._rows(state, reply)
            error = error or self._check_shape(state, reply)
            if error is not None:
                return error, reply
            self.queries_count += 1
            return ((rows, tag, completed) if return_extra else rows), reply

        return await self._operate(timeout, work)

    async def bind_execute_many(self, state: PreparedStatementState, args: Any, portal_name: str, timeout: Any) -> None:
        self._check_state()
        timeout = self._get_timeout_impl(timeout)
        batches = [state._encode_bind_msg(b, i) for i, b in enumerate(args)]
        self.last_query = state.query

        def work() -> tuple[Any, Reply]:
            parts = [wire.parse(state.query)]
            for params in batches:
                parts.append(_bind_with_formats(portal_name, "", params, state._result_formats()))
                parts.append(wire.execute(portal_name, 0))
            parts.append(wire.sync())
            # As asyncpg 0.22+: all of it or none of it. Outside a transaction the pipeline is one
            # implicit transaction, ended by its Sync.
            reply = self._exchange(b"".join(parts))
            for message in reply.messages:
                if message.kind == "E":
                    return self._error(wire.fields(message.body)), reply
            self.queries_count += 1
            return None, reply

        return await self._operate(timeout, work)

    async def bind(self, state: PreparedStatementState, args: Any, portal_name: str, timeout: Any) -> None:
        self._check_state()
        timeout = self._get_timeout_impl(timeout)
        params = state._encode_bind_msg(args)
        self.last_query = state.query

        def work() -> tuple[Any, Reply]:
            reply = self._exchange(self._rebind(state, portal_name, params) + wire.sync())
            for message in reply.messages:
                if message.kind == "E":
                    return self._error(wire.fields(message.body)), reply
            return None, reply

        return await self._operate(timeout, work)

    async def execute(self, state: PreparedStatementState, portal_name: str, limit: int, return_extra: bool, timeout: Any) -> Any:
        self._check_state()
        timeout = self._get_timeout_impl(timeout)
        self.last_query = state.query

        def work() -> tuple[Any, Reply]:
            reply = self._exchange(wire.execute(portal_name, limit) + wire.sync())
            error, rows, tag, completed = self._rows(state, reply)
            if error is not None:
                return error, reply
            self.queries_count += 1
            return ((rows, tag, completed) if return_extra else rows), reply

        return await self._operate(timeout, work)

    async def query(self, query: str, timeout: Any) -> str:
        self._check_state()
        # As asyncpg: _get_timeout, not _get_timeout_impl, so the value is validated too.
        timeout = self._get_timeout(timeout)
        self.last_query = query

        def work() -> tuple[Any, Reply]:
            reply = self._exchange(wire.query(query), resets=bool(_RESETS.search(query)))
            tag = b""
            for message in reply.messages:
                if message.kind == "E":
                    return self._error(wire.fields(message.body)), reply
                if message.kind == "C":
                    tag = wire.command_tag(message.body)
            self.queries_count += 1
            return tag.decode("utf-8"), reply

        return await self._operate(timeout, work)

    async def copy_out(self, copy_stmt: str, sink: Callable[[bytes], Any], timeout: Any) -> str:
        self._check_state()
        timeout = self._get_timeout_impl(timeout)
        self.last_query = copy_stmt
        chunks: list[bytes] = []

        def work() -> tuple[Any, Reply]:
            reply = self._exchange(wire.query(copy_stmt))
            tag = b""
            for message in reply.messages:
                if message.kind == "E":
                    return self._error(wire.fields(message.body)), reply
                if message.kind == "d":
                    chunks.append(message.body)
                elif message.kind == "C":
                    tag = wire.command_tag(message.body)
            return tag.decode("utf-8"), reply

        status = await self._operate(timeout, work)
        if chunks:
            await sink(b"".join(chunks))
        return status

    async def copy_in(
        self, copy_stmt: str, reader: Any, data: Any, records: Any, record_stmt: PreparedStatementState | None, timeout: Any
    ) -> str:
        self._check_state()
        timeout = self._get_timeout_impl(timeout)
        if record_stmt is not None:
            # asyncpg sends records in COPY's binary format; the stand-in sends the same values
            # in text format, encoded with the same checks.
            record_stmt._ensure_rows_decoder()
            row_codecs = record_stmt.rows_codecs or ()
            lines = []
            if isinstance(records, collections.abc.AsyncIterable):
                async for row in records:
                    lines.append(_copy_line(row, row_codecs))
            else:
                for row in records:
                    lines.append(_copy_line(row, row_codecs))
            payload = "".join(lines).encode("utf-8")
            copy_stmt = copy_stmt.replace("(FORMAT binary)", "(FORMAT text)")
        elif reader is not None:
            try:
                aiter = reader.__aiter__
            except AttributeError:
                raise TypeError("reader is not an asynchronous iterable") from None
            parts = [bytes(chunk) async for chunk in aiter()]
            payload = b"".join(parts)
        else:
            payload = bytes(data)
        self.last_query = copy_stmt

        def work() -> tuple[Any, Reply]:
            reply = self.database.copy_in(self.backend, copy_stmt, payload)
            tag = b""
            for message in reply.messages:
                if message.kind == "E":
                    return self._error(wire.fields(message.body)), reply
                if message.kind == "C":
                    tag = wire.command_tag(message.body)
            return tag.decode("utf-8"), reply

        # The COPY statement and its data: two round trips.
        return await self._operate(timeout, work, round_trips=2)

    async def close_statement(self, state: PreparedStatementState, timeout: Any) -> None:
        self._check_state()
        if state.refs != 0:
            raise apg_exc.InternalClientError(f"cannot close prepared statement; refs == {state.refs} != 0")
        timeout = self._get_timeout_impl(timeout)

        def work() -> tuple[Any, Reply | None]:
            # The stand-in's statements are unnamed: nothing is kept on the server to close.
            state.closed = True
            return None, None

        return await self._operate(timeout, work)

    def abort(self) -> None:
        if self.closing:
            return
        self.closing = True
        self.database.leave(self.backend)

    async def close(self, timeout: Any) -> None:
        if self.closing:
            return
        self.closing = True
        self.database.leave(self.backend)
        await asyncio.sleep(ROUND_TRIP / 2)  # Terminate, and the server closing the socket


def _copy_value(value: Any, codec: codecs.Codec) -> str:
    if value is None:
        return "\\N"
    text = codec.encode(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _copy_line(row: Any, row_codecs: tuple[codecs.Codec, ...]) -> str:
    return "\t".join(_copy_value(row[i], codec) for i, codec in enumerate(row_codecs)) + "\n"


def _refused(host: str, port: int) -> ConnectionRefusedError:
    """What asyncio's socket connect raises where nothing listens, with the address as the socket
    had it: ``localhost`` resolved (to 127.0.0.1, as on CI's machines) and an IPv6 address as a
    4-tuple (host, port, flowinfo, scope id)."""
    address: tuple[Any, ...] = ("127.0.0.1", port) if host == "localhost" else (host, port)
    if ":" in host:
        address = (host, port, 0, 0)
    return ConnectionRefusedError(errno.ECONNREFUSED, f"Connect call failed {address!r}")


async def connect(
    addr: Any, params: Any, record_class: type, open_database: Callable[[], Database], timeout: float
) -> tuple[_Transport, Protocol]:
    """Opens a connection to the page's database, as a socket and the start-up handshake would."""
    loop = asyncio.get_running_loop()
    host, port = addr[0], addr[1]
    async with asyncio.timeout(timeout):
        await asyncio.sleep(ROUND_TRIP)  # the TCP handshake
        if not listens(host, port):
            raise _refused(host, port)
        database = open_database()
        if database.broken:
            raise _refused(host, port)
        password = params.password
        await asyncio.sleep(ROUND_TRIP * 2)  # start-up, and SCRAM authentication
        refusal = database.refusal(params.user, password, params.database)
        if refusal is not None:
            raise apg_exc_base.PostgresError.new(refusal)
        backend = database.open_backend(dict(params.server_settings or {}))
        protocol = Protocol(addr, database, backend, params, record_class, loop)
        return _Transport(protocol), protocol
