import asyncio


async def upload(name: str, seconds: float) -> None:
    print(f"{name}: start")
    try:
        await asyncio.sleep(seconds)
        print(f"{name}: uploaded")
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise


async def check_quota() -> None:
    await asyncio.sleep(0.2)
    raise ValueError("quota exceeded")


async def main() -> None:
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(upload("photo", 0.1))
            group.create_task(upload("video", 1.0))
            group.create_task(check_quota())
            print("all started")
    except* ValueError as failures:
        print(f"caught: {[str(e) for e in failures.exceptions]}")
    print("main: done")


if __name__ == "__main__":
    asyncio.run(main())
