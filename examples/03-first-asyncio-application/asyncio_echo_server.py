#: runs: local
#: clock: real
#: varies: 127\.0\.0\.1:\d+
#: varies: in \d+\.\d+ s
#: varies: at most \d+
"""An echo server on the asyncio event loop, with one task per client.

The event loop's socket methods (sock_accept, sock_recv, sock_sendall) wait on a selector
for us, so each client gets a plain-looking loop that reads and writes.
"""

import asyncio
import os
import socket
import time


class EchoServer:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.clients: set[asyncio.Task[None]] = set()
        self.peak = 0

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            conn, _ = await loop.sock_accept(self.sock)
            task = asyncio.create_task(self.echo(conn))
            self.clients.add(task)  # keep a reference, or the task may vanish mid-run
            task.add_done_callback(self.clients.discard)
            self.peak = max(self.peak, len(self.clients))

    async def echo(self, conn: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        with conn:
            while data := await loop.sock_recv(conn, 1024):
                await loop.sock_sendall(conn, data)


async def connect(address: tuple[str, int]) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)  # the loop's sock_* methods require non-blocking sockets
    await asyncio.get_running_loop().sock_connect(sock, address)
    return sock


async def ask(sock: socket.socket, text: str) -> str:
    loop = asyncio.get_running_loop()
    await loop.sock_sendall(sock, text.encode())
    return (await loop.sock_recv(sock, 1024)).decode()


async def chatty_client(address: tuple[str, int], number: int) -> int:
    """Send three messages with a pause between them; return how many came back intact."""
    with await connect(address) as sock:
        correct = 0
        for i in range(3):
            text = f"client {number}, message {i}"
            correct += await ask(sock, text) == text
            await asyncio.sleep(0.1)  # thinking time: the loop serves others meanwhile
        return correct


async def main() -> None:
    port = int(os.environ.get("ECHO_PORT", "0"))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen()
    sock.setblocking(False)
    address = sock.getsockname()
    print(f"server: listening on {address[0]}:{address[1]}")

    server = EchoServer(sock)
    server_task = asyncio.create_task(server.serve())

    # The situation that stalled the blocking server: A stays connected while B talks.
    a = await connect(address)
    print(f"A: got {await ask(a, 'hello from A')!r}")
    b = await connect(address)
    print(f"B: got {await ask(b, 'hello from B')!r} while A is still connected")
    print(f"A: got {await ask(a, 'still here')!r}")
    a.close()
    b.close()

    # Now a hundred clients at once.
    start = time.perf_counter()
    results = await asyncio.gather(*(chatty_client(address, n) for n in range(100)))
    elapsed = time.perf_counter() - start
    print(f"100 clients: {sum(results)} of 300 echoes correct in {elapsed:.1f} s")
    print(f"server: at most {server.peak} client tasks at the same time")

    # A blunt stop; the graceful version comes later in the chapter.
    server_task.cancel()
    sock.close()


if __name__ == "__main__":
    asyncio.run(main())
