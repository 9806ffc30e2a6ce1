"""The run's clock: real (the host's monotonic clock) or virtual (waits skipped, long computing counted)."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Callable, Generator

# The originals, taken before anything is patched. Under Pyodide, ``time.sleep`` has been
# replaced by a yielding sleep at start-up; the blocking original is kept by pyodide.webloop.
real_monotonic = time.monotonic
real_perf_counter = time.perf_counter
real_time = time.time
#: What the virtual clock counts as the program's running time on CPython: CPU time, so a machine
#: busy with other work does not make a program look slower. In the browser there is no CPU
#: clock (process_time follows the wall clock), so the host counts work instead (browser.py).
cpu_time = time.process_time

#: In the browser, the virtual clock's cost of one check of the interpreter's signal flag, which
#: Pyodide makes every few dozen loop iterations or calls of Python code: about what it takes on
#: a typical laptop. Counting checks instead of reading a clock makes computing cost the same
#: every run, on every machine, however busy: a program's virtual times are repeatable.
SECONDS_PER_CHECK = 10e-6


def _blocking_sleep() -> Callable[[float], None]:
    try:  # Pyodide only
        from pyodide.webloop import _orig_sleep  # pyright: ignore[reportMissingImports]
    except ImportError:
        return time.sleep
    return _orig_sleep


#: ``time.sleep`` as CPython has it: the whole program waits.
blocking_sleep: Callable[[float], None] = _blocking_sleep()


class Clock:
    """What the loop, ``time.sleep`` and the recorder ask of a clock."""

    virtual: bool = False

    def now(self) -> float:  # loop.time()
        raise NotImplementedError

    def elapsed(self) -> float:
        """Seconds since the run started."""
        raise NotImplementedError

    def restart(self) -> None:
        """The program starts now: ``elapsed()`` counts from here."""
        raise NotImplementedError

    def sleep(self, seconds: float) -> None:
        """Blocks the whole program, as ``time.sleep`` does on CPython."""
        raise NotImplementedError

    def wait_until(self, deadline: float) -> None:
        """The loop has nothing to do before ``deadline`` (a ``now()`` value)."""
        raise NotImplementedError

    @contextmanager
    def excluded(self) -> Generator[None, None, None]:
        """Time spent inside is the runner's own, not the program's (a virtual clock skips it)."""
        yield

    def boundary(self) -> float:
        """A segment of computing ends here: a step starts or ends (the virtual clock counts them).

        Returns ``elapsed()`` at this moment, which the timeline records without reading the
        clock again.
        """
        return self.elapsed()

    def since_start(self, now: float) -> float:
        """``now`` (a ``now()`` value, such as a timer's deadline) as seconds since the start."""
        raise NotImplementedError


class RealClock(Clock):
    def __init__(self, wait: Callable[[float], None] = blocking_sleep) -> None:
        self._wait = wait
        self._origin = real_monotonic()

    def now(self) -> float:
        return real_monotonic()

    def elapsed(self) -> float:
        return real_monotonic() - self._origin

    def restart(self) -> None:
        self._origin = real_monotonic()

    def since_start(self, now: float) -> float:
        return now - self._origin

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._wait(seconds)

    def wait_until(self, deadline: float) -> None:
        self.sleep(deadline - real_monotonic())


#: On the virtual clock, computing that runs this long without a break takes its time.
LONG_STEP = 0.02


class VirtualClock(Clock):
    """Skips waiting, not long computing.

    The clock starts at 0. Every wait (a timer the loop has nothing to do before, a
    ``time.sleep``) is skipped: the clock jumps by what the wait would have taken, so an hour of
    ``asyncio.sleep`` finishes at once. Computing is measured in segments (a step of a task, a
    callback, the code between two waits): a segment that runs for ``LONG_STEP`` (20 ms) or more
    takes its real CPU time, so a CPU-bound loop or a blocking call is seen to hold up the loop,
    as it would on CPython; shorter ones take none, so ordinary async code keeps exact, repeatable
    times (two tasks sleeping one second wake at 1.0 s, together). The runner's own bookkeeping
    (sending output, letting the page read its messages) is left out with ``excluded()``.
    """

    virtual = True

    def __init__(self, work: Callable[[], float] = cpu_time) -> None:
        #: Seconds of computing so far (CPU time on CPython, counted work in the browser).
        self._work = work
        self._skipped = 0.0
        self._counted = 0.0
        self._segment = work()
        # time.time() stays a plausible date: the wall time at the start, plus the clock.
        self._epoch = real_time()

    def _running(self) -> float:
        """The current segment's computing, once it is long enough to count."""
        elapsed = self._work() - self._segment
        return elapsed if elapsed >= LONG_STEP else 0.0

    def boundary(self) -> float:
        """A segment of computing ends here (a step starts or ends, the program waits)."""
        # One read of the work done: on CPython the CPU clock, a system call of several µs on some
        # machines, and this runs twice per step.
        now = self._work()
        computing = now - self._segment
        if computing >= LONG_STEP:
            self._counted += computing
        self._segment = now
        return self._skipped + self._counted

    def now(self) -> float:
        return self._skipped + self._counted + self._running()

    def elapsed(self) -> float:
        return self.now()

    def since_start(self, now: float) -> float:
        return now

    def restart(self) -> None:
        self._skipped = self._counted = 0.0
        self._segment = self._work()

    def sleep(self, seconds: float) -> None:
        # time.sleep blocks the program (nothing else runs) but its wait is skipped.
        self.boundary()
        if seconds > 0:
            self._skipped += seconds

    def wait_until(self, deadline: float) -> None:
        self.boundary()
        gap = deadline - self.now()
        if gap > 0:
            self._skipped += gap

    def wall(self) -> float:
        return self._epoch + self.now()

    @contextmanager
    def excluded(self) -> Generator[None, None, None]:
        """Time spent inside is not the program's: it does not count toward the segment."""
        started = self._work()
        try:
            yield
        finally:
            self._segment += self._work() - started


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
