"""Task events for the timeline: when each task was created (and by which task), each step it
ran, how it ended.

Recording runs on every step of every task, so the step path is kept to a handful of operations:
no clock read of its own (the loop hands over the times it read at the step's boundaries) and
four numbers appended to an array. Everything else (which steps blocked the loop, which were
held up, the order of events) is worked out by the reader: in the browser, JavaScript on the
page (src/runtime/task-events.ts); on the command line and in the tests, ``expand`` below. The
two must agree (tests/fixtures/timeline holds a case both are checked against).

Besides when a step ran, two facts make blocking visible:

- a step is *blocking* when it held the loop long enough to matter. On the virtual clock, a
  step during which the clock moved (it computed for ``LONG_STEP`` or more, or called
  ``time.sleep``); on the real clock, a step of ``LONG_STEP`` or more.
- a step is *late* when it could have started earlier: it was ready (its timer expired, or
  the step that scheduled it ended) but started later, because the loop was busy. Every handle
  the loop schedules carries its *cause* (``PlaygroundLoop.cause``): the timer's deadline, or
  the task whose step scheduled it. A handle scheduled by a step runs in the loop's next
  iteration, before that task can run again, so "ready" is the end of that task's last step.
  (Through a plain callback, a cause reaches one iteration further, where that task may have
  run again: the lateness then comes out smaller than it was, never larger.)
"""

from __future__ import annotations

import asyncio
import itertools
import weakref
from array import array
from bisect import bisect_left
from typing import Any, Callable, NamedTuple

from .clock import LONG_STEP, Clock

# A run that creates tasks in a loop for a long time would otherwise grow without bound. A step
# counts as two events (its start and its end), as the page shows them.
MAX_EVENTS = 100_000
DETAIL_CHARS = 80
#: The attribute holding a task's number in this run (a Task accepts attributes; a side table
#: keyed by the task would cost a weak reference per lookup, or keep the task alive).
NUMBER = "_livepy_task_number"
#: On the real clock, a step that started this long (seconds) after it was ready is late.
REAL_LATE = 0.001

# One batch, as the host sends it:
# - steps: an array of doubles, four per step, in the order the steps ended (one thread: also
#   the order they started): task, start, end (seconds since the run started), cause: a task's
#   number (> 0), a timer's deadline d as -(d + 1) (<= -1), or 0 (not known).
# - records, in the order they happened, times in whole microseconds, each with the position of
#   the step it comes before (steps are counted from the start of the run):
#     [1, task, t, name, coroutine, parent, position]   created (parent 0: outside any task)
#     [2, task, t, outcome, detail, position]           done; outcome 0 result, 1 exception,
#                                                       2 cancelled; detail a string or None
#     [3, task, name, position]                         renamed (task.set_name(); sent before
#                                                       the task's "done")
#   A "created" just before a step of its parent happened during that step.
CREATED, DONE, RENAMED = 1, 2, 3
OUTCOMES = ("result", "exception", "cancelled")

#: Bound once: the steps past the cap look it up for every callback.
_Task = asyncio.Task

#: What made a handle ready, encoded as a float for the steps array (see above).
Cause = float


def timer_cause(deadline: float) -> float:
    """The cause of what a timer due at ``deadline`` (seconds since the start) schedules."""
    return -(deadline + 1.0)


class Batch(NamedTuple):
    steps: array[float]
    records: list[list[Any]]


def _record_position(pending: tuple[list[Any], Any]) -> int:
    return pending[0][-1]


def _short(text: str) -> str:
    return text if len(text) <= DETAIL_CHARS else text[: DETAIL_CHARS - 1] + "…"


class Recorder:
    """Collects the events of one run.

    The watchdog's signal handler may call ``take`` at any check of the interpreter's signal flag:
    in the middle of ``created`` or ``_done``, or of another ``take`` (a flush interrupted by the
    tick, or a tick by the next one). So:

    - the records wait in one list that is never replaced: ``take`` removes what it sends from its
      front in place, and a record appended by code the tick interrupted (which had already
      looked the list up) lands in it, not in a list already sent;
    - the steps' array is swapped for a fresh one with no call in between (a call is where the
      signal flag is checked), so a step lands in one batch or the next, never in none;
    - a ``take`` that starts while another is under way returns nothing: the one under way has
      read the pending records and sends them; a second one would have sent them too.

    What a step still running has recorded so far waits for the step, which is recorded when it
    ends.
    """

    def __init__(self, clock: Clock, max_events: int = MAX_EVENTS) -> None:
        self._boundary = clock.boundary
        self._numbers = itertools.count(1)
        self._steps: array[float] = array("d")
        self._extend = self._steps.extend
        #: (record, what take() needs besides): the record's last item is its position.
        self._records: list[tuple[list[Any], Any]] = []
        self._sent_steps = 0
        self._taking = False
        #: Each task's name as last sent, to send renames only.
        self._sent_names: dict[int, str] = {}
        self._max = max_events
        #: Events that may still be recorded, and those that could not be.
        self._room = max_events
        self.dropped = 0
        #: False once the cap is reached: the loop then runs steps as if not recording.
        self.recording = True

    @property
    def recorded(self) -> int:
        return self._max - self._room + self._unsent_steps() * 2

    def _unsent_steps(self) -> int:
        return len(self._steps) // 4

    # The two below read both counters before calling anything (len() is checked for the signal
    # only after it returns): a take() between the two reads would make them disagree.

    def _free(self) -> int:
        """Room for events now, counting the steps recorded since the last batch."""
        return self._room - 2 * (len(self._steps) // 4)

    def _position(self) -> int:
        """Where a record made now goes: before the next step to be recorded."""
        return self._sent_steps + len(self._steps) // 4

    def created(self, task: asyncio.Task[Any], t: float) -> int:
        """``task`` was created at ``t`` (seconds since the start), by the task running now."""
        number = getattr(task, NUMBER, None)
        if number is not None:
            return number
        number = next(self._numbers)
        setattr(task, NUMBER, number)
        if self._free() >= 1:
            self._room -= 1
            coro = task.get_coro()
            coro_name = getattr(coro, "__qualname__", None) or type(coro).__name__
            parent = getattr(_current_task(), NUMBER, 0)
            # The name is read again when the batch is sent: asyncio.create_task names a task
            # just after creating it (3.11). A weak reference: recording keeps no task alive.
            record = [CREATED, number, round(t * 1e6), task.get_name(), coro_name, parent, self._position()]
            self._records.append((record, weakref.ref(task)))
        else:
            self.dropped += 1
            self.recording = False
        if task.done():  # an eager task can finish inside create_task
            self._done(task, number, t)
        return number

    def run_step(self, handle: asyncio.Handle, cause: Cause) -> None:
        """Runs ``handle``'s callback between two readings of the clock (its ``boundary()``) and,
        when it is a step of a task, records it. ``cause`` made it ready; ``loop.cause`` tells what
        it schedules: this task, or for a timer or a plain callback, what made it ready.

        One method for the whole step, with as few operations as will do: the hot path. (Even
        the cap is checked in ``take``, which runs every few ms while the program does.)
        """
        boundary = self._boundary
        loop = handle._loop
        task = getattr(handle._callback, "__self__", None)
        number = getattr(task, NUMBER, None)
        if number is None:
            if not isinstance(task, asyncio.Task):
                loop.cause = cause
                boundary()
                try:
                    # Handle._run is looked up on every call, not kept from import: a checker
                    # (livecheck) wraps it to time steps, and a step run here must go through
                    # that wrapper as an unrecorded one does. Called here, not through a helper:
                    # a call more per step is a measurable share of a step's cost in the browser.
                    asyncio.Handle._run(handle)
                finally:
                    boundary()
                return
            number = self.created(task, boundary())  # made directly, not through create_task
        loop.cause = number
        start = boundary()
        try:
            asyncio.Handle._run(handle)  # looked up at call time (see above)
        finally:
            end = boundary()
            self._extend((number, start, end, cause))
            if task.done():
                self._done(task, number, end)

    def run_dropped(self, handle: asyncio.Handle) -> None:
        """Runs ``handle``'s callback past the cap, timed as a step, and counts the events it
        would have made. (One method, as ``run_step`` is: every step past the cap comes here.)"""
        boundary = self._boundary
        boundary()
        try:
            asyncio.Handle._run(handle)  # looked up at call time (see run_step)
        finally:
            boundary()
            task = getattr(handle._callback, "__self__", None)
            if isinstance(task, _Task):
                self.dropped += 3 if task.done() else 2

    def _done(self, task: asyncio.Task[Any], number: int, t: float) -> None:
        if self._free() < 1:
            self.dropped += 1
            self.recording = False
            return
        self._room -= 1
        if task.cancelled():
            outcome, detail = 2, None
        else:
            # Not task.exception(): that would mark the exception as retrieved and silence
            # asyncio's "Task exception was never retrieved", which the reader should see.
            exc = getattr(task, "_exception", None)
            if exc is not None:
                outcome, detail = 1, _short(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
            else:
                outcome, detail = 0, _short(repr(task.result()))
        self._records.append(([DONE, number, round(t * 1e6), outcome, detail, self._position()], task.get_name()))

    def take(self) -> Batch | None:
        """What was recorded since the last call (see the batch format above), or None."""
        if self._taking:
            return None
        self._taking = True
        try:
            return self._take()
        finally:
            self._taking = False

    def _take(self) -> Batch | None:
        steps, records = self._steps, self._records
        if not steps and not records:
            return None
        fresh = array("d")
        self._steps, self._extend = fresh, fresh.extend  # no call between the two: see above
        fits = min(len(steps) // 4, max(self._room, 0) // 2)
        if fits < len(steps) // 4:
            # Past the cap: the steps that do not fit are counted, and recording stops.
            self.dropped += 2 * (len(steps) // 4 - fits)
            self.recording = False
            del steps[fits * 4 :]
        self._room -= 2 * fits
        self._sent_steps += fits
        split = len(records)
        if split and records[-1][0][-1] == self._sent_steps and _current_task() is not None:
            # A step is running: what it recorded so far goes out with it, in a later batch. Those
            # records are the last ones (positions never decrease), found by bisection: a step
            # that creates 10,000 tasks makes 10,000 records, and this runs every few ms while
            # it does (scanning them from the end each time made such a step quadratic).
            split = bisect_left(records, self._sent_steps, key=_record_position)
        sending = records[:split]
        del records[:split]
        out: list[list[Any]] = []
        names = self._sent_names
        for record, extra in sending:
            if record[0] == CREATED:
                alive = extra()
                if alive is not None:
                    record[3] = alive.get_name()
                names[record[1]] = record[3]
            elif names.get(record[1]) != extra:
                names[record[1]] = extra
                out.append([RENAMED, record[1], extra, record[5]])
            out.append(record)
        return Batch(steps, out)


def _current_task() -> asyncio.Task[Any] | None:
    loop = asyncio.events._get_running_loop()
    return asyncio.current_task(loop) if loop is not None else None


def current_task_number() -> int | None:
    """The number of the task running now (None outside any task, or when it is not recorded)."""
    return getattr(_current_task(), NUMBER, None)


class Reader:
    """Turns one run's batches into the protocol's TaskEvent objects (ms since the start), in
    the order they happened: a step becomes a step-start, the tasks it created, a step-end.

    For the command line (``run_example.py --events``) and the tests; the page has its own
    reader (src/runtime/task-events.ts), which must agree with this one.
    """

    def __init__(self, virtual: bool) -> None:
        self._virtual = virtual
        self._names: dict[int, str] = {}
        self._last_end: dict[int, float] = {}
        self._steps_read = 0

    def read(self, batch: Batch) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        steps, records = batch
        r = 0
        for i in range(0, len(steps), 4):
            position = self._steps_read
            self._steps_read += 1
            task = int(steps[i])
            inside: list[dict[str, Any]] = []
            while r < len(records) and records[r][-1] <= position:
                record = records[r]
                r += 1
                event = self._record(record)
                if event is None:
                    continue
                if record[-1] == position and event["kind"] == "created" and event.get("parent") == task:
                    inside.append(event)  # created during this step
                else:
                    out.append(event)
            start_event, end_event = self._step(task, steps[i + 1], steps[i + 2], steps[i + 3])
            out.append(start_event)
            out.extend(inside)
            out.append(end_event)
        for record in records[r:]:
            event = self._record(record)
            if event is not None:
                out.append(event)
        return out

    def _record(self, record: list[Any]) -> dict[str, Any] | None:
        kind, task = record[0], record[1]
        if kind == CREATED:
            self._names[task] = record[3]
            event: dict[str, Any] = {"kind": "created", "task": task, "name": record[3], "t": record[2] / 1000, "detail": record[4]}
            if record[5]:
                event["parent"] = record[5]
            return event
        if kind == RENAMED:
            self._names[task] = record[2]
            return None
        event = {"kind": "done", "task": task, "name": self._name(task), "t": record[2] / 1000, "outcome": OUTCOMES[record[3]]}
        if record[4] is not None:
            event["detail"] = record[4]
        return event

    def _name(self, task: int) -> str:
        return self._names.get(task, f"Task-{task}")

    def _step(self, task: int, start: float, end: float, cause: float) -> tuple[dict[str, Any], dict[str, Any]]:
        if cause > 0:
            ready = self._last_end.get(int(cause))
        elif cause <= -1:
            ready = -cause - 1.0
        else:
            ready = None
        # (Noted after the cause is read: a step that schedules its own task's next step, as
        # `await asyncio.sleep(0)` does, made it ready when that step ended.)
        self._last_end[task] = end
        name = self._name(task)
        start_event: dict[str, Any] = {"kind": "step-start", "task": task, "name": name, "t": _ms(start)}
        # Compared in whole microseconds: a deadline comes back through its encoding with float
        # noise (1.8 as 1.7999999999999998), which is not lateness.
        if ready is not None and round(start * 1e6) - round(ready * 1e6) > (0 if self._virtual else REAL_LATE * 1e6):
            start_event["ready"] = _ms(ready)
        end_event: dict[str, Any] = {"kind": "step-end", "task": task, "name": name, "t": _ms(end)}
        took = end - start
        if took > 0 if self._virtual else took >= LONG_STEP:
            end_event["blocking"] = True
        return start_event, end_event


def _ms(seconds: float) -> float:
    """Seconds as ms, to the microsecond (as the page rounds them)."""
    return round(seconds * 1e6) / 1000


def write_jsonl(events: list[dict[str, Any]], write: Callable[[str], Any]) -> None:
    import json

    for event in events:
        write(json.dumps(event, ensure_ascii=False) + "\n")
