#: runs: browser
#: clock: virtual
import asyncio


async def fetch(page: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    if page == "broken":
        raise ValueError(f"{page} is broken")
    print(f"finished {page}")
    return f"<{page}>"


async def main() -> None:
    print("-- without return_exceptions")
    try:
        await asyncio.gather(
            fetch("home", 1), fetch("broken", 0.5), fetch("blog", 2)
        )
    except ValueError as error:
        # The first exception reaches us; the rest are NOT cancelled.
        print(f"caught: {error}")
    await asyncio.sleep(2)  # meanwhile "home" and "blog" finish

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
