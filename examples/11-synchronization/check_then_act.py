#: runs: browser
#: clock: virtual
import asyncio


class Venue:
    def __init__(self, seats: int) -> None:
        self.seats = seats
        self.lock = asyncio.Lock()

    async def buy_unprotected(self, buyer: str) -> None:
        if self.seats > 0:  # check...
            await asyncio.sleep(0.5)  # ...charge the card...
            self.seats -= 1  # ...act on a check that may be stale by now
            print(f"  {buyer} got a seat, {self.seats} left")
        else:
            print(f"  {buyer}: sold out")

    async def buy_locked(self, buyer: str) -> None:
        async with self.lock:  # check and act as one step
            if self.seats > 0:
                await asyncio.sleep(0.5)
                self.seats -= 1
                print(f"  {buyer} got a seat, {self.seats} left")
            else:
                print(f"  {buyer}: sold out")


async def main() -> None:
    buyers = ["ana", "bruno", "carla"]

    print("-- without a lock, 2 seats")
    venue = Venue(seats=2)
    async with asyncio.TaskGroup() as tg:
        for buyer in buyers:
            tg.create_task(venue.buy_unprotected(buyer))

    print("-- with a lock, 2 seats")
    venue = Venue(seats=2)
    async with asyncio.TaskGroup() as tg:
        for buyer in buyers:
            tg.create_task(venue.buy_locked(buyer))


if __name__ == "__main__":
    asyncio.run(main())
