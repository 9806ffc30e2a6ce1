"""stdout and stderr of a run, captured in order and sent in batches.

Each chunk says which task wrote it (the task whose step was running), so the timeline can tie a
line to its lane; a chunk never mixes two tasks or two streams.

A program may print far more than a page can show. The first ``live_chars`` characters (or
``live_lines`` lines) are sent as they come; after that only a bounded tail is kept, sent when
the run ends, so the last lines (often a traceback) are never lost. What was cut is counted.
"""

from __future__ import annotations

import io
from collections import deque
from typing import Any, Callable

from .clock import Clock

LIVE_CHARS = 100_000
LIVE_LINES = 1_000
TAIL_CHARS = 20_000
TAIL_LINES = 300


class Output:
    def __init__(
        self,
        clock: Clock,
        task_of: Callable[[], int | None] | None = None,
        live_chars: int = LIVE_CHARS,
        live_lines: int = LIVE_LINES,
        tail_chars: int = TAIL_CHARS,
        tail_lines: int = TAIL_LINES,
    ) -> None:
        self._clock = clock
        #: Which task is writing (its number in the timeline), when the run is recorded.
        self._task_of = task_of
        self._live_chars = live_chars
        self._live_lines = live_lines
        self._tail_chars = tail_chars
        self._tail_lines = tail_lines
        # [stream, pieces, t, task] chunks not yet taken.
        self._pending: list[list[Any]] = []
        self._tail: deque[list[Any]] | None = None
        self._tail_size = 0
        self._tail_newlines = 0
        self.dropped = 0
        self.busy = False

    def _ms(self) -> float:
        return round(self._clock.elapsed() * 1000, 3)

    def add(self, stream: str, text: str) -> None:
        if not text:
            return
        self.busy = True
        try:
            if self._tail is None:
                size = len(text)
                newlines = text.count("\n")
                if size <= self._live_chars and newlines <= self._live_lines:
                    self._live_chars -= size
                    self._live_lines -= newlines
                    self._append(self._pending, stream, text)
                    return
                self._tail = deque()
            self._add_to_tail(stream, text)
        finally:
            self.busy = False

    def _append(self, chunks: Any, stream: str, text: str) -> None:
        t = self._ms()
        task = self._task_of() if self._task_of is not None else None
        last = chunks[-1] if chunks else None
        # One chunk per stream, task and millisecond: a tight print loop makes few objects.
        if last is not None and last[0] == stream and last[3] == task and t - last[2] < 1:
            last[1].append(text)
        else:
            chunks.append([stream, [text], t, task])

    def _add_to_tail(self, stream: str, text: str) -> None:
        tail = self._tail
        assert tail is not None
        self._append(tail, stream, text)
        self._tail_size += len(text)
        self._tail_newlines += text.count("\n")
        while tail and (self._tail_size > self._tail_chars or self._tail_newlines > self._tail_lines):
            need_chars = self._tail_size - self._tail_chars
            need_lines = self._tail_newlines - self._tail_lines
            first = tail[0]
            text0 = "".join(first[1])
            if len(text0) < need_chars or text0.count("\n") < need_lines:
                # The whole oldest chunk goes, and more after it.
                tail.popleft()
                self._cut(text0)
                continue
            # Cut a prefix of the oldest chunk: enough characters and enough lines.
            cut_at = max(need_chars, 0)
            if need_lines > 0:
                position = -1
                for _ in range(need_lines):
                    position = text0.find("\n", position + 1)
                cut_at = max(cut_at, position + 1)
            first[1] = [text0[cut_at:]]
            self._cut(text0[:cut_at])
            if not first[1][0]:
                tail.popleft()

    def _cut(self, text: str) -> None:
        self.dropped += len(text)
        self._tail_size -= len(text)
        self._tail_newlines -= text.count("\n")

    def take(self, final: bool = False) -> list[dict[str, Any]]:
        """Chunks since the last call (at the end of the run, the kept tail too)."""
        if self.busy:
            return []
        chunks, self._pending = self._pending, []
        if final and self._tail is not None:
            chunks.extend(c for c in self._tail if c[1] != [""])
            self._tail = deque()
            self._tail_size = self._tail_newlines = 0
        return [
            {"stream": s, "text": "".join(p), "t": t} if task is None else {"stream": s, "text": "".join(p), "t": t, "task": task}
            for s, p, t, task in chunks
        ]


class StreamWriter(io.TextIOBase):
    """``sys.stdout``/``sys.stderr`` during a run: every write goes to ``Output``, unbuffered."""

    def __init__(self, output: Output, name: str) -> None:
        super().__init__()
        self._output = output
        self._name = name

    @property
    def name(self) -> str:
        return f"<{self._name}>"

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "strict"

    @property
    def line_buffering(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._output.add(self._name, text)
        return len(text)

    def flush(self) -> None:
        pass


class NoInput(io.TextIOBase):
    """``sys.stdin`` during a run: a playground has no keyboard to read from."""

    def __init__(self, error: Callable[[], BaseException]) -> None:
        super().__init__()
        self._error = error

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        raise self._error()

    def readline(self, size: int | None = -1) -> str:
        raise self._error()

    def isatty(self) -> bool:
        return False
