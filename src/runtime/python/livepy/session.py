"""Runs a reader's program as ``python3 main.py`` would, and says how the run ended.

What differs from simply ``exec``-ing the code, and why:

- the program is ``__main__`` (``if __name__ == "__main__":`` is true), with its file name in
  tracebacks and its source in ``linecache``;
- every event loop it creates (``asyncio.run``, ``asyncio.new_event_loop``, ``asyncio.Runner``)
  is a ``PlaygroundLoop`` on the run's clock, which needs no JSPI and reports deadlocks;
- ``time.sleep`` blocks the whole program as on CPython (Pyodide makes it yield under JSPI);
  on the virtual clock it moves the clock instead of waiting;
- ``input()`` cannot read a keyboard here: it raises an error that says so;
- loops left open at the end are shut down (their tasks cancelled) so nothing runs after the run;
- tracebacks show the reader's frames and the standard library's, never the runner's.
"""

from __future__ import annotations

import asyncio
import builtins
import gc
import itertools
import linecache
import os
import sys
import time
import types
from asyncio import events
from typing import Any, Callable, Protocol, TypedDict

from .clock import Clock, RealClock, VirtualClock, blocking_sleep, patched_time_functions, real_monotonic
from .loop import Deadlock, PlaygroundLoop, StopRun
from .output import NoInput, Output, StreamWriter
from .timeline import Recorder

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


class Outcome(TypedDict, total=False):
    status: str  # ok | error | stopped | deadlock
    exitCode: int
    message: str
    droppedChars: int
    durationMs: float
    outOfMemory: bool


class Host(Protocol):
    """What a run needs from where it runs (the browser worker, or a plain CPython)."""

    #: ``wait`` lets the host process messages (a stop) while it waits.
    can_suspend: bool
    #: ``stop_requested`` can turn true while the interpreter is busy (shared memory).
    can_stop_while_busy: bool

    def wait(self, seconds: float) -> None: ...
    def yield_now(self) -> None: ...
    def stop_requested(self) -> bool: ...
    def send(self, chunks: list[dict[str, Any]], events: list[dict[str, Any]]) -> None: ...


class LocalHost:
    """CPython in a terminal: real blocking waits, Ctrl-C instead of Stop, output not captured."""

    can_suspend = False
    can_stop_while_busy = False

    def wait(self, seconds: float) -> None:
        blocking_sleep(seconds)

    def yield_now(self) -> None:
        pass

    def stop_requested(self) -> bool:
        return False

    def send(self, chunks: list[dict[str, Any]], events: list[dict[str, Any]]) -> None:
        pass


class InputNotSupported(EOFError):
    """What ``input()`` raises: an EOFError, as CPython's with no input to read."""


# Tracebacks name it as the reader can catch it.
InputNotSupported.__name__ = InputNotSupported.__qualname__ = "EOFError"
InputNotSupported.__module__ = "builtins"


INPUT_MESSAGE = "input() is not supported here: this playground cannot read from a keyboard; run the example locally to type input"

#: How often (in ticks of the watchdog) a busy run lets the host read its messages.
YIELD_EVERY_TICKS = 3
#: Longest blocking wait between two looks at the stop flag, when the host can set it while busy.
WAIT_SLICE = 0.05


def _default_policy_class() -> type:
    return getattr(events, "_BaseDefaultEventLoopPolicy", None) or events.BaseDefaultEventLoopPolicy  # type: ignore[attr-defined]


def _set_policy(policy: Any) -> None:
    setter = getattr(events, "_set_event_loop_policy", None) or events.set_event_loop_policy
    setter(policy)


def _get_policy() -> Any:
    getter = getattr(events, "_get_event_loop_policy", None) or events.get_event_loop_policy
    return getter()


class Session:
    def __init__(
        self,
        clock: str = "virtual",
        host: Host | None = None,
        capture: bool = False,
        record: bool = False,
    ) -> None:
        if clock not in ("virtual", "real"):
            raise ValueError(f'clock must be "virtual" or "real"; received {clock!r}')
        self.host: Host = host or LocalHost()
        self.clock: Clock = VirtualClock() if clock == "virtual" else RealClock(self._wait)
        self.loops: list[PlaygroundLoop] = []
        self.output = Output(self.clock) if capture else None
        self.recorder = Recorder(self.clock) if record else None
        self._task_numbers = itertools.count(1)
        self._ticks = 0
        self._started = real_monotonic()
        self._armed = False

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

    def before_wait(self) -> None:
        if self.output is not None or self.recorder is not None:
            self.flush()

    # -- what the event loops of the run need (loop.LoopHost) --------------------------------------

    def wait_until(self, deadline: float) -> None:
        self.before_wait()
        self.clock.wait_until(deadline)
        self.check_stop()

    def next_task_name(self) -> str:
        return f"Task-{next(self._task_numbers)}"

    def loop_created(self, loop: PlaygroundLoop) -> None:
        self.loops.append(loop)

    def check_stop(self) -> None:
        # Raised once, and only inside the program: its finally blocks and asyncio.run's
        # clean-up then run normally; if they take too long, the page ends the worker.
        if self._armed and self.host.stop_requested():
            self._armed = False
            raise StopRun()

    def flush(self, final: bool = False) -> None:
        chunks = self.output.take(final) if self.output is not None else []
        events_ = self.recorder.take() if self.recorder is not None else []
        if chunks or events_:
            self.host.send(chunks, events_)

    def tick(self, signum: int = 0, frame: Any = None) -> None:
        """The watchdog: the interpreter calls this every few ms of running (a signal handler)."""
        self.flush()
        self._ticks += 1
        if self.host.can_suspend and self._ticks % YIELD_EVERY_TICKS == 0:
            self.host.yield_now()  # the host reads its messages: a Stop may be among them
        self.check_stop()

    def _sleep(self, seconds: float) -> None:
        self.before_wait()
        self.clock.sleep(seconds)
        self.check_stop()

    # -- running ---------------------------------------------------------------------------------

    def run(self, code: str, filename: str = "main.py") -> Outcome:
        started = self._started = real_monotonic()
        outcome: Outcome
        namespace: dict[str, Any] = {}
        with _Patched(self, filename) as patched:
            module = types.ModuleType("__main__")
            module.__file__ = filename
            module.__builtins__ = builtins  # type: ignore[attr-defined]
            namespace = module.__dict__
            patched.set_main(module)
            patched.register_source(code)
            try:
                try:
                    compiled = compile(code, filename, "exec", dont_inherit=True)
                    self._armed = True
                    exec(compiled, namespace)
                finally:
                    self._armed = False
                    self._close_loops()
                outcome = {"status": "ok", "exitCode": 0}
            except BaseException as exc:  # every ending is an outcome, none escapes
                outcome = self._outcome_of(exc)
            finally:
                namespace.clear()
                gc.collect()  # "coroutine ... was never awaited" and friends print now, not later
        if self.output is not None:
            outcome["droppedChars"] = self.output.dropped
        else:
            outcome["droppedChars"] = 0
        self.flush(final=True)
        outcome["durationMs"] = round((real_monotonic() - started) * 1000, 1)
        return outcome

    def _close_loops(self) -> None:
        """Loops the program left open: cancel their tasks, as asyncio.run does, then close."""
        for loop in self.loops:
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
        if isinstance(exc, StopRun):
            return {"status": "stopped", "exitCode": 1}
        if isinstance(exc, Deadlock):
            return {"status": "deadlock", "exitCode": 1, "message": str(exc)}
        if isinstance(exc, SystemExit):
            code = exc.code
            if code is None:
                return {"status": "ok", "exitCode": 0}
            if isinstance(code, int):
                if code == 0:
                    return {"status": "ok", "exitCode": 0}
                return {"status": "error", "exitCode": code, "message": f"The program exited with code {code}."}
            write(f"{code}\n")
            return {"status": "error", "exitCode": 1, "message": f"The program exited: {code}"}
        write(format_exception(exc))
        outcome: Outcome = {"status": "error", "exitCode": 1, "message": describe(exc)}
        if isinstance(exc, MemoryError):
            outcome["outOfMemory"] = True
        return outcome


def describe(exc: BaseException) -> str:
    """One sentence a reader can act on."""
    name = type(exc).__name__
    if isinstance(exc, SyntaxError):
        return f"{name} on line {exc.lineno}: {exc.msg}."
    if isinstance(exc, InputNotSupported):
        return "input() is not supported here: the playground cannot read from a keyboard. Run the example locally to type input."
    if isinstance(exc, ModuleNotFoundError):
        return (
            f"The module '{exc.name}' is not available in the browser: "
            "this example runs locally instead (see how to run it on your machine)."
        )
    if isinstance(exc, MemoryError):
        return "The program ran out of memory (MemoryError)."
    if isinstance(exc, RuntimeError) and "can't start new thread" in str(exc):
        return "Threads are not available in the browser: this example runs locally instead."
    text = str(exc)
    if len(text) > 160:
        text = text[:159] + "…"
    return f"The program raised {name}: {text}" if text else f"The program raised {name}."


def _is_runner_frame(filename: str) -> bool:
    return filename.startswith(_PACKAGE_DIR) or os.path.basename(filename) == "run_example.py" or filename == "<frozen runpy>"


def _filter(te: Any, seen: set[int]) -> None:
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    import traceback

    te.stack = traceback.StackSummary.from_list([f for f in te.stack if not _is_runner_frame(f.filename)])
    _filter(te.__cause__, seen)
    _filter(te.__context__, seen)
    for sub in getattr(te, "exceptions", None) or ():
        _filter(sub, seen)


def format_exception(exc: BaseException) -> str:
    """A traceback as CPython prints it, without the runner's frames."""
    import traceback

    te = traceback.TracebackException.from_exception(exc)
    _filter(te, set())
    return "".join(te.format())


class _Patched:
    """Everything a run changes in the interpreter, undone when it ends."""

    def __init__(self, session: Session, filename: str) -> None:
        self._session = session
        self._filename = filename
        self._undo: list[Callable[[], None]] = []

    def _set(self, obj: Any, name: str, value: Any) -> None:
        old = getattr(obj, name)
        setattr(obj, name, value)
        self._undo.append(lambda: setattr(obj, name, old))

    def set_main(self, module: types.ModuleType) -> None:
        old = sys.modules.get("__main__")
        sys.modules["__main__"] = module

        def restore() -> None:
            if old is not None:
                sys.modules["__main__"] = old

        self._undo.append(restore)

    def __enter__(self) -> _Patched:
        session = self._session
        try:
            self._install(session)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _install(self, session: Session) -> None:
        # Pyodide runs our code inside its own loop; the reader's program starts with none.
        running = events._get_running_loop()
        events._set_running_loop(None)
        self._undo.append(lambda: events._set_running_loop(running))

        class PlaygroundPolicy(_default_policy_class()):  # type: ignore[misc]
            def _loop_factory(self) -> PlaygroundLoop:  # type: ignore[override]
                return PlaygroundLoop(session)

        old_policy = _get_policy()
        _set_policy(PlaygroundPolicy())
        self._undo.append(lambda: _set_policy(old_policy))

        # A task factory set by Pyodide's loop calls asyncio.tasks._set_task_name, gone since 3.13.
        if not hasattr(asyncio.tasks, "_set_task_name"):

            def _set_task_name(task: Any, name: Any) -> None:
                if name is not None:
                    task.set_name(name)

            asyncio.tasks._set_task_name = _set_task_name  # type: ignore[attr-defined]

        for name, function in patched_time_functions(session.clock, session._sleep).items():
            self._set(time, name, function)

        def no_input(prompt: object = "") -> str:
            raise InputNotSupported(INPUT_MESSAGE)

        self._set(builtins, "input", no_input)
        self._set(sys, "argv", [self._filename])
        if session.output is not None:
            self._set(sys, "stdout", StreamWriter(session.output, "stdout"))
            self._set(sys, "stderr", StreamWriter(session.output, "stderr"))
            self._set(sys, "stdin", NoInput(lambda: InputNotSupported(INPUT_MESSAGE)))

    def register_source(self, code: str) -> None:
        """Tracebacks show the reader's lines even when the file exists nowhere but here."""
        old = linecache.cache.get(self._filename)
        linecache.cache[self._filename] = (len(code), None, code.splitlines(True), self._filename)

        def restore() -> None:
            if old is None:
                linecache.cache.pop(self._filename, None)
            else:
                linecache.cache[self._filename] = old

        self._undo.append(restore)

    def __exit__(self, *exc_info: Any) -> None:
        while self._undo:
            self._undo.pop()()

