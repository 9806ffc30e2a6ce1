#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f} s"


async def write_report(name: str, lock: asyncio.Lock) -> None:
    print(f"{now()}  {name} wants the printer (locked: {lock.locked()})")
    async with lock:
        print(f"{now()}  {name} prints")
        await asyncio.sleep(1)  # other tasks run, but none gets in here
    print(f"{now()}  {name} is done")


async def write_report_by_hand(name: str, lock: asyncio.Lock) -> None:
    # What `async with` does for you: acquire, then release in `finally`.
    await lock.acquire()
    try:
        print(f"{now()}  {name} prints")
        await asyncio.sleep(1)
    finally:
        lock.release()


async def main() -> None:
    lock = asyncio.Lock()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(write_report("ana", lock))
        tg.create_task(write_report("bruno", lock))
        tg.create_task(write_report("carla", lock))
    await write_report_by_hand("dani", lock)
    print(f"{now()}  locked at the end: {lock.locked()}")


if __name__ == "__main__":
    asyncio.run(main())
