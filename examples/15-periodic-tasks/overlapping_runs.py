#: runs: browser
#: clock: virtual
import asyncio

PERIOD = 1.0
TICKS = 5


async def export_report(n: int, started: float) -> None:
    loop = asyncio.get_running_loop()
    print(f"  report {n} starts at {loop.time() - started:.1f} s")
    await asyncio.sleep(2.5)  # slower than the period
    print(f"  report {n} ends at {loop.time() - started:.1f} s")


async def skip_if_running() -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    current: asyncio.Task[None] | None = None
    for n in range(TICKS):
        if current is not None and not current.done():
            print(f"  tick {n}: previous run still going, skipped")
        else:
            current = asyncio.create_task(export_report(n, started))
        await asyncio.sleep(PERIOD)
    if current is not None:
        await current


async def one_at_a_time() -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    lock = asyncio.Lock()  # runs queue up behind the lock, in order

    async def guarded(n: int) -> None:
        async with lock:
            await export_report(n, started)

    async with asyncio.TaskGroup() as group:
        for n in range(3):
            group.create_task(guarded(n))
            await asyncio.sleep(PERIOD)


async def concurrently() -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    async with asyncio.TaskGroup() as group:  # every run gets its own task
        for n in range(3):
            group.create_task(export_report(n, started))
            await asyncio.sleep(PERIOD)


async def main() -> None:
    print("skip while a run is in progress:")
    await skip_if_running()
    print("queue behind a lock:")
    await one_at_a_time()
    print("run concurrently:")
    await concurrently()


if __name__ == "__main__":
    asyncio.run(main())
