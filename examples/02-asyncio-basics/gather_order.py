#: runs: browser
#: clock: virtual
import asyncio
import time


async def fetch(page: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    print(f"finished {page}")
    return f"<{page}>"


async def main() -> None:
    start = time.perf_counter()
    # gather wraps each coroutine in a task and waits for them all.
    results = await asyncio.gather(
        fetch("home", 3),
        fetch("about", 1),
        fetch("blog", 2),
    )
    # Results follow the order of the arguments, not of completion.
    print(results)
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
