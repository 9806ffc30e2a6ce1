import asyncio
import socket


async def echo(conn: socket.socket) -> None:
    """Sends back every byte the client sends, until it hangs up."""
    loop = asyncio.get_running_loop()
    with conn:
        while data := await loop.sock_recv(conn, 1024):
            await loop.sock_sendall(conn, data)


async def serve(listener: socket.socket) -> None:
    """Accepts clients forever and echoes for each of them."""
    loop = asyncio.get_running_loop()
    clients: set[asyncio.Task[None]] = set()
    while True:
        conn, _ = await loop.sock_accept(listener)
        task = asyncio.create_task(echo(conn))
        clients.add(task)  # the loop keeps only a weak reference to tasks
        task.add_done_callback(clients.discard)


async def say(client: socket.socket, text: str) -> str:
    """Sends `text` and returns the echo, or a note if none came within a second."""
    loop = asyncio.get_running_loop()
    await loop.sock_sendall(client, text.encode())
    try:
        return (await asyncio.wait_for(loop.sock_recv(client, 1024), 1)).decode()
    except TimeoutError:
        return "(no answer after 1 s)"


async def connect(address: tuple[str, int]) -> socket.socket:
    client = socket.socket()
    client.setblocking(False)
    await asyncio.get_running_loop().sock_connect(client, address)
    return client


async def main() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.setblocking(False)
        server = asyncio.create_task(serve(listener))
        address = listener.getsockname()
        with await connect(address) as a, await connect(address) as b:
            print("A:", await say(a, "hello from A"))
            print("B:", await say(b, "hello from B"))  # while A stays connected
            print("A:", await say(a, "still here"))
        server.cancel()


if __name__ == "__main__":
    asyncio.run(main())
