import asyncio
import time


async def worker(name: str, orders: asyncio.Queue[str]) -> None:
    while True:
        dish = await orders.get()
        await asyncio.sleep(1)  # cooking takes a second
        print(f"{name} served {dish}")
        orders.task_done()


async def main() -> None:
    start = time.perf_counter()
    orders: asyncio.Queue[str] = asyncio.Queue()
    for dish in ["soup", "salad", "pasta", "fish", "pie", "tea"]:
        orders.put_nowait(dish)
    workers = [asyncio.create_task(worker(f"cook-{n}", orders)) for n in range(1, 4)]
    await orders.join()
    print(f"all served after {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
