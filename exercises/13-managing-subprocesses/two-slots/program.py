import asyncio

LIMIT = 2
JOBS = {"a": 1.5, "b": 1.0, "c": 2.0, "d": 0.5}


async def job(name: str, seconds: float, limit: asyncio.Semaphore) -> None:
    """Stands in for a child process that works for `seconds` (a browser tab cannot start one)."""
    async with limit:
        print(f"{name} starts")
        await asyncio.sleep(seconds)
        print(f"{name} ends")


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    limit = asyncio.Semaphore(LIMIT)
    await asyncio.gather(*(job(name, seconds, limit) for name, seconds in JOBS.items()))
    print(f"all done after {loop.time() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
