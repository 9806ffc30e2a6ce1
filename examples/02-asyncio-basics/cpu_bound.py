#: runs: browser
#: clock: virtual
import asyncio


def crunch_chunk(chunk: int) -> int:
    start = chunk * 50_000
    return sum(i * i for i in range(start, start + 50_000))


async def greedy(name: str) -> int:
    total = 0
    for chunk in range(3):
        # Pure computation, no await: nobody else gets a turn.
        total += crunch_chunk(chunk)
        print(f"{name}: chunk {chunk} done")
    return total


async def polite(name: str) -> int:
    total = 0
    for chunk in range(3):
        total += crunch_chunk(chunk)
        print(f"{name}: chunk {chunk} done")
        await asyncio.sleep(0)  # let the loop run other tasks
    return total


async def main() -> None:
    print("-- greedy: one task hogs the loop")
    await asyncio.gather(greedy("A"), greedy("B"))
    print("-- polite: they take turns; the work is the same")
    await asyncio.gather(polite("A"), polite("B"))


if __name__ == "__main__":
    asyncio.run(main())
