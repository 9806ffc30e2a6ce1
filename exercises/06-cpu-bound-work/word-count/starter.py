import asyncio
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

# How a chunk reaches a worker: `await run(function, argument)`.
Run = Callable[..., Awaitable[Any]]

WORDS = ["loop", "task", "await", "future", "pool", "worker", "chunk", "count"]


def count_chunk(lines: list[str]) -> Counter[str]:
    """The map step, run in a worker: counts the words of some lines."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(line.split())
    return counts


async def count_words(lines: list[str], chunk_size: int, run: Run) -> Counter[str]:
    """Counts the words of `lines` in chunks of `chunk_size` lines, all sent at once through
    `run`, and adds the partial counts up."""
    return await run(count_chunk, lines)


workers = asyncio.Semaphore(2)  # the pool's two worker processes


async def in_a_worker(function: Callable[..., Any], *args: Any) -> Any:
    """Stands in for `loop.run_in_executor(pool, function, *args)`: a browser tab has no
    processes. A call takes 0.05 s to ship, plus 1 ms per line to count."""
    async with workers:
        await asyncio.sleep(0.05 + 0.001 * len(args[0]))
        return function(*args)


async def main() -> None:
    text = random.Random(6)  # the same 400 lines on every run
    lines = [" ".join(text.choices(WORDS, k=text.randint(1, 8))) for _ in range(400)]
    start = time.perf_counter()
    counts = await count_words(lines, 100, in_a_worker)
    print(counts.most_common(3))
    print(f"took {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
