#: runs: local
#: clock: real
#: varies: 127\.0\.0\.1:\d+
#: varies: \d+% of one core
#: varies: \d+ rounds
#: varies: \w+Selector
"""An echo server built on selectors: the OS tells us which socket is ready.

Same clients as the busy-loop version; this time the server sleeps inside select()
until there is something to do.
"""

import os
import selectors
import socket
import threading
import time


def clients(address: tuple[str, int]) -> None:
    a = socket.create_connection(address)
    b = socket.create_connection(address)
    for sock, text in [(a, "hi from A"), (b, "hi from B"), (a, "bye from A"), (b, "bye from B")]:
        time.sleep(0.1)
        sock.sendall(text.encode())
        print(f"client got {sock.recv(1024).decode()!r}")
    a.close()
    b.close()


def main() -> None:
    port = int(os.environ.get("ECHO_PORT", "0"))
    selector = selectors.DefaultSelector()
    print(f"selector: {type(selector).__name__}")

    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen()
    server.setblocking(False)
    address = server.getsockname()
    print(f"server: listening on {address[0]}:{address[1]}")

    served = 0

    def on_connect(sock: socket.socket) -> None:
        nonlocal served
        conn, _ = sock.accept()  # ready, so this will not block
        conn.setblocking(False)
        served += 1
        print(f"  ready: listening socket -> accepted client {served}")
        selector.register(conn, selectors.EVENT_READ, data=on_data)

    def on_data(conn: socket.socket) -> None:
        data = conn.recv(1024)  # ready, so this will not block
        if data:
            print(f"  ready: a client socket -> echo {data.decode()!r}")
            conn.sendall(data)
        else:
            print("  ready: a client socket -> it closed, unregister it")
            selector.unregister(conn)
            conn.close()

    # The data we attach at registration comes back with each event: here, a callback.
    selector.register(server, selectors.EVENT_READ, data=on_connect)

    thread = threading.Thread(target=clients, args=(address,))
    thread.start()

    rounds = 0
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    while served < 2 or len(selector.get_map()) > 1:
        events = selector.select()  # sleeps until at least one socket is ready
        rounds += 1
        for key, mask in events:
            if mask & selectors.EVENT_READ:
                callback = key.data
                callback(key.fileobj)
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start

    thread.join()
    selector.unregister(server)
    server.close()
    selector.close()
    print(f"server: {rounds} rounds of select(), using {cpu / wall:.0%} of one core")


if __name__ == "__main__":
    main()
