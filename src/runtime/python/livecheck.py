"""Checks a reader's answer to an exercise by running it, and says what it found in plain words.

One checker, used in three places:

- the page: the exercise island runs a two-line program in the playground runner (virtual
  clock, Stop) with this module, livecheck_engine.py, livecheck_words.py and the exercise's
  ``check.py`` beside it as helper modules (see src/lib/exercises/driver.ts);
- the tests: the same program, through the same runner, on CPython and in Pyodide under Node;
- a downloaded exercise file (``uv run exercise.py``): plain CPython, real clock.

An exercise's ``check.py`` registers its checks in the order its ``exercise.yaml`` gives them
titles, and detectors of known wrong answers::

    from livecheck import Context, check, mistake

    @check("fast")
    def fast(ctx: Context) -> None:
        run = ctx.program()
        ctx.expect(run.elapsed <= 2.0 + ctx.tolerance, "too-slow", elapsed=run.elapsed)

A float given to a message (``elapsed=run.elapsed``) is shown as seconds with one decimal, in
the reader's language (4.5 / 4,5).

    @mistake("not-awaited")
    def not_awaited(ctx: Context) -> bool:
        return ctx.program().never_awaited("sleep")

A check passes by returning; it fails through ``ctx.fail`` / ``ctx.expect`` with one of the
exercise's messages, or with the checker's own message when the reader's code raised, hung or
ran away. A check decides on what the code *did* (its output, its timing, its tasks), never on
its text; a mistake detector may look at the text, only to name a known wrong answer.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import re
import sys
import types
from dataclasses import dataclass, field
from typing import Any, Callable, Coroutine, TypeVar

from livecheck_engine import (
    DEFAULT_LIMIT,
    LOCAL_LIMIT_CAP,
    Abort,
    Answer,
    Engine,
    Failed,
    NotChecked,
    Run,
    TaskRecord,
    short,
)
from livecheck_words import MESSAGES, fill, seconds, words

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
#: Output shown with a verdict.
SHOWN_OUTPUT = 4_000

# -- registering checks ------------------------------------------------------------------------

CheckFunction = Callable[["Context"], None]
MistakeFunction = Callable[["Context"], "bool | dict[str, Any]"]
F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Registry:
    checks: list[tuple[str, CheckFunction]] = field(default_factory=list)
    mistakes: list[tuple[str, MistakeFunction]] = field(default_factory=list)


_registry = Registry()


def check(check_id: str) -> Callable[[F], F]:
    """Registers a check: a function that returns when the answer passes."""

    def register(function: F) -> F:
        _registry.checks.append((check_id, function))
        return function

    return register


def mistake(message_id: str) -> Callable[[F], F]:
    """Registers a detector of a known wrong answer: it returns True (or a dict of the values
    its message needs) when the answer looks like that mistake, whose message is then shown
    first. Detectors run only when a check failed, in order; the first match wins."""

    def register(function: F) -> F:
        _registry.mistakes.append((message_id, function))
        return function

    return register


# -- the context a check works with ------------------------------------------------------------


class Context:
    """What a check works with: the reader's code, ways to run it, ways to say what failed."""

    def __init__(
        self,
        answer: Answer,
        *,
        lang: str = "en",
        seed: int = 0,
        limit: float = DEFAULT_LIMIT,
        local: bool = False,
        solution: str | None = None,
    ) -> None:
        self.answer = answer
        self.lang = lang
        #: Generated inputs come from here: the same seed gives the same inputs on every run.
        self.random = random.Random(seed)
        self.limit = limit
        #: A downloaded exercise on plain CPython: the real clock, limits capped.
        self.local = local
        self._engine = Engine(answer, lang=lang, local=local)
        self._solution_code = solution
        self._program: Run | None = None
        self._reported: set[int] = set()

    @property
    def tolerance(self) -> float:
        """Slack for a time bound: on the virtual clock a check's times are exact (it counts
        waits only, see livecheck_engine); on the real clock of a downloaded exercise
        everything takes a little longer."""
        return 0.5 if self.local else 0.05

    def seconds(self, value: float) -> str:
        """A duration for a message, as the reader's language writes it: 4.5 / 4,5."""
        return seconds(value, self.lang)

    @property
    def source(self) -> str:
        """The reader's code as text (for mistake detectors; never decide a pass on it)."""
        return self.answer.code

    # -- saying what failed ---------------------------------------------------------------------

    def fail(self, message_id: str, **params: Any) -> Failed:
        """Fails the check with the exercise's message ``message_id``."""
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
        happened, for a check that gives a problem its own words (``run.problem.message_id``
        is ``deadlock``, ``timeout``, ``raised``...; ``run.exception`` the exception).
        """
        if self._program is None:
            self._program = self._engine.run_program(self._limit(limit))
        run = self._program
        if run.problem is not None:
            reported = id(run) in self._reported
            self._reported.add(id(run))
            if not allow_error:
                raise NotChecked() if reported else run.problem
        return run

    def module(self) -> types.ModuleType:
        """A fresh copy of the reader's code loaded as a module: its definitions, without its
        ``if __name__ == "__main__":`` block. Each call loads it again."""
        return self._engine.load_module(self._limit(None))

    def function(self, name: str, *, coroutine: bool | None = None) -> Callable[..., Any]:
        """The reader's ``name`` from a fresh module; fails with a plain message if it is
        missing, or (``coroutine=True``) not an ``async def``."""
        found = getattr(self.module(), name, None)
        if found is None or not callable(found):
            raise Failed("missing-function", name=name)
        if coroutine and not _is_coroutine_function(found):
            raise Failed("not-coroutine-function", name=name)
        return found

    def solution(self) -> types.ModuleType | None:
        """The reference solution loaded as a module (to compare with), when it was given."""
        if self._solution_code is None:
            return None
        module = types.ModuleType("reference_solution")
        code = compile(self._solution_code, "reference_solution.py", "exec", dont_inherit=True)
        exec(code, module.__dict__)
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
        with its message, unless ``allow_error``: then the Run carries it in ``exception`` and
        ``problem`` for the check to judge (a check that expects an exception).
        """
        run = self._engine.run_scenario(start, self._limit(limit), name)
        if run.problem is not None and not allow_error:
            raise run.problem
        return run

    def _limit(self, limit: float | None) -> float:
        value = self.limit if limit is None else limit
        return min(value, LOCAL_LIMIT_CAP) if self.local else value


def _is_coroutine_function(function: Any) -> bool:
    # inspect.iscoroutinefunction without importing inspect's callers' worries: a plain function
    # compiled from `async def` has the CO_COROUTINE flag.
    code = getattr(function, "__code__", None)
    return code is not None and bool(code.co_flags & 0x80)


# -- evaluating an answer ----------------------------------------------------------------------


@dataclass
class Texts:
    """An exercise's words in one language (from exercise.yaml)."""

    title: str = ""
    #: Check id -> what it checks, in the order the verdict lists them.
    checks: dict[str, str] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)


def _message(lang: str, texts: Texts, failed: Failed) -> str:
    """The words of a failure; a float value is a duration, shown as the language writes it."""
    template = texts.messages.get(failed.message_id)
    if template is None:
        template = (MESSAGES.get(lang) or MESSAGES["en"]).get(failed.message_id)
    if template is None:
        raise KeyError(f"no message {failed.message_id!r} in exercise.yaml")
    params = {k: seconds(v, lang) if isinstance(v, float) else v for k, v in failed.params.items()}
    return fill(template, params)


def _run_check(
    ctx: Context, texts: Texts, check_id: str, function: CheckFunction
) -> dict[str, Any]:
    result: dict[str, Any] = {"id": check_id, "title": texts.checks[check_id]}
    try:
        function(ctx)
        result["status"] = "pass"
    except Failed as failed:
        result["status"] = "fail"
        result["messageId"] = failed.message_id
        try:
            result["message"] = _message(ctx.lang, texts, failed)
        except KeyError as error:
            result["message"] = words(ctx.lang, "checker-bug", error=str(error))
            result["internal"] = True
        if failed.details:
            result["details"] = failed.details
    except NotChecked:
        result["status"] = "skip"
        result["message"] = words(ctx.lang, "not-checked")
    except (KeyboardInterrupt, Abort):
        raise
    except BaseException as error:  # a bug in the checks: say so, never show their traceback
        result["status"] = "fail"
        result["messageId"] = "checker-bug"
        error_text = short(f"{type(error).__name__}: {error}", 120)
        result["message"] = words(ctx.lang, "checker-bug", error=error_text)
        result["internal"] = True
    return result


def _known_mistake(ctx: Context, texts: Texts, registry: Registry) -> dict[str, str] | None:
    for message_id, detect in registry.mistakes:
        try:
            matched = detect(ctx)
        except (KeyboardInterrupt, Abort):
            raise
        except BaseException:  # a detector that cannot decide has not matched
            matched = False
        if matched:
            # A detector may return the values its message needs instead of True.
            params = matched if isinstance(matched, dict) else {}
            message = _message(ctx.lang, texts, Failed(message_id, **params))
            return {"id": message_id, "message": message}
    return None


def evaluate(
    code: str,
    filename: str,
    texts: Texts,
    *,
    lang: str = "en",
    seed: int = 0,
    local: bool = False,
    solution: str | None = None,
    registry: Registry | None = None,
) -> dict[str, Any]:
    """Runs every registered check on ``code`` and returns the verdict (JSON-ready)."""
    registry = registry or _registry
    ctx = Context(Answer(code, filename), lang=lang, seed=seed, local=local, solution=solution)
    registered = dict(registry.checks)
    if list(registered) != list(texts.checks):
        error = f"check.py registers {list(registered)}, exercise.yaml titles {list(texts.checks)}"
        return _verdict_of_bug(lang, texts, error)
    results = [_run_check(ctx, texts, check_id, registered[check_id]) for check_id in texts.checks]
    passed = all(result["status"] == "pass" for result in results)
    details = next((r.pop("details") for r in results if "details" in r), None)
    for result in results:
        result.pop("details", None)
    verdict: dict[str, Any] = {
        "v": VERDICT_VERSION,
        "passed": passed,
        "checks": results,
        "mistake": None if passed else _known_mistake(ctx, texts, registry),
        "details": details,
    }
    program = ctx._program
    if program is not None and (program.output or program.errors):
        printed = program.output + program.errors
        verdict["output"] = printed[:SHOWN_OUTPUT] + ("…" if len(printed) > SHOWN_OUTPUT else "")
    return verdict


def _verdict_of_bug(lang: str, texts: Texts, error: str) -> dict[str, Any]:
    failure = {
        "id": "checker",
        "title": texts.title,
        "status": "fail",
        "messageId": "checker-bug",
        "message": words(lang, "checker-bug", error=error),
        "internal": True,
    }
    return {
        "v": VERDICT_VERSION,
        "passed": False,
        "checks": [failure],
        "mistake": None,
        "details": None,
    }


def load_checks(source: str, module_name: str = "exercise_check") -> Registry:
    """Runs an exercise's check.py into a registry of its own."""
    global _registry
    module = types.ModuleType(module_name)
    sys.modules[module_name] = module
    previous, _registry = _registry, Registry()
    try:
        exec(compile(source, f"{module_name}.py", "exec", dont_inherit=True), module.__dict__)
        return _registry
    finally:
        _registry = previous


def main(request_json: str, checks_file: str = "exercise_check.py") -> None:
    """The page's and the tests' entry point: prints the verdict on one marked line."""
    request = json.loads(request_json)
    out = sys.stdout
    with open(checks_file, encoding="utf-8") as file:
        registry = load_checks(file.read(), checks_file.removesuffix(".py"))
    verdict = evaluate(
        request["code"],
        request["file"],
        Texts(**request["texts"]),
        lang=request.get("lang", "en"),
        seed=int(request.get("seed", 0)),
        solution=request.get("solution"),
        registry=registry,
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
    code = "\n" * (start + 1) + "".join(lines[start + 1:end])
    return code, json.loads(data_line[len(DATA_PREFIX):])


def report(verdict: dict[str, Any], title: str, lang: str) -> str:
    """A verdict as text for a terminal."""
    lines = [words(lang, "report-title", title=title), ""]
    marks = {"pass": "✓", "fail": "✗", "skip": "–"}
    for result in verdict["checks"]:
        lines.append(f"  {marks[result['status']]} {result['title']}")
        if result["status"] != "pass" and result.get("message"):
            lines.append(f"      {result['message']}")
    if verdict.get("mistake"):
        lines += ["", words(lang, "report-mistake"), f"  {verdict['mistake']['message']}"]
    if verdict.get("details"):
        lines += ["", verdict["details"].rstrip()]
    total = len(verdict["checks"])
    passed = sum(1 for result in verdict["checks"] if result["status"] == "pass")
    if verdict["passed"]:
        lines += ["", words(lang, "report-passed", total=total)]
    else:
        lines += ["", words(lang, "report-failed", passed=passed, total=total)]
    return "\n".join(lines) + "\n"


def missing_packages(dependencies: list[str]) -> list[str]:
    """The PEP 723 dependencies (``"aiohttp>=3.8"``) whose module this Python cannot import."""
    missing = []
    for dependency in dependencies:
        name = re.split(r"[\s<>=!~;\[]", dependency.strip(), maxsplit=1)[0]
        if importlib.util.find_spec(name.lower().replace("-", "_")) is None:
            missing.append(dependency)
    return missing


def explain_missing_packages(path: str, data: dict[str, Any]) -> bool:
    """Says how to get what the file needs when this Python lacks it (instead of a traceback)."""
    missing = missing_packages([str(d) for d in data.get("needs", [])])
    if missing:
        lang = str(data.get("lang", "en"))
        packages = ", ".join(re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0] for d in missing)
        print(words(
            lang, "missing-packages", packages=packages, file=os.path.basename(path),
            python=os.path.basename(sys.executable) or "python3",
            install=" ".join(f"'{d}'" for d in missing),
        ))
    return bool(missing)


def check_file(path: str) -> int:
    """Checks a downloaded exercise file on this CPython; exit status 0 when every check passes.

    ``--json`` prints the verdict itself (the site's tests read it) instead of the report.
    Exit status 2 when this Python lacks a package the file's header lists.
    """
    with open(path, encoding="utf-8") as file:
        code, data = split_exercise_file(file.read())
    if explain_missing_packages(path, data):
        return 2
    lang = str(data.get("lang", "en"))
    registry = load_checks(data["check"])
    texts = Texts(**data["texts"])
    seed = int(data.get("seed", 0))
    verdict = evaluate(code, path, texts, lang=lang, seed=seed, local=True, registry=registry)
    if "--json" in sys.argv[1:]:
        print(VERDICT_MARKER + json.dumps(verdict, ensure_ascii=False))
    else:
        print(report(verdict, texts.title, lang), end="")
    return 0 if verdict["passed"] else 1


def run_file(path: str) -> int:
    """Runs the reader's code of a downloaded exercise file as a program (``--run``)."""
    with open(path, encoding="utf-8") as file:
        code, data = split_exercise_file(file.read())
    if explain_missing_packages(path, data):
        return 2
    exec(compile(code, path, "exec"), {"__name__": "__main__", "__file__": path})
    return 0
