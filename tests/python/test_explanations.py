"""The runner's explanations: keys and values the page words in each language, English here."""

from __future__ import annotations

import json
import os
import unittest

from .helpers import RUNNER_DIR, run

from livepy.outcome import ENGLISH  # noqa: E402  (helpers puts the runner on the path)

STRINGS = os.path.join(RUNNER_DIR, "..", "..", "content", "i18n")


class ExplanationsTest(unittest.TestCase):
    def test_the_english_wording_is_the_pages_english_strings(self) -> None:
        for language in ("en.json", "pt-BR.json"):
            with open(os.path.join(STRINGS, language), encoding="utf-8") as file:
                page = {k.removeprefix("playground.explain."): v for k, v in json.load(file).items() if k.startswith("playground.explain.")}
            self.assertEqual(set(page), set(ENGLISH), language)
            if language == "en.json":
                self.assertEqual(page, ENGLISH)

    def test_a_missing_module_is_explained_with_its_name(self) -> None:
        outcome, _ = run("import no_such_module")
        self.assertEqual(outcome["explanation"], {"key": "module", "values": {"name": "no_such_module"}})
        self.assertIn("The module 'no_such_module' is not available in the browser", outcome["message"])

    def test_a_deadlock_lists_the_waiting_tasks_as_data(self) -> None:
        outcome, _ = run("import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())")
        self.assertEqual(outcome["status"], "deadlock")
        self.assertEqual(
            outcome["explanation"],
            {"key": "deadlock", "values": {"tasks": [{"name": "Task-1", "line": 3, "function": "main"}], "more": 0}},
        )
        self.assertTrue(outcome["message"].endswith("Waiting: Task-1 (line 3 in main)."))

    def test_an_exit_code_and_an_exception(self) -> None:
        self.assertEqual(run("raise SystemExit(3)")[0]["explanation"], {"key": "exitCode", "values": {"code": 3}})
        self.assertEqual(
            run("raise ValueError('bad')")[0]["explanation"], {"key": "raised", "values": {"name": "ValueError", "text": "bad"}}
        )


if __name__ == "__main__":
    unittest.main()
