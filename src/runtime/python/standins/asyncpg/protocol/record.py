"""asyncpg.Record in Python: the behaviour of asyncpg's C type (asyncpg/protocol/record/recordobj.c).

A read-only row that is both a sequence (``row[0]``, ``tuple(row)``, ``len(row)``) and a mapping
by column name (``row['name']``, ``dict(row)``, ``row.get('x')``, ``'name' in row``). It compares
and hashes as the tuple of its values; its repr is ``<Record name='Earth' moons=1>``.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping


class RecordDescriptor:
    """Column names and their positions, shared by every row of one result."""

    __slots__ = ("mapping", "keys")

    def __init__(self, mapping: Mapping[str, int], keys: tuple[str, ...]) -> None:
        self.mapping = mapping
        self.keys = keys


EMPTY = RecordDescriptor({}, ())


class Record:
    __slots__ = ("_desc", "_values")

    _desc: RecordDescriptor
    _values: tuple[Any, ...]

    def __init__(self) -> None:
        raise TypeError("cannot create 'asyncpg.Record' instances")

    @classmethod
    def _make(cls, desc: RecordDescriptor, values: tuple[Any, ...]) -> Record:
        record = object.__new__(cls)
        record._desc = desc
        record._values = values
        return record

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, slice):
            return self._values[item]
        if hasattr(type(item), "__index__") and not isinstance(item, str):
            index = item.__index__()
            if index < 0:
                index += len(self._values)
            if index < 0 or index >= len(self._values):
                raise IndexError("record index out of range")
            return self._values[index]
        try:
            return self._values[self._desc.mapping[item]]
        except KeyError:
            raise KeyError(item) from None

    def __contains__(self, key: object) -> bool:
        return key in self._desc.mapping

    def get(self, key: Any, default: Any = None) -> Any:
        index = self._desc.mapping.get(key)
        return default if index is None else self._values[index]

    def keys(self) -> Iterator[str]:
        return iter(self._desc.keys)

    def values(self) -> Iterator[Any]:
        return iter(self._values)

    def items(self) -> Iterator[tuple[str, Any]]:
        return iter(zip(self._desc.keys, self._values))

    def __repr__(self) -> str:
        name = type(self).__name__
        if not self._values:
            return f"<{name}>"
        parts = " ".join(f"{key}={value!r}" for key, value in zip(self._desc.keys, self._values))
        return f"<{name} {parts}>"

    def __hash__(self) -> int:
        return hash(self._values)

    def _compare(self, other: object) -> tuple[Any, ...] | None:
        if isinstance(other, Record):
            return other._values
        if isinstance(other, tuple):
            return other
        return None

    def __eq__(self, other: object) -> bool:
        values = self._compare(other)
        return NotImplemented if values is None else self._values == values

    def __ne__(self, other: object) -> bool:
        values = self._compare(other)
        return NotImplemented if values is None else self._values != values

    def __lt__(self, other: object) -> bool:
        values = self._compare(other)
        return NotImplemented if values is None else self._values < values

    def __le__(self, other: object) -> bool:
        values = self._compare(other)
        return NotImplemented if values is None else self._values <= values

    def __gt__(self, other: object) -> bool:
        values = self._compare(other)
        return NotImplemented if values is None else self._values > values

    def __ge__(self, other: object) -> bool:
        values = self._compare(other)
        return NotImplemented if values is None else self._values >= values

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle 'asyncpg.Record' object")


# As asyncpg names its C type.
Record.__module__ = "asyncpg"
