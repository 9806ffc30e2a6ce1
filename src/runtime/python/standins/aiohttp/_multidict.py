"""The multidict package's MultiDict and CIMultiDict, as far as the aiohttp stand-in needs them.

Ordered (key, value) pairs where a key may repeat: query strings, headers (case-insensitive keys).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

_MISSING = object()


class MultiDict:
    _ci = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._items: list[tuple[str, Any]] = []
        if args:
            source = args[0]
            pairs: Iterable[Any] = source.items() if hasattr(source, "items") else source
            for key, value in pairs:
                self.add(key, value)
        for key, value in kwargs.items():
            self.add(key, value)

    def _key(self, key: str) -> str:
        return key.lower() if self._ci else key

    def add(self, key: str, value: Any) -> None:
        self._items.append((key, value))

    def getall(self, key: str, default: Any = _MISSING) -> list[Any]:
        found = [v for k, v in self._items if self._key(k) == self._key(key)]
        if found:
            return found
        if default is _MISSING:
            raise KeyError(key)
        return default

    def getone(self, key: str, default: Any = _MISSING) -> Any:
        for k, v in self._items:
            if self._key(k) == self._key(key):
                return v
        if default is _MISSING:
            raise KeyError(key)
        return default

    def get(self, key: str, default: Any = None) -> Any:
        return self.getone(key, default)

    def __getitem__(self, key: str) -> Any:
        return self.getone(key)

    def __setitem__(self, key: str, value: Any) -> None:
        self.popall(key, None)
        self.add(key, value)

    def __delitem__(self, key: str) -> None:
        self.popall(key)

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key in self:
            return self[key]
        self.add(key, default)
        return default

    def popall(self, key: str, default: Any = _MISSING) -> list[Any]:
        found = [v for k, v in self._items if self._key(k) == self._key(key)]
        if not found:
            if default is _MISSING:
                raise KeyError(key)
            return default
        self._items = [(k, v) for k, v in self._items if self._key(k) != self._key(key)]
        return found

    def pop(self, key: str, default: Any = _MISSING) -> Any:
        found = self.popall(key, None)
        if found is None:
            if default is _MISSING:
                raise KeyError(key)
            return default
        return found[0]

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, value in MultiDict(*args, **kwargs).items():
            self[key] = value

    def extend(self, *args: Any, **kwargs: Any) -> None:
        for key, value in MultiDict(*args, **kwargs).items():
            self.add(key, value)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and any(self._key(k) == self._key(key) for k, _ in self._items)

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def keys(self) -> list[str]:
        return [k for k, _ in self._items]

    def values(self) -> list[Any]:
        return [v for _, v in self._items]

    def items(self) -> list[tuple[str, Any]]:
        return list(self._items)

    def copy(self) -> MultiDict:
        return type(self)(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MultiDict):
            return self._items == other._items
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        body = ", ".join(f"{k!r}: {v!r}" for k, v in self._items)
        return f"<{type(self).__name__}({body})>"


class CIMultiDict(MultiDict):
    _ci = True


class MultiDictProxy(MultiDict):
    """A read-only view (here: a read-only copy)."""

    def __init__(self, source: MultiDict) -> None:
        super().__init__(source.items())
        self._frozen = True

    def add(self, key: str, value: Any) -> None:
        if getattr(self, "_frozen", False):
            raise TypeError(f"{type(self).__name__!r} object does not support item assignment")
        super().add(key, value)

    def __setitem__(self, key: str, value: Any) -> None:
        raise TypeError(f"{type(self).__name__!r} object does not support item assignment")

    def __delitem__(self, key: str) -> None:
        raise TypeError(f"{type(self).__name__!r} object does not support item deletion")


class CIMultiDictProxy(MultiDictProxy):
    _ci = True
