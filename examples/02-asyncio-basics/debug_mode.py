#: runs: browser
#: clock: real
#: varies: Executing <.*> took \d+\.\d+ seconds
import asyncio
import logging
import time


async def resize_image() -> None:
    time.sleep(0.3)  # a blocking call hiding in a coroutine


async def main() -> None:
    print(f"debug mode: {asyncio.get_running_loop().get_debug()}")
    await asyncio.create_task(resize_image(), name="resize")
    print("done")


if __name__ == "__main__":
    # asyncio reports problems through the "asyncio" logger.
    logging.basicConfig(format="%(levelname)s:%(name)s: %(message)s")
    asyncio.run(main(), debug=True)  # or set PYTHONASYNCIODEBUG=1
