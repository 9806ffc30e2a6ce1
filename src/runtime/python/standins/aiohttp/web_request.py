"""aiohttp.web's Request: what a handler reads (method, path, query, match_info, headers, body)."""

from __future__ import annotations

import collections.abc
import json
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional
from urllib.parse import parse_qsl

from ._multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy
from ._url import URL
from .web_response import _parse_content_type

if TYPE_CHECKING:
    from ._network import Channel
    from .web_app import Application

__all__ = ("BaseRequest", "FileField", "Request")


class FileField:
    pass


class RawRequest:
    """A request as it travels from the client: line, headers, body."""

    def __init__(self, method: str, target: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body


class _Transport:
    """The request's connection, as much as a handler may touch: who is at the other end, and
    ``close()`` to drop it without an answer."""

    def __init__(self, channel: Channel) -> None:
        self._channel = channel

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        if name == "peername":
            return self._channel.peername
        if name == "sockname":
            return self._channel.sockname
        return default

    def close(self) -> None:
        self._channel.close_from_server()

    def abort(self) -> None:
        self._channel.close_from_server()

    def is_closing(self) -> bool:
        return self._channel.closed

    def __repr__(self) -> str:
        return f"<_Transport peername={self._channel.peername}>"


class BaseRequest(collections.abc.MutableMapping):
    def __init__(self, raw: RawRequest, channel: Channel, app: Application | None = None) -> None:
        self._raw = raw
        self._channel = channel
        self._app = app
        self._state: dict[str, Any] = {}
        self._headers = CIMultiDictProxy(CIMultiDict(raw.headers))
        host = self._headers.get("Host") or f"{channel.sockname[0]}:{channel.sockname[1]}"
        self._rel_url = URL(raw.target, encoded=True)
        self._url = URL(f"http://{host}{raw.target}", encoded=True)
        self._transport = _Transport(channel)
        self._read_bytes: Optional[bytes] = None

    # -- what the request says ----------------------------------------------------------------

    @property
    def method(self) -> str:
        return self._raw.method

    @property
    def version(self) -> tuple[int, int]:
        return (1, 1)

    @property
    def url(self) -> URL:
        return self._url

    @property
    def rel_url(self) -> URL:
        return self._rel_url

    @property
    def path(self) -> str:
        return self._rel_url.path

    @property
    def raw_path(self) -> str:
        return self._raw.target

    @property
    def path_qs(self) -> str:
        return self._rel_url.path_qs

    @property
    def query(self) -> MultiDictProxy:
        return self._rel_url.query

    @property
    def query_string(self) -> str:
        return self._rel_url.query_string

    @property
    def headers(self) -> CIMultiDictProxy:
        return self._headers

    @property
    def raw_headers(self) -> tuple[tuple[bytes, bytes], ...]:
        return tuple((k.encode(), v.encode()) for k, v in self._raw.headers)

    @property
    def host(self) -> str:
        return self._headers.get("Host") or self._channel.sockname[0]

    @property
    def scheme(self) -> str:
        return "http"

    @property
    def secure(self) -> bool:
        return False

    @property
    def remote(self) -> Optional[str]:
        return self._channel.peername[0]

    @property
    def transport(self) -> Optional[_Transport]:
        return self._transport

    @property
    def keep_alive(self) -> bool:
        return True

    @property
    def app(self) -> Application:
        assert self._app is not None
        return self._app

    @property
    def config_dict(self) -> Any:
        return self._app

    @property
    def cookies(self) -> dict[str, str]:
        raw = self._headers.get("Cookie", "")
        pairs = (part.strip().split("=", 1) for part in raw.split(";") if "=" in part)
        return {key: value for key, value in pairs}

    @property
    def content_type(self) -> str:
        return _parse_content_type(self._headers.get("Content-Type"))[0]

    @property
    def charset(self) -> Optional[str]:
        return _parse_content_type(self._headers.get("Content-Type"))[1].get("charset")

    @property
    def content_length(self) -> Optional[int]:
        value = self._headers.get("Content-Length")
        return int(value) if value is not None else None

    @property
    def body_exists(self) -> bool:
        return bool(self._raw.body)

    @property
    def has_body(self) -> bool:
        return bool(self._raw.body)

    @property
    def can_read_body(self) -> bool:
        return self._read_bytes is None and bool(self._raw.body)

    # -- the body --------------------------------------------------------------------------------

    async def read(self) -> bytes:
        if self._read_bytes is None:
            # As aiohttp 3.8 does: a body of the application's client_max_size or more is refused
            # (the whole body arrives here at once, as a small one does over a socket).
            max_size = self._app._client_max_size if self._app is not None else 1024**2
            if max_size and len(self._raw.body) >= max_size:
                from .web_exceptions import HTTPRequestEntityTooLarge

                raise HTTPRequestEntityTooLarge(max_size=max_size, actual_size=len(self._raw.body))
            self._read_bytes = self._raw.body
        return self._read_bytes

    async def text(self) -> str:
        return (await self.read()).decode(self.charset or "utf-8")

    async def json(self, *, loads: Callable[[str], Any] = json.loads) -> Any:
        return loads(await self.text())

    async def post(self) -> MultiDictProxy:
        if self.method not in ("POST", "PUT", "PATCH"):
            return MultiDictProxy(MultiDict())
        if self.content_type not in ("", "application/x-www-form-urlencoded"):
            return MultiDictProxy(MultiDict())
        return MultiDictProxy(MultiDict(parse_qsl((await self.text()), keep_blank_values=True)))

    def clone(self, **kwargs: Any) -> BaseRequest:
        raise NotImplementedError("Request.clone() is not part of the aiohttp stand-in")

    # -- a request is also a dict for the handlers' and middlewares' own values -----------------

    def __getitem__(self, key: str) -> Any:
        return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __len__(self) -> int:
        return len(self._state)

    def __iter__(self) -> Iterator[str]:
        return iter(self._state)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__} {self.method} {self.path} >"


class UrlMappingMatchInfo(dict):
    """The values a route's {placeholders} took, and the route's handler."""

    def __init__(self, values: dict[str, str], handler: Any, route: Any = None) -> None:
        super().__init__(values)
        self._handler = handler
        self._route = route
        self._apps: list[Any] = []

    @property
    def handler(self) -> Any:
        return self._handler

    @property
    def route(self) -> Any:
        return self._route

    @property
    def expect_handler(self) -> Any:
        return None

    @property
    def http_exception(self) -> Any:
        return None

    @property
    def apps(self) -> tuple[Any, ...]:
        return tuple(self._apps)

    def __repr__(self) -> str:
        return f"<MatchInfo {super().__repr__()}: {self._route}>"


class Request(BaseRequest):
    def __init__(self, raw: RawRequest, channel: Channel, app: Application | None = None) -> None:
        super().__init__(raw, channel, app)
        self._match_info: Optional[UrlMappingMatchInfo] = None

    @property
    def match_info(self) -> UrlMappingMatchInfo:
        assert self._match_info is not None
        return self._match_info
