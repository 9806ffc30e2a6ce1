#: runs: browser
#: clock: real
#: varies: \d+\.\d+ s
"""CPU-bound work in coroutines: gather cannot make it faster."""

import asyncio
import time

N = 3_000_000


async def crunch(name: str) -> int:
    print(f"  {name}: start")
    total = 0
    for i in range(N):  # pure computation: nothing to wait for, no await
        total += i * i % 7
    print(f"  {name}: done")
    return total


async def main() -> None:
    print("one after the other:")
    start = time.perf_counter()
    await crunch("A")
    await crunch("B")
    sequential = time.perf_counter() - start
    print(f"took {sequential:.2f} s")

    print("with gather:")
    start = time.perf_counter()
    await asyncio.gather(crunch("A"), crunch("B"))
    concurrent = time.perf_counter() - start
    print(f"took {concurrent:.2f} s")

    # Allow for noise: under 70 % of the sequential time would be a real gain.
    print(f"gather saved time: {'yes' if concurrent < 0.7 * sequential else 'no'}")


if __name__ == "__main__":
    asyncio.run(main())
