#: runs: browser
#: clock: virtual
import asyncio
import time


async def worker(name: str, queue: asyncio.Queue[str], start: float) -> None:
    while True:
        order = await queue.get()  # waits while the queue is empty
        await asyncio.sleep(1)  # stands in for real work, such as an HTTP call
        print(f"{time.perf_counter() - start:.1f}s {name} packed {order}")
        queue.task_done()  # one more item fully handled


async def main() -> None:
    start = time.perf_counter()
    queue: asyncio.Queue[str] = asyncio.Queue()
    workers = [
        asyncio.create_task(worker(f"worker-{n}", queue, start))
        for n in (1, 2, 3)
    ]

    for order in ("apples", "bread", "cheese", "dates", "eggs", "figs", "grapes"):
        await queue.put(order)  # never waits: this queue has no size limit
    print(f"{queue.qsize()} orders waiting")

    await queue.join()  # until task_done() was called once per item
    print(f"{time.perf_counter() - start:.1f}s all orders packed")

    for task in workers:
        task.cancel()  # the workers loop forever; stop them now
    await asyncio.gather(*workers, return_exceptions=True)
    print("workers stopped")


if __name__ == "__main__":
    asyncio.run(main())
