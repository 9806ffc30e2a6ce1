#: runs: browser
#: clock: virtual
import asyncio


async def check_disk() -> None:
    await asyncio.sleep(0.3)  # the job itself takes time


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    for tick in range(5):
        print(f"tick {tick} at {loop.time() - start:.1f} s")
        await check_disk()
        await asyncio.sleep(1.0)  # "every second"... after the work
    print(f"5 ticks took {loop.time() - start:.1f} s, not 5.0 s")


if __name__ == "__main__":
    asyncio.run(main())
