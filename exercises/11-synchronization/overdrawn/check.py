"""Checks for "Overdrawn": concurrent withdrawals never overdraw, on fixed and generated cases."""

from __future__ import annotations

import asyncio
from typing import Any

from livecheck import Context, check, mistake


def one_at_a_time(balance: int, amounts: list[int]) -> tuple[list[bool], int]:
    """What the withdrawals give when each one runs alone, in order."""
    approved = []
    for amount in amounts:
        ok = balance >= amount
        approved.append(ok)
        balance -= amount if ok else 0
    return approved, balance


def withdraw_all(ctx: Context, balance: int, amounts: list[int]) -> tuple[list[bool], int]:
    account_class = ctx.function("Account")
    seen: dict[str, Any] = {}

    async def scenario() -> None:
        account = account_class(balance)
        seen["approved"] = list(await asyncio.gather(*(account.withdraw(a) for a in amounts)))
        seen["balance"] = account.balance

    ctx.run(scenario)
    return seen["approved"], seen["balance"]


@check("program")
def program_result(ctx: Context) -> None:
    run = ctx.program()
    last = run.lines[-1] if run.lines else "nothing"
    ctx.expect("approved: 3, balance: 10" in run.lines, "overdrawn", output=last)


@check("generated")
def generated_withdrawals(ctx: Context) -> None:
    for _ in range(6):
        balance = ctx.random.randint(50, 200)
        amounts = [ctx.random.randint(10, 60) for _ in range(ctx.random.randint(3, 8))]
        approved, final = withdraw_all(ctx, balance, amounts)
        want, want_final = one_at_a_time(balance, amounts)
        if final < 0 or (approved, final) != (want, want_final):
            ctx.fail("generated", balance=balance, amounts=amounts, final=final, want=want_final)


@check("per-account")
def accounts_do_not_wait_for_each_other(ctx: Context) -> None:
    account_class = ctx.function("Account")

    async def scenario() -> None:
        accounts = [account_class(100) for _ in range(5)]
        await asyncio.gather(*(account.withdraw(10) for account in accounts))

    # One withdrawal from each of five accounts: 0.1 s if they overlap, 0.5 s one at a time.
    run = ctx.run(scenario)
    ctx.expect(run.elapsed <= 0.3, "one-lock-for-all", elapsed=run.elapsed)


@mistake("lock-around-write")
def lock_after_the_check(ctx: Context) -> bool:
    run = ctx.program(allow_error=True)
    overdrawn = any(line.startswith("approved:") and "balance: -" in line for line in run.lines)
    return overdrawn and "Lock()" in ctx.source
