#: runs: browser
#: clock: virtual
import asyncio


async def slow_query(seconds: float) -> str:
    await asyncio.sleep(seconds)
    return f"rows after {seconds} s"


async def main() -> None:
    # wait_for: a limit for one awaitable, cancelled on timeout.
    print(await asyncio.wait_for(slow_query(1), timeout=2))
    try:
        await asyncio.wait_for(slow_query(5), timeout=2)
    except TimeoutError:
        print("wait_for: gave up after 2 s")

    # asyncio.timeout (3.11+): a deadline for a whole block of code.
    try:
        async with asyncio.timeout(2.5):
            print(await slow_query(1))
            print(await slow_query(1))
            print(await slow_query(1))  # the deadline hits here
    except TimeoutError:
        print("timeout: the block took longer than 2.5 s")


if __name__ == "__main__":
    asyncio.run(main())
