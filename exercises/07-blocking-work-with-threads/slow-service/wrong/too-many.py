import asyncio
import time

PRODUCTS = ["tea", "coffee", "scone", "cake", "juice", "bagel", "muffin", "soup", "salad"]


def fetch_price(product: str) -> str:
    """A blocking client of a slow price service, which refuses more than 3 requests at a time."""
    time.sleep(0.2)  # the service takes 0.2 s to answer
    return f"{product}: {len(product) * 1.25:.2f}"


async def main() -> None:
    start = time.perf_counter()
    calls = [asyncio.to_thread(fetch_price, product) for product in PRODUCTS]
    prices = await asyncio.gather(*calls)
    print(prices)
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
