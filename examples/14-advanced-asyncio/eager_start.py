#: runs: browser
#: clock: virtual
# /// script
# requires-python = ">=3.12"
# ///
import asyncio


async def worker(name: str) -> None:
    print(f"  {name}: started")
    await asyncio.sleep(1)
    print(f"  {name}: finished")


async def cached_price() -> float:
    return 3.5  # found in a cache: nothing to wait for


async def main() -> None:
    loop = asyncio.get_running_loop()

    print("1. by default, create_task only schedules the task")
    task = asyncio.create_task(worker("lazy"))
    print("  main: task created")
    await task

    print("2. with the eager task factory (3.12+), the task starts inside create_task")
    loop.set_task_factory(asyncio.eager_task_factory)
    task = asyncio.create_task(worker("eager"))
    print("  main: task created")
    await task

    print("3. an eager task that never waits is done before create_task returns")
    price = asyncio.create_task(cached_price())
    print(f"  main: done at once? {price.done()}, result {price.result()}")
    loop.set_task_factory(None)  # back to the default


if __name__ == "__main__":
    asyncio.run(main())
