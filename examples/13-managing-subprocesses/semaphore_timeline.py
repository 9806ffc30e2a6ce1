#: runs: browser
#: clock: virtual
"""How a Semaphore paces a batch of jobs, with sleeps standing in for child processes.

No real process starts here, so this runs in the browser on a virtual clock: each job
"runs" for a number of seconds, and the Semaphore lets only two run at once. Change LIMIT
or the durations and run it again.
"""

import asyncio
import time

LIMIT = 2
DURATIONS = {"resize a.png": 3.0, "resize b.png": 1.0, "resize c.png": 2.0,
             "resize d.png": 1.0, "resize e.png": 2.0}


async def job(name: str, seconds: float, limit: asyncio.Semaphore, start: float) -> str:
    async with limit:
        began = time.monotonic() - start
        print(f"{began:4.1f} s  start  {name}")
        await asyncio.sleep(seconds)  # in real code: await a child process here
        print(f"{time.monotonic() - start:4.1f} s  done   {name}")
    return name


async def main() -> None:
    limit = asyncio.Semaphore(LIMIT)
    start = time.monotonic()
    names = await asyncio.gather(
        *(job(name, seconds, limit, start) for name, seconds in DURATIONS.items())
    )
    total = time.monotonic() - start
    print(f"{len(names)} jobs, {sum(DURATIONS.values()):.1f} s of work, "
          f"finished after {total:.1f} s with at most {LIMIT} at a time")


if __name__ == "__main__":
    asyncio.run(main())
