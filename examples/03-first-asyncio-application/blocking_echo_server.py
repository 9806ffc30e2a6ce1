#: runs: local
#: clock: real
#: varies: 127\.0\.0\.1:\d+
"""A blocking echo server: it serves one client at a time.

The server runs in a background thread so that this one program can also play two clients.
Client A connects and then goes quiet; client B has to wait until A leaves.
"""

import os
import socket
import threading


def serve(server: socket.socket, clients: int) -> None:
    """Accept `clients` connections, one after another, echoing each until it closes."""
    for number in range(1, clients + 1):
        conn, _address = server.accept()  # blocks until someone connects
        print(f"server: serving client {number}")
        with conn:
            while data := conn.recv(1024):  # blocks until this client sends something
                conn.sendall(data)
        print(f"server: client {number} left")


def talk(sock: socket.socket, name: str, message: str) -> None:
    sock.sendall(message.encode())
    print(f"{name}: got {sock.recv(1024).decode()!r}")


def main() -> None:
    port = int(os.environ.get("ECHO_PORT", "0"))  # 0: let the OS pick a free port
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen()
    address = server.getsockname()
    print(f"server: listening on {address[0]}:{address[1]}")

    thread = threading.Thread(target=serve, args=(server, 2))
    thread.start()

    a = socket.create_connection(address)
    talk(a, "A", "hello from A")

    # B's connection succeeds (the OS queues it), but nobody calls recv() for it yet.
    b = socket.create_connection(address)
    b.sendall(b"hello from B")
    b.settimeout(1.0)
    try:
        b.recv(1024)
    except TimeoutError:
        print("B: no answer after 1 s, the server is still busy with A")

    a.close()  # only now does the server loop back to accept()
    b.settimeout(None)
    print(f"B: got {b.recv(1024).decode()!r} once A left")
    b.close()

    thread.join()
    server.close()


if __name__ == "__main__":
    main()
