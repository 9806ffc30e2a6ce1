import asyncio
import threading
import time

FILES = [100] * 20  # twenty files of 100 bytes


class Stats:
    """Shared by every upload thread."""

    def __init__(self) -> None:
        self.bytes_sent = 0
        self.lock = threading.Lock()  # one lock, shared by every thread


def upload(stats: Stats, size: int) -> None:
    """A blocking upload, run in a worker thread."""
    time.sleep(0.1)  # sending the file over a slow network
    with stats.lock:  # one thread at a time from the read to the write
        sent = stats.bytes_sent
        time.sleep(0.01)  # writing a log line: any I/O between the read and the write
        stats.bytes_sent = sent + size


async def main() -> None:
    stats = Stats()
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.to_thread(upload, stats, size) for size in FILES))
    print(f"sent {stats.bytes_sent} of {sum(FILES)} bytes")
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
