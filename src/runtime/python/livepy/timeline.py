"""Task events for the timeline: when each task was created, each step it ran, how it ended.

Kept cheap: a step costs two clock reads and two list appends; events are turned into dicts
only when a batch is sent. Times are milliseconds since the run started, in the run's clock.
"""

from __future__ import annotations

import asyncio
import itertools
import weakref
from typing import Any, Callable

from .clock import Clock

# A run that creates tasks in a loop for a long time would otherwise grow without bound.
MAX_EVENTS = 100_000
DETAIL_CHARS = 80

def _short(text: str) -> str:
    return text if len(text) <= DETAIL_CHARS else text[: DETAIL_CHARS - 1] + "…"


class Recorder:
    def __init__(self, clock: Clock, max_events: int = MAX_EVENTS) -> None:
        self._clock = clock
        self._ids: weakref.WeakKeyDictionary[asyncio.Task[Any], int] = weakref.WeakKeyDictionary()
        self._names: dict[int, str] = {}
        self._numbers = itertools.count(1)
        self._pending: list[Any] = []
        # "created" events of tasks that have not run yet: asyncio.create_task names a task
        # just after creating it (3.11), so the name is read again at its first step.
        self._unstarted: dict[int, list[Any]] = {}
        self._max = max_events
        self.recorded = 0
        self.dropped = 0
        self.busy = False

    def _ms(self) -> float:
        return round(self._clock.elapsed() * 1000, 3)

    def _add(self, event: list[Any]) -> bool:
        if self.recorded >= self._max:
            self.dropped += 1
            return False
        self.recorded += 1
        self._pending.append(event)
        return True

    def _id(self, task: asyncio.Task[Any]) -> int:
        number = self._ids.get(task)
        if number is None:
            number = self.created(task)
        return number

    def created(self, task: asyncio.Task[Any]) -> int:
        number = self._ids.get(task)
        if number is not None:
            return number
        self.busy = True
        number = next(self._numbers)
        self._ids[task] = number
        name = task.get_name()
        self._names[number] = name
        coro = task.get_coro()
        coro_name = getattr(coro, "__qualname__", None) or type(coro).__name__
        event = ["created", number, name, self._ms(), None, coro_name]
        if self._add(event):
            self._unstarted[number] = event
        self.busy = False
        if task.done():  # an eager task can finish inside create_task
            self._done(task, number)
        return number

    def step_start(self, task: asyncio.Task[Any]) -> None:
        self.busy = True
        number = self._id(task)
        created = self._unstarted.pop(number, None)
        if created is not None:
            created[2] = self._names[number] = task.get_name()
        self._add(["step-start", number, self._names[number], self._ms(), None, None])
        self.busy = False

    def step_end(self, task: asyncio.Task[Any]) -> None:
        self.busy = True
        number = self._id(task)
        self._add(["step-end", number, self._names[number], self._ms(), None, None])
        self.busy = False
        if task.done():
            self._done(task, number)

    def _done(self, task: asyncio.Task[Any], number: int) -> None:
        if task.cancelled():
            outcome, detail = "cancelled", None
        else:
            # Not task.exception(): that would mark the exception as retrieved and silence
            # asyncio's "Task exception was never retrieved", which the reader should see.
            exc = getattr(task, "_exception", None)
            if exc is not None:
                outcome, detail = "exception", _short(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
            else:
                outcome, detail = "result", _short(repr(task.result()))
        self.busy = True
        self._unstarted.pop(number, None)
        self._add(["done", number, self._names[number], self._ms(), outcome, detail])
        self.busy = False

    def take(self) -> list[dict[str, Any]]:
        """The events recorded since the last call, as the protocol's TaskEvent objects."""
        if not self._pending or self.busy:
            return []
        events, self._pending = self._pending, []
        out = []
        for kind, task, name, t, outcome, detail in events:
            event: dict[str, Any] = {"kind": kind, "task": task, "name": name, "t": t}
            if outcome is not None:
                event["outcome"] = outcome
            if detail is not None:
                event["detail"] = detail
            out.append(event)
        return out


def write_jsonl(events: list[dict[str, Any]], write: Callable[[str], Any]) -> None:
    import json

    for event in events:
        write(json.dumps(event, ensure_ascii=False) + "\n")
