import asyncio

cache_lock = asyncio.Lock()
cache: dict[str, str] = {}


async def save(key: str, value: str) -> None:
    async with cache_lock:
        await asyncio.sleep(0.1)  # write to disk
        cache[key] = value
        print(f"saved {key}")


async def refresh(key: str) -> None:
    async with cache_lock:
        print(f"refreshing {key}")
        await asyncio.sleep(0.1)  # fetch the new value
        await save(key, "fresh")
    print(f"refreshed {key}")


async def main() -> None:
    await refresh("prices")
    print("done")


if __name__ == "__main__":
    asyncio.run(main())
