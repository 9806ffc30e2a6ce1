#: runs: browser
#: standins: aiohttp
#: varies: (?<=page ready after )0\.[67](?= s)
#: varies: (?<=TimeoutError after )0\.[56](?= s)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""One deadline for a whole operation made of several requests: asyncio.timeout.

A product page needs the product first, then its reviews and its stock at the same time.
"""

import asyncio
import time

import aiohttp

from api_server import serve


async def get_json(session: aiohttp.ClientSession, path: str) -> dict[str, float]:
    async with session.get(path) as response:
        return await response.json()


async def product_page(session: aiohttp.ClientSession) -> list[dict[str, float]]:
    product = await get_json(session, "/delay/0.2")
    reviews, stock = await asyncio.gather(
        get_json(session, "/delay/0.4"), get_json(session, "/delay/0.3")
    )
    return [product, reviews, stock]


async def main() -> None:
    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        for budget in (1.0, 0.5):
            deadline = asyncio.timeout(budget)
            start = time.perf_counter()
            try:
                async with deadline:
                    parts = await product_page(session)
                print(f"budget {budget} s: page ready after "
                      f"{time.perf_counter() - start:.1f} s, {len(parts)} parts")
            except TimeoutError:
                print(f"budget {budget} s: TimeoutError after "
                      f"{time.perf_counter() - start:.1f} s (expired: {deadline.expired()})")


if __name__ == "__main__":
    asyncio.run(main())
