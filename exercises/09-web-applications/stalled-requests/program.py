import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any


async def search() -> None:
    await asyncio.sleep(0.4)  # waits for the database, as a handler should


async def report() -> None:
    time.sleep(0.2)  # a synchronous PDF library: it holds the thread


async def ping() -> None:
    await asyncio.sleep(0.1)


Work = Callable[[], Coroutine[Any, Any, None]]


async def handle(name: str, work: Work) -> None:
    """One request, in a task of its own, as aiohttp runs it."""
    print(f"{name}: started")
    await work()
    print(f"{name}: answered")


async def main() -> None:
    start = time.perf_counter()
    # Three requests arrive at the same moment, in this order.
    await asyncio.gather(
        handle("search", search),
        handle("report", report),
        handle("ping", ping),
    )
    print(f"all answered after {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
