import asyncio


async def count(name: str, n: int) -> None:
    for i in range(n):
        print(f"{name} {i}")
        await asyncio.sleep(0)  # let the others have a turn


async def main() -> None:
    a = asyncio.create_task(count("a", 3))
    b = asyncio.create_task(count("b", 2))
    print("main: tasks created")
    await asyncio.sleep(0)
    print("main: after one turn")
    await asyncio.gather(a, b)
    print("main: done")


if __name__ == "__main__":
    asyncio.run(main())
