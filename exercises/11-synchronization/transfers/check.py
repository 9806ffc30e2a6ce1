"""Checks for "Transfers that freeze": no deadlock, money conserved, unrelated transfers overlap."""

from __future__ import annotations

import asyncio
from typing import Any

from livecheck import Context, check


def finish_or_explain(ctx: Context, run: Any) -> None:
    """A run stopped by a deadlock (or the time limit) fails with this exercise's words."""
    if run.problem is not None and run.problem.message_id in ("deadlock", "timeout"):
        ctx.fail("deadlock", waiting=run.problem.params.get("waiting", "?"))
    if run.problem is not None:
        raise run.problem


@check("program")
def program_finishes(ctx: Context) -> None:
    run = ctx.program(allow_error=True)
    finish_or_explain(ctx, run)
    last = run.lines[-1] if run.lines else "nothing"
    ctx.expect("alice: 80, bob: 120" in run.lines, "wrong-balances", output=last)


@check("generated")
def generated_transfers(ctx: Context) -> None:
    for _ in range(6):
        # A fresh copy of the code per run: a lock made at import belongs to one event loop.
        account_class = ctx.function("Account")
        transfer = ctx.function("transfer", coroutine=True)
        names = ["ana", "bia", "caio", "davi"][: ctx.random.randint(2, 4)]
        moves = [
            (*ctx.random.sample(names, 2), ctx.random.randint(1, 50))
            for _ in range(ctx.random.randint(3, 8))
        ]
        seen: dict[str, Any] = {}

        async def scenario() -> None:
            accounts = {name: account_class(name, 100) for name in names}
            transfers = [transfer(accounts[a], accounts[b], amount) for a, b, amount in moves]
            await asyncio.gather(*transfers)
            seen["balances"] = {name: account.balance for name, account in accounts.items()}

        run = ctx.run(scenario, allow_error=True)
        if run.problem is not None and run.problem.message_id in ("deadlock", "timeout"):
            shown = ", ".join(f"{a}→{b}" for a, b, _ in moves)
            ctx.fail("generated-deadlock", moves=shown, waiting=run.problem.params.get("waiting"))
        finish_or_explain(ctx, run)
        want = {name: 100 for name in names}
        for a, b, amount in moves:
            want[a] -= amount
            want[b] += amount
        ctx.expect(seen["balances"] == want, "generated-balances", got=seen["balances"], want=want)


@check("overlap")
def unrelated_transfers_overlap(ctx: Context) -> None:
    account_class = ctx.function("Account")
    transfer = ctx.function("transfer", coroutine=True)

    async def scenario() -> None:
        a, b, c, d = (account_class(name, 100) for name in ("ana", "bia", "caio", "davi"))
        await asyncio.gather(transfer(a, b, 10), transfer(c, d, 10))

    run = ctx.run(scenario)
    # Two transfers between four different accounts: 0.2 s side by side, 0.4 s one after the other.
    ctx.expect(run.elapsed <= 0.3, "one-at-a-time", elapsed=run.elapsed)
