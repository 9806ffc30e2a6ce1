#: runs: browser
#: clock: virtual
import asyncio
import time


async def producer(queue: asyncio.Queue[int], start: float) -> None:
    put_times: list[str] = []
    peak = 0
    for item in range(10):
        await asyncio.sleep(0.1)  # a new item every 0.1 s
        await queue.put(item)  # waits while a bounded queue is full
        put_times.append(f"{time.perf_counter() - start:.1f}")
        peak = max(peak, queue.qsize())
    print(f"  items put at: {' '.join(put_times)}")
    print(f"  producer done at {time.perf_counter() - start:.1f}s, "
          f"largest backlog: {peak} items")


async def consumer(queue: asyncio.Queue[int]) -> None:
    while True:
        await queue.get()
        await asyncio.sleep(1)  # each item takes 1 s to handle
        queue.task_done()


async def run(maxsize: int) -> None:
    print(f"-- maxsize={maxsize}" + (" (unbounded)" if maxsize <= 0 else ""))
    start = time.perf_counter()
    queue: asyncio.Queue[int] = asyncio.Queue(maxsize=maxsize)
    consumers = [asyncio.create_task(consumer(queue)) for _ in range(2)]
    await producer(queue, start)
    await queue.join()
    print(f"  everything handled at {time.perf_counter() - start:.1f}s")
    for task in consumers:
        task.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)


async def main() -> None:
    await run(maxsize=0)
    await run(maxsize=2)


if __name__ == "__main__":
    asyncio.run(main())
