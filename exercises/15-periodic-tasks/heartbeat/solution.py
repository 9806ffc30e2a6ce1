import asyncio
import time


async def heartbeat() -> None:
    while True:
        print("heartbeat")
        await asyncio.sleep(1)


async def work() -> None:
    for step in ["download", "resize", "upload"]:
        await asyncio.sleep(1)
        print(f"{step} done")


async def main() -> None:
    start = time.perf_counter()
    beating = asyncio.create_task(heartbeat())
    try:
        await work()
    finally:
        # The heartbeat lasts exactly as long as the work: cancel it, and wait until it has ended.
        beating.cancel()
        await asyncio.gather(beating, return_exceptions=True)
    print(f"finished after {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
