"""aiohttp.web's responses: StreamResponse (written piece by piece), Response, json_response."""

from __future__ import annotations

import collections.abc
import json
import platform
from email.utils import formatdate
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional

from ._multidict import CIMultiDict

if TYPE_CHECKING:
    from .web_request import BaseRequest

__all__ = ("ContentCoding", "StreamResponse", "Response", "json_response")

SERVER_SOFTWARE = "Python/{0[0]}.{0[1]} aiohttp/3.8.4-standin".format(tuple(int(p) for p in platform.python_version_tuple()[:2]))


class ContentCoding:
    deflate = "deflate"
    gzip = "gzip"
    identity = "identity"


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _parse_content_type(raw: str | None) -> tuple[str, dict[str, str]]:
    if not raw:
        return "application/octet-stream", {}
    parts = [p.strip() for p in raw.split(";")]
    params = {}
    for part in parts[1:]:
        if "=" in part:
            key, value = part.split("=", 1)
            params[key.strip().lower()] = value.strip().strip('"')
    return parts[0].lower(), params


class StreamResponse(collections.abc.MutableMapping):
    """A response whose body is written in pieces after ``prepare()`` has sent its head."""

    _length_check = True

    def __init__(self, *, status: int = 200, reason: Optional[str] = None, headers: Any = None) -> None:
        self._body: Any = None
        self._keep_alive: Optional[bool] = None
        self._chunked = False
        self._headers = CIMultiDict(headers) if headers is not None else CIMultiDict()
        self._req: Any = None
        self._eof_sent = False
        self._body_length = 0
        self._state: dict[str, Any] = {}
        self.set_status(status, reason)

    @property
    def prepared(self) -> bool:
        return self._req is not None

    @property
    def task(self) -> Any:
        return getattr(self._req, "task", None)

    @property
    def status(self) -> int:
        return self._status

    @property
    def chunked(self) -> bool:
        return self._chunked

    @property
    def compression(self) -> bool:
        return False

    @property
    def reason(self) -> str:
        return self._reason

    def set_status(self, status: int, reason: Optional[str] = None) -> None:
        assert not self.prepared, "Cannot change the response status code after the headers have been sent"
        self._status = int(status)
        self._reason = reason if reason is not None else _reason(self._status)

    @property
    def keep_alive(self) -> Optional[bool]:
        return self._keep_alive

    def force_close(self) -> None:
        self._keep_alive = False

    @property
    def body_length(self) -> int:
        return self._body_length

    def enable_chunked_encoding(self, chunk_size: Optional[int] = None) -> None:
        self._chunked = True

    def enable_compression(self, force: Any = None) -> None:
        pass  # the stand-in sends bodies as they are

    @property
    def headers(self) -> CIMultiDict:
        return self._headers

    @property
    def content_length(self) -> Optional[int]:
        value = self._headers.get("Content-Length")
        return int(value) if value is not None else None

    @content_length.setter
    def content_length(self, value: Optional[int]) -> None:
        if value is None:
            self._headers.pop("Content-Length", None)
        else:
            self._headers["Content-Length"] = str(int(value))

    @property
    def content_type(self) -> str:
        return _parse_content_type(self._headers.get("Content-Type"))[0]

    @content_type.setter
    def content_type(self, value: str) -> None:
        charset = self.charset
        self._headers["Content-Type"] = f"{value}; charset={charset}" if charset else str(value)

    @property
    def charset(self) -> Optional[str]:
        return _parse_content_type(self._headers.get("Content-Type"))[1].get("charset")

    @charset.setter
    def charset(self, value: Optional[str]) -> None:
        ctype = self.content_type
        if ctype == "application/octet-stream":
            raise RuntimeError("Setting charset for application/octet-stream doesn't make sense, setup content_type first")
        self._headers["Content-Type"] = f"{ctype}; charset={value.lower()}" if value else ctype

    def set_cookie(self, name: str, value: str, **kwargs: Any) -> None:
        self._headers.add("Set-Cookie", f"{name}={value}")

    def del_cookie(self, name: str, **kwargs: Any) -> None:
        self._headers.add("Set-Cookie", f'{name}=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0')

    # -- sending --------------------------------------------------------------------------------

    def _prepare_headers(self) -> list[tuple[str, str]]:
        headers = self._headers
        if "Content-Length" not in headers and not isinstance(self, Response):
            self._chunked = True
            headers.setdefault("Transfer-Encoding", "chunked")
        headers.setdefault("Content-Type", "application/octet-stream")
        headers.setdefault("Date", formatdate(usegmt=True))
        headers.setdefault("Server", SERVER_SOFTWARE)
        if self._keep_alive is False:
            headers["Connection"] = "close"
        return headers.items()

    async def prepare(self, request: BaseRequest) -> Any:
        if self._eof_sent:
            return None
        if self._req is not None:
            return None
        self._req = request
        request._channel.send_head(self._status, self._reason, self._prepare_headers())
        return None

    def _channel(self) -> Any:
        if self._req is None:
            raise RuntimeError("Cannot call write() before prepare()")
        return self._req._channel

    async def write(self, data: bytes) -> None:
        assert isinstance(data, (bytes, bytearray, memoryview)), f"data argument must be byte-ish ({type(data)!r})"
        if self._eof_sent:
            raise RuntimeError("Cannot call write() after write_eof()")
        channel = self._channel()
        if channel.closed:
            raise ConnectionResetError("Cannot write to closing transport")
        self._body_length += len(data)
        channel.send_data(bytes(data))

    async def drain(self) -> None:
        pass

    async def write_eof(self, data: bytes = b"") -> None:
        if self._eof_sent:
            return
        channel = self._channel()
        if data:
            await self.write(data)
        self._eof_sent = True
        if not channel.closed:
            channel.send_eof()

    def __repr__(self) -> str:
        info = f"{self._req.method} {self._req.path} " if self._req is not None else "not prepared"
        return f"<{self.__class__.__name__} {self.reason} {info}>"

    # A response is also a dict for the handler's own values.
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
        return hash(id(self))

    def __eq__(self, other: object) -> bool:
        return self is other


class Response(StreamResponse):
    """A response with its whole body at once."""

    def __init__(
        self,
        *,
        body: Any = None,
        status: int = 200,
        reason: Optional[str] = None,
        text: Optional[str] = None,
        headers: Any = None,
        content_type: Optional[str] = None,
        charset: Optional[str] = None,
        zlib_executor_size: Optional[int] = None,
        zlib_executor: Any = None,
    ) -> None:
        if body is not None and text is not None:
            raise ValueError("body and text are not allowed together")
        headers = CIMultiDict(headers) if headers is not None else CIMultiDict()
        if content_type is not None and "charset" in content_type:
            raise ValueError("charset must not be in content_type argument")
        if text is not None:
            if "Content-Type" in headers:
                if content_type or charset:
                    raise ValueError("passing both Content-Type header and content_type or charset params is forbidden")
            else:
                if not isinstance(text, str):
                    raise TypeError(f"text argument must be str ({type(text)!r})")
                headers["Content-Type"] = f"{content_type or 'text/plain'}; charset={charset or 'utf-8'}"
                body = text.encode(charset or "utf-8")
                text = None
        elif "Content-Type" not in headers and (content_type is not None or charset is not None):
            ctype = content_type or "application/octet-stream"
            headers["Content-Type"] = f"{ctype}; charset={charset}" if charset else ctype
        super().__init__(status=status, reason=reason, headers=headers)
        if text is not None:
            self.text = text
        else:
            self.body = body

    @property
    def body(self) -> Any:
        return self._body

    @body.setter
    def body(self, body: Any) -> None:
        if body is None:
            self._body = None
        elif isinstance(body, (bytes, bytearray, memoryview)):
            self._body = bytes(body)
        elif isinstance(body, str):
            raise ValueError("body of a Response must be bytes; use text= for a str")
        else:
            raise ValueError(f"Unsupported body type {type(body)!r}")

    @property
    def text(self) -> Optional[str]:
        if self._body is None:
            return None
        return self._body.decode(self.charset or "utf-8")

    @text.setter
    def text(self, text: str) -> None:
        assert text is None or isinstance(text, str), f"text argument must be str ({type(text)!r})"
        if self.content_type == "application/octet-stream":
            self.content_type = "text/plain"
        if self.charset is None:
            self.charset = "utf-8"
        self._body = text.encode(self.charset or "utf-8")

    @property
    def content_length(self) -> Optional[int]:
        return len(self._body) if self._body is not None else 0

    @content_length.setter
    def content_length(self, value: Optional[int]) -> None:
        raise RuntimeError("Content length is set automatically")

    async def prepare(self, request: BaseRequest) -> Any:
        self._headers["Content-Length"] = str(len(self._body or b""))
        return await super().prepare(request)

    async def write_eof(self, data: bytes = b"") -> None:
        if self._eof_sent:
            return
        body = self._body or b""
        if body and self._req is not None and self._req.method != "HEAD":
            await super().write(body)
        await super().write_eof(data)


_SENTINEL: Any = object()


def json_response(
    data: Any = _SENTINEL,
    *,
    text: Optional[str] = None,
    body: Optional[bytes] = None,
    status: int = 200,
    reason: Optional[str] = None,
    headers: Any = None,
    content_type: str = "application/json",
    dumps: Callable[[Any], str] = json.dumps,
) -> Response:
    if data is not _SENTINEL:
        if text or body:
            raise ValueError("only one of data, text, or body should be specified")
        text = dumps(data)
    return Response(text=text, body=body, status=status, reason=reason, headers=headers, content_type=content_type)
