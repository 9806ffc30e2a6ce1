"""Python values to PostgreSQL and back, as asyncpg's codecs do it.

asyncpg encodes arguments with binary codecs that check each value's type first (pgproto,
``asyncpg/pgproto/codecs/*.pyx``); the stand-in makes the same checks and raises the same
errors, then sends the value as text. Results come back in binary where the binary form is fixed
and simple (numbers, booleans, dates and times, uuid, bytea), so DateStyle or IntervalStyle cannot
change them, and in text for the rest; either way the Python value is the one asyncpg returns.
"""

from __future__ import annotations

import datetime
import decimal
import math
import operator
import struct
import uuid
from typing import Any, Callable, NamedTuple

from .pgtypes import BUILTIN_TYPE_OID_MAP

TEXT = 0
BINARY = 1

UTC = datetime.timezone.utc
PG_EPOCH_DATE = datetime.date(2000, 1, 1)
PG_EPOCH_DATETIME = datetime.datetime(2000, 1, 1)
PG_EPOCH_DATETIME_UTC = datetime.datetime(2000, 1, 1, tzinfo=UTC)
INFINITY_MICROS = 2**63 - 1
NEGATIVE_INFINITY_MICROS = -(2**63)
INFINITY_DAYS = 2**31 - 1
NEGATIVE_INFINITY_DAYS = -(2**31)


# -- encoding: a Python value -> text, after asyncpg's own checks -------------------------------


def _as_long(obj: Any) -> int:
    # pgproto's int codecs: an object with __int__ is converted first (a float is truncated),
    # then PyLong_AsLong, whose TypeError names the type ("'str' object cannot be interpreted
    # as an integer").
    if type(obj) is not int and hasattr(type(obj), "__int__"):
        obj = int(obj)
    return operator.index(obj)


def _int_encoder(bits: int) -> Callable[[Any], str]:
    low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1

    def encode(obj: Any) -> str:
        try:
            value = _as_long(obj)
        except OverflowError:
            value = high + 1
        if value < low or value > high:
            raise OverflowError(f"value out of int{bits} range")
        return str(value)

    return encode


def _uint_encoder(bits: int) -> Callable[[Any], str]:
    def encode(obj: Any) -> str:
        value = _as_long(obj)
        if value < 0 or value >= 2**bits:
            raise OverflowError(f"value out of uint{bits} range")
        return str(value)

    return encode


def _as_double(obj: Any) -> float:
    # PyFloat_AsDouble: "must be real number, not str" for anything without __float__/__index__.
    if isinstance(obj, float):
        return obj
    math.fabs(obj)  # raises the same TypeError as PyFloat_AsDouble
    return float(obj)


def _encode_float4(obj: Any) -> str:
    value = _as_double(obj)
    if math.isfinite(value):
        try:
            struct.pack("!f", value)
        except OverflowError:  # asyncpg: a double that becomes inf as a C float
            raise ValueError("value out of float32 range") from None
    return repr(value)


def _encode_float8(obj: Any) -> str:
    return repr(_as_double(obj))


def _encode_numeric(obj: Any) -> str:
    value = obj if isinstance(obj, decimal.Decimal) else decimal.Decimal(obj)
    exponent = value.as_tuple().exponent
    if exponent == "F":
        raise ValueError("numeric type does not support infinite values")
    return str(value)


def _encode_text(obj: Any) -> str:
    if not isinstance(obj, str):
        raise TypeError(f"expected str, got {type(obj).__name__}")
    return obj


def _encode_bool(obj: Any) -> str:
    if not isinstance(obj, bool):
        raise TypeError(f"a boolean is required (got type {type(obj).__name__})")
    return "true" if obj else "false"


def _encode_bytea(obj: Any) -> str:
    if isinstance(obj, bytes):
        data = obj
    else:
        try:
            data = bytes(memoryview(obj))
        except TypeError:
            raise TypeError(f"a bytes-like object is required, not '{type(obj).__name__}'") from None
    return "\\x" + data.hex()


def _encode_date(obj: Any) -> str:
    ordinal = obj.toordinal()  # "'str' object has no attribute 'toordinal'", as asyncpg
    if ordinal == datetime.date.max.toordinal():
        return "infinity"
    if ordinal == datetime.date.min.toordinal():
        return "-infinity"
    return datetime.date.fromordinal(ordinal).isoformat()


def _encode_timestamp(obj: Any) -> str:
    if not isinstance(obj, datetime.datetime):
        if isinstance(obj, datetime.date):
            obj = datetime.datetime(obj.year, obj.month, obj.day)
        else:
            raise TypeError(
                f"expected a datetime.date or datetime.datetime instance, got {type(obj).__name__!r}"
            )
    if obj == datetime.datetime.max:
        return "infinity"
    if obj == datetime.datetime.min:
        return "-infinity"
    _ = obj - PG_EPOCH_DATETIME  # an aware datetime fails here, as in asyncpg
    return obj.isoformat(sep=" ")


def _encode_timestamptz(obj: Any) -> str:
    if not isinstance(obj, datetime.datetime):
        if isinstance(obj, datetime.date):
            obj = datetime.datetime(obj.year, obj.month, obj.day).astimezone()
        else:
            raise TypeError(
                f"expected a datetime.date or datetime.datetime instance, got {type(obj).__name__!r}"
            )
    if obj == datetime.datetime.max.replace(tzinfo=UTC):
        return "infinity"
    return obj.astimezone(UTC).isoformat(sep=" ")


def _encode_time(obj: Any) -> str:
    hour, minute, second, micro = obj.hour, obj.minute, obj.second, obj.microsecond
    return f"{hour:02d}:{minute:02d}:{second:02d}.{micro:06d}"


def _encode_timetz(obj: Any) -> str:
    offset = obj.utcoffset()
    text = _encode_time(obj)
    if offset is None:
        return text
    seconds = int(offset.total_seconds())
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    return f"{text}{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _encode_interval(obj: Any) -> str:
    days, seconds, micros = obj.days, obj.seconds, obj.microseconds
    return f"{days} days {seconds} seconds {micros} microseconds"


def _encode_uuid(obj: Any) -> str:
    if isinstance(obj, str):
        return str(uuid.UUID(obj))
    if isinstance(obj, uuid.UUID):
        return str(obj)
    return str(uuid.UUID(bytes=bytes(obj.bytes)))


# -- decoding: what the server sends -> the value asyncpg returns --------------------------------


def _decode_text(data: bytes) -> Any:
    return data.decode("utf-8")


def _decode_bool(data: bytes) -> bool:
    return data == b"\x01"


def _decode_int(data: bytes) -> int:
    return int.from_bytes(data, "big", signed=True)


def _decode_uint(data: bytes) -> int:
    return int.from_bytes(data, "big", signed=False)


def _decode_float4(data: bytes) -> float:
    return struct.unpack("!f", data)[0]


def _decode_float8(data: bytes) -> float:
    return struct.unpack("!d", data)[0]


def _decode_numeric(data: bytes) -> decimal.Decimal:
    return decimal.Decimal(data.decode())


def _decode_bytea(data: bytes) -> bytes:
    return data


def _decode_date(data: bytes) -> datetime.date:
    (days,) = struct.unpack("!i", data)
    if days == INFINITY_DAYS:
        return datetime.date.max
    if days == NEGATIVE_INFINITY_DAYS:
        return datetime.date.min
    return datetime.date.fromordinal(days + PG_EPOCH_DATE.toordinal())


def _decode_timestamp(data: bytes) -> datetime.datetime:
    (micros,) = struct.unpack("!q", data)
    if micros == INFINITY_MICROS:
        return datetime.datetime.max
    if micros == NEGATIVE_INFINITY_MICROS:
        return datetime.datetime.min
    return PG_EPOCH_DATETIME + datetime.timedelta(microseconds=micros)


def _decode_timestamptz(data: bytes) -> datetime.datetime:
    (micros,) = struct.unpack("!q", data)
    if micros == INFINITY_MICROS:
        return datetime.datetime.max.replace(tzinfo=UTC)
    if micros == NEGATIVE_INFINITY_MICROS:
        return datetime.datetime.min.replace(tzinfo=UTC)
    return PG_EPOCH_DATETIME_UTC + datetime.timedelta(microseconds=micros)


def _decode_time(data: bytes) -> datetime.time:
    (micros,) = struct.unpack("!q", data)
    seconds, micro = divmod(micros, 1_000_000)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    return datetime.time(hour, minute, second, micro)


def _decode_timetz(data: bytes) -> datetime.time:
    micros, offset = struct.unpack("!qi", data)
    plain = _decode_time(struct.pack("!q", micros))
    return plain.replace(tzinfo=datetime.timezone(datetime.timedelta(seconds=-offset)))


def _decode_interval(data: bytes) -> datetime.timedelta:
    micros, days, months = struct.unpack("!qii", data)
    # asyncpg counts a month as 30 days, as PostgreSQL's own interval arithmetic does.
    return datetime.timedelta(days=days + months * 30, microseconds=micros)


def _decode_uuid(data: bytes) -> uuid.UUID:
    return uuid.UUID(bytes=data)


def _decode_void(data: bytes) -> None:
    return None


class Codec(NamedTuple):
    """How one type travels: what asyncpg calls it, and its encoder and decoder."""

    oid: int
    name: str
    kind: str  # scalar | array | composite | range
    schema: str
    encode: Callable[[Any], str]
    decode: Callable[[bytes], Any]
    format: int  # the format results are asked for: TEXT or BINARY
    element: "Codec | None" = None

    def has_encoder(self) -> bool:
        return True

    def has_decoder(self) -> bool:
        return True

    def is_binary(self) -> bool:
        return self.format == BINARY


_SCALARS: dict[int, tuple[Callable[[Any], str], Callable[[bytes], Any], int]] = {
    16: (_encode_bool, _decode_bool, BINARY),
    17: (_encode_bytea, _decode_bytea, BINARY),
    18: (_encode_text, _decode_text, TEXT),  # "char"
    19: (_encode_text, _decode_text, TEXT),  # name
    20: (_int_encoder(64), _decode_int, BINARY),
    21: (_int_encoder(16), _decode_int, BINARY),
    23: (_int_encoder(32), _decode_int, BINARY),
    25: (_encode_text, _decode_text, TEXT),
    26: (_uint_encoder(32), _decode_uint, BINARY),  # oid
    28: (_uint_encoder(32), _decode_uint, BINARY),  # xid
    29: (_uint_encoder(32), _decode_uint, BINARY),  # cid
    114: (_encode_text, _decode_text, TEXT),  # json
    142: (_encode_text, _decode_text, TEXT),  # xml
    700: (_encode_float4, _decode_float4, BINARY),
    701: (_encode_float8, _decode_float8, BINARY),
    705: (_encode_text, _decode_text, TEXT),  # unknown
    1042: (_encode_text, _decode_text, TEXT),  # bpchar
    1043: (_encode_text, _decode_text, TEXT),  # varchar
    1082: (_encode_date, _decode_date, BINARY),
    1083: (_encode_time, _decode_time, BINARY),
    1114: (_encode_timestamp, _decode_timestamp, BINARY),
    1184: (_encode_timestamptz, _decode_timestamptz, BINARY),
    1186: (_encode_interval, _decode_interval, BINARY),
    1266: (_encode_timetz, _decode_timetz, BINARY),
    1700: (_encode_numeric, _decode_numeric, TEXT),
    2278: (_encode_text, _decode_void, TEXT),  # void
    2950: (_encode_uuid, _decode_uuid, BINARY),
    3802: (_encode_text, _decode_text, TEXT),  # jsonb
    4072: (_encode_text, _decode_text, TEXT),  # jsonpath
    5069: (_uint_encoder(64), _decode_uint, BINARY),  # xid8
}


def scalar(oid: int, name: str | None = None, schema: str = "pg_catalog") -> Codec:
    encode, decode, format_ = _SCALARS.get(oid, (_encode_text, _decode_text, TEXT))
    return Codec(oid, name or BUILTIN_TYPE_OID_MAP.get(oid, "unknown"), "scalar", schema, encode, decode, format_)


# -- arrays, in text form ------------------------------------------------------------------------


def _array_literal(items: Any, element: Codec) -> str:
    if isinstance(items, (str, bytes)) or not hasattr(items, "__len__") or not hasattr(items, "__iter__"):
        raise TypeError(f"a sized iterable container expected (got type {type(items).__name__!r})")
    parts = []
    for item in items:
        if item is None:
            parts.append("NULL")
        elif not isinstance(item, (str, bytes)) and hasattr(item, "__len__") and hasattr(item, "__iter__") and element.oid not in (17,):
            parts.append(_array_literal(item, element))
        else:
            text = element.encode(item)
            parts.append('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "{" + ",".join(parts) + "}"


def _parse_array(text: str, element: Codec) -> list[Any]:
    """PostgreSQL's array output (`{1,2,"a b",NULL,{3,4}}`) as nested lists."""
    if text.startswith("["):  # explicit bounds, "[0:1]={1,2}": the bounds do not matter here
        text = text[text.index("=") + 1 :]
    position = 0

    def parse_level() -> list[Any]:
        nonlocal position
        assert text[position] == "{"
        position += 1
        items: list[Any] = []
        if text[position] == "}":
            position += 1
            return items
        while True:
            if text[position] == "{":
                items.append(parse_level())
            elif text[position] == '"':
                position += 1
                chars = []
                while text[position] != '"':
                    if text[position] == "\\":
                        position += 1
                    chars.append(text[position])
                    position += 1
                position += 1
                items.append(_decode_element("".join(chars), element))
            else:
                end = position
                while text[end] not in ",}":
                    end += 1
                raw = text[position:end]
                position = end
                items.append(None if raw == "NULL" else _decode_element(raw, element))
            if text[position] == ",":
                position += 1
                continue
            position += 1  # "}"
            return items

    return parse_level()


_TEXT_ELEMENT_DECODERS: dict[int, Callable[[str], Any]] = {
    16: lambda s: s == "t",
    20: int, 21: int, 23: int, 26: int,
    700: lambda s: struct.unpack("!f", struct.pack("!f", float(s)))[0],
    701: float,
    1700: decimal.Decimal,
    1082: datetime.date.fromisoformat,
    2950: uuid.UUID,
}


def _decode_element(raw: str, element: Codec) -> Any:
    decode = _TEXT_ELEMENT_DECODERS.get(element.oid)
    return decode(raw) if decode else raw


def array(oid: int, name: str, element: Codec, schema: str = "pg_catalog") -> Codec:
    return Codec(
        oid,
        name,
        "array",
        schema,
        lambda items: _array_literal(items, element),
        lambda data: _parse_array(data.decode("utf-8"), element),
        TEXT,
        element,
    )


#: Array types of the built-in scalars: array oid -> element oid.
BUILTIN_ARRAYS = {
    1000: 16, 1001: 17, 1002: 18, 1003: 19, 1016: 20, 1005: 21, 1007: 23, 1009: 25, 1028: 26,
    199: 114, 1021: 700, 1022: 701, 1014: 1042, 1015: 1043, 1182: 1082, 1183: 1083, 1115: 1114,
    1185: 1184, 1187: 1186, 1270: 1266, 1231: 1700, 2951: 2950, 3807: 3802,
}


def builtin(oid: int) -> Codec | None:
    """The codec of a built-in type, or None for a type the server must describe."""
    if oid in _SCALARS:
        return scalar(oid)
    element = BUILTIN_ARRAYS.get(oid)
    if element is not None:
        return array(oid, "_" + BUILTIN_TYPE_OID_MAP.get(element, "unknown"), scalar(element))
    return None
