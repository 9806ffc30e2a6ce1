"""A stand-in for aiohttp 3.8.4 (the version Debian ships and CI runs the examples against).

It is not aiohttp: the page has no sockets, so requests travel over a loopback network inside
the run (_network.py), answered by the program's own aiohttp.web handlers, with each crossing
and every handler's wait on the run's clock. Its public names, exception classes and their
messages are aiohttp's; client_exceptions.py and web_exceptions.py are aiohttp's own files
(Apache License 2.0, Copyright aio-libs contributors).
"""

__version__ = "3.8.4-standin"

from . import hdrs  # noqa: F401
from ._multidict import CIMultiDict, MultiDict  # noqa: F401
from ._url import URL  # noqa: F401
from .client import (
    BaseConnector,
    ClientResponse,
    ClientSession,
    ClientTimeout,
    RequestInfo,
    TCPConnector,
    request,
)
from .client_exceptions import (
    ClientConnectionError,
    ClientConnectorCertificateError,
    ClientConnectorError,
    ClientConnectorSSLError,
    ClientError,
    ClientHttpProxyError,
    ClientOSError,
    ClientPayloadError,
    ClientProxyConnectionError,
    ClientResponseError,
    ClientSSLError,
    ContentTypeError,
    InvalidURL,
    ServerConnectionError,
    ServerDisconnectedError,
    ServerFingerprintMismatch,
    ServerTimeoutError,
    TooManyRedirects,
    WSServerHandshakeError,
)

__all__ = (
    "BaseConnector",
    "ClientConnectionError",
    "ClientConnectorCertificateError",
    "ClientConnectorError",
    "ClientConnectorSSLError",
    "ClientError",
    "ClientHttpProxyError",
    "ClientOSError",
    "ClientPayloadError",
    "ClientProxyConnectionError",
    "ClientResponse",
    "ClientResponseError",
    "ClientSSLError",
    "ClientSession",
    "ClientTimeout",
    "ContentTypeError",
    "InvalidURL",
    "RequestInfo",
    "ServerConnectionError",
    "ServerDisconnectedError",
    "ServerFingerprintMismatch",
    "ServerTimeoutError",
    "TCPConnector",
    "TooManyRedirects",
    "WSServerHandshakeError",
    "request",
)
