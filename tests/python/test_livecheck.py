"""The checker (livecheck) on CPython, inside the runner on the virtual clock, as the page runs it.

Each test gives a small answer and a small check.py and reads the verdict: what a reader would
be told. The exercises' own fixtures (tests/examples/exercises.test.ts) prove the exercises;
these prove the checker's promises: every problem becomes a sentence about the reader's code,
never a traceback into the checker, and what a run did is measured right.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import json
import os
import shutil
import tempfile
import textwrap
import unittest
from typing import Any

from .helpers import RecordingHost
import livecheck  # noqa: E402  (helpers puts the runner on the path)
from livepy.session import Session  # noqa: E402

CHECK_RUNS = """
from livecheck import Context, check

@check("runs")
def runs(ctx: Context) -> None:
    ctx.program()

@check("again")
def again(ctx: Context) -> None:
    ctx.program()
"""


def verdict_of(
    code: str, checks: str = CHECK_RUNS, lang: str = "en", **texts: Any
) -> dict[str, Any]:
    """Checks ``code`` inside a runner session (virtual clock), as the page does."""
    registry = livecheck.load_checks(textwrap.dedent(checks))
    titles = {check_id: check_id for check_id, _ in registry.checks}
    holder: dict[str, Any] = {}

    def go() -> None:
        holder["verdict"] = livecheck.evaluate(
            textwrap.dedent(code),
            "answer.py",
            livecheck.Texts(title="t", checks=titles, messages=texts),
            lang=lang,
            registry=registry,
        )

    # The driver calls back into this test through builtins, as the page's driver calls main().
    setattr(builtins, "_livecheck_test_go", go)
    try:
        session = Session("virtual", host=RecordingHost(), capture=True)
        outcome = session.run("_livecheck_test_go()", "driver.py")
    finally:
        delattr(builtins, "_livecheck_test_go")
    assert outcome.get("status") == "ok", outcome
    return holder["verdict"]


def messages(verdict: dict[str, Any]) -> list[str]:
    return [c.get("message", "") for c in verdict["checks"]]


class ReaderProblems(unittest.TestCase):
    def test_a_syntax_error_is_a_sentence_with_its_line(self) -> None:
        verdict = verdict_of("import asyncio\nasync def main(:\n    pass\n")
        self.assertEqual(verdict["checks"][0]["messageId"], "syntax")
        self.assertIn("(line 2)", verdict["checks"][0]["message"])
        # Told once: the next check says it could not be made.
        self.assertEqual(verdict["checks"][1]["status"], "skip")

    def test_an_exception_names_the_readers_line_and_function_never_the_checker(self) -> None:
        verdict = verdict_of(
            """
            import asyncio

            async def fry() -> None:
                await asyncio.sleep(1)
                raise ValueError("pan too hot")

            async def main() -> None:
                await asyncio.gather(fry(), fry())

            asyncio.run(main())
            """
        )
        self.assertEqual(
            verdict["checks"][0]["message"],
            "Your code raised `ValueError: pan too hot` at line 6, in `fry`.",
        )
        self.assertIn('File "answer.py", line 6, in fry', verdict["details"])
        self.assertNotIn("livecheck", verdict["details"])

    def test_an_exception_group_shows_its_first_error(self) -> None:
        verdict = verdict_of(
            """
            import asyncio

            async def bad() -> None:
                raise KeyError("x")

            async def main() -> None:
                async with asyncio.TaskGroup() as group:
                    group.create_task(bad())

            asyncio.run(main())
            """
        )
        self.assertIn("`KeyError: 'x'` at line 5, in `bad`", verdict["checks"][0]["message"])

    def test_a_deadlock_says_where_each_task_waits(self) -> None:
        verdict = verdict_of(
            """
            import asyncio

            async def main() -> None:
                event = asyncio.Event()
                await event.wait()

            asyncio.run(main())
            """
        )
        self.assertEqual(verdict["checks"][0]["messageId"], "deadlock")
        self.assertIn("`main` (line 6)", verdict["checks"][0]["message"])

    def test_a_program_that_never_ends_is_stopped_at_the_limit_at_once(self) -> None:
        verdict = verdict_of(
            """
            import asyncio

            async def main() -> None:
                while True:
                    await asyncio.sleep(1)

            asyncio.run(main())
            """
        )
        self.assertEqual(verdict["checks"][0]["messageId"], "timeout")
        self.assertIn("after 60.0 s", verdict["checks"][0]["message"])

    def test_a_loop_that_never_waits_for_anything_real_runs_out_of_steps(self) -> None:
        verdict = verdict_of(
            """
            import asyncio

            async def main() -> None:
                while True:
                    await asyncio.sleep(0)

            asyncio.run(main())
            """
        )
        self.assertEqual(verdict["checks"][0]["messageId"], "steps")

    def test_sys_exit_is_reported_not_obeyed(self) -> None:
        verdict = verdict_of("import sys\nsys.exit(3)\n")
        self.assertEqual(
            verdict["checks"][0]["message"],
            "Your code ended the program (`sys.exit(3)`); the check needs it to return instead.",
        )

    def test_messages_follow_the_readers_language(self) -> None:
        verdict = verdict_of("import sys\nsys.exit(3)\n", lang="pt-BR")
        message = verdict["checks"][0]["message"]
        self.assertTrue(message.startswith("O seu código encerrou o programa"))

    def test_a_coroutine_that_swallows_everything_is_still_closed(self) -> None:
        verdict = verdict_of(
            """
            import asyncio

            async def stubborn() -> None:
                while True:
                    try:
                        await asyncio.sleep(1)
                    except BaseException:
                        pass

            async def main() -> None:
                asyncio.create_task(stubborn())
                await asyncio.sleep(0.5)

            asyncio.run(main())
            """
        )
        self.assertEqual([c["status"] for c in verdict["checks"]], ["pass", "pass"])


MEASURE = """
from livecheck import Context, check

@check("measure")
def measure(ctx: Context) -> None:
    run = ctx.program()
    raise ctx.fail(
        "report",
        elapsed=run.elapsed,
        at_once=run.max_at_once(),
        pending=run.describe(run.pending),
        blocking=[(b.coroutine, round(b.duration, 1)) for b in run.blocking],
        never_awaited=run.never_awaited("sleep"),
    )
"""
REPORT = "{elapsed}|{at_once}|{pending}|{blocking}|{never_awaited}"


class WhatARunDid(unittest.TestCase):
    def measure(self, code: str) -> list[str]:
        verdict = verdict_of(code, MEASURE, report=REPORT)
        return verdict["checks"][0]["message"].split("|")

    def test_tasks_that_wait_side_by_side_overlap_and_take_the_longest_wait(self) -> None:
        elapsed, at_once, pending, blocking, _ = self.measure(
            """
            import asyncio

            async def main() -> None:
                await asyncio.gather(asyncio.sleep(2), asyncio.sleep(1.5), asyncio.sleep(1))

            asyncio.run(main())
            """
        )
        self.assertEqual((elapsed, at_once, pending, blocking), ("2.0", "3", "", "[]"))

    def test_computing_does_not_move_a_checks_clock_so_times_match_on_any_machine(self) -> None:
        elapsed, _, _, blocking, _ = self.measure(
            """
            import asyncio

            async def main() -> None:
                sum(range(3_000_000))  # tens of ms of computing, more on a busy machine
                await asyncio.sleep(1)

            asyncio.run(main())
            """
        )
        self.assertEqual((elapsed, blocking), ("1.0", "[]"))

    def test_a_blocking_call_is_a_step_that_holds_the_loop(self) -> None:
        elapsed, _, _, blocking, _ = self.measure(
            """
            import asyncio
            import time

            async def step() -> None:
                time.sleep(1)

            async def main() -> None:
                await asyncio.gather(step(), step())

            asyncio.run(main())
            """
        )
        self.assertEqual(elapsed, "2.0")
        self.assertEqual(blocking, "[('step', 1.0), ('step', 1.0)]")

    def test_tasks_left_running_when_main_returns_are_named(self) -> None:
        _, _, pending, _, _ = self.measure(
            """
            import asyncio

            async def send(to: str) -> None:
                await asyncio.sleep(1)

            async def main() -> None:
                for name in "abc":
                    asyncio.create_task(send(name))

            asyncio.run(main())
            """
        )
        self.assertEqual(pending, "`send` ×3")

    def test_a_coroutine_never_awaited_is_seen(self) -> None:
        *_, never_awaited = self.measure(
            """
            import asyncio

            async def main() -> None:
                asyncio.sleep(1)

            asyncio.run(main())
            """
        )
        self.assertEqual(never_awaited, "True")


class Checks(unittest.TestCase):
    def test_check_ids_must_match_the_titles(self) -> None:
        registry = livecheck.load_checks(CHECK_RUNS)
        texts = livecheck.Texts(title="t", checks={"runs": "r"})
        verdict = livecheck.evaluate("pass\n", "a.py", texts, registry=registry)
        self.assertEqual(verdict["checks"][0]["messageId"], "checker-bug")
        self.assertTrue(verdict["checks"][0]["internal"])

    def test_a_bug_in_a_check_is_the_exercises_not_the_readers(self) -> None:
        buggy = 'from livecheck import check\n\n@check("x")\ndef x(ctx):\n    1 / 0\n'
        verdict = verdict_of("pass\n", buggy)
        result = verdict["checks"][0]
        self.assertEqual((result["messageId"], result["internal"]), ("checker-bug", True))
        self.assertIn("bug in the exercise", result["message"])

    def test_a_scenario_can_call_the_readers_functions_and_expect_their_exception(self) -> None:
        checks = """
        import asyncio
        from livecheck import Context, check

        @check("raises")
        def raises(ctx: Context) -> None:
            double = ctx.function("double", coroutine=True)
            run = ctx.run(lambda: double(-1), allow_error=True)
            ctx.expect(isinstance(run.exception, ValueError), "no-error")
            run = ctx.run(lambda: double(21))
            ctx.expect(run.value == 42, "wrong", got=run.value)
        """
        answer = """
        async def double(n: int) -> int:
            if n < 0:
                raise ValueError("negative")
            return n * 2
        """
        verdict = verdict_of(answer, checks, wrong="got {got}", **{"no-error": "no error"})
        self.assertTrue(verdict["passed"], verdict)

    def test_a_missing_function_or_a_plain_def_is_told_plainly(self) -> None:
        checks = """
        from livecheck import check

        @check("f")
        def f(ctx):
            ctx.function("every", coroutine=True)
        """
        self.assertIn("has no `every`", verdict_of("x = 1\n", checks)["checks"][0]["message"])
        plain = verdict_of("def every():\n    pass\n", checks)["checks"][0]["message"]
        self.assertIn("must be a coroutine function", plain)

    def test_a_mistake_detector_names_a_known_wrong_answer(self) -> None:
        checks = """
        from livecheck import Context, check, mistake

        @check("fast")
        def fast(ctx: Context) -> None:
            ctx.expect(ctx.program().elapsed < 1, "slow")

        @mistake("sequential")
        def sequential(ctx: Context) -> bool:
            return "for" in ctx.source
        """
        answer = """
        import asyncio

        async def main() -> None:
            for _ in range(3):
                await asyncio.sleep(1)

        asyncio.run(main())
        """
        verdict = verdict_of(answer, checks, slow="slow", sequential="one at a time")
        self.assertEqual(verdict["mistake"], {"id": "sequential", "message": "one at a time"})


class DownloadedFile(unittest.TestCase):
    def test_the_readers_code_keeps_its_line_numbers(self) -> None:
        data = livecheck.DATA_PREFIX + '{"a": 1}'
        lines = ["# header", livecheck.CODE_START, "x = 1", "y = 2", livecheck.CODE_END, data]
        text = "\n".join(lines)
        code, data = livecheck.split_exercise_file(text)
        self.assertEqual(code.splitlines()[2:4], ["x = 1", "y = 2"])
        self.assertEqual(data, {"a": 1})

    def exercise_file(self, needs: list[str], lang: str = "en") -> str:
        """A downloaded file whose code would fail on import if the check ever ran it."""
        data = {"needs": needs, "lang": lang, "check": "", "texts": {}}
        lines = [livecheck.CODE_START, "import not_a_real_module_xyz", livecheck.CODE_END,
                 livecheck.DATA_PREFIX + json.dumps(data)]
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        path = os.path.join(folder, "fan_out.py")
        with open(path, "w", encoding="utf-8") as file:
            file.write("\n".join(lines) + "\n")
        return path

    def test_a_missing_package_is_explained_with_how_to_get_it_not_a_traceback(self) -> None:
        path = self.exercise_file(["not-a-real-package-xyz>=3.8", "json"])
        for run in (livecheck.check_file, livecheck.run_file):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                status = run(path)
            self.assertEqual(status, 2)
            told = out.getvalue()
            self.assertIn("needs not-a-real-package-xyz,", told)
            self.assertIn("`uv run fan_out.py`", told)
            self.assertIn("-m pip install 'not-a-real-package-xyz>=3.8'", told)
            self.assertNotIn("json", told)

    def test_the_missing_package_message_follows_the_files_language(self) -> None:
        path = self.exercise_file(["not-a-real-package-xyz"], lang="pt-BR")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            livecheck.check_file(path)
        self.assertIn("Este exercício precisa de not-a-real-package-xyz", out.getvalue())


if __name__ == "__main__":
    unittest.main()
