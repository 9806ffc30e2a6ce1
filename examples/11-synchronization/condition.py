#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f} s"


class Oven:
    """Bakers add loaves; delivery drivers wait until enough are ready."""

    def __init__(self) -> None:
        self.loaves = 0
        self.changed = asyncio.Condition()

    async def bake(self, count: int) -> None:
        for _ in range(count):
            await asyncio.sleep(1)
            async with self.changed:
                self.loaves += 1
                print(f"{now()}  baked one, {self.loaves} on the shelf")
                self.changed.notify_all()  # every waiter re-checks

    async def take(self, driver: str, wanted: int) -> None:
        async with self.changed:
            # Releases the lock while waiting, takes it back to re-check.
            await self.changed.wait_for(lambda: self.loaves >= wanted)
            self.loaves -= wanted
            print(f"{now()}  {driver} takes {wanted}, {self.loaves} left")


async def main() -> None:
    oven = Oven()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(oven.take("van", 3))
        tg.create_task(oven.take("bike", 1))
        tg.create_task(oven.bake(5))
    print(f"{now()}  {oven.loaves} loaf left over")


if __name__ == "__main__":
    asyncio.run(main())
