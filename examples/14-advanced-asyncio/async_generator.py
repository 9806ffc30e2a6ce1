#: runs: browser
#: clock: virtual
import asyncio
import contextlib
from collections.abc import AsyncGenerator

USERS = ["ana", "bruno", "carla", "davi", "elis", "fabio", "gil"]


async def users(page_size: int) -> AsyncGenerator[str, None]:
    """The paginated API again, as an async generator of single users."""
    print("  open connection")
    try:
        for start in range(0, len(USERS), page_size):
            await asyncio.sleep(0.5)  # fetch one page
            for user in USERS[start:start + page_size]:
                yield user  # pauses here until the consumer asks again
    finally:
        print("  close connection")


async def main() -> None:
    print("1. run to the end: cleanup happens by itself")
    async for user in users(page_size=4):
        print(f"  got {user}")

    print("2. break early: the generator stays suspended at its yield")
    stream = users(page_size=4)
    async for user in stream:
        print(f"  got {user}")
        if user == "bruno":
            break
    print("  after the loop (the connection is still open)")
    await stream.aclose()  # raises GeneratorExit at the yield
    print("  after aclose()")

    print("3. aclosing closes it on the way out of the block")
    async with contextlib.aclosing(users(page_size=4)) as stream:
        async for user in stream:
            print(f"  got {user}")
            if user == "bruno":
                break
    print("  after the async with")


if __name__ == "__main__":
    asyncio.run(main())
