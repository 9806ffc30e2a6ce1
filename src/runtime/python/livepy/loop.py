"""An event loop for a place with no operating system to wait on.

``asyncio.BaseEventLoop`` does all the scheduling; this subclass only says how to wait: the
"selector" never polls file descriptors (a browser has none to give) but asks the run's clock to
move to the next timer. On the virtual clock that is instant; on the real clock it blocks, as
CPython's loop blocks in ``select()``. When nothing is ready and no timer is scheduled, nothing
can ever happen again: that is a deadlock, reported instead of waiting forever. Unless a task
awaits a JavaScript promise (promises.py): JavaScript may still settle it, so the loop lets
JavaScript run until something is ready (or the reader stops the run).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import heapq
import itertools
import weakref
from asyncio import events
from typing import Any, Callable, Protocol

from .clock import Clock
from .outcome import Explanation, WaitingTask, explain_deadlock, explain_javascript_wait, render
from .promises import awaiting_javascript
from .timeline import Cause, Recorder, timer_cause
from .unavailable import NETWORK, PROCESSES, refuse, refusing_coroutine


class LoopHost(Protocol):
    """What a PlaygroundLoop needs from the run it belongs to (a Session provides it)."""

    @property
    def clock(self) -> Clock: ...

    @property
    def recorder(self) -> Recorder | None: ...

    def wait_until(self, deadline: float) -> None:
        """Nothing is ready before ``deadline`` (a ``clock.now()`` value): wait, or stop the run."""
        ...

    def next_task_name(self) -> str:
        """``Task-1``, ``Task-2``... numbered per run, as a fresh process numbers them."""
        ...

    def loop_created(self, loop: PlaygroundLoop) -> None:
        """A loop of this run exists: the run closes it at the end if the program did not."""
        ...

    def wait_for_javascript(self) -> bool:
        """A task awaits a JavaScript promise and nothing else can happen: let JavaScript run for
        a moment. False where it cannot run before the program ends (no stack switching)."""
        ...


class Deadlock(BaseException):
    """Every task waits for something that can never happen.

    A BaseException, so that a reader's ``except Exception`` cannot swallow it.
    """

    def __init__(self, explanation: Explanation) -> None:
        super().__init__(render(explanation))
        self.explanation = explanation


class StopRun(KeyboardInterrupt):
    """The reader pressed Stop.

    A KeyboardInterrupt, so that asyncio lets it out of the loop (as it does for Ctrl-C) instead
    of storing it in the task that happened to be running.
    """


class _Selector:
    def __init__(self, loop: PlaygroundLoop) -> None:
        self._loop = loop

    def select(self, timeout: float | None) -> list[Any]:
        loop = self._loop
        if timeout is None:
            if awaiting_javascript(loop):
                if loop.host.wait_for_javascript():
                    return []
                raise Deadlock(explain_javascript_wait(*waiting_tasks(loop)))
            raise Deadlock(explain_deadlock(*waiting_tasks(loop)))
        if timeout > 0:
            scheduled = loop._scheduled  # type: ignore[attr-defined]
            deadline = scheduled[0]._when if scheduled else loop.time() + timeout
            loop.host.wait_until(deadline)
        return []

    def close(self) -> None:
        pass


class PlaygroundLoop(asyncio.BaseEventLoop):
    def __init__(self, host: LoopHost) -> None:
        super().__init__()
        self.host = host
        self._selector = _Selector(self)
        self._clock_resolution = 1e-9
        # Creation order of the tasks, so that messages list them the same way on every run
        # (asyncio.all_tasks is a set, whose order differs between Python builds).
        self.task_order: weakref.WeakKeyDictionary[asyncio.Task[Any], int] = weakref.WeakKeyDictionary()
        self._task_counter = itertools.count()
        #: While the run is recorded: what made the callback running now ready (see timeline.py);
        #: every handle scheduled meanwhile carries it.
        self.cause: Cause = 0.0
        host.loop_created(self)

    def time(self) -> float:
        return self.host.clock.now()

    def _process_events(self, event_list: list[Any]) -> None:
        pass

    def _write_to_self(self) -> None:
        # No other thread can wake this loop: there is none (the browser has no threads here).
        pass

    def close(self) -> None:
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        super().close()
        self._selector.close()

    def create_task(self, coro: Any, **kwargs: Any) -> asyncio.Task[Any]:
        if kwargs.get("name") is None:
            # CPython numbers unnamed tasks for the life of the process; each run is a fresh
            # process for the reader, so its first task is Task-1 again.
            kwargs["name"] = self.host.next_task_name()
        task = super().create_task(coro, **kwargs)
        self.task_order.setdefault(task, next(self._task_counter))
        if task._source_traceback:  # type: ignore[attr-defined]
            del task._source_traceback[-1]  # pyright: ignore[reportAttributeAccessIssue]  # names the reader's line
        recorder = self.host.recorder
        if recorder is not None:
            recorder.created(task, self.host.clock.elapsed())
        return task

    def call_at(self, when: float, callback: Callable[..., Any], *args: Any, context: Any = None) -> events.TimerHandle:
        # As BaseEventLoop.call_at, with timers due at the same moment kept in the order they were
        # set: on the virtual clock many timers share a deadline, and CPython's real clock
        # (which moves between two calls) orders them by creation.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()  # pyright: ignore[reportAttributeAccessIssue]
        if self._debug:  # type: ignore[attr-defined]
            self._check_callback(callback, "call_at")  # type: ignore[attr-defined]
        timer = _OrderedTimer(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)  # type: ignore[attr-defined]
        timer._scheduled = True
        return timer

    def _call_soon(self, callback: Callable[..., Any], args: Any, context: Any) -> events.Handle:
        # As BaseEventLoop._call_soon, with a handle that is timed (and recorded) as a step.
        handle = _StepHandle(callback, args, self, context)
        handle._cause = self.cause
        if handle._source_traceback:
            del handle._source_traceback[-1]
        self._ready.append(handle)  # type: ignore[attr-defined]
        return handle

    # Nothing here can wait on a socket or a pipe (the "selector" never polls): say so plainly
    # instead of failing deep inside base_events.
    create_connection = refusing_coroutine(NETWORK, "asyncio.open_connection() (loop.create_connection())")
    create_server = refusing_coroutine(NETWORK, "asyncio.start_server() (loop.create_server())")
    create_datagram_endpoint = refusing_coroutine(NETWORK, "loop.create_datagram_endpoint()")
    create_unix_connection = refusing_coroutine(NETWORK, "asyncio.open_unix_connection()")
    create_unix_server = refusing_coroutine(NETWORK, "asyncio.start_unix_server()")
    connect_accepted_socket = refusing_coroutine(NETWORK, "loop.connect_accepted_socket()")
    sock_connect = refusing_coroutine(NETWORK, "loop.sock_connect()")
    sock_accept = refusing_coroutine(NETWORK, "loop.sock_accept()")
    sock_recv = refusing_coroutine(NETWORK, "loop.sock_recv()")
    sock_recv_into = refusing_coroutine(NETWORK, "loop.sock_recv_into()")
    sock_sendall = refusing_coroutine(NETWORK, "loop.sock_sendall()")
    getaddrinfo = refusing_coroutine(NETWORK, "loop.getaddrinfo()")

    def add_reader(self, fd: Any, callback: Callable[..., Any], *args: Any) -> None:
        refuse(NETWORK, "loop.add_reader()")

    def add_writer(self, fd: Any, callback: Callable[..., Any], *args: Any) -> None:
        refuse(NETWORK, "loop.add_writer()")

    subprocess_exec = refusing_coroutine(PROCESSES, "asyncio.create_subprocess_exec()")
    subprocess_shell = refusing_coroutine(PROCESSES, "asyncio.create_subprocess_shell()")
    connect_read_pipe = refusing_coroutine(PROCESSES, "loop.connect_read_pipe()")
    connect_write_pipe = refusing_coroutine(PROCESSES, "loop.connect_write_pipe()")

    def run_in_executor(self, executor: Any, func: Callable[..., Any], *args: Any) -> asyncio.Future[Any]:
        # As in Pyodide: no threads, so the function runs here and now, blocking the loop.
        self._check_closed()  # pyright: ignore[reportAttributeAccessIssue]
        future = self.create_future()
        try:
            future.set_result(func(*args))
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            future.set_exception(exc)
        return future

    def set_default_executor(self, executor: Any) -> None:
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError("executor must be ThreadPoolExecutor")

    async def shutdown_default_executor(self, timeout: float | None = None) -> None:
        pass


_timer_numbers = itertools.count()


def _run_unrecorded(handle: events.Handle) -> None:
    """Runs one callback of the loop as a step, timed by the clock (the run is not recorded)."""
    boundary = handle._loop.host.clock.boundary
    boundary()
    try:
        events.Handle._run(handle)
    finally:
        boundary()


class _OrderedTimer(events.TimerHandle):
    __slots__ = ("_number",)

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._number = next(_timer_numbers)

    def _run(self) -> None:
        loop: PlaygroundLoop = self._loop
        recorder = loop.host.recorder
        if recorder is None:
            _run_unrecorded(self)
        elif recorder.recording:
            # What a timer schedules was due when the timer was, however late the loop got to it.
            recorder.run_step(self, timer_cause(loop.host.clock.since_start(self._when)))
        else:
            recorder.run_dropped(self)

    def __lt__(self, other: Any) -> bool:
        if isinstance(other, _OrderedTimer):
            return (self._when, self._number) < (other._when, other._number)
        return super().__lt__(other)

    def __le__(self, other: Any) -> bool:
        if isinstance(other, _OrderedTimer):
            return (self._when, self._number) <= (other._when, other._number)
        return super().__le__(other)

    def __gt__(self, other: Any) -> bool:
        if isinstance(other, _OrderedTimer):
            return (self._when, self._number) > (other._when, other._number)
        return super().__gt__(other)

    def __ge__(self, other: Any) -> bool:
        if isinstance(other, _OrderedTimer):
            return (self._when, self._number) >= (other._when, other._number)
        return super().__ge__(other)


class _StepHandle(events.Handle):
    """A callback of the ready queue: timed as a step, and when it belongs to a task, recorded.

    Both paths are one call deep: this runs for every callback of the loop.
    """

    __slots__ = ("_cause",)

    def _run(self) -> None:
        recorder = self._loop.host.recorder
        if recorder is None:
            _run_unrecorded(self)
        elif recorder.recording:
            recorder.run_step(self, self._cause)
        else:
            recorder.run_dropped(self)


def waiting_tasks(loop: asyncio.AbstractEventLoop, limit: int = 5) -> tuple[list[WaitingTask], int]:
    """Which tasks wait, and where (the line each is suspended on); how many more beyond ``limit``."""
    order = getattr(loop, "task_order", {})
    pending = sorted(
        (t for t in asyncio.all_tasks(loop) if not t.done()),
        key=lambda t: (order.get(t, float("inf")), t.get_name()),
    )
    waiting: list[WaitingTask] = []
    for task in pending[:limit]:
        entry: WaitingTask = {"name": task.get_name()}
        stack = task.get_stack(limit=1)
        if stack:
            frame = stack[-1]
            entry["line"] = frame.f_lineno
            entry["function"] = frame.f_code.co_name
        waiting.append(entry)
    return waiting, max(0, len(pending) - limit)
