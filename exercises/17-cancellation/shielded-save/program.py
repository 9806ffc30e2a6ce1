import asyncio


async def save() -> None:
    await asyncio.sleep(2)  # writing to disk
    print("saved")


async def main() -> None:
    task = asyncio.create_task(save())
    try:
        async with asyncio.timeout(1):
            await asyncio.shield(task)
    except TimeoutError:
        print("timed out")
    print("main returns")


if __name__ == "__main__":
    asyncio.run(main())
