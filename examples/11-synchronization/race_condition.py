#: runs: browser
#: clock: virtual
import asyncio

views = 0


async def count_view_safely() -> None:
    """Read, add and write with no await in between: nothing can cut in."""
    global views
    current = views
    views = current + 1


async def count_view_slowly() -> None:
    """Read, await, then write: every other task may run at the await."""
    global views
    current = views
    await asyncio.sleep(0.1)  # stands in for a database round trip
    views = current + 1


async def main() -> None:
    global views

    views = 0
    async with asyncio.TaskGroup() as tg:
        for _ in range(100):
            tg.create_task(count_view_safely())
    print(f"no await between read and write: {views} of 100")

    views = 0
    async with asyncio.TaskGroup() as tg:
        for _ in range(100):
            tg.create_task(count_view_slowly())
    print(f"an await between read and write: {views} of 100")


if __name__ == "__main__":
    asyncio.run(main())
