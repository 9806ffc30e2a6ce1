#: runs: local
#: clock: real
#: varies: 127\.0\.0\.1:\d+
"""Graceful shutdown of an asyncio echo server on SIGINT or SIGTERM (Unix only).

On a signal the server stops accepting, cancels every client task, lets each one say
goodbye, waits for them with a time limit and closes what is left. To keep the demo
self-contained, the program sends itself SIGTERM once its clients have been served.
"""

import asyncio
import os
import signal
import socket

GOODBYE = b"server shutting down, bye"


class EchoServer:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.clients: set[asyncio.Task[None]] = set()

    async def serve(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            conn, _ = await loop.sock_accept(self.sock)
            task = asyncio.create_task(self.echo(conn))
            self.clients.add(task)
            task.add_done_callback(self.clients.discard)

    async def echo(self, conn: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        try:
            while data := await loop.sock_recv(conn, 1024):
                await loop.sock_sendall(conn, data)
        except asyncio.CancelledError:
            await loop.sock_sendall(conn, GOODBYE)  # last words, then let the cancellation go on
            raise
        finally:
            conn.close()

    async def shutdown(self, accept_task: asyncio.Task[None], timeout: float) -> None:
        accept_task.cancel()  # 1. no new clients
        await asyncio.wait([accept_task])
        self.sock.close()
        print("shutdown: stopped accepting and closed the listening socket")

        tasks = list(self.clients)  # 2. ask every client task to stop
        for task in tasks:
            task.cancel()
        print(f"shutdown: cancelled {len(tasks)} client tasks")
        if not tasks:
            return

        done, pending = await asyncio.wait(tasks, timeout=timeout)  # 3. but not forever
        print(f"shutdown: {len(done)} finished within {timeout} s, {len(pending)} did not")
        for task in pending:
            task.cancel()  # a second cancel interrupts a cleanup that hangs


async def connect(address: tuple[str, int]) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        await asyncio.get_running_loop().sock_connect(sock, address)
    except OSError:
        sock.close()
        raise
    return sock


async def main() -> None:
    loop = asyncio.get_running_loop()
    stop: asyncio.Future[signal.Signals] = loop.create_future()

    def on_signal(sig: signal.Signals) -> None:
        # Runs as an ordinary callback inside the loop, so touching asyncio objects is safe.
        print(f"signal handler: got {sig.name}")
        if not stop.done():
            stop.set_result(sig)

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, on_signal, sig)  # NotImplementedError on Windows

    port = int(os.environ.get("ECHO_PORT", "0"))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen()
    sock.setblocking(False)
    address = sock.getsockname()
    print(f"server: listening on {address[0]}:{address[1]}")

    server = EchoServer(sock)
    accept_task = asyncio.create_task(server.serve())

    clients: dict[str, socket.socket] = {}
    for name in ("A", "B"):
        client = await connect(address)
        await loop.sock_sendall(client, f"hello from {name}".encode())
        print(f"{name}: got {(await loop.sock_recv(client, 1024)).decode()!r}")
        clients[name] = client  # stays connected, idle

    # As if someone ran `kill <pid>`; Ctrl+C in a terminal sends SIGINT instead.
    os.kill(os.getpid(), signal.SIGTERM)
    await stop
    await server.shutdown(accept_task, timeout=2.0)

    for name, client in clients.items():
        last = await loop.sock_recv(client, 1024)
        after = await loop.sock_recv(client, 1024)  # b"": the server closed the connection
        print(f"{name}: got {last.decode()!r}, then {'end of stream' if after == b'' else after!r}")
        client.close()

    try:
        await connect(address)
    except ConnectionRefusedError:
        print("late client: connection refused, nobody is listening any more")

    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.remove_signal_handler(sig)


if __name__ == "__main__":
    asyncio.run(main())
