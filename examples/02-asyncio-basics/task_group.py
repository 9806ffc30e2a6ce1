#: runs: browser
#: clock: virtual
import asyncio


async def fetch(page: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{page} cancelled")
        raise  # let the cancellation go on
    if page.startswith("broken"):
        raise ValueError(f"{page} is broken")
    print(f"finished {page}")
    return f"<{page}>"


async def main() -> None:
    print("-- all succeed")
    async with asyncio.TaskGroup() as tg:
        home = tg.create_task(fetch("home", 1))
        blog = tg.create_task(fetch("blog", 2))
    # Leaving the block means every task in the group is done.
    print(home.result(), blog.result())

    print("-- two fail")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("home", 0.2))
            tg.create_task(fetch("broken-a", 0.5))
            tg.create_task(fetch("broken-b", 0.5))
            tg.create_task(fetch("blog", 2))
    except* ValueError as group:
        # The first failure cancelled the running siblings;
        # every error that happened is kept in the group.
        for error in group.exceptions:
            print(f"caught: {error}")


if __name__ == "__main__":
    asyncio.run(main())
