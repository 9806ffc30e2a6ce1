#: runs: local
#: clock: real
#: varies: \d+ bytes
"""On a non-blocking socket, sendall() can send part of the data and then raise.

It raises BlockingIOError when the send buffer fills up, and the exception does not say how
many bytes went out before that. send() sends what fits and returns the count, which is what
code that retries must keep.
"""

import socket

DATA = b"x" * 10_000_000  # far more than any socket buffer holds


def drain(sock: socket.socket) -> int:
    """Reads everything that has arrived so far; returns how many bytes that was."""
    received = 0
    while True:
        try:
            chunk = sock.recv(1 << 20)
        except BlockingIOError:
            return received
        received += len(chunk)


def main() -> None:
    sender, receiver = socket.socketpair()
    sender.setblocking(False)
    receiver.setblocking(False)
    with sender, receiver:
        try:
            sender.sendall(DATA)
        except BlockingIOError as error:
            print(f"sendall() raised {type(error).__name__}, and says nothing of how much it sent")
        print(f"yet the other side received {drain(receiver)} bytes of {len(DATA)}")
        print(f"send() tells you: it sent {sender.send(DATA)} bytes")
        print("so a retry loop keeps DATA[sent:] and calls send() again when the socket is ready")


if __name__ == "__main__":
    main()
