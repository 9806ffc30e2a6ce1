"""Checks a reader's answer to an exercise by running it, and says what it found in plain words.

One module, used in three places:

- the browser: the exercise island runs a two-line program in the playground runner (virtual
  clock, task events, Stop) with this module and the exercise's ``check.py`` as helper files;
- the tests: the same program, through the same runner, on CPython and in Pyodide under Node;
- a downloaded exercise file (``uv run exercise.py``): plain CPython, real clock.

The reader's code is compiled and run here, not imported as a helper module: each run gets a
fresh namespace (module-level state never leaks from one check to the next), the program can be
run as ``__main__`` or loaded as a module without running its ``if __name__ == "__main__":``
block, a syntax error becomes a sentence, and every exception is caught here and described by the
reader's own lines (never a traceback into this file or into the checks).

Each run of the reader's code happens on an event loop this module drives: a virtual-time limit
(instant on the virtual clock) and a step budget stop a runaway, and a probe records what the run
did (when each task was created and ended, how many were alive at once, which were still pending
when ``main()`` returned, which steps held the loop). Checks read that record; they never look
at the text of the code to decide a pass (mistake detectors may, to name a known wrong answer).

An exercise's ``check.py`` registers its checks in order, with the ids its ``exercise.yaml``
gives titles and messages to::

    from livecheck import Context, check, mistake

    @check("fast")
    def fast(ctx: Context) -> None:
        run = ctx.program()
        ctx.expect(run.elapsed <= 2.05, "too-slow", elapsed=f"{run.elapsed:.1f}")

    @mistake("not-awaited")
    def not_awaited(ctx: Context) -> bool:
        return ctx.program().never_awaited("sleep")
"""

from __future__ import annotations

import ast
import asyncio
import gc
import inspect
import json
import linecache
import random
import sys
import traceback
import types
import warnings
from asyncio import events
from dataclasses import dataclass, field
from typing import Any, Callable, Coroutine, Iterator, TypeVar

__all__ = [
    "Context",
    "Failed",
    "NotChecked",
    "Run",
    "TaskRecord",
    "check",
    "evaluate",
    "main",
    "mistake",
]

#: The line the verdict travels on, in the program's stdout (the reader's output is captured,
#: so nothing else is printed there).
VERDICT_MARKER = "\x1elivecheck-verdict "
VERDICT_VERSION = 1
#: Longest a run may take on its clock before it is stopped: instant on the virtual clock.
DEFAULT_LIMIT = 60.0
#: A downloaded exercise runs on the real clock: a deadlock should not cost a minute.
LOCAL_LIMIT_CAP = 10.0
#: Event-loop steps one run may take: ``while True: await asyncio.sleep(0)`` never moves the
#: clock, so the time limit alone would not stop it.
STEP_BUDGET = 20_000
#: A step of a task during which the clock moved this much held the loop (a blocking call).
BLOCKING_STEP = 0.02
#: Output kept per run (the rest is counted, not stored).
OUTPUT_LIMIT = 20_000
#: Output shown with a verdict.
SHOWN_OUTPUT = 4_000

# -- the words ---------------------------------------------------------------------------------
#
# Messages of the checker itself. An exercise's own messages live in its exercise.yaml. `{name}`
# takes a value; backticks mark code (the page shows it as code).

BUILTIN_MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "syntax": "Python cannot read your code: {problem} (line {line}).",
        "raised": "Your code raised `{error}` at line {line}, in `{function}`.",
        "raised-using": "Using your code raised `{error}`.",
        "timeout": (
            "Your code was still running after {limit} s and was stopped: it never finishes. "
            "Still waiting: {waiting}."
        ),
        "deadlock": (
            "Your code is stuck: every task waits for something that never happens (a deadlock). "
            "Waiting: {waiting}."
        ),
        "steps": (
            "Your code took {steps} turns of the event loop without finishing and was stopped: "
            "a loop that never waits for anything real?"
        ),
        "exit": "Your code ended the program (`{call}`); the check needs it to return instead.",
        "missing-function": "Your code has no `{name}`: define it (check the spelling).",
        "not-coroutine-function": "`{name}` must be a coroutine function: define it with `async def`.",
        "not-coroutine": "`{name}(...)` returned `{got}`, not a coroutine: is it an `async def`?",
        "not-checked": "Not checked: your code has to run first.",
        "checker-bug": (
            "This check could not run ({error}). That is a bug in the exercise, not in your code."
        ),
        "nothing-waiting": "no task",
        "line-of": "`{function}` (line {line})",
        "report-title": "Checking “{title}”",
        "report-passed": "All {total} checks passed.",
        "report-failed": "{passed} of {total} checks passed.",
        "report-mistake": "Looks like a known mistake:",
        "report-output": "Your program printed:",
    },
    "pt-BR": {
        "syntax": "O Python não consegue ler o seu código: {problem} (linha {line}).",
        "raised": "O seu código levantou `{error}` na linha {line}, em `{function}`.",
        "raised-using": "Usar o seu código levantou `{error}`.",
        "timeout": (
            "O seu código ainda rodava depois de {limit} s e foi parado: ele nunca termina. "
            "Ainda esperando: {waiting}."
        ),
        "deadlock": (
            "O seu código travou: toda tarefa espera por algo que nunca acontece (um deadlock). "
            "Esperando: {waiting}."
        ),
        "steps": (
            "O seu código deu {steps} voltas no loop de eventos sem terminar e foi parado: "
            "um laço que nunca espera por nada de verdade?"
        ),
        "exit": "O seu código encerrou o programa (`{call}`); a verificação precisa que ele retorne.",
        "missing-function": "O seu código não tem `{name}`: defina-o (confira a grafia).",
        "not-coroutine-function": "`{name}` precisa ser uma função de corrotina: defina-a com `async def`.",
        "not-coroutine": "`{name}(...)` devolveu `{got}`, não uma corrotina: ela é `async def`?",
        "not-checked": "Não verificado: o seu código precisa rodar primeiro.",
        "checker-bug": (
            "Esta verificação não pôde rodar ({error}). Isso é um bug do exercício, não do seu código."
        ),
        "nothing-waiting": "nenhuma tarefa",
        "line-of": "`{function}` (linha {line})",
        "report-title": "Verificando “{title}”",
        "report-passed": "Todas as {total} verificações passaram.",
        "report-failed": "{passed} de {total} verificações passaram.",
        "report-mistake": "Parece um erro conhecido:",
        "report-output": "O seu programa imprimiu:",
    },
}

# -- registering checks ------------------------------------------------------------------------

CheckFunction = Callable[["Context"], None]
MistakeFunction = Callable[["Context"], "bool | dict[str, Any]"]
F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class _Registry:
    checks: list[tuple[str, CheckFunction]] = field(default_factory=list)
    mistakes: list[tuple[str, MistakeFunction]] = field(default_factory=list)


_registry = _Registry()


def check(check_id: str) -> Callable[[F], F]:
    """Registers a check: a function that returns when the answer passes and calls
    ``ctx.fail`` / ``ctx.expect`` (or lets a reader error through) when it does not."""

    def register(function: F) -> F:
        _registry.checks.append((check_id, function))
        return function

    return register


def mistake(message_id: str) -> Callable[[F], F]:
    """Registers a detector of a known wrong answer: it returns True (or a dict of the values its
    message needs) when the answer looks like that mistake, whose message (``message_id`` in
    exercise.yaml) is then shown first. Detectors run only when a check failed, in the order they
    were registered; the first match wins."""

    def register(function: F) -> F:
        _registry.mistakes.append((message_id, function))
        return function

    return register


# -- what a check can say ----------------------------------------------------------------------


class Failed(Exception):
    """A check failed, with a message id (the exercise's, or the checker's own) and its values."""

    def __init__(self, message_id: str, details: str | None = None, **params: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params
        #: The reader's traceback (their frames only), shown on request.
        self.details = details


class NotChecked(Exception):
    """A check could not be made because something it needs failed first (reported once)."""


class _Abort(BaseException):
    """Ends a program run from inside ``asyncio.run`` once a limit stopped it."""

    def __init__(self, problem: Failed) -> None:
        super().__init__(problem.message_id)
        self.problem = problem


# -- what a run did ----------------------------------------------------------------------------


@dataclass
class TaskRecord:
    """One task of a run, as the probe saw it. Times are seconds since the run started."""

    name: str
    #: The coroutine's function name (``brew``), or the type of awaitable.
    coroutine: str
    created: float
    ended: float | None = None
    #: result | exception | cancelled | pending
    outcome: str = "pending"
    #: The task that ran the coroutine given to the run (``main()``).
    root: bool = False
    #: Where it waited when it was last seen pending: ``(function, line)`` in the reader's code.
    where: tuple[str, int] | None = None

    def label(self) -> str:
        return f"`{self.coroutine}` ({self.name})"


@dataclass
class BlockingStep:
    task: str
    coroutine: str
    start: float
    duration: float


@dataclass
class Run:
    """What one run of the reader's code did."""

    output: str = ""
    errors: str = ""
    #: What the coroutine given to the run returned.
    value: Any = None
    #: The exception that ended the run, if any (raised by the reader's code or its use).
    exception: BaseException | None = None
    #: What went wrong, as a message (None when the run ended normally).
    problem: Failed | None = None
    #: Seconds on the run's clock from the start to ``main()`` returning (summed over its loops).
    elapsed: float = 0.0
    tasks: list[TaskRecord] = field(default_factory=list)
    #: Tasks still pending when ``main()`` returned (the run then cancels them, as asyncio.run does).
    pending: list[TaskRecord] = field(default_factory=list)
    blocking: list[BlockingStep] = field(default_factory=list)
    steps: int = 0
    warnings: list[str] = field(default_factory=list)
    dropped_output: int = 0

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()

    def max_at_once(self, coroutine: str | None = None) -> int:
        """The most tasks alive at the same moment (not counting ``main()``'s own task).

        A task is alive from its creation until it ends; ``coroutine`` counts only the tasks
        running that coroutine function (``"worker"``).
        """
        edges: list[tuple[float, int]] = []
        for task in self.tasks:
            if task.root or (coroutine is not None and task.coroutine != coroutine):
                continue
            edges.append((task.created, 1))
            edges.append((task.ended if task.ended is not None else float("inf"), -1))
        # At equal times an end comes before a start: one task replacing another is not overlap.
        edges.sort(key=lambda edge: (edge[0], edge[1]))
        alive = most = 0
        for _, change in edges:
            alive += change
            most = max(most, alive)
        return most

    def children(self, coroutine: str | None = None) -> list[TaskRecord]:
        return [t for t in self.tasks if not t.root and (coroutine is None or t.coroutine == coroutine)]

    def never_awaited(self, name: str | None = None) -> bool:
        """Whether Python warned that a coroutine (``name``, or any) was never awaited."""
        return any(
            "was never awaited" in text and (name is None or f"'{name}'" in text or f".{name}'" in text)
            for text in self.warnings
        )

    def describe(self, tasks: list[TaskRecord], limit: int = 4) -> str:
        """Tasks for a message, by coroutine: "`send_email` ×3, `log`"."""
        counts: dict[str, int] = {}
        for task in tasks:
            counts[task.coroutine] = counts.get(task.coroutine, 0) + 1
        parts = [f"`{name}`" + (f" ×{count}" if count > 1 else "") for name, count in counts.items()]
        return ", ".join(parts[:limit]) + (f" (+{len(parts) - limit})" if len(parts) > limit else "")


# -- the reader's code --------------------------------------------------------------------------


class Answer:
    """The reader's source, compiled under the file name they see in the editor."""

    def __init__(self, code: str, filename: str) -> None:
        self.code = code
        self.filename = filename
        self._compiled: types.CodeType | None = None
        self._tree: ast.Module | None = None

    @property
    def stem(self) -> str:
        return self.filename.rsplit("/", 1)[-1].removesuffix(".py") or "answer"

    def compiled(self) -> types.CodeType:
        """The code object, or Failed("syntax") with the line Python points at."""
        if self._compiled is None:
            # Tracebacks and task stacks show the reader's lines, wherever the file lives.
            linecache.cache[self.filename] = (len(self.code), None, self.code.splitlines(True), self.filename)
            try:
                self._compiled = compile(self.code, self.filename, "exec", dont_inherit=True)
            except SyntaxError as error:
                raise Failed("syntax", problem=error.msg, line=error.lineno or 1) from None
        return self._compiled

    @property
    def tree(self) -> ast.Module:
        if self._tree is None:
            self._tree = ast.parse(self.code, self.filename)
        return self._tree

    def is_mine(self, filename: str) -> bool:
        return filename == self.filename


def _frames_of(traceback_: types.TracebackType | None) -> list[types.FrameType]:
    frames = []
    while traceback_ is not None:
        frames.append(traceback_.tb_frame)
        traceback_ = traceback_.tb_next
    return frames


def _leaf(exc: BaseException) -> BaseException:
    """The first exception inside an exception group (what a reader needs to see first)."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _reader_traceback(exc: BaseException, answer: Answer) -> str:
    """A traceback as Python prints it, with only the reader's frames."""
    te = traceback.TracebackException.from_exception(exc)
    seen: set[int] = set()

    def keep_mine(node: Any) -> None:
        if node is None or id(node) in seen:
            return
        seen.add(id(node))
        node.stack = traceback.StackSummary.from_list([f for f in node.stack if answer.is_mine(f.filename)])
        keep_mine(node.__cause__)
        keep_mine(node.__context__)
        for sub in getattr(node, "exceptions", None) or ():
            keep_mine(sub)

    keep_mine(te)
    return "".join(te.format())


def describe_exception(exc: BaseException, answer: Answer) -> Failed:
    """The reader-facing message for an exception that came out of their code."""
    if isinstance(exc, SystemExit):
        return Failed("exit", call=f"sys.exit({exc.code!r})" if exc.code is not None else "sys.exit()")
    if type(exc).__name__ == "ProgramExit":  # the runner's os._exit
        return Failed("exit", call=f"os._exit({getattr(exc, 'code', '')})")
    if type(exc).__name__ == "Deadlock":  # the runner's, from a loop the reader drove themself
        return Failed("deadlock", waiting=_short(str(exc).split("Waiting:")[-1].strip(" .")) or "?")
    leaf = _leaf(exc)
    text = str(leaf)
    error = f"{type(leaf).__name__}: {_short(text)}" if text else type(leaf).__name__
    details = _reader_traceback(exc, answer)
    mine = [f for f in _frames_of(leaf.__traceback__) if answer.is_mine(f.f_code.co_filename)]
    if not mine and leaf is not exc:
        mine = [f for f in _frames_of(exc.__traceback__) if answer.is_mine(f.f_code.co_filename)]
    if not mine:
        return Failed("raised-using", details=details, error=error)
    last = mine[-1]
    function = last.f_code.co_name
    return Failed(
        "raised",
        details=details,
        error=error,
        line=_line_of(leaf, last),
        function="module level" if function == "<module>" else function,
    )


def _tb_for(exc: BaseException, frame: types.FrameType) -> types.TracebackType | None:
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame is frame:
            return tb
        tb = tb.tb_next
    return None


def _line_of(exc: BaseException, frame: types.FrameType) -> int:
    """The line of ``frame`` the exception passed through (not where the frame is now)."""
    tb = _tb_for(exc, frame)
    return tb.tb_lineno if tb is not None else frame.f_lineno


# -- the probe: what a run's event loops did ---------------------------------------------------


def _await_chain_frames(awaitable: Any) -> Iterator[types.FrameType]:
    """The frames of a suspended coroutine and of everything it awaits, outermost first."""
    seen = 0
    while awaitable is not None and seen < 50:
        seen += 1
        frame = getattr(awaitable, "cr_frame", None) or getattr(awaitable, "ag_frame", None) or getattr(awaitable, "gi_frame", None)
        if frame is not None:
            yield frame
        awaitable = (
            getattr(awaitable, "cr_await", None)
            or getattr(awaitable, "ag_await", None)
            or getattr(awaitable, "gi_yieldfrom", None)
        )


class _Probe:
    """Records one event loop's tasks and steps for a Run."""

    def __init__(self, loop: asyncio.AbstractEventLoop, run: Run, context: Context) -> None:
        self.loop = loop
        self.run = run
        self.context = context
        self.records: dict[asyncio.Task[Any], TaskRecord] = {}
        self.origin = loop.time()
        self.root: asyncio.Task[Any] | None = None
        self.main_returned_at: float | None = None
        self.stop_reason: Failed | None = None
        self.limit_handle: asyncio.TimerHandle | None = None
        self.budget_left = STEP_BUDGET
        loop.set_task_factory(self._factory)  # type: ignore[arg-type]

    def now(self) -> float:
        return self.loop.time() - self.origin

    def _factory(self, loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> asyncio.Task[Any]:
        task: asyncio.Task[Any] = asyncio.Task(coro, loop=loop, **kwargs)
        name = getattr(getattr(coro, "cr_code", None), "co_name", None) or type(coro).__name__
        record = TaskRecord(name=task.get_name(), coroutine=name, created=self.now())
        self.records[task] = record
        self.run.tasks.append(record)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        record = self.records.get(task)
        if record is None:
            return
        record.ended = self.now()
        record.name = task.get_name()
        if task.cancelled():
            record.outcome = "cancelled"
        elif task.exception() is not None:  # marks it retrieved: the check reports it instead
            record.outcome = "exception"
        else:
            record.outcome = "result"

    def where(self, task: asyncio.Task[Any]) -> tuple[str, int] | None:
        deepest = None
        for frame in _await_chain_frames(task.get_coro()):
            if self.context.answer.is_mine(frame.f_code.co_filename):
                deepest = (frame.f_code.co_name, frame.f_lineno)
        return deepest

    def waiting(self) -> list[TaskRecord]:
        found = []
        for task, record in self.records.items():
            if not task.done():
                record.name = task.get_name()
                record.where = self.where(task)
                found.append(record)
        return found

    def mark_main_returned(self) -> None:
        self.main_returned_at = self.now()
        self.run.pending.extend(r for r in self.waiting() if not r.root)

    # -- limits ---------------------------------------------------------------------------------

    def arm(self, limit: float) -> None:
        self.limit_handle = self.loop.call_at(self.loop.time() + limit, self._on_limit, limit)

    def _on_limit(self, limit: float) -> None:
        scheduled = getattr(self.loop, "_scheduled", [])
        others = [h for h in scheduled if not h.cancelled() and h is not self.limit_handle]
        waiting = [r for r in self.waiting()]
        described = self.context.describe_waiting(waiting)
        if not others and not getattr(self.loop, "_ready", None):
            self.stop_reason = Failed("deadlock", waiting=described)
        else:
            self.stop_reason = Failed("timeout", limit=self.context.seconds(limit), waiting=described)
        self.loop.stop()

    def step(self, handle: events.Handle, run_step: Callable[[], None]) -> None:
        self.run.steps += 1
        self.budget_left -= 1
        if self.budget_left == 0 and self.stop_reason is None:
            self.stop_reason = Failed("steps", steps=STEP_BUDGET)
            self.loop.stop()
        owner = getattr(handle._callback, "__self__", None)  # type: ignore[attr-defined]
        if not isinstance(owner, asyncio.Task):
            run_step()
            return
        started = self.loop.time()
        try:
            run_step()
        finally:
            took = self.loop.time() - started
            if took >= BLOCKING_STEP:
                record = self.records.get(owner)
                self.run.blocking.append(
                    BlockingStep(
                        task=owner.get_name(),
                        coroutine=record.coroutine if record else "?",
                        start=started - self.origin,
                        duration=took,
                    )
                )


#: The probe of each loop being driven, for the step wrapper (a handle knows its loop).
_probes: dict[asyncio.AbstractEventLoop, _Probe] = {}
_original_handle_run = events.Handle._run  # type: ignore[attr-defined]


def _probed_handle_run(handle: events.Handle) -> None:
    probe = _probes.get(handle._loop)  # type: ignore[attr-defined]
    if probe is None:
        _original_handle_run(handle)
    else:
        probe.step(handle, lambda: _original_handle_run(handle))


# -- capturing output and warnings -------------------------------------------------------------


class _Capture:
    """A bounded text sink standing in for sys.stdout or sys.stderr during a run."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.dropped = 0

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = OUTPUT_LIMIT - self.size
        if room > 0:
            self.parts.append(text[:room])
            self.size += min(len(text), room)
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return "utf-8"

    def text(self) -> str:
        return "".join(self.parts)


# -- the context a check works with -------------------------------------------------------------


class Context:
    """What a check works with: the reader's code, ways to run it, and ways to say what failed."""

    def __init__(
        self,
        answer: Answer,
        *,
        seed: int = 0,
        limit: float = DEFAULT_LIMIT,
        local: bool = False,
        solution: str | None = None,
    ) -> None:
        self.answer = answer
        #: Generated inputs come from here: the same seed gives the same inputs on every run.
        self.random = random.Random(seed)
        self.limit = limit
        #: A downloaded exercise on plain CPython: the real clock, limits capped.
        self.local = local
        self._solution_code = solution
        self._program: Run | None = None
        self._reported: set[int] = set()
        self.lang = "en"

    @property
    def tolerance(self) -> float:
        """Slack for a time bound. Virtual times are exact for waits, but a step that computes
        for 20 ms or more counts its CPU time (a busy machine, a garbage collection), and on the
        real clock of a downloaded exercise everything takes a little longer."""
        return 0.5 if self.local else 0.25

    def seconds(self, value: float) -> str:
        """A duration for a message, as the reader's language writes it: 4.5 / 4,5."""
        text = f"{value:.1f}"
        return text.replace(".", ",") if self.lang == "pt-BR" else text

    # -- saying what failed ---------------------------------------------------------------------

    def fail(self, message_id: str, **params: Any) -> Failed:
        """Fails the check with the exercise's message ``message_id`` (``raise ctx.fail(...)``
        reads well too: it raises itself)."""
        raise Failed(message_id, **params)

    def expect(self, condition: object, message_id: str, **params: Any) -> None:
        """Fails the check with ``message_id`` unless ``condition`` holds."""
        if not condition:
            raise Failed(message_id, **params)

    # -- running the reader's code --------------------------------------------------------------

    def program(self, *, allow_error: bool = False, limit: float | None = None) -> Run:
        """The reader's code run once as a program (``__main__``), as ``python3 file.py`` would.

        The first check to ask for a run that failed reports its problem; later ones are "not
        checked", so one mistake is told once. With ``allow_error`` the Run comes back whatever
        happened, for a check that gives a problem its own words (``run.problem.message_id`` is
        ``deadlock``, ``timeout``, ``raised``...; ``run.exception`` the exception).
        """
        if self._program is None:
            self._program = self._run_program(self._limit(limit))
        run = self._program
        if run.problem is not None:
            if allow_error:
                self._reported.add(id(run))  # the asking check words it; others are "not checked"
            else:
                self._report_once(run)
        return run

    def module(self) -> types.ModuleType:
        """A fresh copy of the reader's code loaded as a module: its definitions, with its
        ``if __name__ == "__main__":`` block not run. Each call loads it again."""
        module = types.ModuleType(self.answer.stem)
        module.__file__ = self.answer.filename
        run = Run()
        with self._capturing(run), self._asyncio_probed(run, self._limit(None)):
            saved = sys.modules.get(module.__name__)
            sys.modules[module.__name__] = module
            try:
                exec(self.answer.compiled(), module.__dict__)
            except Failed:
                raise
            except (KeyboardInterrupt, _Abort):
                raise
            except BaseException as exc:
                raise describe_exception(exc, self.answer) from None
            finally:
                if saved is None:
                    sys.modules.pop(module.__name__, None)
                else:
                    sys.modules[module.__name__] = saved
        return module

    def function(self, name: str, *, coroutine: bool | None = None) -> Callable[..., Any]:
        """The reader's ``name`` from a fresh module; fails with a plain message if it is
        missing, or (``coroutine=True``) not an ``async def``."""
        found = getattr(self.module(), name, None)
        if found is None or not callable(found):
            raise Failed("missing-function", name=name)
        if coroutine and not inspect.iscoroutinefunction(found):
            raise Failed("not-coroutine-function", name=name)
        return found

    def solution(self) -> types.ModuleType | None:
        """The reference solution loaded as a module (to compare with), when it was given."""
        if self._solution_code is None:
            return None
        module = types.ModuleType("reference_solution")
        exec(compile(self._solution_code, "reference_solution.py", "exec", dont_inherit=True), module.__dict__)
        return module

    def run(
        self,
        start: Callable[[], Coroutine[Any, Any, Any]],
        *,
        limit: float | None = None,
        allow_error: bool = False,
        name: str = "scenario",
    ) -> Run:
        """Runs ``start()`` (a coroutine using the reader's code) on a fresh, probed event loop.

        A reader error (an exception out of their code, a timeout, a deadlock) fails the check
        with its message, unless ``allow_error``: then the Run carries it in ``exception`` /
        ``problem`` for the check to judge (a check that expects an exception).
        """
        run = Run()
        with self._capturing(run), self._asyncio_probed(run, self._limit(limit)):
            try:
                self._drive(start, run, self._limit(limit), name=name)
            except _Abort as abort:
                run.problem = abort.problem
        if run.problem is not None and not allow_error:
            raise run.problem
        return run

    def describe_waiting(self, waiting: list[TaskRecord]) -> str:
        parts = []
        for record in waiting[:4]:
            if record.where is not None:
                function, line = record.where
                parts.append(self.words("line-of", function=function, line=line))
            else:
                parts.append(f"`{record.coroutine}`")
        if len(waiting) > 4:
            parts.append(f"+{len(waiting) - 4}")
        return ", ".join(dict.fromkeys(parts)) or self.words("nothing-waiting")

    def words(self, message_id: str, **params: Any) -> str:
        table = BUILTIN_MESSAGES.get(self.lang) or BUILTIN_MESSAGES["en"]
        return _fill(table.get(message_id) or BUILTIN_MESSAGES["en"][message_id], params)

    # -- reading the code (for mistake detectors, never for a pass) -----------------------------

    @property
    def source(self) -> str:
        return self.answer.code

    def calls(self, dotted: str, *, in_async: bool | None = None) -> int:
        """How many calls to ``dotted`` (``"time.sleep"``, ``"asyncio.sleep"``) the code makes;
        ``in_async=True`` counts only those inside an ``async def``."""
        try:
            tree = self.answer.tree
        except SyntaxError:
            return 0
        count = 0

        def visit(node: ast.AST, inside_async: bool) -> None:
            nonlocal count
            for child in ast.iter_child_nodes(node):
                child_async = inside_async
                if isinstance(child, ast.AsyncFunctionDef):
                    child_async = True
                elif isinstance(child, (ast.FunctionDef, ast.Lambda)):
                    child_async = False
                if isinstance(child, ast.Call) and _dotted(child.func) == dotted:
                    if in_async is None or in_async == child_async:
                        count += 1
                visit(child, child_async)

        visit(tree, False)
        return count

    def awaited_calls(self, name: str) -> tuple[int, int]:
        """``(awaited, not_awaited)`` counts of calls whose function is named ``name``."""
        try:
            tree = self.answer.tree
        except SyntaxError:
            return (0, 0)
        awaited_ids = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Await)}
        awaited = bare = 0
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (_dotted(node.func) or "").split(".")[-1] == name:
                if id(node) in awaited_ids:
                    awaited += 1
                else:
                    bare += 1
        return (awaited, bare)

    # -- machinery --------------------------------------------------------------------------------

    def _limit(self, limit: float | None) -> float:
        value = self.limit if limit is None else limit
        return min(value, LOCAL_LIMIT_CAP) if self.local else value

    def _report_once(self, run: Run) -> None:
        if id(run) in self._reported:
            raise NotChecked()
        self._reported.add(id(run))
        assert run.problem is not None
        raise run.problem

    def _run_program(self, limit: float) -> Run:
        run = Run()
        try:
            code = self.answer.compiled()
        except Failed as problem:
            run.problem = problem
            return run
        module = types.ModuleType("__main__")
        module.__file__ = self.answer.filename
        module.__builtins__ = __builtins__  # type: ignore[attr-defined]
        with self._capturing(run), self._asyncio_probed(run, limit):
            saved_main = sys.modules.get("__main__")
            sys.modules["__main__"] = module
            try:
                exec(code, module.__dict__)
            except _Abort as abort:
                run.problem = abort.problem
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                if not (isinstance(exc, SystemExit) and exc.code in (None, 0)):
                    run.exception = exc
                    run.problem = describe_exception(exc, self.answer)
            finally:
                if saved_main is not None:
                    sys.modules["__main__"] = saved_main
            module.__dict__.clear()
        return run

    def _drive(self, start: Callable[[], Any], run: Run, limit: float, name: str, debug: bool | None = None) -> Any:
        """Runs one coroutine to the end on a new probed loop (as ``asyncio.run`` does)."""
        loop = _new_loop()
        if debug is not None:
            loop.set_debug(debug)
        probe = _Probe(loop, run, self)
        _probes[loop] = probe
        interrupted = False
        try:
            try:
                coro = start()
            except (KeyboardInterrupt, _Abort):
                raise
            except BaseException as exc:
                run.exception = exc
                raise _Abort(describe_exception(exc, self.answer)) from None
            if not inspect.iscoroutine(coro):
                run.exception = TypeError("a coroutine was expected")
                raise _Abort(Failed("not-coroutine", name=name, got=_short(repr(coro), 60)))
            started = loop.time()

            async def root() -> Any:
                try:
                    return await coro
                finally:
                    probe.mark_main_returned()

            task = loop.create_task(root())
            probe.records[task].root = True
            probe.records[task].coroutine = getattr(coro.cr_code, "co_name", name)
            probe.arm(limit)
            try:
                loop.run_until_complete(task)
            except KeyboardInterrupt:
                interrupted = True
                raise
            except BaseException:  # noqa: BLE001 - the task's own exception is read from it below
                if not task.done() and probe.stop_reason is None:
                    raise
            finally:
                end = probe.main_returned_at
                run.elapsed += (end + probe.origin if end is not None else loop.time()) - started
            if probe.stop_reason is not None and not task.done():
                raise _Abort(probe.stop_reason)
            if task.cancelled():
                run.exception = asyncio.CancelledError()
                raise _Abort(describe_exception(asyncio.CancelledError(), self.answer))
            exc = task.exception()
            if exc is not None:
                run.exception = exc
                raise _Abort(describe_exception(exc, self.answer))
            run.value = task.result()
            return run.value
        finally:
            try:
                if not interrupted:
                    _finish_loop(loop, probe)
            finally:
                _probes.pop(loop, None)
                if not loop.is_closed() and not loop.is_running():
                    loop.close()

    # -- patches during a run -----------------------------------------------------------------------

    def _capturing(self, run: Run) -> _Patch:
        stdout, stderr = _Capture(), _Capture()
        recorded: list[warnings.WarningMessage] = []
        catcher = warnings.catch_warnings(record=True)

        def enter() -> None:
            nonlocal recorded
            log = catcher.__enter__()
            recorded = log if log is not None else []
            warnings.simplefilter("always")
            sys.stdout, sys.stderr = stdout, stderr  # type: ignore[assignment]

        def leave() -> None:
            # A coroutine never awaited is reported when it is collected: collect now, so it
            # counts for this run.
            gc.collect()
            for warning in recorded:
                text = f"{warning.category.__name__}: {warning.message}"
                run.warnings.append(text)
                stderr.write(text + "\n")
            catcher.__exit__(None, None, None)
            run.output = stdout.text()
            run.errors = stderr.text()
            run.dropped_output = stdout.dropped

        return _Patch(enter, leave, restore=[(sys, "stdout"), (sys, "stderr")])

    def _asyncio_probed(self, run: Run, limit: float) -> _Patch:
        """``asyncio.run`` drives the program's coroutine here (limited and probed); any other
        loop the program makes is probed too."""
        context = self

        def probed_run(main: Any, *, debug: bool | None = None, **_: Any) -> Any:
            if events._get_running_loop() is not None:
                raise RuntimeError("asyncio.run() cannot be called from a running event loop")
            if not inspect.iscoroutine(main):
                raise ValueError(f"a coroutine was expected, got {main!r}")
            return context._drive(lambda: main, run, limit, name="main", debug=debug)

        def probed_new_event_loop() -> asyncio.AbstractEventLoop:
            loop = _new_loop()
            _probes[loop] = _Probe(loop, run, context)
            return loop

        def enter() -> None:
            asyncio.run = probed_run  # type: ignore[assignment]
            asyncio.new_event_loop = probed_new_event_loop  # type: ignore[assignment]
            events.new_event_loop = probed_new_event_loop  # type: ignore[assignment]
            events.Handle._run = _probed_handle_run  # type: ignore[attr-defined]

        return _Patch(
            enter,
            lambda: None,
            restore=[(asyncio, "run"), (asyncio, "new_event_loop"), (events, "new_event_loop"), (events.Handle, "_run")],
        )


_original_new_event_loop = events.new_event_loop


def _new_loop() -> asyncio.AbstractEventLoop:
    return _original_new_event_loop()


def _finish_loop(loop: asyncio.AbstractEventLoop, probe: _Probe) -> None:
    """Cancels what the run left behind, gives it a bounded chance to end, and closes the loop."""
    if loop.is_closed():
        return
    # What the clean-up itself creates (asyncio.wait, shutdown_asyncgens) is not the reader's.
    loop.set_task_factory(None)
    leftover = [t for t in probe.records if not t.done()]
    leftover += [t for t in asyncio.all_tasks(loop) if not t.done() and t not in probe.records]
    for task in leftover:
        task.cancel()
    if leftover:
        probe.stop_reason = probe.stop_reason or Failed("timeout", limit="?", waiting="?")
        probe.budget_left = 10_000
        handle = loop.call_later(5.0, loop.stop)
        try:
            loop.run_until_complete(asyncio.wait(leftover))
        except RuntimeError:
            pass  # stopped: some task refuses to end (it swallows its cancellation)
        handle.cancel()
    for task in leftover:
        if not task.done():
            # It will never end: close its coroutine now, quietly, instead of at collection.
            task._log_destroy_pending = False  # type: ignore[attr-defined]
            try:
                task.get_coro().close()  # type: ignore[union-attr]
            except BaseException:  # noqa: BLE001 - its own clean-up failing is its business
                pass
        elif not task.cancelled():
            task.exception()  # retrieved: the check reports, asyncio need not log it
    try:
        loop.run_until_complete(loop.shutdown_asyncgens())
    except Exception:
        pass
    loop.close()


class _Patch:
    """A context manager that sets things for a run and puts them back after it, whatever happens."""

    def __init__(
        self,
        enter: Callable[[], None],
        leave: Callable[[], None],
        restore: list[tuple[Any, str]],
    ) -> None:
        self._enter = enter
        self._leave = leave
        self._restore = restore
        self._saved: list[tuple[Any, str, Any]] = []

    def __enter__(self) -> None:
        self._saved = [(obj, name, getattr(obj, name)) for obj, name in self._restore]
        self._enter()

    def __exit__(self, *exc_info: Any) -> None:
        try:
            self._leave()
        finally:
            for obj, name, value in reversed(self._saved):
                setattr(obj, name, value)


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def _fill(template: str, params: dict[str, Any]) -> str:
    class Keep(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return template.format_map(Keep({key: str(value) for key, value in params.items()}))


# -- evaluating an answer ----------------------------------------------------------------------


@dataclass
class Texts:
    """An exercise's words in one language (from exercise.yaml)."""

    title: str = ""
    #: Check id -> what it checks, in the order the verdict lists them.
    checks: dict[str, str] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)


def _message(ctx: Context, texts: Texts, failed: Failed) -> str:
    template = texts.messages.get(failed.message_id)
    if template is None:
        template = (BUILTIN_MESSAGES.get(ctx.lang) or BUILTIN_MESSAGES["en"]).get(failed.message_id)
    if template is None:
        raise KeyError(f"no message {failed.message_id!r} in exercise.yaml")
    return _fill(template, failed.params)


def evaluate(
    code: str,
    filename: str,
    texts: Texts,
    *,
    lang: str = "en",
    seed: int = 0,
    local: bool = False,
    solution: str | None = None,
    registry: _Registry | None = None,
) -> dict[str, Any]:
    """Runs every registered check on ``code`` and returns the verdict (JSON-ready)."""
    registry = registry or _registry
    ctx = Context(Answer(code, filename), seed=seed, local=local, solution=solution)
    ctx.lang = lang
    registered = dict(registry.checks)
    results: list[dict[str, Any]] = []
    details: str | None = None
    problem_ids: list[str] = []
    unknown = [check_id for check_id in registered if check_id not in texts.checks]
    missing = [check_id for check_id in texts.checks if check_id not in registered]
    if unknown or missing:
        error = f"check ids differ from exercise.yaml: only in check.py {unknown}, only in exercise.yaml {missing}"
        return _verdict_of_bug(ctx, texts, error)
    for check_id, title in texts.checks.items():
        result: dict[str, Any] = {"id": check_id, "title": title}
        try:
            registered[check_id](ctx)
            result["status"] = "pass"
        except Failed as failed:
            result["status"] = "fail"
            result["messageId"] = failed.message_id
            problem_ids.append(failed.message_id)
            try:
                result["message"] = _message(ctx, texts, failed)
            except KeyError as error:
                result["message"] = ctx.words("checker-bug", error=str(error))
                result["internal"] = True
            if failed.details and details is None:
                details = failed.details
        except NotChecked:
            result["status"] = "skip"
            result["message"] = ctx.words("not-checked")
        except (KeyboardInterrupt, _Abort):
            raise
        except BaseException as error:  # a bug in the checks: say so, never show their traceback
            result["status"] = "fail"
            result["messageId"] = "checker-bug"
            result["message"] = ctx.words("checker-bug", error=_short(f"{type(error).__name__}: {error}", 120))
            result["internal"] = True
        results.append(result)
    passed = all(r["status"] == "pass" for r in results)
    verdict: dict[str, Any] = {
        "v": VERDICT_VERSION,
        "passed": passed,
        "checks": results,
        "mistake": None,
        "details": details,
    }
    if not passed:
        for message_id, detect in registry.mistakes:
            try:
                matched = detect(ctx)
            except (KeyboardInterrupt, _Abort):
                raise
            except BaseException:  # a detector that cannot decide has not matched
                matched = False
            if matched:
                # A detector may return the values its message needs instead of True.
                params = matched if isinstance(matched, dict) else {}
                verdict["mistake"] = {"id": message_id, "message": _message(ctx, texts, Failed(message_id, **params))}
                break
    program = ctx._program
    if program is not None and (program.output or program.errors):
        shown = (program.output + program.errors)[:SHOWN_OUTPUT]
        verdict["output"] = shown + ("…" if len(program.output + program.errors) > SHOWN_OUTPUT else "")
    return verdict


def _verdict_of_bug(ctx: Context, texts: Texts, error: str) -> dict[str, Any]:
    return {
        "v": VERDICT_VERSION,
        "passed": False,
        "checks": [
            {
                "id": "checker",
                "title": texts.title,
                "status": "fail",
                "messageId": "checker-bug",
                "message": ctx.words("checker-bug", error=error),
                "internal": True,
            }
        ],
        "mistake": None,
        "details": None,
    }


def _load_checks(module_name: str) -> _Registry:
    """Imports the exercise's checks afresh into a registry of their own."""
    global _registry
    previous, _registry = _registry, _Registry()
    try:
        sys.modules.pop(module_name, None)
        __import__(module_name)
        return _registry
    finally:
        _registry = previous


def main(request_json: str, checks_module: str = "exercise_check") -> None:
    """The browser's and the tests' entry point: prints the verdict on one marked line."""
    request = json.loads(request_json)
    out = sys.stdout
    texts = Texts(**request["texts"])
    verdict = evaluate(
        request["code"],
        request["file"],
        texts,
        lang=request.get("lang", "en"),
        seed=int(request.get("seed", 0)),
        solution=request.get("solution"),
        registry=_load_checks(checks_module),
    )
    out.write(VERDICT_MARKER + json.dumps(verdict, ensure_ascii=False) + "\n")
    out.flush()


# -- a downloaded exercise file ----------------------------------------------------------------

CODE_START = "# ===== your code: edit below this line ====="
CODE_END = "# ===== end of your code ====="
DATA_PREFIX = "# livecheck-data: "


def split_exercise_file(text: str) -> tuple[str, dict[str, Any]]:
    """The reader's code between the markers, and the exercise data on the file's last line."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == CODE_START)
    end = next(i for i, line in enumerate(lines) if line.rstrip() == CODE_END and i > start)
    data_line = next(line for line in reversed(lines) if line.startswith(DATA_PREFIX))
    # The code keeps its line numbers: the lines above it become blank.
    code = "\n" * (start + 1) + "".join(lines[start + 1 : end])
    return code, json.loads(data_line[len(DATA_PREFIX) :])


def report(verdict: dict[str, Any], title: str, lang: str) -> str:
    """A verdict as text for a terminal."""
    ctx = Context(Answer("", "x.py"))
    ctx.lang = lang
    lines = [ctx.words("report-title", title=title), ""]
    marks = {"pass": "✓", "fail": "✗", "skip": "–"}
    for result in verdict["checks"]:
        lines.append(f"  {marks[result['status']]} {result['title']}")
        if result["status"] != "pass" and result.get("message"):
            lines.append(f"      {result['message']}")
    if verdict.get("mistake"):
        lines += ["", ctx.words("report-mistake"), f"  {verdict['mistake']['message']}"]
    if verdict.get("details"):
        lines += ["", verdict["details"].rstrip()]
    total = len(verdict["checks"])
    passed = sum(1 for r in verdict["checks"] if r["status"] == "pass")
    lines += ["", ctx.words("report-passed", total=total) if verdict["passed"] else ctx.words("report-failed", passed=passed, total=total)]
    return "\n".join(lines) + "\n"


def check_file(path: str, *, lang: str | None = None) -> int:
    """Checks a downloaded exercise file on this CPython; exit status 0 when every check passes."""
    with open(path, encoding="utf-8") as file:
        code, data = split_exercise_file(file.read())
    lang = lang or data.get("lang", "en")
    module = types.ModuleType("exercise_check")
    sys.modules["exercise_check"] = module
    global _registry
    previous, _registry = _registry, _Registry()
    try:
        exec(compile(data["check"], "exercise_check.py", "exec"), module.__dict__)
        registry = _registry
    finally:
        _registry = previous
    texts = Texts(**data["texts"])
    verdict = evaluate(code, path, texts, lang=lang, seed=int(data.get("seed", 0)), local=True, registry=registry)
    if "--json" in sys.argv[1:]:  # the site's tests read the verdict itself
        print(VERDICT_MARKER + json.dumps(verdict, ensure_ascii=False))
    else:
        print(report(verdict, texts.title, lang), end="")
    return 0 if verdict["passed"] else 1


def run_file(path: str) -> int:
    """Runs the reader's code of a downloaded exercise file as a program (``--run``)."""
    with open(path, encoding="utf-8") as file:
        code, _ = split_exercise_file(file.read())
    namespace = {"__name__": "__main__", "__file__": path}
    exec(compile(code, path, "exec"), namespace)
    return 0


if __name__ == "__main__":  # python3 livecheck.py exercise.py [--run]
    target = sys.argv[1]
    sys.exit(run_file(target) if "--run" in sys.argv[2:] else check_file(target))
