#: runs: browser
#: clock: virtual
import asyncio


async def main() -> None:
    queue: asyncio.Queue[str] = asyncio.Queue(maxsize=2)
    print(f"maxsize={queue.maxsize} empty={queue.empty()} full={queue.full()}")

    for ticket in ("A1", "A2", "A3"):
        try:
            queue.put_nowait(ticket)
            print(f"put {ticket}: qsize={queue.qsize()}")
        except asyncio.QueueFull:
            print(f"put {ticket}: QueueFull, the ticket is refused")

    for _ in range(3):
        try:
            ticket = queue.get_nowait()
            print(f"got {ticket}: qsize={queue.qsize()}")
        except asyncio.QueueEmpty:
            print("get: QueueEmpty, nothing to take")

    # The awaiting versions wait instead of raising.
    try:
        async with asyncio.timeout(0.5):
            await queue.get()
    except TimeoutError:
        print("await get(): still empty after 0.5 s, gave up")


if __name__ == "__main__":
    asyncio.run(main())
