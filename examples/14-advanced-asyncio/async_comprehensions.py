#: runs: browser
#: clock: virtual
import asyncio
import time
from collections.abc import AsyncGenerator, AsyncIterator


async def countdown(start: int) -> AsyncGenerator[int, None]:
    for n in range(start, 0, -1):
        await asyncio.sleep(0.1)
        yield n


def even_only(source: AsyncIterator[int]) -> AsyncGenerator[int, None]:
    # A plain def may build an async generator *expression*: nothing runs until it is iterated.
    # The list, set and dict forms would be a SyntaxError here, outside an async def.
    return (n async for n in source if n % 2 == 0)


async def price_of(item: str) -> float:
    await asyncio.sleep(0.5)  # one slow lookup per item
    return {"tea": 3.5, "cake": 6.0, "juice": 4.0}[item]


async def main() -> None:
    begin = time.perf_counter()

    def stamp() -> str:
        return f"{time.perf_counter() - begin:.1f} s"

    # async for inside a comprehension: consume an async iterator.
    numbers = [n async for n in countdown(5)]
    print(f"{stamp()}: list {numbers}")
    evens = {n async for n in countdown(6) if n % 2 == 0}
    print(f"{stamp()}: set {sorted(evens)}")
    squares = {n: n * n async for n in countdown(3)}
    print(f"{stamp()}: dict {squares}")
    from_plain_def = [n async for n in even_only(countdown(4))]
    print(f"{stamp()}: list {from_plain_def}, filtered by a plain def")

    # await inside a comprehension: still one at a time.
    items = ["tea", "cake", "juice"]
    prices = [await price_of(item) for item in items]
    print(f"{stamp()}: prices {prices} (in sequence)")

    # To run the lookups concurrently, build tasks and gather them.
    prices = await asyncio.gather(*(price_of(item) for item in items))
    print(f"{stamp()}: prices {prices} (concurrently)")


if __name__ == "__main__":
    asyncio.run(main())
