#: runs: browser
#: clock: virtual
import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any


def since(start: float) -> str:
    return f"{time.perf_counter() - start:.1f} s"


async def polite(name: str, start: float) -> None:
    print(f"  {name} starts at {since(start)}")
    await asyncio.sleep(0.5)  # suspends this task; others can run
    print(f"  {name} ends at   {since(start)}")


async def rude(name: str, start: float) -> None:
    print(f"  {name} starts at {since(start)}")
    time.sleep(0.5)  # blocks the thread, and the event loop with it
    print(f"  {name} ends at   {since(start)}")


Worker = Callable[[str, float], Coroutine[Any, Any, None]]


async def run_two(worker: Worker) -> None:
    start = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("a", start))
        tg.create_task(worker("b", start))
    print(f"  total: {since(start)}")


async def main() -> None:
    print("with asyncio.sleep:")
    await run_two(polite)
    print("with time.sleep:")
    await run_two(rude)


if __name__ == "__main__":
    asyncio.run(main())
