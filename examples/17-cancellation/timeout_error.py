#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def query(seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        # Inside the block, the deadline looks like any other cancellation.
        me = asyncio.current_task()
        assert me is not None
        print(f"{now()} query: CancelledError, cancelling() = {me.cancelling()}")
        raise
    return "rows"


async def main() -> None:
    me = asyncio.current_task()
    assert me is not None

    print("-- the deadline passes")
    budget = asyncio.timeout(1)
    try:
        async with budget:
            await query(5)
    except TimeoutError as error:
        print(f"{now()} main: {type(error).__name__} from {type(error.__cause__).__name__}")
    print(f"{now()} main: expired? {budget.expired()}, cancelling() = {me.cancelling()}")

    print("-- the block swallows the CancelledError")
    async with asyncio.timeout(1) as budget:
        try:
            await query(5)
        except asyncio.CancelledError:
            print(f"{now()} main: swallowed it")  # don't do this: no TimeoutError follows
    print(f"{now()} main: the block ended normally; expired? {budget.expired()}")


if __name__ == "__main__":
    asyncio.run(main())
