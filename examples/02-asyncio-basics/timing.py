#: runs: browser
#: clock: virtual
import asyncio
import functools
import time
from collections.abc import Callable, Coroutine, Generator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def timer(label: str) -> Generator[None, None, None]:
    """Print how long the body of a `with` block took."""
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f"{label}: {time.perf_counter() - start:.1f} s")


def async_timed(
    func: Callable[P, Coroutine[Any, Any, R]],
) -> Callable[P, Coroutine[Any, Any, R]]:
    """Make each call of a coroutine function report its duration."""

    @functools.wraps(func)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with timer(func.__name__):
            return await func(*args, **kwargs)

    return wrapper


@async_timed
async def download(name: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return name


async def main() -> None:
    with timer("both downloads"):
        small = asyncio.create_task(download("small", 0.5))
        large = asyncio.create_task(download("large", 1.5))
        await small
        await large


if __name__ == "__main__":
    asyncio.run(main())
