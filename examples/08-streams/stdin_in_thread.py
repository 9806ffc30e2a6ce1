#: runs: local
#: clock: real
#: varies: after \d+\.\d s
"""A cancelled asyncio.to_thread(readline) keeps its thread, and asyncio.run() waits for it.

Reading input in a thread is the portable way to keep the loop free. But cancelling the task
(a timeout, a shutdown) does not stop the thread: it stays blocked until a line arrives, and
asyncio.run() waits for the default executor's threads before it returns. A daemon thread of
your own, which hands the line to the loop, does not hold the program up. A pipe stands in for
the terminal, so that the run can be recorded.
"""

import asyncio
import os
import threading
import time


def read_line(fd: int) -> str:
    """Blocks until input arrives, like sys.stdin.readline()."""
    return os.read(fd, 1024).decode()


def typist(fd: int, delay: float, typed_at: list[float]) -> None:
    time.sleep(delay)
    typed_at.append(time.perf_counter())
    os.write(fd, b"a late line\n")


async def ask_with_to_thread(fd: int) -> None:
    try:
        async with asyncio.timeout(0.2):
            await asyncio.to_thread(read_line, fd)
    except TimeoutError:
        print("  no input after 0.2 s: the task is cancelled and main() returns")


def read_in_daemon(fd: int, loop: asyncio.AbstractEventLoop, line: asyncio.Future[str]) -> None:
    text = read_line(fd)
    try:
        loop.call_soon_threadsafe(lambda: line.done() or line.set_result(text))
    except RuntimeError:
        pass  # the loop has closed: nobody is waiting for the line any more


async def ask_with_daemon(fd: int) -> threading.Thread:
    loop = asyncio.get_running_loop()
    line: asyncio.Future[str] = loop.create_future()
    reader = threading.Thread(target=read_in_daemon, args=(fd, loop, line), daemon=True)
    reader.start()
    try:
        async with asyncio.timeout(0.2):
            await line
    except TimeoutError:
        print("  no input after 0.2 s: main() returns")
    return reader


def main() -> None:
    print("-- asyncio.to_thread(readline)")
    read_fd, write_fd = os.pipe()
    typed_at: list[float] = []
    threading.Thread(target=typist, args=(write_fd, 1.0, typed_at)).start()
    start = time.perf_counter()
    asyncio.run(ask_with_to_thread(read_fd))
    ended = time.perf_counter()
    print(f"  asyncio.run() returned after {ended - start:.1f} s, "
          f"only once a line was typed: {bool(typed_at) and ended >= typed_at[0]}")

    print("-- a daemon thread of our own; this time nobody types")
    read_fd, write_fd = os.pipe()
    start = time.perf_counter()
    reader = asyncio.run(ask_with_daemon(read_fd))
    print(f"  asyncio.run() returned after {time.perf_counter() - start:.1f} s; "
          f"the reader is still blocked: {reader.is_alive()}, and does not stop the exit")


if __name__ == "__main__":
    main()
