#: runs: browser
#: clock: virtual
import asyncio
import contextvars

user: contextvars.ContextVar[str] = contextvars.ContextVar("user", default="nobody")


class Mailbox:
    """Loop-bound state: an asyncio.Queue belongs to the loop that first waits on it."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[str] = asyncio.Queue()

    async def deliver_later(self, text: str) -> None:
        await asyncio.sleep(1)
        self.queue.put_nowait(text)

    async def receive(self) -> str:
        asyncio.get_running_loop().create_task(self.deliver_later(f"hello, {user.get()}"))
        return await self.queue.get()  # waits: the queue binds to this loop


async def log_in(name: str) -> asyncio.AbstractEventLoop:
    user.set(name)
    return asyncio.get_running_loop()


def with_asyncio_run() -> None:
    mailbox = Mailbox()
    loop = asyncio.run(log_in("ana"))
    print(f"run 1: {asyncio.run(mailbox.receive())!r}")  # a new loop, a fresh context
    try:
        asyncio.run(mailbox.receive())  # and another new loop
    except RuntimeError as error:
        print(f"run 2: RuntimeError: ...{str(error).rsplit('>', 1)[-1]}")
    print(f"the login's loop is closed? {loop.is_closed()}")


def with_runner() -> None:
    mailbox = Mailbox()
    with asyncio.Runner() as runner:  # one loop and one context for every run() call
        loop = runner.run(log_in("ana"))
        print(f"run 1: {runner.run(mailbox.receive())!r}")
        print(f"run 2: {runner.run(mailbox.receive())!r}")
        print(f"the login's loop is the runner's? {loop is runner.get_loop()}")
    # Leaving the block cancels leftover tasks and closes the loop.


if __name__ == "__main__":
    print("-- asyncio.run: a new loop every time")
    with_asyncio_run()
    print("-- asyncio.Runner: one loop for many calls")
    with_runner()
