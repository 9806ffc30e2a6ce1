"""Runs a reader's code for the checker, and records what it did.

The reader's code is compiled here, not imported: every run gets a fresh namespace (module-level
state never leaks from one check to the next), it can run as ``__main__`` or load as a module
without its ``if __name__ == "__main__":`` block, and a syntax error becomes a sentence.

Every event loop a run makes is driven here, on whatever clock the process has (the playground
runner's virtual clock in the page and the tests, the real one in a downloaded exercise):

- a time limit (instant on the virtual clock) and a step budget stop a runaway; when the limit
  finds nothing scheduled but itself, the run was a deadlock;
- a probe records each task (created, ended, how), the tasks still pending when ``main()``
  returned, and every step of a task during which the clock moved (a blocking call);
- what the run prints and warns is captured per run;
- whatever the run leaves behind is cancelled and closed, even a coroutine that swallows
  everything.

Every exception out of the reader's code becomes a ``Failed`` that names their own line, with a
traceback of their frames only.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import linecache
import sys
import traceback
import types
import warnings
from asyncio import events
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from livecheck_words import seconds, words

#: Longest a run may take on its clock before it is stopped: instant on the virtual clock.
DEFAULT_LIMIT = 60.0
#: A downloaded exercise runs on the real clock: a deadlock should not cost a minute.
LOCAL_LIMIT_CAP = 10.0
#: Event-loop steps one run may take: ``while True: await asyncio.sleep(0)`` never moves the
#: clock, so the time limit alone would not stop it.
STEP_BUDGET = 20_000
#: A step of a task during which the clock moved this much held the loop (a blocking call).
BLOCKING_STEP = 0.02
#: The same on the real clock of a downloaded exercise, where any step takes some time.
LOCAL_BLOCKING_STEP = 0.2
#: Output kept per run (the rest is counted, not stored).
OUTPUT_LIMIT = 20_000


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


class Abort(BaseException):
    """Ends a run from inside ``asyncio.run`` once a limit stopped it (past ``except``s)."""

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
    #: Where it waited when last seen pending: ``(function, line)`` in the reader's code.
    where: tuple[str, int] | None = None


@dataclass
class BlockingStep:
    """A step of a task during which the clock moved: it held the event loop."""

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
    #: Seconds on the run's clock from the start to ``main()`` returning (summed over loops).
    elapsed: float = 0.0
    tasks: list[TaskRecord] = field(default_factory=list)
    #: Tasks pending when ``main()`` returned (the run then cancels them, as asyncio.run does).
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
        for task in self.children(coroutine):
            edges.append((task.created, 1))
            edges.append((task.ended if task.ended is not None else float("inf"), -1))
        # At equal times an end comes before a start: one task replacing another is no overlap.
        edges.sort()
        alive = most = 0
        for _, change in edges:
            alive += change
            most = max(most, alive)
        return most

    def children(self, coroutine: str | None = None) -> list[TaskRecord]:
        """The tasks the run created (not ``main()``'s own), optionally of one coroutine."""
        return [
            task
            for task in self.tasks
            if not task.root and (coroutine is None or task.coroutine == coroutine)
        ]

    def never_awaited(self, name: str | None = None) -> bool:
        """Whether Python warned that a coroutine (``name``, or any) was never awaited."""
        return any(
            "was never awaited" in text
            and (name is None or f"'{name}'" in text or f".{name}'" in text)
            for text in self.warnings
        )

    def describe(self, tasks: list[TaskRecord], limit: int = 4) -> str:
        """Tasks for a message, by coroutine: "`send_email` ×3, `log`"."""
        counts: dict[str, int] = {}
        for task in tasks:
            counts[task.coroutine] = counts.get(task.coroutine, 0) + 1
        parts = [f"`{name}`" + (f" ×{n}" if n > 1 else "") for name, n in counts.items()]
        more = f" (+{len(parts) - limit})" if len(parts) > limit else ""
        return ", ".join(parts[:limit]) + more


# -- the reader's code -------------------------------------------------------------------------


class Answer:
    """The reader's source, compiled under the file name they see in the editor."""

    def __init__(self, code: str, filename: str) -> None:
        self.code = code
        self.filename = filename
        self._compiled: types.CodeType | None = None

    @property
    def stem(self) -> str:
        return self.filename.rsplit("/", 1)[-1].removesuffix(".py") or "answer"

    def compiled(self) -> types.CodeType:
        """The code object, or Failed("syntax") with the line Python points at."""
        if self._compiled is None:
            # Tracebacks and task stacks show the reader's lines, wherever the file lives.
            lines = self.code.splitlines(True)
            linecache.cache[self.filename] = (len(self.code), None, lines, self.filename)
            try:
                self._compiled = compile(self.code, self.filename, "exec", dont_inherit=True)
            except SyntaxError as error:
                raise Failed("syntax", problem=error.msg, line=error.lineno or 1) from None
        return self._compiled

    def is_mine(self, filename: str) -> bool:
        return filename == self.filename


def leaf(exc: BaseException | None) -> BaseException | None:
    """The first exception inside an exception group (what a reader needs to see first)."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _traceback_frames(exc: BaseException) -> list[tuple[types.FrameType, int]]:
    found = []
    tb = exc.__traceback__
    while tb is not None:
        found.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    return found


def _frames_in(exc: BaseException, answer: Answer) -> list[tuple[types.FrameType, int]]:
    """The reader's frames an exception passed through, with the line it passed each at."""
    return [(f, line) for f, line in _traceback_frames(exc) if answer.is_mine(f.f_code.co_filename)]


def _reader_traceback(exc: BaseException, answer: Answer) -> str:
    """A traceback as Python prints it, with only the reader's frames."""
    te = traceback.TracebackException.from_exception(exc)
    seen: set[int] = set()

    def keep_mine(node: Any) -> None:
        if node is None or id(node) in seen:
            return
        seen.add(id(node))
        mine = [frame for frame in node.stack if answer.is_mine(frame.filename)]
        node.stack = traceback.StackSummary.from_list(mine)
        keep_mine(node.__cause__)
        keep_mine(node.__context__)
        for sub in getattr(node, "exceptions", None) or ():
            keep_mine(sub)

    keep_mine(te)
    return "".join(te.format())


def describe_exception(exc: BaseException, answer: Answer, lang: str) -> Failed:
    """The reader-facing message for an exception that came out of their code (or its use)."""
    if isinstance(exc, SystemExit):
        call = f"sys.exit({exc.code!r})" if exc.code is not None else "sys.exit()"
        return Failed("exit", call=call)
    if type(exc).__name__ == "ProgramExit":  # the runner's os._exit
        return Failed("exit", call=f"os._exit({getattr(exc, 'code', '')})")
    if type(exc).__name__ == "Deadlock":  # the runner's, from a loop the reader drove themself
        return Failed("deadlock", waiting=short(str(exc).split("Waiting:")[-1].strip(" .")))
    first = leaf(exc) or exc
    text = str(first)
    error = f"{type(first).__name__}: {short(text)}" if text else type(first).__name__
    details = _reader_traceback(exc, answer)
    mine = _frames_in(first, answer) or (_frames_in(exc, answer) if first is not exc else [])
    if not mine:
        return Failed("raised-using", details=details, error=error)
    frame, line = mine[-1]
    function = frame.f_code.co_name
    return Failed("raised", details=details, error=error, line=line, function=function)


def await_chain_frames(awaitable: Any) -> Iterator[types.FrameType]:
    """The frames of a suspended coroutine and of everything it awaits, outermost first."""
    for _ in range(50):
        if awaitable is None:
            return
        for attribute in ("cr_frame", "ag_frame", "gi_frame"):
            frame = getattr(awaitable, attribute, None)
            if frame is not None:
                yield frame
                break
        awaitable = (
            getattr(awaitable, "cr_await", None)
            or getattr(awaitable, "ag_await", None)
            or getattr(awaitable, "gi_yieldfrom", None)
        )


# -- the probe: what a run's event loops did ---------------------------------------------------


class Probe:
    """Records one event loop's tasks and steps into a Run, and enforces the run's limits."""

    def __init__(self, loop: asyncio.AbstractEventLoop, run: Run, engine: Engine) -> None:
        self.loop = loop
        self.run = run
        self.engine = engine
        self.records: dict[asyncio.Task[Any], TaskRecord] = {}
        self.origin = loop.time()
        self.main_returned_at: float | None = None
        self.stop_reason: Failed | None = None
        self.limit_handle: asyncio.TimerHandle | None = None
        self.budget_left = STEP_BUDGET
        loop.set_task_factory(self._factory)

    def now(self) -> float:
        return self.loop.time() - self.origin

    def _factory(
        self, loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any
    ) -> asyncio.Task[Any]:
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

    def _where(self, task: asyncio.Task[Any]) -> tuple[str, int] | None:
        deepest = None
        for frame in await_chain_frames(task.get_coro()):
            if self.engine.answer.is_mine(frame.f_code.co_filename):
                deepest = (frame.f_code.co_name, frame.f_lineno)
        return deepest

    def waiting(self) -> list[TaskRecord]:
        """The tasks not done yet, each with the line of the reader's code it waits on."""
        found = []
        for task, record in self.records.items():
            if not task.done():
                record.name = task.get_name()
                record.where = self._where(task)
                found.append(record)
        return found

    def mark_main_returned(self) -> None:
        self.main_returned_at = self.now()
        self.run.pending.extend(record for record in self.waiting() if not record.root)

    def arm(self, limit: float) -> None:
        self.limit_handle = self.loop.call_at(self.loop.time() + limit, self._on_limit, limit)

    def _on_limit(self, limit: float) -> None:
        scheduled = getattr(self.loop, "_scheduled", [])
        others = [h for h in scheduled if not h.cancelled() and h is not self.limit_handle]
        waiting = self.engine.describe_waiting(self.waiting())
        if not others and not getattr(self.loop, "_ready", None):
            # Only this limit was left to happen: nothing else ever could.
            self.stop_reason = Failed("deadlock", waiting=waiting)
        else:
            limit_text = seconds(limit, self.engine.lang)
            self.stop_reason = Failed("timeout", limit=limit_text, waiting=waiting)
        self.loop.stop()

    def step(self, handle: events.Handle, run_step: Callable[[], None]) -> None:
        """Runs one callback of the loop, counted, and timed when it is a task's step."""
        self.run.steps += 1
        self.budget_left -= 1
        if self.budget_left == 0 and self.stop_reason is None:
            self.stop_reason = Failed("steps", steps=STEP_BUDGET)
            self.loop.stop()
        callback = handle._callback
        owner = getattr(callback, "__self__", None)
        if not isinstance(owner, asyncio.Task):
            run_step()
            return
        started = self.loop.time()
        try:
            run_step()
        finally:
            took = self.loop.time() - started
            if took >= self.engine.blocking_step:
                record = self.records.get(owner)
                coroutine = record.coroutine if record else "?"
                start = started - self.origin
                self.run.blocking.append(BlockingStep(owner.get_name(), coroutine, start, took))


#: The probe of each loop being driven, for the step wrapper (a handle knows its loop).
_probes: dict[asyncio.AbstractEventLoop, Probe] = {}
_original_handle_run = events.Handle._run
_original_new_event_loop = events.new_event_loop


def _probed_handle_run(handle: events.Handle) -> None:
    probe = _probes.get(handle._loop)
    if probe is None:
        _original_handle_run(handle)
    else:
        probe.step(handle, lambda: _original_handle_run(handle))


# -- capturing what a run prints ---------------------------------------------------------------


class Capture:
    """A bounded text sink standing in for sys.stdout or sys.stderr during a run."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.dropped = 0

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = max(OUTPUT_LIMIT - self.size, 0)
        self.parts.append(text[:room])
        self.size += min(len(text), room)
        self.dropped += max(0, len(text) - room)
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


class Patch:
    """Sets things for a run and puts them back after it, whatever happens."""

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


# -- the engine ----------------------------------------------------------------------------------


class Engine:
    """Runs one answer, as many times as the checks ask, each run fresh and recorded."""

    def __init__(self, answer: Answer, *, lang: str = "en", local: bool = False) -> None:
        self.answer = answer
        self.lang = lang
        self.blocking_step = LOCAL_BLOCKING_STEP if local else BLOCKING_STEP

    def describe_waiting(self, waiting: list[TaskRecord]) -> str:
        """Where tasks wait, in the reader's code ("`worker` (line 12)"); a task waiting
        elsewhere (a check's own scenario) only when nothing else is known."""
        located = [record for record in waiting if record.where is not None]
        parts = []
        for record in (located or waiting)[:4]:
            if record.where is not None:
                function, line = record.where
                parts.append(words(self.lang, "line-of", function=function, line=line))
            else:
                parts.append(f"`{record.coroutine}`")
        parts = list(dict.fromkeys(parts))
        if len(located or waiting) > 4:
            parts.append(f"+{len(located or waiting) - 4}")
        return ", ".join(parts) or words(self.lang, "nothing-waiting")

    def describe(self, exc: BaseException) -> Failed:
        return describe_exception(exc, self.answer, self.lang)

    # -- the three ways to run an answer --------------------------------------------------------

    def run_program(self, limit: float) -> Run:
        """As ``python3 file.py``: ``__main__``, whatever its ``asyncio.run`` runs, limited."""
        run = Run()
        try:
            code = self.answer.compiled()
        except Failed as problem:
            run.problem = problem
            return run
        module = types.ModuleType("__main__")
        module.__file__ = self.answer.filename
        with self._capturing(run), self._asyncio_probed(run, limit):
            saved_main = sys.modules.get("__main__")
            sys.modules["__main__"] = module
            try:
                exec(code, module.__dict__)
            except Abort as abort:
                run.problem = abort.problem
            except KeyboardInterrupt:  # a Stop from the page: the runner's business
                raise
            except BaseException as exc:
                if not (isinstance(exc, SystemExit) and exc.code in (None, 0)):
                    run.exception = exc
                    run.problem = self.describe(exc)
            finally:
                if saved_main is not None:
                    sys.modules["__main__"] = saved_main
            module.__dict__.clear()
        return run

    def load_module(self, limit: float) -> types.ModuleType:
        """A fresh module of the answer, without its ``__main__`` block; Failed if it breaks."""
        module = types.ModuleType(self.answer.stem)
        module.__file__ = self.answer.filename
        run = Run()
        with self._capturing(run), self._asyncio_probed(run, limit):
            saved = sys.modules.get(module.__name__)
            sys.modules[module.__name__] = module
            try:
                exec(self.answer.compiled(), module.__dict__)
            except (Failed, KeyboardInterrupt):
                raise
            except Abort as abort:
                raise abort.problem from None
            except BaseException as exc:
                raise self.describe(exc) from None
            finally:
                if saved is None:
                    sys.modules.pop(module.__name__, None)
                else:
                    sys.modules[module.__name__] = saved
        return module

    def run_scenario(self, start: Callable[[], Any], limit: float, name: str) -> Run:
        """Runs ``start()`` (a check's coroutine using the answer) on a fresh, probed loop."""
        run = Run()
        with self._capturing(run), self._asyncio_probed(run, limit):
            try:
                self._drive(start, run, limit, name=name)
            except Abort as abort:
                run.problem = abort.problem
        return run

    # -- driving one coroutine ------------------------------------------------------------------

    def _drive(
        self,
        start: Callable[[], Any],
        run: Run,
        limit: float,
        name: str,
        debug: bool | None = None,
    ) -> Any:
        """Runs one coroutine to the end on a new probed loop (as ``asyncio.run`` does)."""
        loop = _original_new_event_loop()
        if debug is not None:
            loop.set_debug(debug)
        probe = Probe(loop, run, self)
        _probes[loop] = probe
        interrupted = False
        try:
            try:
                coro = start()
            except (KeyboardInterrupt, Abort):
                raise
            except BaseException as exc:
                run.exception = exc
                raise Abort(self.describe(exc)) from None
            if not inspect.iscoroutine(coro):
                run.exception = TypeError("a coroutine was expected")
                raise Abort(Failed("not-coroutine", name=name, got=short(repr(coro), 60)))
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
            except BaseException:  # noqa: BLE001 - the task's own exception is read below
                if not task.done() and probe.stop_reason is None:
                    raise
            finally:
                end = probe.main_returned_at
                run.elapsed += (end + probe.origin if end is not None else loop.time()) - started
            if probe.stop_reason is not None and not task.done():
                raise Abort(probe.stop_reason)
            if task.cancelled():
                run.exception = asyncio.CancelledError()
                raise Abort(self.describe(run.exception))
            exc = task.exception()
            if exc is not None:
                run.exception = exc
                raise Abort(self.describe(exc))
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

    # -- what changes during a run ----------------------------------------------------------------

    def _capturing(self, run: Run) -> Patch:
        """The run's output and warnings go to the Run, not to the page."""
        stdout, stderr = Capture(), Capture()
        recorded: list[warnings.WarningMessage] = []
        catcher = warnings.catch_warnings(record=True)

        def enter() -> None:
            nonlocal recorded
            log = catcher.__enter__()
            recorded = log if log is not None else []
            warnings.simplefilter("always")
            sys.stdout, sys.stderr = stdout, stderr

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

        return Patch(enter, leave, restore=[(sys, "stdout"), (sys, "stderr")])

    def _asyncio_probed(self, run: Run, limit: float) -> Patch:
        """``asyncio.run`` drives the program's coroutine here (limited and probed); any other
        loop the program makes is probed too."""
        engine = self

        def probed_run(main: Any, *, debug: bool | None = None, **_: Any) -> Any:
            if events._get_running_loop() is not None:
                raise RuntimeError("asyncio.run() cannot be called from a running event loop")
            if not inspect.iscoroutine(main):
                raise ValueError(f"a coroutine was expected, got {main!r}")
            return engine._drive(lambda: main, run, limit, name="main", debug=debug)

        def probed_new_event_loop() -> asyncio.AbstractEventLoop:
            loop = _original_new_event_loop()
            _probes[loop] = Probe(loop, run, engine)
            return loop

        def enter() -> None:
            setattr(asyncio, "run", probed_run)
            setattr(asyncio, "new_event_loop", probed_new_event_loop)
            setattr(events, "new_event_loop", probed_new_event_loop)
            setattr(events.Handle, "_run", _probed_handle_run)

        restore = [
            (asyncio, "run"),
            (asyncio, "new_event_loop"),
            (events, "new_event_loop"),
            (events.Handle, "_run"),
        ]
        # In the playground runner, the virtual clock also counts any step that computes for
        # 20 ms or more. In Pyodide that follows the wall clock, so a busy machine (or a garbage
        # collection) would move a check's times. Checks measure waiting: during a check the
        # clock counts waits only, and times come out the same on every machine. A blocking
        # time.sleep still moves it.
        runner_clock = sys.modules.get("livepy.clock")
        if runner_clock is not None and hasattr(runner_clock, "LONG_STEP"):
            restore.append((runner_clock, "LONG_STEP"))

            def enter_waits_only() -> None:
                enter()
                setattr(runner_clock, "LONG_STEP", float("inf"))

            return Patch(enter_waits_only, lambda: None, restore=restore)
        return Patch(enter, lambda: None, restore=restore)


def _finish_loop(loop: asyncio.AbstractEventLoop, probe: Probe) -> None:
    """Cancels what the run left behind, gives it a bounded chance to end, closes the loop."""
    if loop.is_closed():
        return
    # What the clean-up itself creates (asyncio.wait, shutdown_asyncgens) is not the reader's.
    loop.set_task_factory(None)
    leftover = [task for task in probe.records if not task.done()]
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
            setattr(task, "_log_destroy_pending", False)
            _force_close(task.get_coro())
        elif not task.cancelled():
            task.exception()  # retrieved: the check reports, asyncio need not log it
    try:
        loop.run_until_complete(loop.shutdown_asyncgens())
    except Exception:
        pass
    loop.close()


class _Kill(BaseException):
    """Raised on every line of a coroutine that refuses to be closed, until it is."""


def _force_close(coro: Any, patience: int = 2_000) -> None:
    """Closes a coroutine even if it swallows everything.

    ``close()`` throws GeneratorExit into it. A coroutine that catches ``BaseException`` and
    loops (``while True: try: await sleep() except BaseException: ...``) then calls
    ``asyncio.sleep`` with no loop running, which raises, which it catches: it never returns,
    and it would do the same when collected, hanging the interpreter. So, after ``patience``
    lines, every line it runs raises: that escapes its handlers too, and the coroutine ends.
    """
    lines = 0

    def tracer(frame: types.FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
            if lines > patience:
                raise _Kill()
        return tracer

    # The frames are found before tracing starts: walking them traced (this module's own lines
    # counted and, past patience, raising here) left the coroutine looping untraced.
    frames = list(await_chain_frames(coro))
    previous = sys.gettrace()
    sys.settrace(tracer)
    for frame in frames:
        frame.f_trace = tracer
    try:
        coro.close()
    except BaseException:  # noqa: BLE001 - its own clean-up failing is its business
        pass
    finally:
        sys.settrace(previous)
