#: runs: local
#: clock: real
"""An event loop in a background thread, next to a main thread that must never block on it.

GUI toolkits (tkinter, Qt, ...) own the main thread with their own event loop. The pattern:
run asyncio in a second thread, submit coroutines to it with run_coroutine_threadsafe, and
send results back to the main thread through something thread-safe, here a queue.Queue that
stands for the toolkit's event queue.
"""

import asyncio
import queue
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")
UiEvent = tuple[str, str]


class AsyncioThread:
    """Owns an event loop that runs forever in its own thread until stop()."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, name="asyncio-loop")

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def start(self) -> None:
        self.thread.start()

    def submit(self, coro: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)  # loop.stop() itself is not thread-safe
        self.thread.join()
        self.loop.close()


async def download(name: str, parts: int, ui: queue.Queue[UiEvent]) -> str:
    for part in range(1, parts + 1):
        await asyncio.sleep(0.1)  # network I/O on the asyncio thread
        ui.put(("progress", f"{name}: part {part} of {parts}"))  # queue.Queue is thread-safe
    return f"{name}, {parts} parts, fetched on {threading.current_thread().name}"


def main() -> None:
    ui: queue.Queue[UiEvent] = queue.Queue()  # the GUI's event queue
    worker = AsyncioThread()
    worker.start()

    print("ui: download button clicked")
    future = worker.submit(download("photos.zip", 3, ui))
    # The callback runs on the asyncio thread: it only posts an event, never touches the UI.
    future.add_done_callback(lambda f: ui.put(("done", f.result())))

    # The GUI's own loop: handle one event at a time, on the main thread.
    while True:
        kind, text = ui.get(timeout=5.0)
        print(f"ui: {kind}: {text}")
        if kind == "done":
            break

    worker.stop()
    print(f"ui: asyncio thread stopped, loop closed: {worker.loop.is_closed()}")


if __name__ == "__main__":
    main()
