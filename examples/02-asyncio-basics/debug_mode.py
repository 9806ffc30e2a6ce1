#: runs: browser
#: clock: real
#: varies: Executing <.*> took \d+\.\d+ seconds
import asyncio
import logging
import time


async def resize_image() -> None:
    time.sleep(0.3)  # a blocking call hiding in a coroutine


async def main() -> None:
    loop = asyncio.get_running_loop()
    print(f"debug mode: {loop.get_debug()}")
    print(f"slow step threshold: {loop.slow_callback_duration} s")
    await asyncio.create_task(resize_image(), name="resize")
    print("done")


if __name__ == "__main__":
    # asyncio reports problems through the "asyncio" logger.
    logging.basicConfig(format="%(levelname)s:%(name)s: %(message)s")
    asyncio.run(main(), debug=True)  # or set PYTHONASYNCIODEBUG=1
