#: runs: local
#: clock: real
"""A blocking file copy in a worker thread reports its progress to the event loop.

Loop methods may only be called from the loop's own thread; debug mode turns a call from
another thread into a RuntimeError. The safe door is loop.call_soon_threadsafe, which queues
a callback for the loop's thread and wakes the loop up.
"""

import asyncio
import tempfile
from collections.abc import Callable
from pathlib import Path

CHUNK = 16 * 1024


def copy_file(src: Path, dst: Path, report: Callable[[int], None]) -> int:
    """Plain blocking file I/O, run in a worker thread."""
    copied = 0
    with src.open("rb") as fin, dst.open("wb") as fout:
        while chunk := fin.read(CHUNK):
            fout.write(chunk)
            copied += len(chunk)
            report(copied)  # called in the worker thread
    return copied


def call_loop_wrongly(loop: asyncio.AbstractEventLoop) -> None:
    try:
        loop.call_soon(print, "this never runs")  # a loop method, from the wrong thread
    except RuntimeError as exc:
        print(f"worker thread: loop.call_soon raised RuntimeError: {exc}")


async def show_progress(progress: asyncio.Queue[int | None], total: int) -> None:
    while (copied := await progress.get()) is not None:
        print(f"loop thread: copied {copied:>6} of {total} bytes")


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 10.0  # debug mode would also log slow steps; not our topic
    await asyncio.to_thread(call_loop_wrongly, loop)

    progress: asyncio.Queue[int | None] = asyncio.Queue()

    def report(copied: int) -> None:
        # asyncio.Queue is not thread-safe either: let the loop's thread call put_nowait.
        loop.call_soon_threadsafe(progress.put_nowait, copied)

    with tempfile.TemporaryDirectory() as folder:
        src, dst = Path(folder, "data.bin"), Path(folder, "copy.bin")
        await asyncio.to_thread(src.write_bytes, bytes(4 * CHUNK))  # file I/O in a thread too
        printer = asyncio.create_task(show_progress(progress, 4 * CHUNK))
        copied = await asyncio.to_thread(copy_file, src, dst, report)
        progress.put_nowait(None)  # we are on the loop's thread here: a direct call is fine
        await printer
        same = await asyncio.to_thread(lambda: src.read_bytes() == dst.read_bytes())
    print(f"copy finished: {copied} bytes, identical: {same}")


if __name__ == "__main__":
    asyncio.run(main(), debug=True)  # debug mode checks which thread calls loop methods
