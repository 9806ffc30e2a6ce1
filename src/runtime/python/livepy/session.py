"""Runs a reader's program as ``python3 main.py`` would, and says how the run ended.

What differs from simply ``exec``-ing the code, and why:

- the program is ``__main__`` (``if __name__ == "__main__":`` is true), with its file name in
  tracebacks and its source in ``linecache``;
- every event loop it creates (``asyncio.run``, ``asyncio.new_event_loop``, ``asyncio.Runner``)
  is a ``PlaygroundLoop`` on the run's clock, which needs no JSPI and reports deadlocks;
- ``time.sleep`` blocks the whole program as on CPython (Pyodide makes it yield under JSPI);
  on the virtual clock it moves the clock instead of waiting;
- ``input()`` cannot read a keyboard here: it raises an error that says so;
- in the browser (a sandboxed host), sockets and servers refuse with a sentence that says the
  program runs locally; each run gets an empty working folder of its own, beside any helper
  modules it was given;
- loops left open at the end are shut down (their tasks cancelled) so nothing runs after the run;
- tracebacks show the reader's frames and the standard library's, never the runner's;
- a stopped run ends with one outcome, not with the runner's internals in "never retrieved" logs.
"""

from __future__ import annotations

import asyncio
import atexit
import builtins
import contextvars
import gc
import itertools
import os
import shutil
import sys
import tempfile
import types
import warnings
from typing import Any, Protocol

from .clock import Clock, RealClock, VirtualClock, blocking_sleep, cpu_time, real_monotonic
from .isolation import Baseline
from .loop import Deadlock, PlaygroundLoop, StopRun
from .outcome import Explanation, Outcome, explain, format_exception, render
from .output import Output
from .patches import ProgramExit, RunPatches
from .standins import StandinRun
from .timeline import MAX_EVENTS, Batch, Recorder, current_task_number

__all__ = ["Host", "LocalHost", "Outcome", "Session"]


class Host(Protocol):
    """What a run needs from where it runs (the browser worker, or a plain CPython)."""

    #: ``wait`` lets the host process messages (a stop) while it waits.
    can_suspend: bool
    #: ``stop_requested`` can turn true while the interpreter is busy (shared memory).
    can_stop_while_busy: bool
    #: A browser tab: no sockets, no processes; each run in a folder of its own.
    sandboxed: bool

    def work(self) -> float:
        """Seconds of computing so far, for the virtual clock (see clock.VirtualClock)."""
        ...

    def wait(self, seconds: float) -> None: ...
    def yield_now(self) -> None: ...
    def stop_requested(self) -> bool: ...
    def send(self, chunks: list[dict[str, Any]], events: Batch | None) -> None:
        """Output chunks, and a batch of task events (timeline.py)."""
        ...


class LocalHost:
    """CPython in a terminal: real blocking waits, Ctrl-C instead of Stop, output not captured."""

    can_suspend = False
    can_stop_while_busy = False
    sandboxed = False

    def work(self) -> float:
        return cpu_time()

    def wait(self, seconds: float) -> None:
        blocking_sleep(seconds)

    def yield_now(self) -> None:
        pass

    def stop_requested(self) -> bool:
        return False

    def send(self, chunks: list[dict[str, Any]], events: Batch | None) -> None:
        pass


#: How often (in ticks of the watchdog) a busy run lets the host read its messages.
YIELD_EVERY_TICKS = 3
#: Longest blocking wait between two looks at the stop flag, when the host can set it while busy.
WAIT_SLICE = 0.05
#: How long a run whose tasks all await JavaScript promises lets JavaScript run before it looks again.
JAVASCRIPT_SLICE = 0.01


class Session:
    def __init__(
        self,
        clock: str = "virtual",
        host: Host | None = None,
        capture: bool = False,
        record: bool = False,
        baseline: Baseline | None = None,
        max_events: int = MAX_EVENTS,
    ) -> None:
        if clock not in ("virtual", "real"):
            raise ValueError(f'clock must be "virtual" or "real"; received {clock!r}')
        self.host: Host = host or LocalHost()
        self.clock: Clock = VirtualClock(self.host.work) if clock == "virtual" else RealClock(self._wait)
        self.loops: list[PlaygroundLoop] = []
        self.recorder = Recorder(self.clock, max_events) if record else None
        self.output = Output(self.clock, current_task_number if record else None) if capture else None
        self._baseline = baseline
        self._task_numbers = itertools.count(1)
        self._ticks = 0
        self._armed = False
        self._stopped = False

    # -- waiting, ticking, stopping ----------------------------------------------------------

    def _wait(self, seconds: float) -> None:
        host = self.host
        deadline = real_monotonic() + seconds
        while True:
            left = deadline - real_monotonic()
            if left <= 0:
                return
            host.wait(left if host.can_suspend or not host.can_stop_while_busy else min(left, WAIT_SLICE))
            self.check_stop()

    def check_stop(self) -> None:
        # Raised once, and only inside the program: its finally blocks and asyncio.run's
        # clean-up then run normally; if they take too long, the page ends the worker.
        if self._armed and self.host.stop_requested():
            self._armed = False
            self._stopped = True
            raise StopRun()

    def flush(self, final: bool = False) -> None:
        with self.clock.excluded():
            chunks = self.output.take(final) if self.output is not None else []
            events_ = self.recorder.take() if self.recorder is not None else None
            if chunks or events_ is not None:
                self.host.send(chunks, events_)

    def tick(self, signum: int = 0, frame: Any = None) -> None:
        """The watchdog: the interpreter calls this every few ms of running (a signal handler)."""
        self.flush()
        self._ticks += 1
        if self.host.can_suspend and self._ticks % YIELD_EVERY_TICKS == 0:
            with self.clock.excluded():
                self.host.yield_now()  # the host reads its messages: a Stop may be among them
        self.check_stop()

    def sleep(self, seconds: float) -> None:
        """``time.sleep`` during the run."""
        self.flush()
        self.clock.sleep(seconds)
        self.check_stop()

    # -- what the event loops of the run need (loop.LoopHost) --------------------------------------

    def wait_until(self, deadline: float) -> None:
        self.flush()
        self.clock.wait_until(deadline)
        self.check_stop()

    def wait_for_javascript(self) -> bool:
        if not self.host.can_suspend:
            return False
        self.flush()
        # The promise's time is JavaScript's, not the program's: the virtual clock does not count
        # it (it cannot know in advance how long the wait is, as it does for a timer).
        with self.clock.excluded():
            self.host.wait(JAVASCRIPT_SLICE)
        self.check_stop()
        return True

    def next_task_name(self) -> str:
        return f"Task-{next(self._task_numbers)}"

    def loop_created(self, loop: PlaygroundLoop) -> None:
        self.loops.append(loop)

    # -- running ---------------------------------------------------------------------------------

    def run(
        self,
        code: str,
        filename: str = "main.py",
        files: dict[str, str] | None = None,
        standins: StandinRun | None = None,
    ) -> Outcome:
        """Runs ``code`` as the program ``filename``; ``files`` are modules beside it (name -> source);
        ``standins``: the stand-ins (aiohttp, asyncpg) the program may import."""
        started = real_monotonic()
        home = os.getcwd()
        folder = self._enter_folder(files or {}) if self.host.sandboxed else None
        try:
            outcome = self._run_patched(code, filename, folder, standins)
        finally:
            if folder is not None:
                os.chdir(home)
                shutil.rmtree(folder, ignore_errors=True)
        # The caller restores the baseline once the outcome is sent (isolation.py); what cannot
        # be restored (an audit hook) is known now.
        if self._baseline is not None and self._baseline.tainted:
            outcome["recycle"] = True
        outcome["durationMs"] = round((real_monotonic() - started) * 1000, 1)
        # The run's own clock (virtual or real), as its timeline's axis and its printed times count.
        outcome["clockMs"] = round(self.clock.elapsed() * 1000, 1)
        return outcome

    def _run_patched(self, code: str, filename: str, folder: str | None, standins: StandinRun | None) -> Outcome:
        with RunPatches(self, filename) as patches:
            if self._baseline is not None:
                patches.on_exit(self._baseline.guard_audit_hooks())
            if standins is not None:
                patches.on_exit(standins.install(self.clock.excluded))
            module = types.ModuleType("__main__")
            module.__file__ = filename
            module.__builtins__ = builtins  # type: ignore[attr-defined]
            namespace = module.__dict__
            patches.set_main(module)
            patches.register_source(code)
            if folder is not None:
                sys.path.insert(0, folder)
            # A context of its own: context variables the program sets do not outlive it.
            outcome = contextvars.copy_context().run(self._execute, code, filename, namespace)
            self._release(namespace)
        outcome["droppedChars"] = self.output.dropped if self.output is not None else 0
        if standins is not None and standins.used:
            outcome["standins"] = sorted(standins.used)  # what the page labels the run with
        self.flush(final=True)
        # After the last batch: the recorder counts what did not fit when it sends.
        if self.recorder is not None and self.recorder.dropped:
            outcome["droppedEvents"] = self.recorder.dropped
        return outcome

    def _enter_folder(self, files: dict[str, str]) -> str:
        """An empty working folder for the run, holding the helper modules it was given."""
        folder = tempfile.mkdtemp(prefix="program-")
        for name, source in files.items():
            if os.path.basename(name) != name or not name.endswith(".py"):
                raise ValueError(f"a helper module must be a plain file name ending in .py; received {name!r}")
            with open(os.path.join(folder, name), "w", encoding="utf-8") as file:
                file.write(source)
        os.chdir(folder)
        return folder

    def _execute(self, code: str, filename: str, namespace: dict[str, Any]) -> Outcome:
        try:
            try:
                compiled = compile(code, filename, "exec", dont_inherit=True)
                self._armed = True
                self.clock.restart()
                exec(compiled, namespace)
            finally:
                self._armed = False
                self._close_loops()
                self._run_exit_functions()
            return {"status": "ok", "exitCode": 0}
        except BaseException as exc:  # every ending is an outcome, none escapes
            return self._outcome_of(exc)

    def _run_exit_functions(self) -> None:
        """``atexit`` functions run when the program ends, as at interpreter exit on CPython."""
        try:
            atexit._run_exitfuncs()
        finally:
            atexit._clear()

    def _release(self, namespace: dict[str, Any]) -> None:
        """Drops the program's objects now, so what their end prints comes now, as CPython's would.

        CPython reports a coroutine that was never awaited when it is collected; at the end of a
        program that happens at interpreter exit, reported against ``sys``. Here it happens in this
        method: the warnings are caught and told again as CPython tells them, ``sys:1: ...``.
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            namespace.clear()
            gc.collect()
        for warning in caught:
            # As CPython at exit: "sys:1: RuntimeWarning: ...", with no tracemalloc hint.
            warnings.warn_explicit(warning.message, warning.category, "sys", 1, module="sys", registry=None)

    def _close_loops(self) -> None:
        """Loops the program left open: cancel their tasks, as asyncio.run does, then close."""
        for loop in self.loops:
            if self._stopped:
                _quiet_stopped_tasks(loop)
            if loop.is_closed() or loop.is_running():
                continue
            try:
                tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
                for task in tasks:
                    task.cancel()
                if tasks:
                    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()

    def _outcome_of(self, exc: BaseException) -> Outcome:
        write = sys.stderr.write
        if isinstance(exc, StopRun) or self._stopped:
            # A stop is a stop, whatever the program or asyncio made of the StopRun on its way out.
            return {"status": "stopped", "exitCode": 1}
        if isinstance(exc, Deadlock):
            return {"status": "deadlock", "exitCode": 1, "message": str(exc), "explanation": exc.explanation}
        if isinstance(exc, ProgramExit):
            exc = SystemExit(exc.code)
        if isinstance(exc, SystemExit):
            code = exc.code
            if code is None or code == 0:
                return {"status": "ok", "exitCode": 0}
            if isinstance(code, int):
                return _error(code, {"key": "exitCode", "values": {"code": code}})
            write(f"{code}\n")
            return _error(1, {"key": "exitText", "values": {"text": str(code)}})
        write(format_exception(exc))
        outcome = _error(1, explain(exc))
        if isinstance(exc, MemoryError):
            outcome["outOfMemory"] = True
        return outcome


def _error(code: int, explanation: Explanation) -> Outcome:
    return {"status": "error", "exitCode": code, "message": render(explanation), "explanation": explanation}


def _quiet_stopped_tasks(loop: PlaygroundLoop) -> None:
    """After a stop, the tasks the StopRun passed through are the runner's business, not news.

    asyncio stores the StopRun (a KeyboardInterrupt) in the task it interrupted and would later
    log "Task exception was never retrieved" with the runner's frames, and "Task was destroyed
    but it is pending!" for the tasks the stop left waiting.
    """
    for task in list(loop.task_order):
        task._log_destroy_pending = False  # type: ignore[attr-defined]
        if task.done() and not task.cancelled() and isinstance(getattr(task, "_exception", None), StopRun):
            task.exception()  # marks it retrieved
