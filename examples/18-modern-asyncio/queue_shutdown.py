# /// script
# requires-python = ">=3.13"
# ///
#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def worker(name: str, queue: asyncio.Queue[str]) -> None:
    while True:
        try:
            order = await queue.get()
        except asyncio.QueueShutDown:  # shut down, and nothing left to take
            print(f"{now()} {name}: queue shut down, going home")
            return
        try:
            await asyncio.sleep(1)
            print(f"{now()} {name}: packed {order}")
        finally:
            queue.task_done()


async def main() -> None:
    print("-- shutdown(): the items already queued are still handed out")
    queue: asyncio.Queue[str] = asyncio.Queue(maxsize=2)
    async with asyncio.TaskGroup() as group:
        group.create_task(worker("worker-1", queue))
        group.create_task(worker("worker-2", queue))
        for n in range(1, 6):
            await queue.put(f"#{n}")
        queue.shutdown()  # one call, however many workers there are
        print(f"{now()} main: last order put, queue shut down")
        try:
            await queue.put("#6")
        except asyncio.QueueShutDown:
            print(f"{now()} main: put() after shutdown raises QueueShutDown")

    print("-- shutdown(immediate=True): what is still queued is dropped")
    queue = asyncio.Queue()
    for n in range(1, 9):
        queue.put_nowait(f"#{n}")
    async with asyncio.TaskGroup() as group:
        group.create_task(worker("worker-1", queue))
        group.create_task(worker("worker-2", queue))
        await asyncio.sleep(1.5)
        print(f"{now()} main: closing time, dropping {queue.qsize()} orders")
        queue.shutdown(immediate=True)
        await queue.join()  # dropped orders count as done: only the two in hand are waited for
        print(f"{now()} main: join() returned")


if __name__ == "__main__":
    asyncio.run(main())
