import asyncio
import time


async def heartbeat(beats: int) -> None:
    for _ in range(beats):
        print("heartbeat")
        await asyncio.sleep(1)


async def work() -> None:
    for step in ["download", "resize", "upload"]:
        await asyncio.sleep(1)
        print(f"{step} done")


async def main() -> None:
    start = time.perf_counter()
    await heartbeat(3)
    await work()
    print(f"finished after {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
