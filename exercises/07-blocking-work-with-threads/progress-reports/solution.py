import asyncio
import time
from collections.abc import Callable


def copy_in_chunks(chunks: int, on_progress: Callable[[int], None]) -> str:
    """Blocking file I/O: runs in a worker thread and reports after every chunk."""
    for done in range(1, chunks + 1):
        time.sleep(0.1)  # stands for writing one chunk to a slow disk
        on_progress(done)
    return f"copied {chunks} chunks"


async def copy_with_progress(chunks: int, progress: asyncio.Queue[int]) -> str:
    """Copies in a worker thread; each chunk's number reaches `progress` as soon as it is
    written."""

    loop = asyncio.get_running_loop()

    def report(done: int) -> None:
        # Runs in the worker thread, once per chunk.
        loop.call_soon_threadsafe(progress.put_nowait, done)

    return await asyncio.to_thread(copy_in_chunks, chunks, report)


async def show_progress(progress: asyncio.Queue[int], chunks: int, start: float) -> None:
    for _ in range(chunks):
        done = await progress.get()
        print(f"{done}/{chunks} written at {time.perf_counter() - start:.1f} s")


async def main() -> None:
    start = time.perf_counter()
    progress: asyncio.Queue[int] = asyncio.Queue()
    shown = asyncio.create_task(show_progress(progress, 5, start))
    print(await copy_with_progress(5, progress))
    await shown


if __name__ == "__main__":
    asyncio.run(main())
