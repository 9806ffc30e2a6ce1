#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def stamp() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def background() -> None:
    try:
        for tick in range(1, 6):  # five seconds of work
            await asyncio.sleep(1)
            print(f"{stamp()} background: tick {tick} of 5")
    except asyncio.CancelledError:
        print(f"{stamp()} background: cancelled")
        raise


async def main() -> None:
    task = asyncio.create_task(background())
    await asyncio.sleep(2.5)
    print(f"{stamp()} main: returning, background done? {task.done()}")


if __name__ == "__main__":
    asyncio.run(main())  # stops when main() returns and cancels what is left
    print(f"{stamp()} asyncio.run() has returned")
