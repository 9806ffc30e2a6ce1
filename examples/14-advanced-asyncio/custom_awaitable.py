#: runs: browser
#: clock: virtual
import asyncio
from collections.abc import Generator
from typing import Any


class Step:
    """An awaitable built by hand: __await__ returns a generator."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __await__(self) -> Generator[str, str, int]:
        # Whatever we yield travels up, through every await, to the
        # code that drives the coroutine; what it sends comes back.
        answer = yield f"paused at {self.label!r}"
        print(f"  {self.label}: resumed with {answer!r}")
        return len(self.label)  # the value of the await expression


async def recipe() -> int:
    first = await Step("boil water")
    second = await Step("add pasta")
    return first + second


class Alarm:
    """An awaitable for asyncio: it waits on a Future."""

    def __init__(self, delay: float) -> None:
        self.delay = delay

    def __await__(self) -> Generator[Any, None, float]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[float] = loop.create_future()
        loop.call_later(self.delay, lambda: future.set_result(loop.time()))
        # Awaiting a future yields the future itself to the task,
        # which parks until the future has a result.
        rang_at = yield from future.__await__()
        return rang_at


async def main() -> None:
    print("driving a coroutine by hand; the loop is not involved:")
    coro = recipe()
    print(f"  send(None) -> {coro.send(None)!r}")
    print(f"  send('ok') -> {coro.send('ok')!r}")
    try:
        coro.send("done")
    except StopIteration as stop:
        print(f"  StopIteration carries the result: {stop.value}")

    print("what a future yields when awaited:")
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    steps = future.__await__()
    print(f"  it yields itself: {next(steps) is future}")
    steps.close()

    print("a custom awaitable running under asyncio:")
    start = asyncio.get_running_loop().time()
    rang_at = await Alarm(1.5)
    print(f"  alarm rang at {rang_at - start:.1f} s")
    first, second = await asyncio.gather(Alarm(0.5), Alarm(0.2))
    print(f"  gather takes it too: {first - start:.1f} s, {second - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
