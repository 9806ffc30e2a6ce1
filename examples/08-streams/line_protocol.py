#: runs: local
#: clock: real
#: varies: 127\.0\.0\.1:\d+
"""The layer under streams: a transport and an asyncio.Protocol with its callbacks.

The protocol does its own framing: it keeps the bytes that do not yet end in a newline and
answers each complete line in upper case. When the client half-closes the connection
(write_eof: "I am done sending"), eof_received() answers what is left and closes. The client
uses streams, and shows that its StreamWriter is a thin wrapper around the same kind of
transport and protocol.
"""

import asyncio


class ShoutProtocol(asyncio.Protocol):
    def __init__(self, closed: asyncio.Future[None]) -> None:
        self.closed = closed
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        host, port = transport.get_extra_info("peername")
        print(f"protocol: connection_made, peer {host}:{port}")

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None
        self.buffer += data
        # Answer every complete line; keep an unfinished one for the next call.
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            print(f"protocol: line {line.decode()!r}")
            self.transport.write(line.upper() + b"\n")  # returns at once: bytes are buffered

    def eof_received(self) -> bool | None:
        assert self.transport is not None
        # The client will send nothing more, but can still read: answer the last, unfinished
        # line. Returning a false value lets the transport close the connection after that.
        print(f"protocol: eof_received, answering the unfinished {self.buffer!r}")
        self.transport.write(self.buffer.upper() + b"\n")
        self.buffer = b""
        return None

    def connection_lost(self, exc: Exception | None) -> None:
        print(f"protocol: connection_lost ({exc!r}), unfinished bytes: {self.buffer!r}")
        self.closed.set_result(None)


async def main() -> None:
    loop = asyncio.get_running_loop()
    closed: asyncio.Future[None] = loop.create_future()
    server = await loop.create_server(lambda: ShoutProtocol(closed), "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()

    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"hello\nhow are ")
    await writer.drain()
    print(f"client: got {await reader.readline()!r}")
    print(f"client: my StreamWriter wraps a {type(writer.transport).__name__} "
          f"feeding a {type(writer.transport.get_protocol()).__name__}")
    writer.write(b"you?\nunfinished")
    await writer.drain()
    print(f"client: got {await reader.readline()!r}")
    writer.write_eof()  # done sending; the reading side stays open
    last, rest = await reader.readline(), await reader.read()
    await closed  # connection_lost has run on the server side
    print(f"client: after write_eof, got {last!r}, then the end of the stream {rest!r}")
    writer.close()
    await writer.wait_closed()

    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
