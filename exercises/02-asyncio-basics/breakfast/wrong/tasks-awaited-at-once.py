import asyncio
import time


async def brew_coffee() -> str:
    await asyncio.sleep(2)
    return "coffee"


async def toast_bread() -> str:
    await asyncio.sleep(1.5)
    return "toast"


async def fry_eggs() -> str:
    await asyncio.sleep(1)
    return "eggs"


async def main() -> None:
    start = time.perf_counter()
    coffee = await asyncio.create_task(brew_coffee())
    toast = await asyncio.create_task(toast_bread())
    eggs = await asyncio.create_task(fry_eggs())
    print(f"breakfast: {coffee}, {toast}, {eggs}")
    print(f"ready after {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
