#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def stamp() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def fetch(page: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    if page == "broken":
        raise ValueError(f"{page} is broken")
    print(f"{stamp()} finished {page}")
    return f"<{page}>"


async def main() -> None:
    print("-- without return_exceptions")
    try:
        await asyncio.gather(
            fetch("home", 1), fetch("broken", 0.5), fetch("blog", 2)
        )
    except ValueError as error:
        # The first exception reaches us; the rest are NOT cancelled.
        print(f"{stamp()} caught: {error}")
    # main() goes on with other work; the orphaned "home" and "blog" keep running meanwhile.
    await asyncio.sleep(2)

    print("-- with return_exceptions=True")
    results = await asyncio.gather(
        fetch("home", 1),
        fetch("broken", 0.5),
        fetch("blog", 2),
        return_exceptions=True,
    )
    for result in results:
        print(f"  {result!r}")


if __name__ == "__main__":
    asyncio.run(main())
