import asyncio
from collections.abc import Awaitable, Callable


async def keep_polling(fetch: Callable[[], Awaitable[str]], period: float = 1.0) -> None:
    """Calls `fetch` every `period` seconds and prints what it returns. A failing fetch is
    reported and the schedule goes on."""
    while True:
        try:
            await asyncio.sleep(period)
            print(await fetch())
        except asyncio.CancelledError:
            print("poller cancelled")
            return
        except Exception as error:  # one bad run must not end the schedule
            print(f"run failed: {error!r}")


async def main() -> None:
    prices = iter(["price 10", "price 11", "price 12", "price 13"])

    async def fetch_price() -> str:
        await asyncio.sleep(0.1)
        return next(prices)

    poller = asyncio.create_task(keep_polling(fetch_price))
    await asyncio.sleep(3.5)
    poller.cancel()
    try:
        await poller
    except asyncio.CancelledError:
        print("poller stopped")


if __name__ == "__main__":
    asyncio.run(main())
