#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f} s"


async def download(name: str, seconds: float, slots: asyncio.Semaphore) -> str:
    async with slots:  # take a permit; wait here if none is left
        print(f"{now()}  start {name}")
        await asyncio.sleep(seconds)
        print(f"{now()}  done  {name}")
        return name


async def main() -> None:
    slots = asyncio.Semaphore(2)  # at most two downloads at once
    files = {"a.zip": 1.0, "b.zip": 2.0, "c.zip": 1.0, "d.zip": 1.0, "e.zip": 0.5}
    async with asyncio.TaskGroup() as tg:
        tasks = [
            tg.create_task(download(name, seconds, slots))
            for name, seconds in files.items()
        ]
    print(f"{now()}  all done: {[task.result() for task in tasks]}")


if __name__ == "__main__":
    asyncio.run(main())
