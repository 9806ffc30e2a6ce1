"""Checks for "A status page in one wait": the same page, in the time of the slowest check."""

from __future__ import annotations

from livecheck import Context, check

EXPECTED = ["auth: up", "billing: up", "search: up", "mail: up"]


@check("output")
def same_page(ctx: Context) -> None:
    run = ctx.program()
    if sorted(run.lines) == sorted(EXPECTED) and run.lines != EXPECTED:
        ctx.fail("out-of-order", output=" / ".join(run.lines))
    ctx.expect(run.lines == EXPECTED, "wrong-output", output=" / ".join(run.lines) or "nothing")


@check("fast")
def slowest_check_only(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(run.elapsed <= 1.2 + ctx.tolerance, "too-slow", elapsed=run.elapsed)


@check("together")
def checks_overlap(ctx: Context) -> None:
    run = ctx.program()
    at_once = max(1, run.max_at_once())
    ctx.expect(at_once >= 4, "not-together", at_once=at_once)


@check("clean")
def nothing_left(ctx: Context) -> None:
    run = ctx.program()
    ctx.expect(not run.pending, "left-running", tasks=run.describe(run.pending))


@check("generated")
def other_services(ctx: Context) -> None:
    for _ in range(4):
        module = ctx.module()
        count = ctx.random.randint(2, 7)
        services = {f"svc{n}": ctx.random.randint(1, 20) / 10 for n in range(count)}
        setattr(module, "SERVICES", services)  # the reader's page, other services
        run = ctx.run(module.main)
        want = [f"{name}: up" for name in services]
        slowest = max(services.values())
        if run.lines != want or run.elapsed > slowest + ctx.tolerance:
            ctx.fail("generated", count=count, slowest=slowest, elapsed=run.elapsed,
                     output=" / ".join(run.lines) or "nothing")
