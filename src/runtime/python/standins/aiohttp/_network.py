"""A loopback network inside the run: what the aiohttp stand-in has instead of sockets.

A server (``web.TCPSite``) listens on an address of this network; a client session opens
connections (``Channel``) to it, sends a request and reads the response as it arrives. Every
crossing (a request, a response's head, each piece of its body, a closed connection) takes
``ONE_WAY`` on the run's clock, so requests take time as on a real loopback, and the handlers'
own ``asyncio.sleep`` calls are what make a request slow. Nothing leaves the page.

One network per run: the stand-in's modules are loaded afresh for each run.
"""

from __future__ import annotations

import asyncio
import collections
import errno
import itertools
from typing import Any, Callable

#: One crossing of the loopback (a packet's way there), on the run's clock.
ONE_WAY = 0.0005
#: Addresses a server listening on 0.0.0.0 (every interface) answers on.
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Listener:
    """What a bound address hands each new connection to (a web.TCPSite's server)."""

    def accept(self, channel: Channel) -> None:
        raise NotImplementedError

    def receive(self, channel: Channel, request: Any) -> None:
        raise NotImplementedError

    def closed(self, channel: Channel) -> None:
        """The client closed the connection."""


class Network:
    def __init__(self) -> None:
        self._listeners: dict[tuple[str, int], Listener] = {}
        # Ports the system would pick for port 0, and for each client connection.
        self._server_ports = itertools.count(41001)
        self._client_ports = itertools.count(52001)

    def bind(self, host: str, port: int, listener: Listener) -> int:
        if port == 0:
            port = next(self._server_ports)
            while (host, port) in self._listeners:
                port = next(self._server_ports)
        elif (host, port) in self._listeners or ("0.0.0.0", port) in self._listeners:
            raise OSError(
                errno.EADDRINUSE,
                f"error while attempting to bind on address ({host!r}, {port}): address already in use",
            )
        self._listeners[(host, port)] = listener
        return port

    def unbind(self, host: str, port: int) -> None:
        self._listeners.pop((host, port), None)

    def find(self, host: str, port: int) -> Listener | None:
        found = self._listeners.get((host, port))
        if found is None and host in LOOPBACK:
            found = self._listeners.get(("0.0.0.0", port)) or self._listeners.get(("localhost" if host == "127.0.0.1" else "127.0.0.1", port))
        return found

    async def connect(self, host: str, port: int) -> Channel:
        """A new connection, after the handshake's round trip; refused when nothing listens."""
        await asyncio.sleep(2 * ONE_WAY)
        listener = self.find(host, port)
        if listener is None:
            raise ConnectionRefusedError(errno.ECONNREFUSED, f"Connect call failed ({host!r}, {port})")
        channel = Channel(self, listener, ("127.0.0.1", next(self._client_ports)), (host, port))
        listener.accept(channel)
        return channel


class ResponseStream:
    """One response as the client receives it: its head, then its body, piece by piece."""

    def __init__(self) -> None:
        loop = asyncio.get_running_loop()
        self.head: asyncio.Future[tuple[int, str, list[tuple[str, str]]]] = loop.create_future()
        self._chunks: collections.deque[bytes] = collections.deque()
        self.eof = False
        #: The connection dropped before the response was complete.
        self.broken = False
        self._waiter: asyncio.Future[None] | None = None

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def deliver_head(self, status: int, reason: str, headers: list[tuple[str, str]]) -> None:
        if not self.head.done():
            self.head.set_result((status, reason, headers))

    def deliver_data(self, data: bytes) -> None:
        if data:
            self._chunks.append(data)
            self._wake()

    def deliver_eof(self) -> None:
        self.eof = True
        self._wake()

    def deliver_reset(self) -> None:
        if self.eof:
            return
        self.broken = True
        if not self.head.done():
            self.head.set_exception(ConnectionResetError("the server closed the connection"))
            self.head.exception()  # retrieved by whoever awaits it; never "never retrieved"
        self._wake()

    def at_eof(self) -> bool:
        return self.eof and not self._chunks

    async def next_chunk(self) -> bytes | None:
        """The next piece of the body; None at its end. Raises ConnectionResetError when the
        connection dropped before the end."""
        while not self._chunks:
            if self.eof:
                return None
            if self.broken:
                raise ConnectionResetError("the server closed the connection")
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        return self._chunks.popleft()

    def unread(self, data: bytes) -> None:
        if data:
            self._chunks.appendleft(data)


class Channel:
    """One TCP connection between a client and a server of this network."""

    def __init__(self, network: Network, listener: Listener, peername: tuple[str, int], sockname: tuple[str, int]) -> None:
        self.network = network
        self.listener = listener
        #: The client's address, as the server sees it (host, port).
        self.peername = peername
        #: The server's address.
        self.sockname = sockname
        self.closed = False
        #: The response the client waits for (one request at a time: HTTP/1.1 without pipelining).
        self.stream: ResponseStream | None = None

    def _later(self, callback: Callable[..., Any], *args: Any) -> None:
        asyncio.get_running_loop().call_later(ONE_WAY, callback, *args)

    # -- client side ---------------------------------------------------------------------------

    def send_request(self, request: Any) -> ResponseStream:
        self.stream = ResponseStream()
        self._later(self._arrive, request)
        return self.stream

    def _arrive(self, request: Any) -> None:
        if not self.closed:
            self.listener.receive(self, request)

    def close_from_client(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._later(self.listener.closed, self)

    # -- server side ---------------------------------------------------------------------------

    def send_head(self, status: int, reason: str, headers: list[tuple[str, str]]) -> None:
        stream = self.stream
        if stream is not None:
            self._later(stream.deliver_head, status, reason, headers)

    def send_data(self, data: bytes) -> None:
        stream = self.stream
        if stream is not None:
            self._later(stream.deliver_data, data)

    def send_eof(self) -> None:
        stream = self.stream
        if stream is not None:
            self._later(stream.deliver_eof)

    def close_from_server(self) -> None:
        if self.closed:
            return
        self.closed = True
        stream = self.stream
        if stream is not None:
            self._later(stream.deliver_reset)


_network: Network | None = None


def network() -> Network:
    """The run's network."""
    global _network
    if _network is None:
        _network = Network()
    return _network
