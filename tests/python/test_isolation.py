"""A run cannot change the next one: the runner restores the interpreter after every run."""

from __future__ import annotations

import os
import textwrap
import unittest
from typing import Any

from .helpers import RecordingHost

from livepy.isolation import Baseline  # noqa: E402  (helpers puts the runner on the path)
from livepy.session import Session  # noqa: E402


class SandboxedHost(RecordingHost):
    """A browser-like host: runs sandboxed, each in a folder of its own."""

    sandboxed = True


class IsolationTest(unittest.TestCase):
    def setUp(self) -> None:
        self.baseline = Baseline()

    def run_code(self, code: str, files: dict[str, str] | None = None) -> tuple[dict[str, Any], SandboxedHost]:
        host = SandboxedHost()
        session = Session("virtual", host=host, capture=True, baseline=self.baseline)
        try:
            outcome = session.run(textwrap.dedent(code), "main.py", files)
        finally:
            self.baseline.restore()  # as the browser does once the outcome is sent
        return dict(outcome), host

    def test_builtins_and_module_attributes_come_back(self) -> None:
        self.run_code("import builtins, math\nbuiltins.print = lambda *a, **k: None\nmath.pi = 3")
        self.assertEqual(self.run_code("import math\nprint(math.pi)")[1].text(), "3.141592653589793\n")

    def test_a_patched_class_comes_back(self) -> None:
        self.run_code("import asyncio\nasyncio.Queue.put_nowait = None\nasyncio.Queue.extra = 1")
        _, host = self.run_code("import asyncio\nq = asyncio.Queue()\nq.put_nowait(1)\nprint(q.qsize(), hasattr(asyncio.Queue, 'extra'))")
        self.assertEqual(host.text(), "1 False\n")

    def test_imports_path_environment_folder_and_files_go(self) -> None:
        home = os.getcwd()
        self.run_code('import os, sys, colorsys\nsys.path.append("/nowhere")\nos.environ["LEFT"] = "1"\nopen("left.txt", "w").write("x")\nos.chdir("/")')
        self.assertEqual(os.getcwd(), home)
        _, host = self.run_code('import os, sys\nprint("colorsys" in sys.modules, "/nowhere" in sys.path, "LEFT" in os.environ, os.listdir("."))')
        self.assertEqual(host.text(), "False False False []\n")

    def test_logging_configuration_goes(self) -> None:
        self.run_code("import logging\nlogging.basicConfig(level=logging.DEBUG)\nlogging.getLogger('mine').setLevel(5)")
        import logging

        self.assertEqual(logging.root.handlers, [])
        self.assertNotIn("mine", logging.Logger.manager.loggerDict)

    def test_helper_modules_import_beside_the_program(self) -> None:
        _, host = self.run_code("import shop\nprint(shop.PRICE)", {"shop.py": "PRICE = 3\n"})
        self.assertEqual(host.text(), "3\n")
        outcome, _ = self.run_code("import shop")
        self.assertIn("The module 'shop'", outcome["message"])

    def test_a_helper_module_name_must_be_a_plain_file_name(self) -> None:
        with self.assertRaises(ValueError):
            self.run_code("pass", {"../escape.py": ""})

    def test_atexit_functions_run_when_the_program_ends(self) -> None:
        _, host = self.run_code("import atexit\natexit.register(print, 'bye')\nprint('hi')")
        self.assertEqual(host.text(), "hi\nbye\n")
        self.assertEqual(self.run_code("print('next')")[1].text(), "next\n")


if __name__ == "__main__":
    unittest.main()
