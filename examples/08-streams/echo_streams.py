#: runs: local
#: clock: real
#: varies: 127\.0\.0\.1:\d+
"""Chapter 3's echo server again, on streams: start_server, open_connection, lines.

The server gets a (StreamReader, StreamWriter) pair per client and never touches a socket.
"""

import asyncio
import os


# The handlers report here when they finish, so main() can wait for them instead of guessing.
finished: asyncio.Queue[str] = asyncio.Queue()


async def handle_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    host, port = writer.get_extra_info("peername")
    print(f"server: {host}:{port} connected")
    try:
        while line := await reader.readline():  # b"" means the client closed its end
            writer.write(b"echo: " + line)
            await writer.drain()  # wait if the client is not keeping up
    finally:
        print(f"server: {host}:{port} disconnected")
        writer.close()
        await writer.wait_closed()
        finished.put_nowait(f"{host}:{port}")


async def client(name: str, host: str, port: int, messages: list[str]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    for message in messages:
        writer.write(f"{message}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"{name}: sent {message!r}, got {reply.decode().rstrip()!r}")
    writer.close()
    await writer.wait_closed()


async def main() -> None:
    port = int(os.environ.get("ECHO_PORT", "0"))
    server = await asyncio.start_server(handle_client, "127.0.0.1", port)
    host, port = server.sockets[0].getsockname()
    print(f"server: listening on {host}:{port}")
    async with server:
        await client("A", host, port, ["hello", "two words", "bye"])
        await finished.get()  # the server has seen A leave
        await client("B", host, port, ["hi from B"])
        await finished.get()
    print("server: closed")


if __name__ == "__main__":
    asyncio.run(main())
