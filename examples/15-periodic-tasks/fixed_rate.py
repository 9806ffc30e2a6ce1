#: runs: browser
#: clock: virtual
import asyncio


async def check_disk() -> None:
    await asyncio.sleep(0.3)


async def main() -> None:
    loop = asyncio.get_running_loop()
    period = 1.0
    start = loop.time()
    deadline = start
    for tick in range(5):
        print(f"tick {tick} at {loop.time() - start:.1f} s")
        await check_disk()
        # Sleep until the next deadline, not for a fixed interval.
        deadline += period
        await asyncio.sleep(max(0.0, deadline - loop.time()))
    print(f"5 ticks took {loop.time() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
