"""The run's clock: real (the host's monotonic clock) or virtual (advanced only by waiting)."""

from __future__ import annotations

import time
from typing import Callable

# The originals, taken before anything is patched. Under Pyodide, ``time.sleep`` has been
# replaced by a yielding sleep at start-up; the blocking original is kept by pyodide.webloop.
real_monotonic = time.monotonic
real_perf_counter = time.perf_counter
real_time = time.time
try:  # pragma: no cover - Pyodide only
    from pyodide.webloop import _orig_sleep as blocking_sleep  # type: ignore[import-not-found]
except ImportError:
    blocking_sleep = time.sleep


class Clock:
    """What the loop, ``time.sleep`` and the recorder ask of a clock."""

    virtual: bool = False

    def now(self) -> float:  # loop.time()
        raise NotImplementedError

    def elapsed(self) -> float:
        """Seconds since the run started."""
        raise NotImplementedError

    def sleep(self, seconds: float) -> None:
        """Blocks the whole program, as ``time.sleep`` does on CPython."""
        raise NotImplementedError

    def wait_until(self, deadline: float) -> None:
        """The loop has nothing to do before ``deadline`` (a ``now()`` value)."""
        raise NotImplementedError


class RealClock(Clock):
    def __init__(self, wait: Callable[[float], None] = blocking_sleep) -> None:
        self._wait = wait
        self._origin = real_monotonic()

    def now(self) -> float:
        return real_monotonic()

    def elapsed(self) -> float:
        return real_monotonic() - self._origin

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._wait(seconds)

    def wait_until(self, deadline: float) -> None:
        self.sleep(deadline - real_monotonic())


class VirtualClock(Clock):
    """Starts at 0 and moves only when the program waits: instant and deterministic."""

    virtual = True

    def __init__(self) -> None:
        self._now = 0.0
        # time.time() stays a plausible date: the wall time at the start, plus virtual time.
        self._epoch = real_time()

    def now(self) -> float:
        return self._now

    def elapsed(self) -> float:
        return self._now

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._now += seconds

    def wait_until(self, deadline: float) -> None:
        if deadline > self._now:
            self._now = deadline

    def wall(self) -> float:
        return self._epoch + self._now


def patched_time_functions(clock: Clock, sleep: Callable[[float], None]) -> dict[str, object]:
    """The ``time`` module attributes to replace during a run with ``clock``."""

    def checked_sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        sleep(seconds)

    functions: dict[str, object] = {"sleep": checked_sleep}
    if isinstance(clock, VirtualClock):
        functions.update(
            monotonic=clock.now,
            perf_counter=clock.now,
            time=clock.wall,
            monotonic_ns=lambda: int(clock.now() * 1e9),
            perf_counter_ns=lambda: int(clock.now() * 1e9),
            time_ns=lambda: int(clock.wall() * 1e9),
        )
    return functions
