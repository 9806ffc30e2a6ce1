#: runs: browser
#: clock: virtual
"""A toy event loop: a ready queue, a heap of timers, and nothing else."""
import heapq
import itertools
import time
from collections import deque
from collections.abc import Coroutine, Generator
from typing import Any

START = time.monotonic()


def now() -> str:
    return f"{time.monotonic() - START:.1f}"


class Sleep:
    """The only thing our tasks may await: it yields a delay to the loop."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __await__(self) -> Generator[float, None, None]:
        yield self.seconds  # travels up through every await to the loop


def sleep(seconds: float) -> Sleep:
    return Sleep(seconds)


class Task:
    def __init__(self, coro: Coroutine[float, None, Any], name: str) -> None:
        self.coro = coro
        self.name = name


class ToyLoop:
    def __init__(self) -> None:
        self.ready: deque[Task] = deque()
        # (wake-up time, tie-breaker, task): the earliest is always first.
        self.timers: list[tuple[float, int, Task]] = []
        self.order = itertools.count()

    def spawn(self, coro: Coroutine[float, None, Any], name: str) -> None:
        self.ready.append(Task(coro, name))

    def run(self) -> None:
        while self.ready or self.timers:
            if not self.ready:
                # Nothing can run: block until the earliest timer is due.
                wake_at, _, task = heapq.heappop(self.timers)
                delay = max(0.0, wake_at - time.monotonic())
                print(f"{now()}  loop: idle, sleeping {delay:.1f} s")
                time.sleep(delay)
                self.ready.append(task)
            while self.timers and self.timers[0][0] <= time.monotonic():
                self.ready.append(heapq.heappop(self.timers)[2])
            # One pass: run every task that is ready right now, once.
            for _ in range(len(self.ready)):
                self.step(self.ready.popleft())

    def step(self, task: Task) -> None:
        try:
            # Resume the coroutine until its next yield (or its end).
            delay = task.coro.send(None)
        except StopIteration as stop:
            print(f"{now()}  loop: {task.name} returned {stop.value!r}")
            return
        if delay <= 0:
            self.ready.append(task)  # sleep(0): back of the queue
        else:
            wake_at = time.monotonic() + delay
            heapq.heappush(self.timers, (wake_at, next(self.order), task))


async def brew(drink: str, minutes: float) -> str:
    print(f"{now()}  {drink}: start")
    await sleep(minutes)
    print(f"{now()}  {drink}: ready")
    return drink


async def toast() -> str:
    for side in ("front", "back"):
        print(f"{now()}  toast: {side}")
        await sleep(0.5)
    # Awaiting another coroutine needs no help from the loop:
    # its yields simply pass through this one.
    return await brew("butter", 0.2)


async def count(name: str) -> int:
    for i in range(2):
        print(f"{now()}  {name}: {i}")
        await sleep(0)  # give the others a turn, then continue
    return 2


if __name__ == "__main__":
    loop = ToyLoop()
    loop.spawn(brew("coffee", 1.5), "coffee")
    loop.spawn(toast(), "toast")
    loop.spawn(count("ping"), "ping")
    loop.spawn(count("pong"), "pong")
    loop.run()
    print(f"{now()}  loop: all done")
