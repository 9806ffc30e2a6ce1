import asyncio
from collections.abc import AsyncIterator
from typing import TypeVar

T = TypeVar("T")


async def batched(source: AsyncIterator[T], size: int) -> AsyncIterator[list[T]]:
    """Yields the items of `source` in lists of `size`, each list as soon as it is full; the
    last list holds what is left, if anything."""
    batch: list[T] = []
    async for item in source:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []


async def readings(count: int) -> AsyncIterator[int]:
    for n in range(count):
        await asyncio.sleep(1)  # a sensor sends a reading every second
        yield n


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    async for batch in batched(readings(7), 3):
        print(f"{loop.time() - start:.1f} s: {batch}")


if __name__ == "__main__":
    asyncio.run(main())
