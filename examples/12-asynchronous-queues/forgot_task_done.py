#: runs: browser
#: clock: virtual
#: exit: 1
import asyncio


async def worker(queue: asyncio.Queue[str]) -> None:
    while True:
        page = await queue.get()
        await asyncio.sleep(0.5)
        print(f"indexed {page}")
        # Bug: queue.task_done() is missing, so join() is never told.


async def main() -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    task = asyncio.create_task(worker(queue), name="worker")
    for page in ("home", "about", "blog"):
        await queue.put(page)

    await queue.join()  # waits for 3 task_done() calls: none come
    print("all pages indexed")  # never printed
    task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
