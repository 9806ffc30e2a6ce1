#: runs: browser
#: clock: virtual
import asyncio
import time
from collections.abc import AsyncIterator

START = time.perf_counter()
IDLE_LIMIT = 1.0  # seconds of silence before we hang up


def now() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def messages() -> AsyncIterator[str]:
    """A client that talks, pauses, talks, then goes quiet for good."""
    for gap, text in [(0.4, "hello"), (0.8, "how are you?"), (0.9, "still there?"), (3.0, "bye")]:
        await asyncio.sleep(gap)
        yield text


async def serve() -> None:
    loop = asyncio.get_running_loop()
    opened = loop.time()  # deadlines are on the loop's clock
    try:
        async with asyncio.timeout(IDLE_LIMIT) as idle:
            async for text in messages():
                print(f"{now()} got {text!r}")
                deadline = loop.time() + IDLE_LIMIT
                idle.reschedule(deadline)  # each message buys more time
                print(f"{now()}   deadline moved to {deadline - opened:.1f}s")
    except TimeoutError:
        print(f"{now()} silent for {IDLE_LIMIT:.1f}s: closing the connection")


if __name__ == "__main__":
    asyncio.run(serve())
