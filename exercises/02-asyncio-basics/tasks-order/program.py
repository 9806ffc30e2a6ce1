import asyncio


async def greet(name: str, delay: float) -> None:
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done")


async def main() -> None:
    a = asyncio.create_task(greet("a", 2))
    b = asyncio.create_task(greet("b", 1))
    print("main: tasks created")
    await a
    print("main: a awaited")
    await b
    print("main: b awaited")


if __name__ == "__main__":
    asyncio.run(main())
