#: runs: local
#: clock: real
"""Stopping a server does not stop its handlers: close the client connections yourself.

server.close() stops listening for new clients. It does not cancel the handler tasks, and it
does not close the connections they serve. From Python 3.12, server.wait_closed() (and so
leaving `async with server:`) waits until every client connection is closed, which an idle
client never does on its own. So the server keeps its writers and closes them on shutdown.
(Python 3.13 adds server.close_clients(), which does that for you.)
"""

import asyncio


class EchoServer:
    def __init__(self) -> None:
        self.writers: set[asyncio.StreamWriter] = set()
        self.finished = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.add(writer)
        try:
            while line := await reader.readline():  # b"" once the connection is closed
                writer.write(line)
                await writer.drain()
        finally:
            self.writers.discard(writer)
            writer.close()
            await writer.wait_closed()
            self.finished += 1

    def close_clients(self) -> None:
        for writer in list(self.writers):
            writer.close()  # the handler's readline() then returns b""


async def main() -> None:
    echo = EchoServer()
    server = await asyncio.start_server(echo.handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    clients = [await asyncio.open_connection(host, port) for _ in range(2)]
    while len(echo.writers) < 2:  # until both handlers have started
        await asyncio.sleep(0.01)
    print("two clients connected; they say nothing and never leave")

    server.close()
    await asyncio.sleep(0.2)
    print(f"0.2 s after server.close(): {len(echo.writers)} handlers still running")

    echo.close_clients()
    async with asyncio.timeout(2):
        await server.wait_closed()
    print("after closing the client connections, server.wait_closed() returned")
    while echo.finished < 2:
        await asyncio.sleep(0.01)
    print(f"handlers finished: {echo.finished}")

    for reader, writer in clients:
        print(f"client: read {await reader.read()!r}, the server has hung up")
        writer.close()
        await writer.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
