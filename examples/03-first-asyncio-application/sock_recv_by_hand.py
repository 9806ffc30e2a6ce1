#: runs: local
#: clock: real
"""What `await loop.sock_recv(sock, n)` does inside, written out by hand.

Try the call; if the socket has nothing yet, ask the loop's selector to watch it, park the
coroutine on a future, and let the loop run other tasks. When the selector reports the socket
readable, the loop resolves the future, the coroutine resumes and tries again.
"""

import asyncio
import socket


async def recv_by_hand(sock: socket.socket, nbytes: int) -> bytes:
    loop = asyncio.get_running_loop()
    while True:
        try:
            return sock.recv(nbytes)  # non-blocking: returns at once or raises
        except BlockingIOError:
            pass
        ready: asyncio.Future[None] = loop.create_future()
        # The selector will call ready.set_result(None) once the socket can be read.
        loop.add_reader(sock.fileno(), ready.set_result, None)
        print("reader: nothing yet; socket registered with the selector, waiting on a future")
        try:
            await ready  # the loop runs other tasks until the future is resolved
        finally:
            loop.remove_reader(sock.fileno())
        print("reader: the selector says the socket is readable; trying again")


async def ticker() -> None:
    for n in range(4):
        print(f"ticker: tick {n} (the loop is free)")
        await asyncio.sleep(0.2)


async def sender(sock: socket.socket) -> None:
    await asyncio.sleep(0.5)
    print("sender: sending b'hello'")
    sock.send(b"hello")


async def main() -> None:
    receiving, sending = socket.socketpair()  # two connected sockets, no server needed
    with receiving, sending:
        receiving.setblocking(False)
        sending.setblocking(False)
        reader = asyncio.create_task(recv_by_hand(receiving, 1024))
        await asyncio.gather(ticker(), sender(sending))
        print(f"reader got {await reader!r}")


if __name__ == "__main__":
    asyncio.run(main())
