#: runs: local
#: clock: real
"""Blocking code in a worker thread calls a coroutine on the event loop and waits for it.

`build_invoice` is synchronous code (think of a library that takes a callback). It needs
prices from `PriceService`, whose methods are coroutines that belong to the loop. From the
worker thread, asyncio.run_coroutine_threadsafe hands each coroutine to the loop and returns
a concurrent.futures.Future that the thread can block on.
"""

import asyncio
import threading


class PriceService:
    """An async client living on the event loop (it could hold connections, locks...)."""

    def __init__(self) -> None:
        self.prices = {"tea": 3.5, "cake": 4.25}
        self.lock = asyncio.Lock()  # an asyncio object: use it only from the loop's thread

    async def price(self, item: str) -> float:
        async with self.lock:
            await asyncio.sleep(0.05)  # a network round trip
            on_main = threading.current_thread() is threading.main_thread()
            print(f"  price({item!r}) runs on the main thread: {on_main}")
            return self.prices[item]  # KeyError for an unknown item


def build_invoice(items: list[str], service: PriceService, loop: asyncio.AbstractEventLoop) -> str:
    on_main = threading.current_thread() is threading.main_thread()
    print(f"build_invoice runs on the main thread: {on_main}")
    lines: list[str] = []
    for item in items:
        future = asyncio.run_coroutine_threadsafe(service.price(item), loop)
        try:
            price = future.result(timeout=2.0)  # blocks this worker thread, not the loop
        except KeyError:
            lines.append(f"{item}: no price")
            continue
        lines.append(f"{item}: {price:.2f}")
    return "; ".join(lines)


async def main() -> None:
    loop = asyncio.get_running_loop()
    service = PriceService()
    invoice = await asyncio.to_thread(build_invoice, ["tea", "cake", "scone"], service, loop)
    print(f"invoice: {invoice}")


if __name__ == "__main__":
    asyncio.run(main())
