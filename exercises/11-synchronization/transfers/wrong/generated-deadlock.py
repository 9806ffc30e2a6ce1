import asyncio


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = asyncio.Lock()


async def transfer(source: Account, target: Account, amount: int) -> None:
    """Moves `amount` from `source` to `target`, holding both accounts' locks."""
    first, second = (source, target) if amount >= 20 else (target, source)
    async with first.lock:
        await asyncio.sleep(0.1)  # read the source's balance
        async with second.lock:
            await asyncio.sleep(0.1)  # write both balances
            source.balance -= amount
            target.balance += amount


async def main() -> None:
    alice = Account("alice", 100)
    bob = Account("bob", 100)
    await asyncio.gather(transfer(alice, bob, 30), transfer(bob, alice, 10))
    print(f"alice: {alice.balance}, bob: {bob.balance}")


if __name__ == "__main__":
    asyncio.run(main())
