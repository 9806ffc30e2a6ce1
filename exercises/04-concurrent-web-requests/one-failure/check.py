"""Checks for "One failure, every page": a line for every page, the failed one in its place,
with every request sent at once."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, NotChecked, Run, check, mistake

PAGES = {"/home": 0.3, "/about": 0.2, "/broken": 0.1, "/blog": 0.5}
FAILING = {"/broken"}
ERROR = "500 Internal Server Error"
NONE = {"en": "none", "pt-BR": "nenhuma"}

NOTHING = {"en": "nothing", "pt-BR": "nada"}


def named(ctx: Context, module: Any, name: str) -> Any:
    """The reader's `name` (a function or a class), or a plain failure when it is missing."""
    found = getattr(module, name, None)
    if found is None or not callable(found):
        ctx.fail("missing-function", name=name)
    return found


def listed(ctx: Context, lines: list[str], separator: str) -> str:
    """Printed lines for a message ("nothing" when there are none)."""
    return separator.join(lines) or NOTHING.get(ctx.lang, "nothing")


@dataclass
class Outcome:
    pages: dict[str, float]
    failing: set[str]
    run: Run
    lines: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    def expected(self) -> list[str]:
        return [
            f"{path}: failed ({ERROR})" if path in self.failing else f"{path}: <{path[1:]} page>"
            for path in self.pages
        ]


def run_page(ctx: Context, pages: dict[str, float], failing: set[str]) -> Outcome:
    """Runs the reader's main() with requests of the check's own (the reader's ServerError)."""
    module: Any = ctx.module()
    main = named(ctx, module, "main")
    error_type: Any = getattr(module, "ServerError", None)
    if not (isinstance(error_type, type) and issubclass(error_type, Exception)):
        ctx.fail("missing-function", name="ServerError")

    async def fetch(path: str) -> str:
        await asyncio.sleep(pages[path])
        if path in failing:
            raise error_type(ERROR)
        return f"<{path[1:]} page>"

    module.PAGES = dict(pages)
    module.FAILING = set(failing)
    module.fetch = fetch
    times: dict[str, float] = {}

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            await main()
        finally:
            times["elapsed"] = loop.time() - start

    run = ctx.run(scenario, name="main", allow_error=True)
    return Outcome(dict(pages), set(failing), run, run.lines, times.get("elapsed", 0.0))


def escaped(outcome: Outcome) -> BaseException | None:
    return outcome.run.exception


@check("no-escape")
def failure_handled(ctx: Context) -> None:
    got = run_page(ctx, PAGES, FAILING)
    error = escaped(got)
    if error is not None:
        ctx.fail("error-escaped", error=type(error).__name__)


@check("every-page")
def every_page_reported(ctx: Context) -> None:
    got = run_page(ctx, PAGES, FAILING)
    want = got.expected()
    ctx.expect(got.lines == want, "lost-pages", got=listed(ctx, got.lines, " | "),
               want=" | ".join(want))


@check("together")
def requests_overlap(ctx: Context) -> None:
    got = run_page(ctx, PAGES, FAILING)
    if escaped(got) is not None:
        raise NotChecked()  # it ended at the first failure: its time says nothing
    longest = max(PAGES.values())
    ctx.expect(got.elapsed <= longest + ctx.tolerance, "one-at-a-time", elapsed=got.elapsed,
               longest=longest)


@check("generated")
def generated_pages(ctx: Context) -> None:
    for _ in range(5):
        count = ctx.random.randint(3, 6)
        tenths = ctx.random.sample(range(1, 20), count)
        pages = {f"/page{n}": t / 10 for n, t in enumerate(tenths, 1)}
        failing = set(ctx.random.sample(sorted(pages), ctx.random.randint(0, count - 1)))
        got = run_page(ctx, pages, failing)
        ok = (
            escaped(got) is None
            and got.lines == got.expected()
            and got.elapsed <= max(pages.values()) + ctx.tolerance
        )
        shown = ", ".join(f"{p} {ctx.seconds(d)} s" for p, d in pages.items())
        failed = ", ".join(sorted(failing)) or NONE.get(ctx.lang, "none")
        ctx.expect(ok, "generated", pages=shown, failing=failed,
                   got=listed(ctx, got.lines, " | "))


@mistake("task-group")
def all_or_nothing_group(ctx: Context) -> bool:
    got = run_page(ctx, PAGES, FAILING)
    return isinstance(escaped(got), BaseExceptionGroup)
