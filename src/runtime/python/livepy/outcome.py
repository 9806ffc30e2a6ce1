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
    #: How long the run took on its own clock (the virtual one skips waits), in ms.
    clockMs: float
    outOfMemory: bool
    #: ``message``'s key and values, for the page to word in the reader's language.
    explanation: Explanation
    #: The interpreter should not serve another run (see isolation.py): the page replaces it.
    recycle: bool
    #: The stand-ins the program imported (aiohttp, asyncpg): the page says the run was simulated.
    standins: list[str]


class NotInTheBrowser(OSError):
    """What a network socket, a server or a child process raises in the browser.

    An OSError, as CPython raises when a connection cannot be made, so a program's own
    ``except OSError`` still handles it; its message says why and what to do instead.
    """

    def __init__(self, kind: str, what: str) -> None:
        #: ``network`` or ``processes``: the explanation's key.
        self.kind = kind
        #: What cannot run here, as the program called it (``asyncio.start_server()``).
        self.what = what
        super().__init__(ENGLISH[kind].format(what=what))


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


class WaitingTask(TypedDict, total=False):
    name: str
    line: int
    function: str


class Explanation(TypedDict):
    """A sentence for the reader, as a key and its values: the page words it in its language."""

    key: str
    values: dict[str, Any]


#: The English wording of every explanation, also the runner's own message (the command line
#: prints it). The page words them from its strings (`playground.explain.<key>` in
#: src/content/i18n/*.json); a test keeps these equal to the English strings.
ENGLISH: dict[str, str] = {
    "syntax": "{name} on line {line}: {msg}.",
    "input": (
        "input() is not supported here: the playground cannot read from a keyboard. "
        "Run the example locally to type input."
    ),
    "network": (
        "Network sockets are not available in the browser, so {what} cannot run here. "
        "This program runs on your computer instead: see how to run it locally."
    ),
    "processes": (
        "Child processes are not available in the browser, so {what} cannot run here. "
        "This program runs on your computer instead: see how to run it locally."
    ),
    "module": (
        "The module '{name}' is not available in the browser: "
        "this example runs locally instead (see how to run it on your machine)."
    ),
    "memory": "The program ran out of memory (MemoryError).",
    "threads": "Threads are not available in the browser: this example runs locally instead.",
    "raised": "The program raised {name}: {text}",
    "raisedBare": "The program raised {name}.",
    "exitCode": "The program exited with code {code}.",
    "exitText": "The program exited: {text}",
    "deadlock": (
        "Deadlock: every task is waiting for something that can never happen "
        "(nothing is ready and no timer is set). Waiting: {tasks}."
    ),
    "deadlockNone": (
        "Deadlock: every task is waiting for something that can never happen "
        "(nothing is ready and no timer is set)."
    ),
    "javascriptWait": (
        "The program cannot go on: a task awaits a JavaScript promise, and without JSPI in this "
        "browser JavaScript cannot run until the program ends, so the promise cannot settle. "
        "Waiting: {tasks}."
    ),
    "waitingTask": "{name} (line {line} in {function})",
    "waitingTaskNoLine": "{name}",
    "waitingMore": "{tasks} and {more} more",
}


def explain(exc: BaseException) -> Explanation:
    """What went wrong, as a key and values the page can word in the reader's language."""
    name = type(exc).__name__
    if isinstance(exc, SyntaxError):
        return {"key": "syntax", "values": {"name": name, "line": exc.lineno or 0, "msg": exc.msg}}
    if isinstance(exc, InputNotSupported):
        return {"key": "input", "values": {}}
    if isinstance(exc, NotInTheBrowser):
        return {"key": exc.kind, "values": {"what": exc.what}}
    if isinstance(exc, ModuleNotFoundError):
        return {"key": "module", "values": {"name": exc.name or ""}}
    if isinstance(exc, MemoryError):
        return {"key": "memory", "values": {}}
    if isinstance(exc, RuntimeError) and "can't start new thread" in str(exc):
        return {"key": "threads", "values": {}}
    text = str(exc)
    if len(text) > _LONGEST_TEXT:
        text = text[: _LONGEST_TEXT - 1] + "…"
    if text:
        return {"key": "raised", "values": {"name": name, "text": text}}
    return {"key": "raisedBare", "values": {"name": name}}


def explain_deadlock(waiting: list[WaitingTask], more: int) -> Explanation:
    if not waiting:
        return {"key": "deadlockNone", "values": {}}
    return {"key": "deadlock", "values": {"tasks": waiting, "more": more}}


def explain_javascript_wait(waiting: list[WaitingTask], more: int) -> Explanation:
    return {"key": "javascriptWait", "values": {"tasks": waiting, "more": more}}


def render(explanation: Explanation, templates: dict[str, str] = ENGLISH) -> str:
    """The explanation in words (English by default), as the page renders it too."""
    values = dict(explanation["values"])
    tasks = values.get("tasks")
    if isinstance(tasks, list):
        words = ", ".join(
            templates["waitingTask" if "line" in task else "waitingTaskNoLine"].format(**task)
            for task in tasks
        )
        if values.get("more"):
            words = templates["waitingMore"].format(tasks=words, more=values["more"])
        values["tasks"] = words
    return templates[explanation["key"]].format(**values)


def describe(exc: BaseException) -> str:
    """One sentence a reader can act on (English)."""
    return render(explain(exc))


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
