"""Runs exercise checks through the playground runner on this CPython, exactly as the browser does.

    python3 scripts/exercises/run_checks.py < requests.json

stdin: a JSON list of runs, each ``{"code": ..., "filename": ..., "files": {name: source}}`` (the
program and helper modules the exercise island would send to the worker, see
src/lib/exercises/driver.ts). stdout: one JSON object per run and line, ``{"output": ...,
"outcome": ...}``, in the same order. One interpreter serves every run, restored to its starting
state after each one (the runner's Baseline), as one browser worker serves a page.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "runtime", "python"))

from livepy.isolation import Baseline  # noqa: E402
from livepy.session import LocalHost, Session  # noqa: E402


class SandboxedHost(LocalHost):
    """A browser tab's host on CPython: a folder of its own per run, helper files written there."""

    sandboxed = True

    def __init__(self) -> None:
        self.chunks: list[dict[str, Any]] = []

    def send(self, chunks: list[dict[str, Any]], events: list[dict[str, Any]]) -> None:
        self.chunks.extend(chunks)


def main() -> int:
    requests = json.load(sys.stdin)
    out = sys.stdout
    baseline = Baseline()
    for request in requests:
        host = SandboxedHost()
        session = Session("virtual", host=host, capture=True, record=True, baseline=baseline)
        outcome = session.run(request["code"], request.get("filename", "check.py"), request.get("files", {}))
        baseline.restore()
        output = "".join(chunk["text"] for chunk in host.chunks)
        out.write(json.dumps({"output": output, "outcome": outcome}) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
