import asyncio


async def player(name: str, barrier: asyncio.Barrier) -> None:
    print(f"{name}: ready")
    await barrier.wait()
    print(f"{name}: go")


async def main() -> None:
    barrier = asyncio.Barrier(3)
    await asyncio.gather(player("ana", barrier), player("bruno", barrier))
    print("game over")


if __name__ == "__main__":
    asyncio.run(main())
