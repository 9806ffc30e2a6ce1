"""Every run starts from the same interpreter: what one program changes, the next never sees.

The browser keeps one interpreter for many runs (starting a fresh one takes seconds). A program
can change that interpreter in ways that outlive it: ``builtins.print = ...``, ``math.pi = 3``,
a patched ``asyncio.Queue.put``, ``sys.path``, environment variables, the working directory,
files it wrote, logging handlers, warnings filters, a ``sys.monitoring`` tool. ``Baseline``
records all of that once, before the first run, and ``restore()`` puts it back after each one.

The restore compares by identity, so it costs little when a program changed nothing; it runs
after the outcome is sent, off the path to the next run's first line.

What cannot be undone (an audit hook: CPython has no way to remove one) marks the interpreter
as tainted, and the page then replaces it with a fresh one.
"""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import sys
import warnings
from types import ModuleType
from typing import Any, Callable, Iterable, Mapping

_MISSING = object()
RUNNER_PACKAGE = __name__.split(".")[0]

# Python 3.12+: Py_TPFLAGS_IMMUTABLETYPE marks a type whose attributes cannot be set anyway.
_IMMUTABLE_TYPE = 1 << 8


def _mutable_classes(module: ModuleType) -> Iterable[type]:
    """Classes a module defines whose attributes a program could replace."""
    name = module.__name__
    for value in list(vars(module).values()):
        if (
            isinstance(value, type)
            and getattr(value, "__module__", None) == name
            and not (value.__flags__ & _IMMUTABLE_TYPE)
        ):
            yield value


def _differs(current: Mapping[str, Any], saved: dict[str, Any]) -> bool:
    """Whether a namespace gained, lost or rebound a name (by identity: no __eq__ is called)."""
    return len(current) != len(saved) or any(current.get(key, _MISSING) is not value for key, value in saved.items())


def _restore_mapping(current: dict[str, Any], saved: dict[str, Any], setter: Callable[[str, Any], None], deleter: Callable[[str], None]) -> None:
    for key in [key for key in current if key not in saved]:
        deleter(key)
    for key, value in saved.items():
        if current.get(key, _MISSING) is not value:
            setter(key, value)


class Baseline:
    """The interpreter as it was before any program ran."""

    def __init__(self, watched_dirs: Iterable[str] = ()) -> None:
        self.tainted = False
        self._modules = dict(sys.modules)
        # The runner's own modules keep their state (the watchdog, the current session).
        self._module_dicts = {
            name: dict(vars(module))
            for name, module in self._modules.items()
            if isinstance(module, ModuleType) and name.split(".")[0] != RUNNER_PACKAGE
        }
        self._classes: list[tuple[type, dict[str, Any]]] = []
        seen: set[int] = set()
        for module in self._modules.values():
            if not isinstance(module, ModuleType):
                continue
            for cls in _mutable_classes(module):
                if id(cls) not in seen:
                    seen.add(id(cls))
                    self._classes.append((cls, dict(vars(cls))))
        self._lists = [(sys.path, list(sys.path)), (sys.meta_path, list(sys.meta_path)), (sys.path_hooks, list(sys.path_hooks)), (warnings.filters, list(warnings.filters)), (gc.callbacks, list(gc.callbacks))]
        self._recursion_limit = sys.getrecursionlimit()
        self._switch_interval = sys.getswitchinterval()
        self._int_digits = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else None
        self._environ = dict(os.environ)
        self._cwd = os.getcwd()
        self._gc_enabled = gc.isenabled()
        self._gc_threshold = gc.get_threshold()
        self._monitoring_tools = self._tools_in_use()
        self._logging = self._logging_state()
        self._dirs = {path: self._listing(path) for path in watched_dirs}
        self._audit_hook_added = False

    def keep_loaded(self) -> None:
        """Modules loaded since the baseline was taken, by the runner between runs (the standard
        library modules the stand-ins need, say), become part of it: no later run pays for them."""
        for name, module in list(sys.modules.items()):
            if name in self._modules:
                continue
            self._modules[name] = module
            if isinstance(module, ModuleType) and name.split(".")[0] != RUNNER_PACKAGE:
                self._module_dicts[name] = dict(vars(module))
                self._classes.extend((cls, dict(vars(cls))) for cls in _mutable_classes(module))

    # -- what a run may not undo -------------------------------------------------------------

    def guard_audit_hooks(self) -> Callable[[], None]:
        """During a run: an added audit hook cannot be removed, so the interpreter is tainted."""
        original = sys.addaudithook

        def addaudithook(hook: Callable[[str, tuple[Any, ...]], Any]) -> None:
            self.tainted = True
            original(hook)

        sys.addaudithook = addaudithook

        def undo() -> None:
            sys.addaudithook = original

        return undo

    # -- restoring -------------------------------------------------------------------------------

    def restore(self) -> None:
        """Puts the interpreter back as it was; any failure taints it instead of hiding."""
        try:
            atexit._clear()
            self._restore_modules()
            self._restore_classes()
            for current, saved in self._lists:
                if current != saved:
                    current[:] = saved
            sys.setrecursionlimit(self._recursion_limit)
            sys.setswitchinterval(self._switch_interval)
            if self._int_digits is not None:
                sys.set_int_max_str_digits(self._int_digits)
            sys.settrace(None)
            sys.setprofile(None)
            self._restore_monitoring()
            if dict(os.environ) != self._environ:
                os.environ.clear()
                os.environ.update(self._environ)
            os.chdir(self._cwd)
            if self._gc_enabled:
                gc.enable()
            gc.set_threshold(*self._gc_threshold)
            self._restore_logging()
            self._restore_dirs()
            # Cached "already warned" decisions depend on the filters' version: start it afresh.
            bump = getattr(warnings, "_filters_mutated", None) or getattr(warnings, "_filters_mutated_lock_held", None)
            if bump is not None:
                bump()
        except Exception:  # a state we cannot put back: the next run gets a fresh interpreter
            self.tainted = True

    def _restore_modules(self) -> None:
        modules = sys.modules
        for name in [name for name in modules if name not in self._modules]:
            del modules[name]
        for name, module in self._modules.items():
            if modules.get(name) is not module:
                modules[name] = module
        for name, saved in self._module_dicts.items():
            namespace = vars(self._modules[name])
            if _differs(namespace, saved):
                _restore_mapping(namespace, saved, namespace.__setitem__, namespace.__delitem__)

    def _restore_classes(self) -> None:
        for cls, saved in self._classes:
            if not _differs(vars(cls), saved):
                continue
            current = dict(vars(cls))
            _restore_mapping(current, saved, lambda key, value, cls=cls: type.__setattr__(cls, key, value), lambda key, cls=cls: type.__delattr__(cls, key))

    @staticmethod
    def _tools_in_use() -> set[int]:
        monitoring = getattr(sys, "monitoring", None)
        if monitoring is None:
            return set()
        return {tool for tool in range(6) if monitoring.get_tool(tool) is not None}

    def _restore_monitoring(self) -> None:
        monitoring = getattr(sys, "monitoring", None)
        if monitoring is None:
            return
        for tool in self._tools_in_use() - self._monitoring_tools:
            monitoring.set_events(tool, 0)
            monitoring.free_tool_id(tool)

    @staticmethod
    def _logging_state() -> dict[str, tuple[int, list[Any], bool, bool]] | None:
        logging = sys.modules.get("logging")
        if logging is None:
            return None
        loggers: dict[str, Any] = dict(logging.Logger.manager.loggerDict)
        state = {name: (lg.level, list(lg.handlers), lg.propagate, lg.disabled) for name, lg in loggers.items() if isinstance(lg, logging.Logger)}
        root = logging.root
        state[""] = (root.level, list(root.handlers), root.propagate, root.disabled)
        return state

    def _restore_logging(self) -> None:
        logging = sys.modules.get("logging")
        if logging is None or self._logging is None:
            return
        manager = logging.Logger.manager
        for name in [name for name in manager.loggerDict if name not in self._logging]:
            del manager.loggerDict[name]
        for name, (level, handlers, propagate, disabled) in self._logging.items():
            logger = logging.root if name == "" else manager.loggerDict.get(name)
            if not isinstance(logger, logging.Logger) and logger is not logging.root:
                continue
            logger.level = level
            logger.handlers[:] = handlers
            logger.propagate = propagate
            logger.disabled = disabled
        manager._clear_cache()
        logging.disable(logging.NOTSET)

    @staticmethod
    def _listing(path: str) -> set[str]:
        try:
            return set(os.listdir(path))
        except OSError:
            return set()

    def _restore_dirs(self) -> None:
        """Files and folders a program created in the watched folders go."""
        for path, before in self._dirs.items():
            for name in self._listing(path) - before:
                target = os.path.join(path, name)
                if os.path.isdir(target) and not os.path.islink(target):
                    shutil.rmtree(target, ignore_errors=True)
                else:
                    try:
                        os.remove(target)
                    except OSError:
                        pass
