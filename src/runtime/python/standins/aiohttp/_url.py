"""yarl's URL, as far as the aiohttp stand-in needs it: parts, joining, the query, its repr."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

from ._multidict import MultiDict, MultiDictProxy

_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


class URL:
    __slots__ = ("_text", "_parts")

    def __init__(self, value: Any = "", *, encoded: bool = False) -> None:
        text = str(value)
        if not encoded:
            parts = urlsplit(text)
            text = urlunsplit(parts._replace(path=quote(parts.path, safe="/:@!$&'()*+,;=-._~%")))
        self._text = text
        self._parts = urlsplit(text)

    @classmethod
    def build(cls, *, scheme: str = "", host: str = "", port: int | None = None, path: str = "", query_string: str = "") -> URL:
        netloc = host if not port or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
        return cls(urlunsplit((scheme, netloc, path, query_string, "")))

    @property
    def scheme(self) -> str:
        return self._parts.scheme

    @property
    def host(self) -> str | None:
        return self._parts.hostname

    @property
    def port(self) -> int | None:
        return self._parts.port or _DEFAULT_PORTS.get(self.scheme)

    @property
    def explicit_port(self) -> int | None:
        return self._parts.port

    @property
    def raw_path(self) -> str:
        return self._parts.path or ("/" if self._parts.netloc else "")

    @property
    def path(self) -> str:
        return unquote(self.raw_path)

    @property
    def query_string(self) -> str:
        return unquote(self._parts.query)

    @property
    def raw_query_string(self) -> str:
        return self._parts.query

    @property
    def query(self) -> MultiDictProxy:
        return MultiDictProxy(MultiDict(parse_qsl(self._parts.query, keep_blank_values=True)))

    @property
    def path_qs(self) -> str:
        return self.path + (f"?{self.query_string}" if self._parts.query else "")

    @property
    def raw_path_qs(self) -> str:
        return self.raw_path + (f"?{self._parts.query}" if self._parts.query else "")

    @property
    def fragment(self) -> str:
        return self._parts.fragment

    @property
    def user(self) -> str | None:
        return self._parts.username

    @property
    def password(self) -> str | None:
        return self._parts.password

    def is_absolute(self) -> bool:
        return bool(self._parts.netloc)

    def origin(self) -> URL:
        return URL(urlunsplit((self.scheme, self._parts.netloc, "", "", "")))

    def join(self, other: URL) -> URL:
        return URL(urljoin(self._text, str(other)), encoded=True)

    def with_query(self, query: Any = None, **kwargs: Any) -> URL:
        query = kwargs or query
        text = "" if query is None else query if isinstance(query, str) else urlencode(list(MultiDict(query).items()))
        return URL(urlunsplit(self._parts._replace(query=text)), encoded=True)

    def update_query(self, query: Any = None, **kwargs: Any) -> URL:
        query = kwargs or query
        if not query:
            return self
        merged = MultiDict(parse_qsl(self._parts.query, keep_blank_values=True))
        merged.update(MultiDict(parse_qsl(query) if isinstance(query, str) else query))
        return self.with_query([(k, str(v)) for k, v in merged.items()])

    def with_path(self, path: str) -> URL:
        return URL(urlunsplit(self._parts._replace(path=path, query="", fragment="")))

    def with_fragment(self, fragment: str | None) -> URL:
        return URL(urlunsplit(self._parts._replace(fragment=fragment or "")), encoded=True)

    def human_repr(self) -> str:
        return unquote(self._text)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, URL) and self._text == other._text

    def __hash__(self) -> int:
        return hash(self._text)

    def __truediv__(self, name: str) -> URL:
        path = self.raw_path.rstrip("/") + "/" + quote(name, safe="")
        return URL(urlunsplit(self._parts._replace(path=path, query="", fragment="")), encoded=True)
