#: runs: browser
#: clock: virtual
import asyncio
import time
from typing import Any

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def fetch_stock() -> int:
    await asyncio.sleep(0.5)
    print(f"{now()} stock: done")
    return 42


async def fetch_prices() -> None:
    await asyncio.sleep(1)
    print(f"{now()} prices: raising ValueError")
    raise ValueError("prices: bad response")


async def fetch_users() -> None:
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError:
        print(f"{now()} users: CancelledError, closing the connection")
        raise
    finally:
        await asyncio.sleep(0.5)  # cleanup may await: the cancellation was already delivered
        print(f"{now()} users: connection closed")


async def main() -> None:
    tasks: dict[str, asyncio.Task[Any]] = {}
    try:
        async with asyncio.TaskGroup() as group:
            tasks["stock"] = group.create_task(fetch_stock())
            tasks["prices"] = group.create_task(fetch_prices())
            tasks["users"] = group.create_task(fetch_users())
            try:
                await asyncio.sleep(2)  # the body of the block is working too
            except asyncio.CancelledError:
                print(f"{now()} body: cancelled too")
                raise
    except* ValueError as failure:
        print(f"{now()} main: caught {failure!r}")
    print(f"{now()} stock result: {tasks['stock'].result()};"
          f" users cancelled? {tasks['users'].cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
