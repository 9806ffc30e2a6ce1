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
    queue: asyncio.Queue[tuple[int, T]] = asyncio.Queue()
    for index, item in enumerate(items):
        queue.put_nowait((index, item))
    results: dict[int, R | Exception] = {}

    async def worker() -> None:
        while True:
            index, item = await queue.get()
            try:
                results[index] = await handle(item)
            except Exception as error:  # recorded in its place; the worker goes on
                results[index] = error
            finally:
                queue.task_done()  # on every path, or join() would wait forever

    tasks = [asyncio.create_task(worker()) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return [results[index] for index in range(len(items))]


async def main() -> None:
    async def resize(name: str) -> str:
        await asyncio.sleep(1)
        if name.endswith(".txt"):
            raise ValueError(f"{name} is not an image")
        return f"small-{name}"

    print(await process_all(["a.png", "b.png", "notes.txt", "c.png"], resize, workers=2))


if __name__ == "__main__":
    asyncio.run(main())
