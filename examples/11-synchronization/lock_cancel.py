#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f} s"


async def migrate(name: str, lock: asyncio.Lock, seconds: float) -> None:
    print(f"{now()}  {name} waits for the lock")
    try:
        async with lock:
            print(f"{now()}  {name} holds the lock")
            await asyncio.sleep(seconds)
            print(f"{now()}  {name} finished its work")
    except asyncio.CancelledError:
        print(f"{now()}  {name} cancelled (lock held now: {lock.locked()})")
        raise


async def main() -> None:
    lock = asyncio.Lock()
    slow = asyncio.create_task(migrate("slow", lock, 10))
    waiting = asyncio.create_task(migrate("waiting", lock, 1))
    patient = asyncio.create_task(migrate("patient", lock, 1))

    await asyncio.sleep(1)
    waiting.cancel()  # cancelled while queued for the lock
    await asyncio.sleep(1)
    slow.cancel()  # cancelled while holding the lock
    await patient  # gets the lock right after `slow` lets go
    print(f"{now()}  lock held at the end: {lock.locked()}")


if __name__ == "__main__":
    asyncio.run(main())
