"""Imports the runner from src/runtime/python and runs programs through it, output captured."""

from __future__ import annotations

import os
import sys
import textwrap
from typing import Any

RUNNER_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "src", "runtime", "python"))
if RUNNER_DIR not in sys.path:
    sys.path.insert(0, RUNNER_DIR)

from livepy.session import LocalHost, Session  # noqa: E402
from livepy.timeline import Batch, Reader  # noqa: E402


class RecordingHost(LocalHost):
    """Collects what a browser host would post; can ask to stop after some looks at the flag."""

    def __init__(self, stop_after_checks: int | None = None) -> None:
        self.chunks: list[dict[str, Any]] = []
        #: As the page reads them (TaskEvent objects); the batches as sent are in ``batches``.
        self.events: list[dict[str, Any]] = []
        self.batches: list[Batch] = []
        self._reader = Reader(virtual=True)
        self.sends = 0
        self.checks = 0
        self.stop_after_checks = stop_after_checks
        self.stop = False

    def stop_requested(self) -> bool:
        self.checks += 1
        if self.stop_after_checks is not None and self.checks >= self.stop_after_checks:
            return True
        return self.stop

    def send(self, chunks: list[dict[str, Any]], events: Batch | None) -> None:
        self.sends += 1
        self.chunks.extend(chunks)
        if events is not None:
            self.batches.append(events)
            self.events.extend(self._reader.read(events))

    def read_events_on(self, clock: str) -> None:
        """The run's clock, which decides which steps count as blocking."""
        self._reader = Reader(virtual=clock == "virtual")

    def text(self, stream: str | None = None) -> str:
        return "".join(c["text"] for c in self.chunks if stream is None or c["stream"] == stream)


def run(code: str, clock: str = "virtual", host: RecordingHost | None = None, **kwargs: Any) -> tuple[dict[str, Any], RecordingHost]:
    host = host or RecordingHost()
    host.read_events_on(clock)
    session = Session(clock, host=host, capture=True, record=True, **kwargs)
    outcome = session.run(textwrap.dedent(code), "main.py")
    return dict(outcome), host
