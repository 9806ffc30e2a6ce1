"""Everything a run changes in the interpreter while a program runs, undone when it ends."""

from __future__ import annotations

import asyncio
import builtins
import linecache
import os
import sys
import time
import types
from asyncio import events
from typing import TYPE_CHECKING, Any, Callable, NoReturn

from .clock import patched_time_functions
from .loop import PlaygroundLoop
from .outcome import INPUT_MESSAGE, InputNotSupported
from .output import NoInput, StreamWriter
from .unavailable import socket_patches

if TYPE_CHECKING:
    from .session import Session


class ProgramExit(BaseException):
    """``os._exit(code)``: the program ends here, with that status.

    CPython ends the process without running ``finally`` blocks; here the interpreter serves the
    next run, so the exit travels up as this exception (past ``except Exception``) and the output
    printed before it is kept. In Pyodide the real ``os._exit`` kills the interpreter, and the
    lines still buffered with it.
    """

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _default_policy_class() -> type:
    # Renamed with a leading underscore in 3.14, when policies were deprecated.
    return getattr(events, "_BaseDefaultEventLoopPolicy", None) or getattr(events, "BaseDefaultEventLoopPolicy")


def set_policy(policy: Any) -> None:
    # 3.14 deprecates the public setter; the private one does the same without the warning.
    setter = getattr(events, "_set_event_loop_policy", None) or getattr(events, "set_event_loop_policy")
    setter(policy)


def get_policy() -> Any:
    getter = getattr(events, "_get_event_loop_policy", None) or getattr(events, "get_event_loop_policy")
    return getter()


class RunPatches:
    """A context manager: installs a run's changes on enter, undoes them in reverse on exit."""

    def __init__(self, session: Session, filename: str) -> None:
        self._session = session
        self._filename = filename
        self._undo: list[Callable[[], None]] = []

    def set(self, obj: Any, name: str, value: Any) -> None:
        """Replaces ``obj.name`` for the run."""
        old = getattr(obj, name)
        setattr(obj, name, value)
        self._undo.append(lambda: setattr(obj, name, old))

    def on_exit(self, undo: Callable[[], None]) -> None:
        self._undo.append(undo)

    def __enter__(self) -> RunPatches:
        try:
            self._install(self._session)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc_info: Any) -> None:
        while self._undo:
            self._undo.pop()()

    def _install(self, session: Session) -> None:
        # Pyodide runs our code inside its own loop; the reader's program starts with none.
        running = events._get_running_loop()
        events._set_running_loop(None)
        self.on_exit(lambda: events._set_running_loop(running))

        class PlaygroundPolicy(_default_policy_class()):
            def _loop_factory(self) -> PlaygroundLoop:
                return PlaygroundLoop(session)

        old_policy = get_policy()
        set_policy(PlaygroundPolicy())
        self.on_exit(lambda: set_policy(old_policy))

        # Pyodide wraps asyncio.run (pyodide.webloop._run) and its frame would show in every
        # traceback; the standard library's own function is what CPython runs.
        self.set(asyncio, "run", asyncio.runners.run)

        # A task factory set by Pyodide's loop calls asyncio.tasks._set_task_name, gone since 3.13.
        if not hasattr(asyncio.tasks, "_set_task_name"):

            def _set_task_name(task: Any, name: Any) -> None:
                if name is not None:
                    task.set_name(name)

            asyncio.tasks._set_task_name = _set_task_name  # type: ignore[attr-defined]

        for name, function in patched_time_functions(session.clock, session.sleep).items():
            self.set(time, name, function)

        def no_input(prompt: object = "") -> str:
            raise InputNotSupported(INPUT_MESSAGE)

        def hard_exit(code: int) -> NoReturn:
            raise ProgramExit(code)

        self.set(builtins, "input", no_input)
        self.set(os, "_exit", hard_exit)
        self.set(sys, "argv", [self._filename])
        saved_path = list(sys.path)
        self.on_exit(lambda: sys.path.__setitem__(slice(None), saved_path))
        if session.output is not None:
            self.set(sys, "stdout", StreamWriter(session.output, "stdout"))
            self.set(sys, "stderr", StreamWriter(session.output, "stderr"))
            self.set(sys, "stdin", NoInput(lambda: InputNotSupported(INPUT_MESSAGE)))
        if session.host.sandboxed:
            for obj, name, replacement in socket_patches():
                self.set(obj, name, replacement)

    def set_main(self, module: types.ModuleType) -> None:
        old = sys.modules.get("__main__")
        sys.modules["__main__"] = module

        def restore() -> None:
            if old is not None:
                sys.modules["__main__"] = old

        self.on_exit(restore)

    def register_source(self, code: str) -> None:
        """Tracebacks show the reader's lines even when the file exists nowhere but here."""
        old = linecache.cache.get(self._filename)
        linecache.cache[self._filename] = (len(code), None, code.splitlines(True), self._filename)

        def restore() -> None:
            if old is None:
                linecache.cache.pop(self._filename, None)
            else:
                linecache.cache[self._filename] = old

        self.on_exit(restore)
