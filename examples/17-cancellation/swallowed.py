#: runs: browser
#: clock: virtual
import asyncio
import time


class Stopwatch:
    def __init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        self.start = time.perf_counter()

    def __str__(self) -> str:
        return f"{time.perf_counter() - self.start:.1f}s"


watch = Stopwatch()


async def poll(swallow: bool) -> None:
    for attempt in range(1, 5):
        try:
            await asyncio.sleep(1)
            print(f"{watch} poller: attempt {attempt} done")
        except asyncio.CancelledError:
            if not swallow:
                print(f"{watch} poller: cancelled, stopping")
                raise
            print(f"{watch} poller: cancelled, carrying on")  # the bug


async def fail_soon() -> None:
    await asyncio.sleep(1.5)
    raise ConnectionError("lost the database")


async def run_group(swallow: bool) -> None:
    watch.restart()
    deadline = asyncio.timeout(2)
    try:
        async with deadline:
            async with asyncio.TaskGroup() as group:
                group.create_task(poll(swallow))
                group.create_task(fail_soon())
    except* ConnectionError:
        print(f"{watch} main: the group raised ConnectionError")
    except* TimeoutError:
        print(f"{watch} main: TimeoutError")
    print(f"{watch} main: did the 2 s deadline fire? {deadline.expired()}")


async def main() -> None:
    print("-- the poller re-raises")
    await run_group(swallow=False)
    print("-- the poller swallows its CancelledError")
    await run_group(swallow=True)


if __name__ == "__main__":
    asyncio.run(main())
