#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f} s"


async def load_config(ready: asyncio.Event) -> None:
    print(f"{now()}  loading configuration...")
    await asyncio.sleep(2)
    print(f"{now()}  configuration ready, telling everyone")
    ready.set()  # wakes every task waiting on the event


async def worker(name: str, ready: asyncio.Event) -> None:
    print(f"{now()}  {name} waits (is_set: {ready.is_set()})")
    await ready.wait()
    print(f"{now()}  {name} starts working")


async def main() -> None:
    ready = asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        for name in ["w1", "w2", "w3"]:
            tg.create_task(worker(name, ready))
        tg.create_task(load_config(ready))

    # Once set, the event stays set: late waiters go straight through.
    await worker("late", ready)

    ready.clear()  # back to unset; the next wait() blocks again
    try:
        async with asyncio.timeout(1):
            await worker("after clear", ready)
    except TimeoutError:
        print(f"{now()}  nobody set the event again; gave up")


if __name__ == "__main__":
    asyncio.run(main())
