#: runs: browser
#: clock: real
import asyncio
import time
from collections.abc import Awaitable, Callable


def since(start: float) -> str:
    return f"{time.perf_counter() - start:.1f} s"


async def polite(name: str, start: float) -> None:
    print(f"  {name} starts at {since(start)}")
    await asyncio.sleep(0.5)  # suspends this task; the loop runs others meanwhile
    print(f"  {name} ends at   {since(start)}")


async def rude(name: str, start: float) -> None:
    print(f"  {name} starts at {since(start)}")
    time.sleep(0.5)  # blocks the thread, and with it the whole event loop
    print(f"  {name} ends at   {since(start)}")


async def run_two(worker: Callable[[str, float], Awaitable[None]]) -> None:
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
