#: runs: browser
#: clock: virtual
import asyncio


def parse(line: str) -> int:
    return int(line)  # raises ValueError on "oops"


async def fragile_worker(queue: asyncio.Queue[str]) -> None:
    while True:
        line = await queue.get()
        await asyncio.sleep(0.1)
        print(f"  parsed {parse(line)}")
        queue.task_done()


async def sturdy_worker(queue: asyncio.Queue[str]) -> None:
    while True:
        line = await queue.get()
        try:
            await asyncio.sleep(0.1)
            print(f"  parsed {parse(line)}")
        except Exception as error:  # report, then carry on with the next item
            print(f"  skipped {line!r}: {error!r}")
        finally:
            queue.task_done()  # always, whether the item worked or not


async def run(worker_name: str) -> None:
    print(f"-- {worker_name}")
    queue: asyncio.Queue[str] = asyncio.Queue()
    for line in ("1", "oops", "3"):
        queue.put_nowait(line)
    worker = fragile_worker if worker_name == "fragile" else sturdy_worker
    task = asyncio.create_task(worker(queue))
    try:
        async with asyncio.timeout(5):
            await queue.join()
        print("  join() returned")
    except TimeoutError:
        print(f"  join() still waiting after 5 s; {queue.qsize()} item(s) left")
    if task.done():
        print(f"  the worker is dead: {task.exception()!r}")
    else:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


async def main() -> None:
    await run("fragile")
    await run("sturdy")


if __name__ == "__main__":
    asyncio.run(main())
