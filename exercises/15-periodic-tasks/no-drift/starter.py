import asyncio
from collections.abc import Awaitable, Callable


async def every(period: float, job: Callable[[], Awaitable[None]], times: int) -> None:
    """Runs `job` `times` times, starting at 0, period, 2 × period... after the call, whatever
    each run takes. A run that overshoots its slot is followed at once by the next one (runs
    never overlap)."""
    for _ in range(times):
        await job()
        await asyncio.sleep(period)


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def report() -> None:
        print(f"report at {loop.time() - start:.1f} s")
        await asyncio.sleep(0.3)  # building the report

    await every(1.0, report, 4)


if __name__ == "__main__":
    asyncio.run(main())
