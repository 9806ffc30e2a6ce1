#: runs: local
#: clock: real
#: varies: unlocked total: [\d,]+
"""Shared memory between worker processes: multiprocessing.Value and Array.

Shared objects cannot be pickled into a task's arguments; the pool's initializer hands
them to every worker once, when it starts, and the worker keeps them for its tasks.
`Shared.counter.value += 1` is a read followed by a write, so without the lock two
workers can read the same value and one of the increments is lost.
"""

import asyncio
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Array, Value
from multiprocessing.sharedctypes import Synchronized, SynchronizedArray


class Shared:
    """What the initializer hands to a worker, kept for all the tasks that worker runs."""

    counter: "Synchronized[int]"
    slots: "SynchronizedArray[int]"


def init_worker(counter: "Synchronized[int]", slots: "SynchronizedArray[int]") -> None:
    Shared.counter, Shared.slots = counter, slots


def add_locked(times: int) -> None:
    for _ in range(times):
        with Shared.counter.get_lock():
            Shared.counter.value += 1


def add_unlocked(times: int) -> None:
    for _ in range(times):
        Shared.counter.value += 1  # read, then write: not atomic


def fill_slot(index: int) -> None:
    # Each task writes only its own slot, so no two tasks touch the same memory.
    Shared.slots[index] = sum(range(index * 1_000, (index + 1) * 1_000))


async def run_all(pool: ProcessPoolExecutor, func: Callable[[int], None],
                  args: list[int]) -> None:
    loop = asyncio.get_running_loop()
    await asyncio.gather(*(loop.run_in_executor(pool, func, arg) for arg in args))


async def main() -> None:
    shared_counter = Value("i", 0)
    shared_slots = Array("q", 4)
    with ProcessPoolExecutor(max_workers=2, initializer=init_worker,
                             initargs=(shared_counter, shared_slots)) as pool:
        await run_all(pool, add_locked, [25_000] * 4)
        print(f"locked total: {shared_counter.value:,} (expected 100,000)")

        shared_counter.value = 0
        await run_all(pool, add_unlocked, [25_000] * 4)
        print(f"unlocked total: {shared_counter.value:,} (expected 100,000)")

        await run_all(pool, fill_slot, [0, 1, 2, 3])
        values = shared_slots[:]  # a copy, as a plain list
        print(f"slots: {values}")
        print(f"sum of the slots: {sum(values):,}")


if __name__ == "__main__":
    asyncio.run(main())
