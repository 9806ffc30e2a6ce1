"""Checks for "A polite client": real aiohttp requests to a server the check starts on
127.0.0.1 (a port the OS picks), which counts the requests in flight and the connections."""

from __future__ import annotations

import asyncio
import heapq
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from livecheck import Context, check

LIMIT = 3
DELAYS = [0.8, 0.1, 0.1, 0.8, 0.1, 0.1, 0.8, 0.1, 0.1]


@dataclass
class Traffic:
    """What the server saw."""

    in_flight: int = 0
    peak: int = 0
    peers: set[str] = field(default_factory=set)


@dataclass
class Outcome:
    bodies: Any = None
    elapsed: float = 0.0
    traffic: Traffic = field(default_factory=Traffic)


def best_time(limit: int, durations: list[float]) -> float:
    """Each request starts as soon as one of the `limit` slots is free, in the order given."""
    slots = [0.0] * min(limit, len(durations))
    for seconds in durations:
        heapq.heappush(slots, heapq.heappop(slots) + seconds)
    return max(slots, default=0.0)


def server(traffic: Traffic) -> web.Application:
    async def delay(request: web.Request) -> web.Response:
        traffic.in_flight += 1
        traffic.peak = max(traffic.peak, traffic.in_flight)
        peer = request.transport.get_extra_info("peername") if request.transport else None
        traffic.peers.add(str(peer))
        try:
            seconds = float(request.match_info["seconds"])
            await asyncio.sleep(seconds)
            return web.json_response({"n": int(request.query["n"]), "delay": seconds})
        finally:
            traffic.in_flight -= 1

    app = web.Application()
    app.router.add_get("/delay/{seconds}", delay)
    return app


_outcomes: dict[int, Outcome] = {}


def outcome(ctx: Context) -> Outcome:
    """The reader's fetch_all run once against the check's server (every check reads it)."""
    if id(ctx) in _outcomes:
        return _outcomes[id(ctx)]
    fetch_all = ctx.function("fetch_all", coroutine=True)
    got = Outcome()
    paths = [f"/delay/{seconds}?n={n}" for n, seconds in enumerate(DELAYS)]

    async def scenario() -> None:
        runner = web.AppRunner(server(got.traffic))
        await runner.setup()
        try:
            await web.TCPSite(runner, "127.0.0.1", 0).start()
            host, port = runner.addresses[0][:2]
            loop = asyncio.get_running_loop()
            start = loop.time()
            got.bodies = await fetch_all(f"http://{host}:{port}", paths, LIMIT)
            got.elapsed = loop.time() - start
        finally:
            await runner.cleanup()

    ctx.run(scenario, name="fetch_all")
    _outcomes[id(ctx)] = got
    return got


@check("bodies")
def bodies_in_order(ctx: Context) -> None:
    got = outcome(ctx).bodies
    want = [{"n": n, "delay": seconds} for n, seconds in enumerate(DELAYS)]
    numbers = [body.get("n") if isinstance(body, dict) else body for body in got or []]
    ctx.expect(got == want, "wrong-bodies", got=numbers)


@check("limit")
def never_more_than_limit(ctx: Context) -> None:
    peak = outcome(ctx).traffic.peak
    ctx.expect(peak <= LIMIT, "too-many", peak=peak, limit=LIMIT)


@check("one-session")
def connections_reused(ctx: Context) -> None:
    connections = len(outcome(ctx).traffic.peers)
    ctx.expect(connections <= LIMIT, "session-per-request", connections=connections,
               requests=len(DELAYS))


@check("no-waste")
def a_free_slot_is_used_at_once(ctx: Context) -> None:
    elapsed = outcome(ctx).elapsed
    best = best_time(LIMIT, DELAYS)
    ctx.expect(elapsed <= best + ctx.tolerance, "batches", elapsed=elapsed, best=best)
