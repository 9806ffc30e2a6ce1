"""How a run ended, in words: the traceback a reader sees and one sentence they can act on."""

from __future__ import annotations

import os
import traceback
from typing import Any, TypedDict

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


class Outcome(TypedDict, total=False):
    status: str  # ok | error | stopped | deadlock
    exitCode: int
    message: str
    droppedChars: int
    #: Task events past the recorder's cap (only when some were dropped).
    droppedEvents: int
    durationMs: float
    outOfMemory: bool
    #: The interpreter should not serve another run (see isolation.py): the page replaces it.
    recycle: bool


class NotInTheBrowser(OSError):
    """What a network socket, a server or a child process raises in the browser.

    An OSError, as CPython raises when a connection cannot be made, so a program's own
    ``except OSError`` still handles it; its message says why and what to do instead.
    """


# Tracebacks name it as the reader would catch it.
NotInTheBrowser.__name__ = NotInTheBrowser.__qualname__ = "OSError"
NotInTheBrowser.__module__ = "builtins"


class InputNotSupported(EOFError):
    """What ``input()`` raises: an EOFError, as CPython's with no input to read."""


InputNotSupported.__name__ = InputNotSupported.__qualname__ = "EOFError"
InputNotSupported.__module__ = "builtins"

INPUT_MESSAGE = (
    "input() is not supported here: this playground cannot read from a keyboard; "
    "run the example locally to type input"
)

_LONGEST_TEXT = 160


def describe(exc: BaseException) -> str:
    """One sentence a reader can act on."""
    name = type(exc).__name__
    if isinstance(exc, SyntaxError):
        return f"{name} on line {exc.lineno}: {exc.msg}."
    if isinstance(exc, InputNotSupported):
        return (
            "input() is not supported here: the playground cannot read from a keyboard. "
            "Run the example locally to type input."
        )
    if isinstance(exc, NotInTheBrowser):
        return str(exc)
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
    if len(text) > _LONGEST_TEXT:
        text = text[: _LONGEST_TEXT - 1] + "…"
    return f"The program raised {name}: {text}" if text else f"The program raised {name}."


def is_runner_frame(filename: str) -> bool:
    """The runner's own files, and Pyodide's wrappers around the standard library."""
    normalized = filename.replace("\\", "/")
    return (
        filename.startswith(_PACKAGE_DIR)
        or os.path.basename(filename) == "run_example.py"
        or filename == "<frozen runpy>"
        or "/pyodide/" in normalized
        or "/_pyodide/" in normalized
    )


def _filter(te: Any, seen: set[int]) -> None:
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list([f for f in te.stack if not is_runner_frame(f.filename)])
    _filter(te.__cause__, seen)
    _filter(te.__context__, seen)
    for sub in getattr(te, "exceptions", None) or ():
        _filter(sub, seen)


def format_exception(exc: BaseException) -> str:
    """A traceback as CPython prints it, without the runner's frames or Pyodide's."""
    te = traceback.TracebackException.from_exception(exc)
    _filter(te, set())
    return "".join(te.format())
