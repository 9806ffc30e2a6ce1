"""Checks for "Three at a time": real threads, so it is checked on the reader's machine.

The check swaps `fetch_price` for a service of its own that answers the same way and counts how
many requests it is serving at once, then runs the reader's `main()`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from livecheck import Context, Run, check

PRODUCTS = ["tea", "coffee", "scone", "cake", "juice", "bagel", "muffin", "soup", "salad"]
PRICES = str([f"{product}: {len(product) * 1.25:.2f}" for product in PRODUCTS])
LIMIT = 3
#: Nine requests of 0.2 s, three at a time: 0.6 s (one at a time: 1.8 s).
BOUND = 1.2


@dataclass
class Service:
    """Counts the requests in progress, from whatever threads they come."""

    serving: int = 0
    most: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fetch_price(self, product: str) -> str:
        with self.lock:
            self.serving += 1
            self.most = max(self.most, self.serving)
        try:
            time.sleep(0.2)
        finally:
            with self.lock:
                self.serving -= 1
        return f"{product}: {len(product) * 1.25:.2f}"


_runs: dict[int, tuple[Run, Service]] = {}


def served(ctx: Context) -> tuple[Run, Service]:
    """The reader's main() run once, against the check's own service."""
    if id(ctx) not in _runs:
        module = ctx.module()
        main = getattr(module, "main", None)
        if main is None:
            raise ctx.fail("missing-function", name="main")
        service = Service()
        setattr(module, "fetch_price", service.fetch_price)
        _runs[id(ctx)] = (ctx.run(lambda: main(), name="main"), service)
    return _runs[id(ctx)]


@check("prices")
def same_prices(ctx: Context) -> None:
    run, _ = served(ctx)
    ctx.expect(PRICES in run.lines, "wrong-prices", prices=PRICES)


@check("limit")
def never_more_than_three(ctx: Context) -> None:
    _, service = served(ctx)
    ctx.expect(service.most <= LIMIT, "too-many", most=service.most)


@check("together")
def three_at_once(ctx: Context) -> None:
    run, service = served(ctx)
    if service.most == 1:
        ctx.fail("one-at-a-time", elapsed=run.elapsed)
    together = service.most >= LIMIT and run.elapsed <= BOUND
    ctx.expect(together, "too-few", most=service.most, elapsed=run.elapsed)


@check("loop-free")
def loop_never_blocked(ctx: Context) -> None:
    run, _ = served(ctx)
    if run.blocking:
        step = max(run.blocking, key=lambda s: s.duration)
        ctx.fail("blocking", coroutine=step.coroutine, duration=step.duration)
