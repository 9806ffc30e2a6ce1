import asyncio
from collections.abc import Awaitable, Callable


async def in_lockstep(
    workers: int, rounds: int, work: Callable[[int, int], Awaitable[None]]
) -> None:
    """Runs `workers` tasks; task w awaits work(w, 0), work(w, 1)... up to `rounds`. No task
    starts a round before every task has finished the round before it."""

    async def worker(w: int) -> None:
        for r in range(rounds):
            await work(w, r)

    async with asyncio.TaskGroup() as group:
        for w in range(workers):
            group.create_task(worker(w))


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def simulate(w: int, r: int) -> None:
        await asyncio.sleep(0.1 * (w + 1))  # worker w computes its part of round r
        print(f"{loop.time() - start:.1f} s: worker {w} finished round {r}")

    await in_lockstep(3, 2, simulate)


if __name__ == "__main__":
    asyncio.run(main())
