import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

PRODUCTS = ["tea", "coffee", "scone", "cake", "juice", "bagel", "muffin", "soup", "salad"]


def fetch_price(product: str) -> str:
    """A blocking client of a slow price service, which refuses more than 3 requests at a time."""
    time.sleep(0.2)  # the service takes 0.2 s to answer
    return f"{product}: {len(product) * 1.25:.2f}"


async def main() -> None:
    start = time.perf_counter()
    loop = asyncio.get_running_loop()
    # A pool of its own: at most 3 requests at once, whatever else uses the default executor.
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="prices") as pool:
        calls = [loop.run_in_executor(pool, fetch_price, product) for product in PRODUCTS]
        prices = await asyncio.gather(*calls)
    print(prices)
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
