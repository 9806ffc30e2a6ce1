import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


async def fetch_all(
    urls: list[str], fetch: Callable[[str], Coroutine[Any, Any, str]]
) -> list[str]:
    """The pages at `urls`, in that order. If one download fails, the others are cancelled at
    once and the failure comes out of fetch_all."""
    # A TaskGroup cancels the other tasks when one fails, and waits for all of them.
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(url)) for url in urls]
    return [task.result() for task in tasks]


async def download(url: str) -> str:
    await asyncio.sleep(len(url) / 10)  # the server takes its time
    return f"<{url}>"


async def main() -> None:
    print(await fetch_all(["home", "about", "blog"], download))


if __name__ == "__main__":
    asyncio.run(main())
