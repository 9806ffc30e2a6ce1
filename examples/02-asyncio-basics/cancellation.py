#: runs: browser
#: clock: virtual
import asyncio


async def download(name: str) -> None:
    print(f"{name}: opening connection")
    try:
        for chunk in range(1, 11):
            # A cancellation is delivered at an await like this one.
            await asyncio.sleep(1)
            print(f"{name}: chunk {chunk}")
    finally:
        # Runs on success, error or cancellation: clean up here.
        print(f"{name}: closing connection")


async def main() -> None:
    task = asyncio.create_task(download("report.pdf"))
    await asyncio.sleep(2.5)

    task.cancel()  # CancelledError will be raised inside the task
    try:
        await task
    except asyncio.CancelledError:
        print("main: the download was cancelled")
    print(f"cancelled? {task.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
