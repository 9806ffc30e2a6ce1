#: runs: browser
#: clock: virtual
import asyncio
import inspect
from collections.abc import Awaitable, Callable

# A handler may be a plain function or a coroutine function.
Handler = Callable[[str], None] | Callable[[str], Awaitable[None]]


class EventBus:
    """Calls every registered handler, whichever kind it is."""

    def __init__(self) -> None:
        self._handlers: list[Handler] = []

    def subscribe(self, handler: Handler) -> None:
        kind = "async" if inspect.iscoroutinefunction(handler) else "plain"
        print(f"subscribed {handler.__name__} ({kind})")
        self._handlers.append(handler)

    async def publish(self, event: str) -> None:
        for handler in self._handlers:
            result = handler(event)
            # Only await what needs awaiting: a plain function has
            # already done its work and returned None.
            if inspect.isawaitable(result):
                await result


def log_to_console(event: str) -> None:
    print(f"  console: {event}")


async def save_to_database(event: str) -> None:
    await asyncio.sleep(0.5)  # stands in for a real query
    print(f"  database: {event} saved")


async def send_chat(channel: str, event: str) -> None:
    await asyncio.sleep(0.1)
    print(f"  {channel}: {event}")


async def main() -> None:
    bus = EventBus()
    bus.subscribe(log_to_console)
    bus.subscribe(save_to_database)
    # A lambda that returns a coroutine: iscoroutinefunction says
    # False, yet what it returns must still be awaited.
    bus.subscribe(lambda event: send_chat("chat", event))
    loop = asyncio.get_running_loop()
    start = loop.time()
    await bus.publish("user signed up")
    print(f"published in {loop.time() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
