#: runs: browser
#: clock: virtual
"""Three simulated downloads, awaited one after another and then concurrently."""

import asyncio
import time

# How long each "server" takes to answer, in seconds.
PAGES = {"page-a": 0.7, "page-b": 0.3, "page-c": 0.5}


async def fetch(name: str, delay: float) -> str:
    print(f"  {name}: request sent")
    await asyncio.sleep(delay)  # stands in for waiting on the network
    print(f"  {name}: response received")
    return name


async def main() -> None:
    print("sequential:")
    start = time.perf_counter()
    for name, delay in PAGES.items():
        await fetch(name, delay)  # the next request waits for this one
    print(f"sequential took {time.perf_counter() - start:.1f} s")

    print("concurrent:")
    start = time.perf_counter()
    # gather starts all three, then waits until every one has finished.
    await asyncio.gather(*(fetch(name, delay) for name, delay in PAGES.items()))
    print(f"concurrent took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
