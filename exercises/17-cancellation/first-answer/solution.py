import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


async def first_of(*coros: Coroutine[Any, Any, T]) -> T:
    """Runs the coroutines concurrently and returns the result of the first one to finish. The
    others are cancelled, and have ended (their cleanup done) by the time first_of returns."""
    tasks = [asyncio.ensure_future(coro) for coro in coros]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return next(iter(done)).result()
    finally:
        # cancel() only asks; waiting for the tasks lets their cleanup run before we return.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def ask(mirror: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)  # the mirror answers
        return f"answer from {mirror}"
    finally:
        await asyncio.sleep(0.1)  # closing the connection


async def main() -> None:
    print(await first_of(ask("eu", 3.0), ask("us", 1.0), ask("br", 2.0)))


if __name__ == "__main__":
    asyncio.run(main())
