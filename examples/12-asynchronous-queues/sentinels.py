#: runs: browser
#: clock: virtual
import asyncio
import time

DONE = None  # the sentinel: a value that can never be a real item


async def producer(queue: asyncio.Queue[str | None], workers: int) -> None:
    for n in range(1, 6):
        await queue.put(f"report-{n}")
    for _ in range(workers):
        await queue.put(DONE)  # one sentinel per worker, after the real items


async def worker(name: str, queue: asyncio.Queue[str | None], start: float) -> int:
    handled = 0
    while True:
        item = await queue.get()
        if item is DONE:
            print(f"{time.perf_counter() - start:.1f}s {name} got the sentinel, exits")
            return handled
        await asyncio.sleep(1)
        print(f"{time.perf_counter() - start:.1f}s {name} printed {item}")
        handled += 1


async def main() -> None:
    start = time.perf_counter()
    queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=3)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue, workers=2))
        a = tg.create_task(worker("printer-a", queue, start))
        b = tg.create_task(worker("printer-b", queue, start))
    # Every task returned on its own: nothing to cancel.
    print(f"printer-a handled {a.result()}, printer-b handled {b.result()}")


if __name__ == "__main__":
    asyncio.run(main())
