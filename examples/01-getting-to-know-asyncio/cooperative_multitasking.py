#: runs: browser
"""Cooperative multitasking: tasks take turns only where they await."""

import asyncio


async def polite(name: str, steps: int) -> None:
    for step in range(1, steps + 1):
        print(f"{name}: step {step}")
        await asyncio.sleep(0)  # checkpoint: "others may run now"


async def greedy(name: str, steps: int) -> None:
    for step in range(1, steps + 1):
        print(f"{name}: step {step} (no await, keeps the loop)")


async def main() -> None:
    print("-- two polite tasks --")
    await asyncio.gather(polite("A", 3), polite("B", 3))

    print("-- a greedy task joins them --")
    await asyncio.gather(polite("A", 3), greedy("G", 3), polite("B", 3))


if __name__ == "__main__":
    asyncio.run(main())
