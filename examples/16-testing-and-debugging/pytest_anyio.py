# /// script
# requires-python = ">=3.11"
# dependencies = ["pytest>=7", "anyio>=3.6"]
# ///
#: runs: local
#: varies: =+ (?=\d+ passed)
#: varies: in \d+\.\d+s =+
import asyncio
import os
import sys
from collections.abc import AsyncIterator

import anyio
import pytest

# Every test in this module is run by anyio's plugin, which comes with anyio itself.
pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # the code under test uses asyncio itself, so not trio


class Inbox:
    """The code under test: messages arrive later, readers wait for them."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.closed = False
        self._arrived = asyncio.Event()

    async def close(self) -> None:
        await asyncio.sleep(0)
        self.closed = True

    async def deliver(self, text: str, after: float) -> None:
        await asyncio.sleep(after)
        self.messages.append(text)
        self._arrived.set()

    async def next_message(self) -> str:
        await self._arrived.wait()
        return self.messages[-1]


@pytest.fixture
async def inbox() -> AsyncIterator[Inbox]:  # a plain pytest.fixture can be async here
    inbox = Inbox()
    yield inbox
    await inbox.close()


async def test_message_arrives(inbox: Inbox) -> None:
    with anyio.fail_after(1):  # a guard: a hang fails this test after 1 s
        async with asyncio.TaskGroup() as group:
            group.create_task(inbox.deliver("hi", after=0.05))
            assert await inbox.next_message() == "hi"


async def test_no_message_means_timeout(inbox: Inbox) -> None:
    with pytest.raises(TimeoutError):
        with anyio.fail_after(0.05):  # here the timeout is what the test checks
            await inbox.next_message()


if __name__ == "__main__":
    sys.dont_write_bytecode = True  # leave no __pycache__ beside the example
    os.environ["COLUMNS"] = "80"  # the same line width in every terminal
    sys.exit(pytest.main([__file__, "-v", "--no-header", "-p", "no:cacheprovider"]))
