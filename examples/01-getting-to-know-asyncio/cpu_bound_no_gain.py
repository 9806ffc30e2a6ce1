#: runs: browser
#: clock: real
#: varies: \d+\.\d+ s
"""CPU-bound work in coroutines: gather cannot make it faster."""

import asyncio
import time

N = 2_000_000


def work(n: int) -> int:
    total = 0
    for i in range(n):  # pure computation: nothing to wait for
        total += i * i % 7
    return total


async def crunch(name: str) -> int:
    print(f"  {name}: start")
    result = work(N)  # no await: nobody else can run meanwhile
    print(f"  {name}: done")
    return result


async def main() -> None:
    # Untimed warm-up: a first run is often slower (caches, JIT).
    work(N)

    print("one after the other:")
    start = time.perf_counter()
    await crunch("A")
    await crunch("B")
    print(f"took {time.perf_counter() - start:.2f} s")

    print("with gather:")
    start = time.perf_counter()
    await asyncio.gather(crunch("A"), crunch("B"))
    print(f"took {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
