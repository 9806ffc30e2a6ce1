import asyncio


async def fixed_delay(start: float) -> None:
    loop = asyncio.get_running_loop()
    for _ in range(3):
        print(f"delay: run at {loop.time() - start:.1f}")
        await asyncio.sleep(0.4)  # the job
        await asyncio.sleep(1)


async def fixed_rate(start: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = start
    for _ in range(3):
        print(f"rate: run at {loop.time() - start:.1f}")
        await asyncio.sleep(0.4)  # the same job
        deadline += 1
        await asyncio.sleep(max(0.0, deadline - loop.time()))


async def main() -> None:
    start = asyncio.get_running_loop().time()
    await asyncio.gather(fixed_delay(start), fixed_rate(start))


if __name__ == "__main__":
    asyncio.run(main())
