"""Checks for "Whose log line is it?": every log line names its own request, and the requests
still run at the same time."""

from __future__ import annotations

import asyncio

from livecheck import Context, check

EXPECTED_DONE = ["[req-2] done", "[req-3] done", "[req-1] done"]


@check("program")
def program_logs_right_ids(ctx: Context) -> None:
    run = ctx.program()
    done = [line for line in run.lines if line.endswith(" done")]
    # Each request once, with its own id; when they finish is the "concurrent" check's business.
    shown = " / ".join(done) or "nothing"
    ctx.expect(sorted(done) == sorted(EXPECTED_DONE), "mixed-up", output=shown)


@check("concurrent")
def requests_overlap(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.elapsed <= 0.3 + ctx.tolerance, "one-at-a-time", elapsed=run.elapsed)


@check("generated")
def generated_requests(ctx: Context) -> None:
    for _ in range(5):
        handle = ctx.function("handle", coroutine=True)
        count = ctx.random.randint(2, 6)
        seconds = [tenths / 10 for tenths in ctx.random.sample(range(1, 30), count)]
        ids = [f"r{ctx.random.randint(100, 999)}-{i}" for i in range(count)]

        async def scenario() -> None:
            await asyncio.gather(*(handle(rid, s) for rid, s in zip(ids, seconds)))

        run = ctx.run(scenario)
        want = [f"[{rid}] done" for _, rid in sorted(zip(seconds, ids))]
        got = [line for line in run.lines if line.endswith(" done")]
        if got != want:
            shown = " / ".join(got) or "nothing"
            ctx.fail("generated", count=count, got=shown, want=" / ".join(want))
