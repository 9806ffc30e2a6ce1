"""Stand-ins for aiohttp and asyncpg, importable only by a run that declares them.

A chapter's example about web requests or databases declares the stand-ins it needs
(``#: standins: aiohttp``); its run then finds ``import aiohttp`` in ``../standins/aiohttp``
instead of failing. Any other run keeps Python's own ModuleNotFoundError. The stand-ins' modules
are dropped at the end of the run, so the next run starts without them (and with fresh state).

What each stand-in needs from the place it runs comes from here: asyncpg's database engine (in
the browser, PGlite; see ``standins/asyncpg/protocol/database.py``).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from contextlib import AbstractContextManager, nullcontext
from types import ModuleType
from typing import Any, Callable, Sequence

#: The stand-ins there are, by the name a program imports.
KNOWN = ("aiohttp", "asyncpg")
#: Where they live: beside this package, in the repository and in the browser's file system.
DIRECTORY = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "standins")


class UnknownStandin(ValueError):
    pass


class _UntimedLoader(importlib.abc.Loader):
    """A stand-in module's loader whose import does not count on the run's clock.

    Importing a stand-in is the runner's work, not the program's: on the virtual clock an import
    that computes for 20 ms or more would otherwise move the program's time (and the real
    library's import costs something else again). Only the outermost import is timed out: the
    clock's ``excluded()`` does not nest.
    """

    _depth = 0

    def __init__(self, loader: Any, excluded: Callable[[], AbstractContextManager[Any]]) -> None:
        self._loader = loader
        self._excluded = excluded

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        outermost = _UntimedLoader._depth == 0
        _UntimedLoader._depth += 1
        try:
            with self._excluded() if outermost else nullcontext():
                self._loader.exec_module(module)
        finally:
            _UntimedLoader._depth -= 1

    def __getattr__(self, name: str) -> Any:
        # get_source (tracebacks), get_data, is_package...: the file loader's own.
        return getattr(self._loader, name)


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, run: StandinRun) -> None:
        self._run = run

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> Any:
        top = fullname.partition(".")[0]
        if top not in self._run.names:
            return None
        search = [self._run.directory] if fullname == top else path
        spec = importlib.machinery.PathFinder.find_spec(fullname, search)
        if spec is not None and fullname == top:
            self._run.used.add(top)
        if spec is not None and spec.loader is not None:
            spec.loader = _UntimedLoader(spec.loader, self._run.excluded)
        return spec


class StandinRun:
    """The stand-ins one run declared, and what they need while it runs."""

    def __init__(
        self,
        names: Sequence[str],
        database: Callable[[], Any] | None = None,
        directory: str = DIRECTORY,
    ) -> None:
        unknown = [name for name in names if name not in KNOWN]
        if unknown:
            raise UnknownStandin(f"unknown stand-in {unknown[0]!r}; known: {', '.join(KNOWN)}")
        self.names = frozenset(names)
        self.directory = directory
        self.used: set[str] = set()
        self._database = database
        self._engine: Any = None
        self._finder = _Finder(self)
        #: What keeps the stand-ins' imports off the run's clock (see _UntimedLoader).
        self.excluded: Callable[[], AbstractContextManager[Any]] = nullcontext

    def install(self, excluded: Callable[[], AbstractContextManager[Any]] | None = None) -> Callable[[], None]:
        """Puts the finder in place for the run; returns what undoes it. ``excluded``: the run's
        clock's ``excluded``, so that importing a stand-in takes none of the program's time."""
        global _current
        previous = _current
        _current = self
        if excluded is not None:
            self.excluded = excluded
        sys.meta_path.insert(0, self._finder)

        def undo() -> None:
            global _current
            if self._finder in sys.meta_path:
                sys.meta_path.remove(self._finder)
            for name in [n for n in sys.modules if n.partition(".")[0] in self.names]:
                module = sys.modules[name]
                if getattr(module, "__file__", "") and str(module.__file__).startswith(self.directory):
                    del sys.modules[name]
            # An engine of the run's own (a socket to a real server, on CPython) ends with it;
            # the browser's database outlives runs and has nothing to close here.
            close = getattr(self._engine, "close", None)
            if close is not None:
                close()
            self._engine = None
            _current = previous

        return undo

    def database(self) -> Any:
        """The run's database engine, made on first use (the first connection)."""
        if self._database is None:
            raise ConnectionRefusedError(
                "this run has no database: an example that uses asyncpg declares it with "
                "`#: standins: asyncpg`"
            )
        if self._engine is None:
            self._engine = self._database()
        return self._engine


_current: StandinRun | None = None


def database_engine() -> Any:
    """The database the asyncpg stand-in talks to, for the current run."""
    if _current is None:
        raise RuntimeError("the asyncpg stand-in runs only inside a run that declares it")
    return _current.database()
