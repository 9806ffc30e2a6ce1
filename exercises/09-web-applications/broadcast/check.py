"""Checks for "One slow viewer, one broken socket": the reader's Feed broadcasting to the
check's own viewers, some slow, some gone."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from livecheck import Context, check


@dataclass(eq=False)
class Viewer:
    """A viewer's socket as the check sees it; hashed by number, so a set's order is fixed."""

    number: int
    latency: float
    broken: bool = False
    received: list[str] = field(default_factory=list)

    def __hash__(self) -> int:
        return self.number

    @property
    def name(self) -> str:
        return f"viewer {self.number}"

    async def send_str(self, text: str) -> None:
        await asyncio.sleep(self.latency)
        if self.broken:
            raise ConnectionResetError(f"{self.name} went away")
        self.received.append(text)


@dataclass
class Result:
    viewers: list[Viewer]
    connected: set[Any]
    error: BaseException | None
    elapsed: list[float]


def broadcast(ctx: Context, specs: list[tuple[float, bool]], messages: list[str]) -> Result:
    module = ctx.module()
    if not callable(getattr(module, "Feed", None)):
        ctx.fail("missing-function", name="Feed")
    viewers = [Viewer(n, latency, broken) for n, (latency, broken) in enumerate(specs, 1)]
    result = Result(viewers, set(), None, [])

    async def scenario() -> None:
        feed = module.Feed()
        feed.viewers |= set(viewers)
        loop = asyncio.get_running_loop()
        try:
            for text in messages:
                start = loop.time()
                await feed.broadcast(text)
                result.elapsed.append(loop.time() - start)
        except Exception as error:  # noqa: BLE001 - judged by the checks
            result.error = error
        result.connected = set(feed.viewers)

    ctx.run(scenario)
    return result


HEALTHY = [(0.1, False), (0.5, False), (0.2, False)]
WITH_BROKEN = [(0.1, False), (0.05, True), (0.3, False)]


@check("everyone")
def every_viewer_gets_it(ctx: Context) -> None:
    result = broadcast(ctx, HEALTHY, ["tea 3.5"])
    missed = [v.name for v in result.viewers if v.received != ["tea 3.5"]]
    ctx.expect(result.error is None and not missed, "missed", viewers=", ".join(missed) or "-")


@check("at-once")
def sent_at_once(ctx: Context) -> None:
    result = broadcast(ctx, HEALTHY, ["tea 3.5"])
    elapsed = result.elapsed[0] if result.elapsed else 0.0
    ctx.expect(elapsed <= 0.5 + ctx.tolerance, "one-by-one", elapsed=elapsed)


@check("broken")
def broken_socket_stops_nobody(ctx: Context) -> None:
    result = broadcast(ctx, WITH_BROKEN, ["tea 3.5", "tea 3.6"])
    ctx.expect(result.error is None, "raised", error=repr(result.error))
    missed = [v.name for v in result.viewers if not v.broken and len(v.received) != 2]
    ctx.expect(not missed, "stopped-by-broken", viewers=", ".join(missed))


@check("dropped")
def broken_viewer_dropped(ctx: Context) -> None:
    result = broadcast(ctx, WITH_BROKEN, ["tea 3.5"])
    broken = [v for v in result.viewers if v.broken]
    ctx.expect(not any(v in result.connected for v in broken), "kept-broken")
    healthy = [v for v in result.viewers if not v.broken]
    ctx.expect(all(v in result.connected for v in healthy), "dropped-healthy")


@check("generated")
def generated_feeds(ctx: Context) -> None:
    for _ in range(6):
        specs = [(ctx.random.randint(1, 9) / 10, ctx.random.random() < 0.25)
                 for _ in range(ctx.random.randint(2, 6))]
        messages = [f"tea {3 + n / 10:.1f}" for n in range(3)]
        result = broadcast(ctx, specs, messages)
        shown = ", ".join(f"{ctx.seconds(lat)} s" + (" ✗" if broken else "")
                          for lat, broken in specs)
        ctx.expect(result.error is None, "generated-raised", viewers=shown,
                   error=repr(result.error))
        for viewer in result.viewers:
            if not viewer.broken:
                ctx.expect(viewer.received == messages, "generated-missed", viewers=shown,
                           name=viewer.name, got=repr(viewer.received))
        # First broadcast: every viewer; after it, the healthy ones only.
        first = max(lat for lat, _ in specs)
        later = max((lat for lat, broken in specs if not broken), default=0.0)
        best = first + 2 * later
        total = sum(result.elapsed)
        ctx.expect(total <= best + ctx.tolerance, "generated-slow", viewers=shown,
                   elapsed=total, best=best)
