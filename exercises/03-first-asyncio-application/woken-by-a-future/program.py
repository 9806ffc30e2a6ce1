import asyncio


async def reader(ready: asyncio.Future[bytes]) -> None:
    print("reader: nothing to read, waiting on a future")
    data = await ready
    print(f"reader: woke up with {data!r}")


async def ticker() -> None:
    for tick in range(4):
        print(f"tick {tick}")
        await asyncio.sleep(0.4)


async def main() -> None:
    loop = asyncio.get_running_loop()
    ready: asyncio.Future[bytes] = loop.create_future()
    # Stands in for the selector: one second from now the socket is readable, and the loop
    # runs the callback that was registered for it.
    loop.call_later(1.0, ready.set_result, b"hello")
    await asyncio.gather(reader(ready), ticker())


if __name__ == "__main__":
    asyncio.run(main())
