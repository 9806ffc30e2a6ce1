import socket
import time


def main() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        client = socket.create_connection(listener.getsockname())
        conn, _ = listener.accept()
        with client, conn:
            conn.setblocking(False)
            try:
                print(f"server got {conn.recv(1024)!r}")
            except BlockingIOError:
                print("server: BlockingIOError")
            for word in (b"one", b"two", b"three"):
                client.sendall(word)
            time.sleep(0.2)  # time for the bytes to reach the server's buffer
            print(f"server got {conn.recv(1024)!r}")


if __name__ == "__main__":
    main()
