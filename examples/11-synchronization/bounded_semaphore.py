#: runs: browser
#: clock: virtual
import asyncio


async def leaky_worker(slots: asyncio.Semaphore) -> None:
    async with slots:
        await asyncio.sleep(0.1)
    slots.release()  # a bug: the permit was already given back


async def main() -> None:
    plain = asyncio.Semaphore(2)
    await leaky_worker(plain)
    # The plain semaphore now hands out three permits instead of two.
    admitted = 0
    while not plain.locked():
        await plain.acquire()
        admitted += 1
    print(f"Semaphore(2) after the bug admits {admitted} tasks at once")

    bounded = asyncio.BoundedSemaphore(2)
    try:
        await leaky_worker(bounded)
    except ValueError as error:
        print(f"BoundedSemaphore(2) catches it: ValueError: {error}")


if __name__ == "__main__":
    asyncio.run(main())
