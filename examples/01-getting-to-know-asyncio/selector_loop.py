#: runs: local
"""A toy event loop that waits for I/O with a selector, like asyncio's.

Two connected sockets play ping-pong. Nothing runs until the selector
reports that a socket has data; then the loop queues that socket's
callback and runs it.
"""

import selectors
import socket
from collections import deque
from collections.abc import Callable

Callback = Callable[[], None]


class ToyLoop:
    def __init__(self) -> None:
        self.ready: deque[Callback] = deque()  # callbacks that can run now
        # epoll, kqueue or select, whichever the system offers
        self.selector = selectors.DefaultSelector()

    def call_soon(self, callback: Callback) -> None:
        self.ready.append(callback)

    def add_reader(self, sock: socket.socket, callback: Callback) -> None:
        self.selector.register(sock, selectors.EVENT_READ, callback)

    def remove_reader(self, sock: socket.socket) -> None:
        self.selector.unregister(sock)

    def run(self) -> None:
        turn = 0
        while self.ready or self.selector.get_map():  # until nothing is left
            turn += 1
            # 1. Run the callbacks that are ready now (new ones wait a turn).
            for _ in range(len(self.ready)):
                self.ready.popleft()()
            # 2. Sleep until a watched socket can be read; queue its callback.
            if self.selector.get_map():
                waiting = len(self.selector.get_map())
                events = self.selector.select()
                print(f"loop turn {turn}: waited on {waiting} socket(s), "
                      f"{len(events)} ready")
                for key, _ in events:
                    self.call_soon(key.data)
        self.selector.close()


def main() -> None:
    loop = ToyLoop()
    left, right = socket.socketpair()
    rounds = 3

    def on_left_readable() -> None:
        message = left.recv(100).decode()
        print(f"  left got {message!r}")
        if message == f"pong {rounds}":
            loop.remove_reader(left)
            loop.remove_reader(right)
            return
        left.send(f"ping {int(message.split()[1]) + 1}".encode())

    def on_right_readable() -> None:
        message = right.recv(100).decode()
        print(f"  right got {message!r}")
        right.send(message.replace("ping", "pong").encode())

    def serve() -> None:
        left.send(b"ping 1")

    loop.add_reader(left, on_left_readable)
    loop.add_reader(right, on_right_readable)
    loop.call_soon(serve)  # the first ready callback starts the game
    loop.run()
    left.close()
    right.close()
    print("nothing left to run or wait for: the loop stops")


if __name__ == "__main__":
    main()
