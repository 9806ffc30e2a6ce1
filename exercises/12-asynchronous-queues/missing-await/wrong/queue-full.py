import asyncio


async def take_orders(orders: asyncio.Queue[str]) -> None:
    for dish in ["tea", "cake", "soup"]:
        orders.put_nowait(dish)
        print(f"ordered {dish}")


async def kitchen(orders: asyncio.Queue[str]) -> None:
    while True:
        dish = await orders.get()
        await asyncio.sleep(0.5)  # cooking
        print(f"served {dish}")
        orders.task_done()


async def main() -> None:
    orders: asyncio.Queue[str] = asyncio.Queue(maxsize=1)
    cook = asyncio.create_task(kitchen(orders))
    await take_orders(orders)
    await orders.join()
    cook.cancel()
    await asyncio.gather(cook, return_exceptions=True)
    print("kitchen closed")


if __name__ == "__main__":
    asyncio.run(main())
