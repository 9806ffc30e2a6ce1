import asyncio
import time

START = time.perf_counter()


def stamp() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def ticker() -> None:
    for n in range(3):
        print(f"{stamp()} tick {n}")
        await asyncio.sleep(0.1)


async def resize_image() -> None:
    print(f"{stamp()} resize: start")
    time.sleep(0.3)  # stands for 0.3 s of work that never awaits
    print(f"{stamp()} resize: end")


async def main() -> None:
    await asyncio.gather(ticker(), resize_image())


if __name__ == "__main__":
    asyncio.run(main())
