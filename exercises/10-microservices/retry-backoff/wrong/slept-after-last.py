import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


class ServiceError(Exception):
    """The service failed (a 503, a dropped connection): a moment later it may work."""


class ClientError(Exception):
    """The request itself is wrong (a 4xx): sending it again cannot help."""


async def retry(
    operation: Callable[[], Awaitable[T]],
    attempts: int = 4,
    base_delay: float = 0.1,
) -> T:
    """Calls `operation()` until it succeeds, at most `attempts` times, waiting `base_delay`
    after the first failure and twice as long after each next one."""
    for attempt in range(attempts):
        try:
            return await operation()
        except ServiceError:
            await asyncio.sleep(base_delay * 2**attempt)
            if attempt == attempts - 1:
                raise
    raise ValueError("attempts must be at least 1")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    calls = 0

    async def flaky_service() -> str:
        # stands in for a call to another service: two 503s at once, then an answer
        nonlocal calls
        calls += 1
        print(f"call {calls} at {loop.time() - start:.1f} s")
        if calls < 3:
            raise ServiceError("503 Service Unavailable")
        await asyncio.sleep(0.1)
        return "profile of user 7"

    print(await retry(flaky_service))


if __name__ == "__main__":
    asyncio.run(main())
