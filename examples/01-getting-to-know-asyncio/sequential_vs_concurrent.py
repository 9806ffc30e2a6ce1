#: runs: browser
#: clock: virtual
"""Three simulated downloads: one after another, then concurrently."""

import asyncio
import time

# How long each "server" takes to answer, in seconds.
PAGES = {"page-a": 0.7, "page-b": 0.3, "page-c": 0.5}


async def fetch(name: str, delay: float) -> str:
    print(f"  {name}: request sent")
    await asyncio.sleep(delay)  # stands in for the network
    print(f"  {name}: response received")
    return name


async def main() -> None:
    print("sequential:")
    start = time.perf_counter()
    for name, delay in PAGES.items():
        await fetch(name, delay)  # the next one waits for this
    print(f"sequential took {time.perf_counter() - start:.1f} s")

    print("concurrent:")
    start = time.perf_counter()
    downloads = [fetch(name, delay) for name, delay in PAGES.items()]
    # gather starts all three, then waits for every one of them.
    await asyncio.gather(*downloads)
    print(f"concurrent took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
