"""aiohttp's client in the stand-in: ClientSession, ClientResponse, ClientTimeout, TCPConnector.

The same API and the same behaviour as aiohttp 3.8 where the chapters' examples can see it:
a session keeps a pool of keep-alive connections (TCPConnector: 100 at most, none per host
unless given); a request waits for a free one when the pool is full; ``timeout.total`` bounds
the whole request including reading its body (TimeoutError), ``sock_read`` the silence between
two reads (ServerTimeoutError); a dropped connection is ServerDisconnectedError, a refused one
ClientConnectorError; ``raise_for_status()`` raises ClientResponseError with the reason phrase.
Requests travel over the run's loopback network (_network.py), never a socket.
"""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import json
import platform
from types import SimpleNamespace, TracebackType
from typing import Any, Awaitable, Callable, Coroutine, Generator, Optional
from urllib.parse import urlencode

from . import _network
from ._multidict import CIMultiDict, CIMultiDictProxy
from ._url import URL
from .client_exceptions import (
    ClientConnectionError,
    ClientConnectorError,
    ClientOSError,
    ClientPayloadError,
    ClientResponseError,
    ContentTypeError,
    InvalidURL,
    ServerDisconnectedError,
    ServerTimeoutError,
    TooManyRedirects,
)
from .web_request import RawRequest
from .web_response import _parse_content_type

__all__ = (
    "BaseConnector",
    "ClientResponse",
    "ClientSession",
    "ClientTimeout",
    "RequestInfo",
    "TCPConnector",
    "request",
)

USER_AGENT = "Python/{0[0]}.{0[1]} aiohttp/3.8.4-standin".format(tuple(int(p) for p in platform.python_version_tuple()[:2]))
_SENTINEL: Any = object()


@dataclasses.dataclass(frozen=True)
class ClientTimeout:
    total: Optional[float] = None
    connect: Optional[float] = None
    sock_read: Optional[float] = None
    sock_connect: Optional[float] = None


# 5 minutes, as aiohttp's default.
DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)


@dataclasses.dataclass(frozen=True)
class RequestInfo:
    url: URL
    method: str
    headers: CIMultiDictProxy
    real_url: URL = dataclasses.field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.real_url is None:
            object.__setattr__(self, "real_url", self.url)


@dataclasses.dataclass(frozen=True)
class ConnectionKey:
    host: str
    port: Optional[int]
    is_ssl: bool
    ssl: Any
    proxy: Any
    proxy_auth: Any
    proxy_headers_hash: Optional[int]


class _Deadlines:
    """How long a request may still take: in total (``timeout.total``) and per read."""

    def __init__(self, timeout: ClientTimeout) -> None:
        loop = asyncio.get_running_loop()
        self.total_at = loop.time() + timeout.total if timeout.total else None
        self.sock_read = timeout.sock_read

    async def read(self, awaitable: Awaitable[Any]) -> Any:
        """Awaits a read from the connection, within the total deadline and ``sock_read``."""
        loop = asyncio.get_running_loop()
        when = self.total_at
        by_read = False
        if self.sock_read:
            read_at = loop.time() + self.sock_read
            if when is None or read_at < when:
                when, by_read = read_at, True
        try:
            async with asyncio.timeout_at(when):
                return await awaitable
        except TimeoutError:
            if by_read:
                raise ServerTimeoutError("Timeout on reading data from socket") from None
            raise asyncio.TimeoutError() from None


class Connection:
    """A connection lent by the connector to one request."""

    def __init__(self, connector: BaseConnector, key: ConnectionKey, channel: _network.Channel) -> None:
        self._connector = connector
        self._key = key
        self.channel: Optional[_network.Channel] = channel

    @property
    def closed(self) -> bool:
        return self.channel is None or self.channel.closed

    def release(self, should_close: bool = False) -> None:
        if self.channel is not None:
            self._connector._release(self._key, self.channel, should_close)
            self.channel = None

    def close(self) -> None:
        self.release(should_close=True)


class BaseConnector:
    def __init__(
        self,
        *,
        keepalive_timeout: Any = _SENTINEL,
        force_close: bool = False,
        limit: int = 100,
        limit_per_host: int = 0,
        enable_cleanup_closed: bool = False,
        loop: Any = None,
    ) -> None:
        if force_close and keepalive_timeout not in (None, _SENTINEL):
            raise ValueError("keepalive_timeout cannot be set if force_close is True")
        self._keepalive_timeout = 15.0 if keepalive_timeout is _SENTINEL else keepalive_timeout
        self._force_close = force_close
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._closed = False
        #: Idle keep-alive connections per key, with when each was released (the last is used first).
        self._conns: dict[ConnectionKey, list[tuple[_network.Channel, float]]] = {}
        self._acquired: set[_network.Channel] = set()
        self._acquired_per_host: dict[ConnectionKey, set[_network.Channel]] = collections.defaultdict(set)
        self._waiters: dict[ConnectionKey, collections.deque[asyncio.Future[None]]] = collections.defaultdict(collections.deque)

    @property
    def force_close(self) -> bool:
        return self._force_close

    @property
    def limit(self) -> int:
        return self._limit

    @property
    def limit_per_host(self) -> int:
        return self._limit_per_host

    @property
    def closed(self) -> bool:
        return self._closed

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for conns in self._conns.values():
            for channel, _ in conns:
                channel.close_from_client()
        for channel in self._acquired:
            channel.close_from_client()
        self._conns.clear()
        self._acquired.clear()
        self._acquired_per_host.clear()
        for waiters in self._waiters.values():
            for waiter in waiters:
                if not waiter.done():
                    waiter.cancel()

    def close(self) -> Any:
        self._close()
        return _noop()

    async def __aenter__(self) -> BaseConnector:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        self._close()

    def _available_connections(self, key: ConnectionKey) -> int:
        if self._limit:
            available = self._limit - len(self._acquired)
            if self._limit_per_host and available > 0 and key in self._acquired_per_host:
                available = self._limit_per_host - len(self._acquired_per_host[key])
        elif self._limit_per_host and key in self._acquired_per_host:
            available = self._limit_per_host - len(self._acquired_per_host[key])
        else:
            available = 1
        return available

    def _get(self, key: ConnectionKey) -> Optional[_network.Channel]:
        conns = self._conns.get(key)
        now = asyncio.get_running_loop().time()
        while conns:
            channel, released_at = conns.pop()
            if channel.closed:
                continue
            if self._keepalive_timeout and now - released_at > self._keepalive_timeout:
                channel.close_from_client()
                continue
            if not conns:
                del self._conns[key]
            return channel
        self._conns.pop(key, None)
        return None

    async def connect(self, key: ConnectionKey, deadlines: _Deadlines, connect_timeout: Optional[float], url: Any = "") -> Connection:
        loop = asyncio.get_running_loop()

        async def acquire() -> Connection:
            while self._available_connections(key) <= 0 or self._waiters.get(key):
                waiter = loop.create_future()
                self._waiters[key].append(waiter)
                try:
                    await waiter
                finally:
                    queue = self._waiters.get(key)
                    if queue is not None and waiter in queue:
                        queue.remove(waiter)
                    if queue is not None and not queue:
                        del self._waiters[key]
                if self._available_connections(key) > 0:
                    break
            channel = self._get(key)
            if channel is None:
                placeholder = _Placeholder()
                self._acquired.add(placeholder)  # type: ignore[arg-type]
                self._acquired_per_host[key].add(placeholder)  # type: ignore[arg-type]
                try:
                    channel = await self._create_connection(key)
                finally:
                    self._acquired.discard(placeholder)
                    self._acquired_per_host[key].discard(placeholder)
                    if not self._acquired_per_host[key]:
                        del self._acquired_per_host[key]
                    self._release_waiter()
            self._acquired.add(channel)
            self._acquired_per_host[key].add(channel)
            return Connection(self, key, channel)

        if self._closed:
            raise ClientConnectionError("Connector is closed.")
        # timeout.connect bounds getting a connection (waiting for the pool, then opening one);
        # whichever deadline comes first decides what is raised.
        when, by_connect = deadlines.total_at, False
        if connect_timeout:
            connect_at = loop.time() + connect_timeout
            if when is None or connect_at < when:
                when, by_connect = connect_at, True
        try:
            async with asyncio.timeout_at(when):
                return await acquire()
        except TimeoutError:
            if by_connect:
                raise ServerTimeoutError(f"Connection timeout to host {url}") from None
            raise asyncio.TimeoutError() from None

    async def _create_connection(self, key: ConnectionKey) -> _network.Channel:
        try:
            return await _network.network().connect(key.host, key.port or 80)
        except OSError as exc:
            raise ClientConnectorError(key, exc) from exc

    def _release_waiter(self) -> None:
        for key, waiters in list(self._waiters.items()):
            if self._available_connections(key) > 0:
                while waiters:
                    waiter = waiters.popleft()
                    if not waiter.done():
                        waiter.set_result(None)
                        return

    def _release(self, key: ConnectionKey, channel: _network.Channel, should_close: bool = False) -> None:
        if self._closed:
            return
        self._acquired.discard(channel)
        acquired = self._acquired_per_host.get(key)
        if acquired is not None:
            acquired.discard(channel)
            if not acquired:
                del self._acquired_per_host[key]
        self._release_waiter()
        if should_close or self._force_close or channel.closed:
            channel.close_from_client()
        else:
            self._conns.setdefault(key, []).append((channel, asyncio.get_running_loop().time()))


class _Placeholder:
    """Holds a connection's place in the limits while it is being opened."""

    closed = False


class TCPConnector(BaseConnector):
    def __init__(
        self,
        *,
        verify_ssl: bool = True,
        fingerprint: Any = None,
        use_dns_cache: bool = True,
        ttl_dns_cache: Optional[int] = 10,
        family: int = 0,
        ssl_context: Any = None,
        ssl: Any = None,
        local_addr: Any = None,
        resolver: Any = None,
        keepalive_timeout: Any = _SENTINEL,
        force_close: bool = False,
        limit: int = 100,
        limit_per_host: int = 0,
        enable_cleanup_closed: bool = False,
        loop: Any = None,
    ) -> None:
        super().__init__(
            keepalive_timeout=keepalive_timeout,
            force_close=force_close,
            limit=limit,
            limit_per_host=limit_per_host,
            enable_cleanup_closed=enable_cleanup_closed,
        )
        self._family = family

    @property
    def family(self) -> int:
        return self._family

    @property
    def use_dns_cache(self) -> bool:
        return True


class _Noop:
    """What release() returns, as aiohttp's helpers.noop(): awaiting it does nothing."""

    def __await__(self) -> Generator[None, None, None]:
        return
        yield


def _noop() -> _Noop:
    return _Noop()


class StreamReader:
    """response.content: the body as it arrives, read in pieces."""

    def __init__(self, response: ClientResponse) -> None:
        self._response = response
        self._buffer = b""

    def at_eof(self) -> bool:
        stream = self._response._stream
        return not self._buffer and (stream is None or stream.at_eof())

    def exception(self) -> Optional[BaseException]:
        return None

    async def _more(self) -> bool:
        chunk = await self._response._next_chunk()
        if chunk is None:
            return False
        self._buffer += chunk
        return True

    async def readany(self) -> bytes:
        if not self._buffer:
            await self._more()
        data, self._buffer = self._buffer, b""
        return data

    async def read(self, n: int = -1) -> bytes:
        if n < 0:
            while await self._more():
                pass
            data, self._buffer = self._buffer, b""
            return data
        if not self._buffer:
            await self._more()
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    async def readexactly(self, n: int) -> bytes:
        while len(self._buffer) < n:
            if not await self._more():
                raise asyncio.IncompleteReadError(self._buffer, n)
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    async def readline(self) -> bytes:
        while b"\n" not in self._buffer:
            if not await self._more():
                data, self._buffer = self._buffer, b""
                return data
        index = self._buffer.index(b"\n") + 1
        data, self._buffer = self._buffer[:index], self._buffer[index:]
        return data

    async def iter_chunked(self, n: int) -> Any:
        while True:
            data = await self.read(n)
            if not data:
                return
            yield data

    async def iter_any(self) -> Any:
        while True:
            data = await self.readany()
            if not data:
                return
            yield data

    def __aiter__(self) -> Any:
        return self._lines()

    async def _lines(self) -> Any:
        while True:
            line = await self.readline()
            if not line:
                return
            yield line


class ClientResponse:
    def __init__(self, method: str, url: URL, request_info: RequestInfo, connection: Connection, stream: _network.ResponseStream, deadlines: _Deadlines, session: ClientSession) -> None:
        self.method = method
        self._url = url
        self._real_url = url
        self._request_info = request_info
        self._connection: Optional[Connection] = connection
        self._stream: Optional[_network.ResponseStream] = stream
        self._deadlines = deadlines
        self._session = session
        self._body: Optional[bytes] = None
        self._closed = False
        self._released = False
        self._history: tuple[ClientResponse, ...] = ()
        self.status = 0
        self.reason: Optional[str] = None
        self._headers = CIMultiDictProxy(CIMultiDict())
        self.content = StreamReader(self)

    async def _start(self) -> ClientResponse:
        assert self._stream is not None
        try:
            self.status, self.reason, headers = await self._deadlines.read(self._stream.head)
        except ConnectionResetError:
            self.close()
            raise ServerDisconnectedError() from None
        except BaseException:
            self.close()
            raise
        self._headers = CIMultiDictProxy(CIMultiDict(headers))
        return self

    async def _next_chunk(self) -> Optional[bytes]:
        stream = self._stream
        if stream is None:
            if self._released:
                raise ClientConnectionError("Connection closed")
            return None
        try:
            chunk = await self._deadlines.read(stream.next_chunk())
        except ConnectionResetError:
            self.close()
            raise ClientPayloadError("Response payload is not completed") from None
        except BaseException:
            self.close()
            raise
        if chunk is None:
            self._response_eof()
        return chunk

    def _response_eof(self) -> None:
        """The whole body is in: the connection goes back to the pool, as in aiohttp."""
        if self._connection is not None:
            keep_alive = self._headers.get("Connection", "").lower() != "close"
            self._connection.release(should_close=not keep_alive)
            self._connection = None
        self._stream = None

    @property
    def url(self) -> URL:
        return self._url

    @property
    def real_url(self) -> URL:
        return self._real_url

    @property
    def host(self) -> str:
        return self._url.host or ""

    @property
    def headers(self) -> CIMultiDictProxy:
        return self._headers

    @property
    def raw_headers(self) -> tuple[tuple[bytes, bytes], ...]:
        return tuple((k.encode(), v.encode()) for k, v in self._headers.items())

    @property
    def request_info(self) -> RequestInfo:
        return self._request_info

    @property
    def history(self) -> tuple[ClientResponse, ...]:
        return self._history

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
    def ok(self) -> bool:
        return 400 > self.status

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def connection(self) -> Optional[Connection]:
        return self._connection

    def raise_for_status(self) -> None:
        if not self.ok:
            assert self.reason is not None
            self.release()
            raise ClientResponseError(
                self.request_info, self.history, status=self.status, message=self.reason, headers=self.headers
            )

    async def read(self) -> bytes:
        if self._body is None:
            try:
                self._body = await self.content.read()
            except BaseException:
                self.close()
                raise
        elif self._released:
            raise ClientConnectionError("Connection closed")
        return self._body

    def get_encoding(self) -> str:
        charset = self.charset
        if charset:
            return charset
        return "utf-8"

    async def text(self, encoding: Optional[str] = None, errors: str = "strict") -> str:
        if self._body is None:
            await self.read()
        assert self._body is not None
        return self._body.decode(encoding or self.get_encoding(), errors=errors)

    async def json(self, *, encoding: Optional[str] = None, loads: Callable[[str], Any] = json.loads, content_type: Optional[str] = "application/json") -> Any:
        if self._body is None:
            await self.read()
        if content_type:
            ctype = self._headers.get("Content-Type", "").lower()
            mimetype = ctype.split(";")[0].strip()
            if not (content_type in mimetype or ("json" in content_type and mimetype.endswith("+json"))):
                raise ContentTypeError(
                    self.request_info,
                    self.history,
                    message=f"Attempt to decode JSON with unexpected mimetype: {ctype}",
                    headers=self.headers,
                )
        assert self._body is not None
        stripped = self._body.strip()
        if not stripped:
            return None
        return loads(stripped.decode(encoding or self.get_encoding()))

    def release(self) -> Any:
        self._released = True
        if self._closed:
            return _noop()
        self._closed = True
        if self._connection is not None:
            # A body not read to its end leaves the connection unusable: aiohttp closes it.
            finished = self._stream is None or self._stream.at_eof()
            self._connection.release(should_close=not finished)
            self._connection = None
        self._stream = None
        return _noop()

    def close(self) -> None:
        self._released = True
        if self._closed:
            return
        self._closed = True
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self._stream = None

    async def wait_for_close(self) -> None:
        self.release()

    async def __aenter__(self) -> ClientResponse:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>\n{self.headers!r}\n"


class _RequestContextManager:
    """What session.get() returns: awaitable, or an async context manager that releases."""

    __slots__ = ("_coro", "_resp")

    def __init__(self, coro: Coroutine[Any, Any, ClientResponse]) -> None:
        self._coro = coro
        self._resp: Optional[ClientResponse] = None

    def send(self, arg: None) -> Any:
        return self._coro.send(arg)

    def throw(self, *args: Any) -> Any:
        return self._coro.throw(*args)

    def close(self) -> None:
        self._coro.close()

    def __await__(self) -> Generator[Any, None, ClientResponse]:
        return self._coro.__await__()

    async def __aenter__(self) -> ClientResponse:
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]) -> None:
        assert self._resp is not None
        self._resp.release()


class ClientSession:
    def __init__(
        self,
        base_url: Any = None,
        *,
        connector: Optional[BaseConnector] = None,
        loop: Any = None,
        cookies: Any = None,
        headers: Any = None,
        skip_auto_headers: Any = None,
        auth: Any = None,
        json_serialize: Callable[[Any], str] = json.dumps,
        request_class: Any = None,
        response_class: Any = None,
        ws_response_class: Any = None,
        version: Any = None,
        cookie_jar: Any = None,
        connector_owner: bool = True,
        raise_for_status: bool = False,
        read_timeout: Any = _SENTINEL,
        conn_timeout: Optional[float] = None,
        timeout: Any = _SENTINEL,
        auto_decompress: bool = True,
        trust_env: bool = False,
        requote_redirect_url: bool = True,
        trace_configs: Any = None,
        read_bufsize: int = 2**16,
    ) -> None:
        if base_url is None or isinstance(base_url, URL):
            self._base_url: Optional[URL] = base_url
        else:
            self._base_url = URL(base_url)
            assert self._base_url.origin() == self._base_url, "Only absolute URLs without path part are supported"
        self._connector: Optional[BaseConnector] = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._default_headers = CIMultiDict(headers) if headers else CIMultiDict()
        self._json_serialize = json_serialize
        self._raise_for_status = raise_for_status
        self._timeout = DEFAULT_TIMEOUT if timeout is _SENTINEL else timeout
        self._closed = False

    # -- what a session is -----------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._closed or self._connector is None or self._connector.closed

    @property
    def connector(self) -> Optional[BaseConnector]:
        return self._connector

    @property
    def connector_owner(self) -> bool:
        return self._connector_owner

    @property
    def timeout(self) -> ClientTimeout:
        return self._timeout

    @property
    def headers(self) -> CIMultiDict:
        return self._default_headers

    @property
    def raise_for_status(self) -> bool:
        return self._raise_for_status

    @property
    def json_serialize(self) -> Callable[[Any], str]:
        return self._json_serialize

    async def close(self) -> None:
        if not self._closed:
            if self._connector is not None and self._connector_owner:
                self._connector._close()
            self._connector = None
            self._closed = True

    def detach(self) -> None:
        self._connector = None

    async def __aenter__(self) -> ClientSession:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    # -- requests --------------------------------------------------------------------------------

    def request(self, method: str, url: Any, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url: Any, *, allow_redirects: bool = True, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self._request("GET", url, allow_redirects=allow_redirects, **kwargs))

    def options(self, url: Any, *, allow_redirects: bool = True, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self._request("OPTIONS", url, allow_redirects=allow_redirects, **kwargs))

    def head(self, url: Any, *, allow_redirects: bool = False, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self._request("HEAD", url, allow_redirects=allow_redirects, **kwargs))

    def post(self, url: Any, *, data: Any = None, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self._request("POST", url, data=data, **kwargs))

    def put(self, url: Any, *, data: Any = None, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self._request("PUT", url, data=data, **kwargs))

    def patch(self, url: Any, *, data: Any = None, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self._request("PATCH", url, data=data, **kwargs))

    def delete(self, url: Any, **kwargs: Any) -> _RequestContextManager:
        return _RequestContextManager(self._request("DELETE", url, **kwargs))

    def ws_connect(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("WebSockets are not part of the aiohttp stand-in: this example runs on your computer")

    def _build_url(self, str_or_url: Any) -> URL:
        url = URL(str_or_url)
        if self._base_url is None:
            return url
        assert not url.is_absolute() and url.path.startswith("/")
        return self._base_url.join(url)

    def _body(self, data: Any, json_data: Any, headers: CIMultiDict) -> bytes:
        if data is not None and json_data is not None:
            raise ValueError("data and json parameters can not be used at the same time")
        if isinstance(data, _ChunkedBody):
            # As aiohttp's AsyncIterablePayload: no size up front, the body goes chunked.
            headers.setdefault("Content-Type", "application/octet-stream")
            headers["Transfer-Encoding"] = "chunked"
            return data.body
        if json_data is not None:
            headers.setdefault("Content-Type", "application/json")
            return self._json_serialize(json_data).encode("utf-8")
        if data is None:
            return b""
        if isinstance(data, (bytes, bytearray, memoryview)):
            headers.setdefault("Content-Type", "application/octet-stream")
            return bytes(data)
        if isinstance(data, str):
            headers.setdefault("Content-Type", "text/plain; charset=utf-8")
            return data.encode("utf-8")
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        pairs = data.items() if hasattr(data, "items") else data
        return urlencode(list(pairs)).encode("utf-8")

    async def _request(
        self,
        method: str,
        str_or_url: Any,
        *,
        params: Any = None,
        data: Any = None,
        json: Any = None,
        headers: Any = None,
        allow_redirects: bool = True,
        max_redirects: int = 10,
        raise_for_status: Optional[bool] = None,
        timeout: Any = _SENTINEL,
        ssl: Any = None,
        **kwargs: Any,
    ) -> ClientResponse:
        if self.closed:
            raise RuntimeError("Session is closed")
        try:
            url = self._build_url(str_or_url)
        except ValueError as e:
            raise InvalidURL(str_or_url) from e
        if params:
            url = url.update_query(params)
        if url.scheme not in ("http", "https"):
            raise InvalidURL(url)
        if timeout is _SENTINEL:
            real_timeout: ClientTimeout = self._timeout
        elif not isinstance(timeout, ClientTimeout):
            real_timeout = ClientTimeout(total=timeout)
        else:
            real_timeout = timeout
        deadlines = _Deadlines(real_timeout)
        if data is not None and hasattr(data, "__aiter__"):
            # aiohttp sends an async iterable's pieces as they come, in chunked encoding. The
            # simulated network delivers a request whole, so the pieces are gathered first (the
            # server reads the same bytes, with the same headers, and no Content-Length).
            data = _ChunkedBody(b"".join([bytes(piece) async for piece in data]))
        history: list[ClientResponse] = []
        method = method.upper()
        while True:
            request_headers = CIMultiDict(self._default_headers)
            if headers:
                request_headers.update(headers)
            body = self._body(data, json, request_headers)
            request_headers.setdefault("Host", f"{url.host}:{url.port}" if url.explicit_port else str(url.host))
            request_headers.setdefault("Accept", "*/*")
            request_headers.setdefault("Accept-Encoding", "gzip, deflate")
            request_headers.setdefault("User-Agent", USER_AGENT)
            if (body or method in ("POST", "PUT", "PATCH")) and "Transfer-Encoding" not in request_headers:
                request_headers["Content-Length"] = str(len(body))
            request_info = RequestInfo(url, method, CIMultiDictProxy(request_headers))
            key = ConnectionKey(str(url.host), url.port, url.scheme == "https", ssl, None, None, None)
            assert self._connector is not None
            connection = await self._connector.connect(key, deadlines, real_timeout.connect, url)
            assert connection.channel is not None
            raw = RawRequest(method, url.raw_path_qs, request_headers.items(), body)
            stream = connection.channel.send_request(raw)
            response = ClientResponse(method, url, request_info, connection, stream, deadlines, self)
            try:
                await response._start()
            except ClientConnectionError:
                raise
            except OSError as exc:
                if exc.errno is None and isinstance(exc, asyncio.TimeoutError):
                    raise
                raise ClientOSError(*exc.args) from exc
            if response.status in (301, 302, 303, 307, 308) and allow_redirects:
                history.append(response)
                if max_redirects and len(history) >= max_redirects:
                    response.close()
                    raise TooManyRedirects(history[0].request_info, tuple(history))
                if (response.status == 303 and method != "HEAD") or (response.status in (301, 302) and method == "POST"):
                    method = "GET"
                    data = json = None
                location = response.headers.get("Location") or response.headers.get("URI")
                if location is None:
                    break
                response.release()
                next_url = URL(location)
                url = next_url if next_url.is_absolute() else url.join(next_url)
                params = None
                continue
            break
        response._history = tuple(history)
        if raise_for_status is None:
            raise_for_status = self._raise_for_status
        if raise_for_status:
            response.raise_for_status()
        return response


class _ChunkedBody:
    """A request body that came from an async iterable: sent chunked, without a size."""

    def __init__(self, body: bytes) -> None:
        self.body = body


def request(method: str, url: Any, **kwargs: Any) -> Any:
    """aiohttp.request(): one request in a session of its own."""

    class _SessionRequestContextManager:
        def __init__(self) -> None:
            self._session = ClientSession(connector=TCPConnector(force_close=True))
            self._resp: Optional[ClientResponse] = None

        async def __aenter__(self) -> ClientResponse:
            try:
                self._resp = await self._session._request(method, url, **kwargs)
            except BaseException:
                await self._session.close()
                raise
            return self._resp

        async def __aexit__(self, *exc: Any) -> None:
            assert self._resp is not None
            self._resp.release()
            await self._session.close()

    return _SessionRequestContextManager()


# SimpleNamespace is what aiohttp's trace configs pass around; kept for programs that import it.
TraceRequestCtx = SimpleNamespace
