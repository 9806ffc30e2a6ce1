"""Checks for "Stop a child politely, then firmly": stand-in children that exit after SIGTERM,
ignore it, or have already exited, with the exit status and the time `stop` took."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from livecheck import Context, check


class FakeChild:
    """A stand-in for asyncio.subprocess.Process that counts the signals it gets."""

    def __init__(self, cleanup: float | None, exited: int | None = None) -> None:
        self.cleanup = cleanup
        self.returncode = exited
        self.signals: list[str] = []
        self._gone = asyncio.Event()
        if exited is not None:
            self._gone.set()

    def terminate(self) -> None:
        self._signal("SIGTERM")
        if self.cleanup is not None:
            asyncio.get_running_loop().call_later(self.cleanup, self._exit, -15)

    def kill(self) -> None:
        self._signal("SIGKILL")
        asyncio.get_running_loop().call_soon(self._exit, -9)

    async def wait(self) -> int:
        await self._gone.wait()
        assert self.returncode is not None
        return self.returncode

    def _signal(self, name: str) -> None:
        if self.returncode is not None:
            raise ProcessLookupError("the child has already exited")
        self.signals.append(name)

    def _exit(self, code: int) -> None:
        if self.returncode is None:
            self.returncode = code
            self._gone.set()


@dataclass
class Outcome:
    status: Any
    elapsed: float
    exception: BaseException | None
    problem: str | None


def stop_one(
    ctx: Context, cleanup: float | None, grace: float, exited: int | None = None
) -> Outcome:
    stop = ctx.function("stop", coroutine=True)
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        child = FakeChild(cleanup, exited)
        loop = asyncio.get_running_loop()
        start = loop.time()
        seen["status"] = await stop(child, grace)
        seen["elapsed"] = loop.time() - start

    run = ctx.run(scenario, allow_error=True, limit=30)
    problem = run.problem.message_id if run.problem is not None else None
    return Outcome(seen.get("status"), seen.get("elapsed", run.elapsed), run.exception, problem)


def expected(cleanup: float | None, grace: float, exited: int | None) -> tuple[int, float]:
    """The exit status and the time a correct `stop` gives."""
    if exited is not None:
        return exited, 0.0
    if cleanup is not None and cleanup < grace:
        return -15, cleanup
    return -9, grace


@check("polite")
def polite_child_exits_on_sigterm(ctx: Context) -> None:
    got = stop_one(ctx, cleanup=0.2, grace=1.0)
    ctx.expect(got.problem not in ("deadlock", "timeout"), "polite-hangs")
    ctx.expect(got.exception is None, "stop-raised", error=type(got.exception).__name__)
    ctx.expect(got.status != -9, "killed-at-once")
    ctx.expect(got.status == -15, "wrong-status", status=got.status, expected=-15)
    ctx.expect(got.elapsed <= 0.2 + ctx.tolerance, "slept-grace", elapsed=got.elapsed)


@check("stubborn")
def stubborn_child_is_killed(ctx: Context) -> None:
    got = stop_one(ctx, cleanup=None, grace=0.5)
    ctx.expect(got.problem not in ("deadlock", "timeout"), "hangs")
    ctx.expect(not isinstance(got.exception, TimeoutError), "timeout-escaped")
    ctx.expect(got.exception is None, "stop-raised", error=type(got.exception).__name__)
    ctx.expect(got.status is not None, "not-waited")
    ctx.expect(got.status == -9, "wrong-status", status=got.status, expected=-9)
    ctx.expect(abs(got.elapsed - 0.5) <= ctx.tolerance, "grace-time", elapsed=got.elapsed)


@check("already-gone")
def exited_child_is_not_an_error(ctx: Context) -> None:
    got = stop_one(ctx, cleanup=None, grace=0.5, exited=3)
    ctx.expect(not isinstance(got.exception, ProcessLookupError), "lookup-error")
    returned = got.exception is None and got.problem is None
    ctx.expect(returned, "stop-raised", error=type(got.exception).__name__)
    ctx.expect(got.status == 3, "wrong-status", status=got.status, expected=3)


@check("generated")
def generated_children(ctx: Context) -> None:
    for _ in range(8):
        grace = ctx.random.randint(2, 10) / 10
        if ctx.random.random() < 0.5:
            cleanup = ctx.random.randint(1, int(grace * 10) - 1) / 10
        else:
            cleanup = grace + ctx.random.randint(2, 10) / 10
        status, elapsed = expected(cleanup, grace, None)
        got = stop_one(ctx, cleanup, grace)
        case = {"grace": grace, "cleanup": cleanup}
        if got.exception is not None or got.problem is not None:
            error = type(got.exception).__name__ if got.exception else got.problem
            ctx.fail("generated-broke", error=error, **case)
        right = got.status == status and abs(got.elapsed - elapsed) <= ctx.tolerance
        ctx.expect(
            right,
            "generated",
            status=got.status,
            elapsed=got.elapsed,
            expected=status,
            expected_elapsed=elapsed,
            **case,
        )
