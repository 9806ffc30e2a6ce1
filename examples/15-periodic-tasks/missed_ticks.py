#: runs: browser
#: clock: virtual
import asyncio
import math

# How long each run takes: the third one stalls for 2.5 s.
DURATIONS = [0.2, 0.2, 2.5, 0.2, 0.2, 0.2]


async def job(duration: float) -> None:
    await asyncio.sleep(duration)


async def catch_up(period: float) -> None:
    loop = asyncio.get_running_loop()
    start = deadline = loop.time()
    for duration in DURATIONS:
        print(f"  run at {loop.time() - start:.1f} s")
        await job(duration)
        deadline += period  # every missed deadline is still owed a run
        await asyncio.sleep(max(0.0, deadline - loop.time()))


async def skip(period: float) -> None:
    loop = asyncio.get_running_loop()
    start = deadline = loop.time()
    for duration in DURATIONS:
        print(f"  run at {loop.time() - start:.1f} s")
        await job(duration)
        deadline += period
        now = loop.time()
        if now > deadline:
            # Jump to the first deadline still in the future.
            missed = math.ceil((now - deadline) / period)
            print(f"  skipped {missed} tick(s)")
            deadline += missed * period
        await asyncio.sleep(deadline - now)


async def main() -> None:
    print("catch up:")
    await catch_up(1.0)
    print("skip:")
    await skip(1.0)


if __name__ == "__main__":
    asyncio.run(main())
