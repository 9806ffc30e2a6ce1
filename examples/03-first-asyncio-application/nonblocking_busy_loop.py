#: runs: local
#: clock: real
#: varies: 127\.0\.0\.1:\d+
#: varies: \d+ times
#: varies: \d+% of one core
"""A non-blocking echo server: it serves two clients at once, and burns a CPU core doing it.

Two clients run in a background thread; the server loop runs in the main thread.
"""

import os
import socket
import threading
import time


def clients(address: tuple[str, int]) -> None:
    a = socket.create_connection(address)
    b = socket.create_connection(address)
    for sock, text in [(a, "hi from A"), (b, "hi from B"), (a, "bye from A"), (b, "bye from B")]:
        time.sleep(0.1)  # a client thinking between messages
        sock.sendall(text.encode())
        print(f"client got {sock.recv(1024).decode()!r}")
    a.close()
    b.close()


def main() -> None:
    port = int(os.environ.get("ECHO_PORT", "0"))
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen()
    server.setblocking(False)  # accept() now raises instead of waiting
    address = server.getsockname()
    print(f"server: listening on {address[0]}:{address[1]}")

    # What happens when nobody has connected yet?
    try:
        server.accept()
    except BlockingIOError as error:
        print(f"accept() with nobody waiting: BlockingIOError ({error.strerror})")

    thread = threading.Thread(target=clients, args=(address,))
    thread.start()

    connections: list[socket.socket] = []
    served = 0
    idle_spins = 0
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    while served < 2 or connections:
        try:
            conn, _ = server.accept()
            conn.setblocking(False)
            connections.append(conn)
            served += 1
        except BlockingIOError:
            idle_spins += 1  # nothing to accept: try again right away
        for conn in list(connections):
            try:
                data = conn.recv(1024)
            except BlockingIOError:
                idle_spins += 1  # nothing to read: move on to the next socket
                continue
            if data:
                conn.sendall(data)  # small message, the send buffer has room
            else:
                connections.remove(conn)
                conn.close()
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start

    thread.join()
    server.close()
    print(f"server: found nothing to do {idle_spins} times")
    print(f"server: used {cpu / wall:.0%} of one core while mostly waiting")


if __name__ == "__main__":
    main()
