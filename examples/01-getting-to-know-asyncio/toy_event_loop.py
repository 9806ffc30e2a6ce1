#: runs: browser
"""A toy event loop: generators as tasks, a ready queue and a timer heap.

Each task is a generator. `yield seconds` plays the part of
`await asyncio.sleep(seconds)`: the task stops there and hands control
back to the loop.
"""

import heapq
from collections import deque
from collections.abc import Callable, Generator

Task = Generator[float, None, None]  # yields how long it wants to sleep


class ToyLoop:
    def __init__(self) -> None:
        self.now = 0.0  # our own clock, in seconds
        # Tasks that can run right now.
        self.ready: deque[tuple[str, Task]] = deque()
        # Sleeping tasks: (wake-up time, tie-breaker, name, task).
        self.timers: list[tuple[float, int, str, Task]] = []
        self.count = 0

    def spawn(self, name: str, make: Callable[["ToyLoop"], Task]) -> None:
        self.ready.append((name, make(self)))

    def run(self) -> None:
        while self.ready or self.timers:  # run until nothing is left
            if not self.ready:
                # A real loop blocks in select() until a timer or I/O.
                # Our toy just moves its clock to the earliest timer.
                self.now = self.timers[0][0]
            while self.timers and self.timers[0][0] <= self.now:
                _, _, name, task = heapq.heappop(self.timers)
                self.ready.append((name, task))

            name, task = self.ready.popleft()
            try:
                delay = next(task)  # run the task until its next yield
            except StopIteration:
                print(f"[{self.now:.1f}] loop: {name} finished")
                continue
            self.count += 1
            wake_at = self.now + delay
            heapq.heappush(self.timers, (wake_at, self.count, name, task))


def download(name: str, seconds: float) -> Callable[[ToyLoop], Task]:
    def task(loop: ToyLoop) -> Task:
        print(f"[{loop.now:.1f}] {name}: request sent")
        yield seconds  # "wake me when the answer is due"
        print(f"[{loop.now:.1f}] {name}: response received")

    return task


def ticker(loop: ToyLoop) -> Task:
    for _ in range(3):
        print(f"[{loop.now:.1f}] ticker: tick")
        yield 0.2


def main() -> None:
    loop = ToyLoop()
    loop.spawn("page-a", download("page-a", 0.7))
    loop.spawn("page-b", download("page-b", 0.3))
    loop.spawn("ticker", ticker)
    loop.run()
    print(f"all done at {loop.now:.1f} s of loop time")


if __name__ == "__main__":
    main()
