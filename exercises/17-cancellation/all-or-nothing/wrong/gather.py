import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


async def fetch_all(
    urls: list[str], fetch: Callable[[str], Coroutine[Any, Any, str]]
) -> list[str]:
    """The pages at `urls`, in that order. If one download fails, the others are cancelled at
    once and the failure comes out of fetch_all."""
    return list(await asyncio.gather(*(fetch(url) for url in urls)))


async def download(url: str) -> str:
    await asyncio.sleep(len(url) / 10)  # the server takes its time
    return f"<{url}>"


async def main() -> None:
    print(await fetch_all(["home", "about", "blog"], download))


if __name__ == "__main__":
    asyncio.run(main())
