"""A circuit breaker, written from scratch: stop calling a service that keeps failing.

    breaker = CircuitBreaker("payments", failures_to_open=3, open_for=0.5)
    answer = await breaker.call(lambda: fetch(session, url))

It has three states:

- closed: calls go through. A failure counts; a success clears the count. When
  `failures_to_open` calls fail in a row, the breaker opens.
- open: calls fail at once with CircuitOpenError, and the service is not called at all: it gets
  room to recover, and callers get their answer (a fallback, an error) without waiting for a
  timeout. After `open_for` seconds, the next call finds the breaker half-open.
- half-open: one call, the trial, goes through; others fail at once, as when open. If the
  trial succeeds, the breaker closes; if it fails, the breaker opens again for `open_for`.
"""

import time
from collections.abc import Awaitable, Callable
from typing import Literal, TypeVar

T = TypeVar("T")
State = Literal["closed", "open", "half-open"]


class CircuitOpenError(Exception):
    """The breaker refused the call: the service was not contacted."""


class CircuitBreaker:
    def __init__(self, name: str, failures_to_open: int = 3, open_for: float = 0.5,
                 on_change: Callable[[State, State], None] | None = None) -> None:
        self.name = name
        self.failures_to_open = failures_to_open
        self.open_for = open_for
        self.on_change = on_change
        self.state: State = "closed"
        self.failures = 0  # in a row
        self.opened_at = 0.0
        self.trial_running = False

    def _move_to(self, state: State) -> None:
        old, self.state = self.state, state
        if self.on_change is not None:
            self.on_change(old, state)

    def _admit(self) -> None:
        """Raises CircuitOpenError unless this call may go through (and marks a trial)."""
        if self.state == "open":
            if time.monotonic() - self.opened_at < self.open_for:
                raise CircuitOpenError(f"{self.name}: circuit open")
            self._move_to("half-open")
        if self.state == "half-open":
            if self.trial_running:  # one trial at a time; the rest are refused meanwhile
                raise CircuitOpenError(f"{self.name}: circuit half-open, trial under way")
            self.trial_running = True

    def _record(self, succeeded: bool) -> None:
        was_trial, self.trial_running = self.trial_running, False
        if succeeded:
            self.failures = 0
            if was_trial:
                self._move_to("closed")
            return
        self.failures += 1
        if was_trial or self.failures >= self.failures_to_open:
            self.opened_at = time.monotonic()
            self._move_to("open")

    async def call(self, operation: Callable[[], Awaitable[T]]) -> T:
        self._admit()
        try:
            result = await operation()
        except Exception:  # a failed request, an error status, a timeout
            self._record(succeeded=False)
            raise
        except BaseException:  # cancelled: not the service's fault, and not a success
            self.trial_running = False
            raise
        self._record(succeeded=True)
        return result
