"""The Python side of the playground runtime.

One package, loaded by the browser worker (Pyodide) and imported by the tests (CPython 3.11+):

- ``clock``: real and virtual clocks, and the ``time`` functions that follow them;
- ``loop``: an event loop that never waits on the operating system (there is none in a browser)
  and turns "nothing can ever happen" into a deadlock message;
- ``timeline``: task events (created, each step, done) for the timeline view;
- ``output``: stdout/stderr capture in batches, with a bounded tail;
- ``session``: runs a reader's program as ``python3 main.py`` would, with CPython's semantics
  where Pyodide differs, and turns every way a run can end into one outcome.
"""

from .session import Outcome, Session

__all__ = ["Outcome", "Session"]
