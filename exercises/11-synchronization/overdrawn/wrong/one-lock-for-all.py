import asyncio

LOCK = asyncio.Lock()


class Account:
    def __init__(self, balance: int) -> None:
        self.balance = balance

    async def withdraw(self, amount: int) -> bool:
        """Takes `amount` out if the balance covers it; says whether it did."""
        async with LOCK:
            if self.balance < amount:
                return False
            await asyncio.sleep(0.1)  # the bank's fraud check
            self.balance -= amount
            return True


async def main() -> None:
    account = Account(100)
    approved = await asyncio.gather(*(account.withdraw(30) for _ in range(5)))
    print(f"approved: {sum(approved)}, balance: {account.balance}")


if __name__ == "__main__":
    asyncio.run(main())
