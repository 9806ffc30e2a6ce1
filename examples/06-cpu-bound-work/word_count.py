#: runs: local
#: clock: real
"""Map/reduce on one machine: count the words of a text in a process pool.

partition splits the lines into chunks; map_chunk counts the words of one chunk in a
worker process; merge combines two partial counts, and functools.reduce folds all of
them into the final count.
"""

import asyncio
import functools
import random
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

WORDS = (
    "the loop awaits a task while another process counts words in its own chunk "
    "and every core has work to do until the results come back"
).split()


def make_text(lines: int, seed: int = 6) -> list[str]:
    """A reproducible stand-in for a big text file."""
    rng = random.Random(seed)
    return [" ".join(rng.choices(WORDS, k=12)) for _ in range(lines)]


def partition(lines: list[str], chunk_size: int) -> Iterator[list[str]]:
    for start in range(0, len(lines), chunk_size):
        yield lines[start:start + chunk_size]


def map_chunk(chunk: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in chunk:
        counts.update(line.lower().split())
    return counts


def merge(first: Counter[str], second: Counter[str]) -> Counter[str]:
    first.update(second)
    return first


async def main() -> None:
    lines = make_text(40_000)
    chunks = list(partition(lines, chunk_size=5_000))
    print(f"{len(lines):,} lines split into {len(chunks)} chunks")

    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=2) as pool:
        calls = [loop.run_in_executor(pool, map_chunk, chunk) for chunk in chunks]
        partials = await asyncio.gather(*calls)

    print(f"{len(partials)} partial counts, e.g. chunk 0 has "
          f"{sum(partials[0].values()):,} words")
    total = functools.reduce(merge, partials, Counter())
    print(f"{sum(total.values()):,} words, {len(total)} different ones")
    for word, count in total.most_common(3):
        print(f"  {word:<8} {count:,}")
    print("same as one process:", total == map_chunk(lines))


if __name__ == "__main__":
    asyncio.run(main())
