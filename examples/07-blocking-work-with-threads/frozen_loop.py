#: runs: browser
#: clock: virtual
"""A blocking call inside a coroutine freezes every other task, heartbeat included.

`fetch_report` stands for any blocking library call: a synchronous HTTP client, a database
driver, a slow disk. Here it is simply `time.sleep`.
"""

import asyncio
import time


def fetch_report(name: str) -> str:
    time.sleep(1.0)  # blocks the whole thread, and the event loop lives on this thread
    return f"report {name}"


async def heartbeat(start: float) -> None:
    while True:
        print(f"  tick at {time.perf_counter() - start:.1f} s")
        await asyncio.sleep(0.2)


async def main() -> None:
    start = time.perf_counter()
    beat = asyncio.create_task(heartbeat(start))
    await asyncio.sleep(0.5)  # the heartbeat ticks freely for a while

    print(f"calling fetch_report at {time.perf_counter() - start:.1f} s")
    report = fetch_report("sales")  # no await: nothing else can run until it returns
    print(f"got {report!r} at {time.perf_counter() - start:.1f} s")

    await asyncio.sleep(0.5)
    beat.cancel()


if __name__ == "__main__":
    asyncio.run(main())
