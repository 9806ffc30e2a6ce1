#: runs: browser
#: clock: virtual
import asyncio


class Ticker:
    """Calls a plain function every `period` seconds with loop.call_at, no task needed."""

    def __init__(self, period: float) -> None:
        self.loop = asyncio.get_running_loop()
        self.period = period
        self.start = self.loop.time()
        self.count = 0
        self.handle: asyncio.TimerHandle | None = None

    def begin(self) -> None:
        self._tick(self.start)

    def _tick(self, when: float) -> None:
        self.count += 1
        print(f"tick {self.count} at {self.loop.time() - self.start:.1f} s")
        # Reschedule against the planned time, so callbacks do not drift.
        self.handle = self.loop.call_at(when + self.period, self._tick, when + self.period)

    def stop(self) -> None:
        if self.handle is not None:
            self.handle.cancel()


async def main() -> None:
    loop = asyncio.get_running_loop()
    ticker = Ticker(period=0.5)
    ticker.begin()
    loop.call_later(1.2, print, "a one-off reminder from call_later")
    await asyncio.sleep(2.2)
    ticker.stop()
    await asyncio.sleep(1.0)  # no more ticks after stop()
    print(f"stopped after {ticker.count} ticks")


if __name__ == "__main__":
    asyncio.run(main())
