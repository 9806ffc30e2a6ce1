"""The runner as the browser worker (Pyodide) uses it.

The worker hands ``run`` a small JavaScript object (see host.ts) and gets back the outcome as
JSON. Output and task events go out through that object in batches while the program runs.

The watchdog: the worker makes the interpreter's periodic signal check raise SIGINT every few
milliseconds of running; the handler installed here sends the pending batch, lets the worker
read its messages (under JSPI) and ends the run when Stop was pressed.
"""

from __future__ import annotations

import array
import importlib
import json
import random
import signal
import sys
import time
from asyncio import events
from typing import Any

from .clock import SECONDS_PER_CHECK, blocking_sleep
from .isolation import Baseline
from .patches import get_policy, set_policy
from .promises import track as track_promises
from .session import Session
from .standins import StandinRun
from .timeline import Batch

_current: Session | None = None


class JsHost:
    def __init__(self, js: Any) -> None:
        from pyodide.ffi import can_run_sync, run_sync  # type: ignore[import-not-found]

        self._js = js
        self._run_sync = run_sync
        self._can_run_sync = can_run_sync
        self.can_suspend = bool(js.jspi) and can_run_sync()
        self.can_stop_while_busy = bool(js.sharedStop)
        self.sandboxed = True
        # run_sync waits on Pyodide's own loop (the one the browser drives), whatever loop the
        # program is running: taken now, before the run installs its event loop policy.
        self._policy = get_policy()
        self._webloop = self._policy.get_event_loop() if self.can_suspend else None
        #: True while this host is switching stacks: the watchdog must not run in there.
        self.suspending = False
        # The host writes the count of the interpreter's signal checks here as they happen: a
        # measure of computing that a busy machine cannot inflate (see clock.SECONDS_PER_CHECK).
        self._checks = array.array("i", [0])
        js.countChecksAt(self._checks.buffer_info()[0])

    def work(self) -> float:
        return self._checks[0] * SECONDS_PER_CHECK

    def _suspend(self, start: Any, *args: Any) -> bool:
        """Waits for a JavaScript promise by switching stacks; False where that is impossible."""
        # The watchdog's signal handler can fire inside Python code that C called back into
        # (an isinstance check running ABCMeta.__subclasscheck__, say): the stack cannot be
        # switched there, and trying raises. The caller then waits another way or next tick.
        if self.suspending or not self._can_run_sync():
            return False
        # Calling a JavaScript function that returns a promise already wraps it in a future of
        # the current loop: the call, too, happens with Pyodide's loop in place.
        self.suspending = True
        running = events._get_running_loop()
        policy = get_policy()
        try:
            set_policy(self._policy)
            events._set_running_loop(self._webloop)
            self._run_sync(start(*args))
        finally:
            events._set_running_loop(running)
            set_policy(policy)
            self.suspending = False
        return True

    def wait(self, seconds: float) -> None:
        if not (self.can_suspend and self._suspend(self._js.wait, seconds * 1000)):
            blocking_sleep(seconds)

    def yield_now(self) -> None:
        self._suspend(self._js.yieldNow)

    def stop_requested(self) -> bool:
        return bool(self._js.stopRequested())

    def send(self, chunks: list[dict[str, Any]], events: Batch | None) -> None:
        if events is None:
            self._js.send(json.dumps(chunks) if chunks else "", "", None)
        else:
            # The steps go as the array's memory (JavaScript gets a Float64Array), the rest as JSON.
            self._js.send(json.dumps(chunks) if chunks else "", json.dumps(events.records), memoryview(events.steps))


def _on_tick(signum: int, frame: Any) -> None:
    # The tick can land between any two bytecodes, also inside run_sync's own Python code while
    # a stack switch is being set up or torn down. Flushing, suspending again or raising StopRun
    # there left a promise to resume a stack that no longer waited for it: the next run then
    # hung. A tick that finds the host switching stacks is skipped; the next one comes in 30 ms.
    if _current is not None and not _current_host_suspending():
        _current.tick()


def _current_host_suspending() -> bool:
    host = _current.host if _current is not None else None
    return isinstance(host, JsHost) and host.suspending


class JsDatabase:
    """The page's database (src/runtime/database.ts: PGlite) as the asyncpg stand-in's engine."""

    def __init__(self, database: Any) -> None:
        from pyodide.ffi import to_js  # type: ignore[import-not-found]

        self._database = database
        self._to_js = to_js

    def exchange(self, data: bytes) -> bytes:
        return self._database.exchange(self._to_js(data)).to_bytes()

    def copy_in(self, statement: str, payload: bytes) -> bytes:
        return self._database.copyIn(statement, self._to_js(payload)).to_bytes()


def run(
    code: str,
    filename: str,
    clock: str,
    js: Any,
    files_json: str = "{}",
    record: bool = True,
    standins_json: str = "[]",
) -> str:
    global _current
    session = Session(clock, host=JsHost(js), capture=True, record=record, baseline=_baseline)
    names = json.loads(standins_json)
    database = js.database
    standins = StandinRun(names, database=(lambda: JsDatabase(database)) if database else None) if names else None
    _current = session
    try:
        outcome = session.run(code, filename, json.loads(files_json), standins)
    finally:
        _current = None
    return json.dumps(outcome)


def prepare_standins(names_json: str) -> None:
    """Between runs, the first time a page runs an example with stand-ins: import them once,
    writing their bytecode, and keep the standard-library modules they need loaded from then on
    (a run drops the modules it imported), so later runs import the stand-ins quickly."""
    run = StandinRun(json.loads(names_json))
    undo = run.install()
    writes = sys.dont_write_bytecode
    sys.dont_write_bytecode = False
    try:
        for name in sorted(run.names):
            importlib.import_module(name)
            if name == "aiohttp":
                importlib.import_module("aiohttp.web")
    finally:
        sys.dont_write_bytecode = writes
        undo()  # the stand-ins themselves: only a run that declares them may import them
    _baseline.keep_loaded()


def reset() -> None:
    """Puts the interpreter back as it was before the run: called once its outcome is sent, so
    the time it takes (tens of ms in Pyodide) is not on the way to the reader's output. If it
    fails, the next run's outcome asks the page for a fresh interpreter."""
    _baseline.restore()


def resume() -> None:
    """Called once, before any run, on an interpreter restored from the build's start-up
    snapshot (src/runtime/snapshot.ts). Gives it what a fresh start would have: what Pyodide's
    set-up after a restore changed is put back as the build left it (it adds a second "" to
    sys.path); ``random`` gets fresh entropy instead of the seed it had in the build; ``time``'s
    zone is the reader's, not the build machine's. Then the baseline every run returns to is
    taken again, here: the file system is not in the snapshot, and the zone is the reader's.
    String hashes keep the snapshot's seed: CPython fixes it at start-up."""
    global _baseline
    _baseline.restore()
    random.seed()
    _set_time_zone()
    _baseline = Baseline(watched_dirs=WATCHED_DIRS)


def _set_time_zone() -> None:
    """``time.timezone``, ``altzone``, ``daylight`` and ``tzname`` as CPython computes them at
    start-up where C has no ``tzname``: from local time in January and in July (``localtime``
    asks the browser each time; the attributes were frozen into the snapshot)."""
    year = (365 * 24 + 6) * 3600
    now = int(time.time()) // year * year
    jan, jul = time.localtime(now), time.localtime(now + year // 2)
    jan_zone, jul_zone = -jan.tm_gmtoff, -jul.tm_gmtoff
    # South of the equator, summer time is in January.
    std, dst = (jul, jan) if jan_zone < jul_zone else (jan, jul)
    time.timezone = -std.tm_gmtoff
    time.altzone = -dst.tm_gmtoff
    time.daylight = int(jan_zone != jul_zone)
    time.tzname = (_zone_name(std.tm_gmtoff), _zone_name(dst.tm_gmtoff))


def _zone_name(gmtoff: int) -> str:
    """A zone's name as Pyodide's C library writes it from the browser's offset ("UTC-0500");
    ``tm_zone`` itself still carries the build's (C computes it once, at start-up)."""
    sign = "+" if gmtoff > 0 else "-"
    minutes = abs(gmtoff) // 60
    return f"UTC{sign}{minutes // 60:02d}{minutes % 60:02d}"


def _warm_imports() -> None:
    """Modules most programs import: loaded once, so that no run pays for them (or for removing
    them afterwards, see isolation.py)."""
    import asyncio  # noqa: F401
    import collections  # noqa: F401
    import contextlib  # noqa: F401
    import dataclasses  # noqa: F401
    import functools  # noqa: F401
    import itertools  # noqa: F401
    import math  # noqa: F401
    import random  # noqa: F401
    import socket  # noqa: F401
    import statistics  # noqa: F401
    import time  # noqa: F401
    import traceback  # noqa: F401
    import typing  # noqa: F401
    import warnings  # noqa: F401


signal.signal(signal.SIGINT, _on_tick)
track_promises()
_warm_imports()
WATCHED_DIRS = ("/tmp", "/home/pyodide")
_baseline = Baseline(watched_dirs=WATCHED_DIRS)
