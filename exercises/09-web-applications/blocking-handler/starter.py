import asyncio
import time
from typing import Any

PRICES = {"tea": 3.5, "cake": 4.0, "soup": 6.5, "bread": 2.5, "jam": 3.0}


def read_price_blocking(item: str) -> float:
    """A synchronous database driver: it holds the thread while the query runs."""
    time.sleep(0.1)
    return PRICES[item]


async def read_price(item: str) -> float:
    """The same query through an asynchronous driver: it waits without holding the thread."""
    await asyncio.sleep(0.1)  # stands in for the round trip to the database
    return PRICES[item]


async def price_handler(item: str) -> dict[str, Any]:
    """Answers GET /price/{item}, as an aiohttp.web handler would."""
    price = read_price_blocking(item)
    return {"item": item, "price": price}


async def serve(requests: list[str]) -> list[dict[str, Any]]:
    """Stands in for the web server: each request runs in a task of its own, as in aiohttp."""
    return await asyncio.gather(*(price_handler(item) for item in requests))


async def main() -> None:
    requests = ["tea", "cake", "soup", "bread", "jam"] * 2
    start = time.perf_counter()
    answers = await serve(requests)
    print(answers[:2])
    print(f"{len(answers)} requests answered in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
