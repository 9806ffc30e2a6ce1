"""Which futures of a run wait for a JavaScript promise.

In Pyodide, ``await some_js_promise`` makes a future of the running loop and hands its resolvers
to the promise (``_pyodide._future_helper.get_future_resolvers``). Only JavaScript can settle such
a future, and JavaScript runs only while Python lets it (a wait that switches stacks). So when
nothing is ready and no timer is set, a task awaiting a promise is not deadlocked: the loop must
let JavaScript run until the promise settles (or the reader presses Stop). On CPython there are
no promises and nothing here does anything.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any, Callable

_awaited: weakref.WeakSet[asyncio.Future[Any]] = weakref.WeakSet()
_installed = False


def track() -> None:
    """Notes every future that Pyodide makes for an awaited promise (once per interpreter)."""
    global _installed
    if _installed:
        return
    try:
        import _pyodide._future_helper as helper  # pyright: ignore[reportMissingImports]
    except ImportError:  # not Pyodide
        return
    original: Callable[[asyncio.Future[Any]], Any] = helper.get_future_resolvers

    def resolvers(future: asyncio.Future[Any]) -> Any:
        _awaited.add(future)
        return original(future)

    helper.get_future_resolvers = resolvers
    _installed = True


def awaiting_javascript(loop: asyncio.AbstractEventLoop) -> bool:
    """True when a future of ``loop`` waits for a promise that has not settled yet."""
    return any(not future.done() and future.get_loop() is loop for future in list(_awaited))
