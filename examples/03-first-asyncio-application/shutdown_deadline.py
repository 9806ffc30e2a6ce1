#: runs: browser
#: clock: virtual
"""Stopping tasks with a deadline: cancel, wait with a timeout, cancel again.

No sockets, so this one runs in the browser: each "connection" is a task waiting for
a client that stays quiet, and each needs a different time to clean up when cancelled.
"""

import asyncio


async def connection(name: str, cleanup_seconds: float) -> None:
    try:
        await asyncio.sleep(3600)  # waiting for data that never comes
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up for {cleanup_seconds} s")
        try:
            await asyncio.sleep(cleanup_seconds)  # say goodbye, flush a log...
        except asyncio.CancelledError:
            print(f"{name}: cleanup cut short")
            raise
        print(f"{name}: clean")
        raise  # re-raise the first cancellation: this task did stop


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()

    def now() -> str:
        return f"[{loop.time() - start:.1f} s]"

    tasks = [
        asyncio.create_task(connection(name, seconds))
        for name, seconds in [("alice", 0.2), ("bob", 0.5), ("carol", 30.0)]
    ]
    await asyncio.sleep(1.0)  # the server runs for a while

    print(f"{now()} shutting down {len(tasks)} connections, waiting at most 2 s")
    for task in tasks:
        task.cancel()
    done, pending = await asyncio.wait(tasks, timeout=2.0)
    print(f"{now()} {len(done)} finished, {len(pending)} still running")

    for task in pending:
        task.cancel()  # second request: this one interrupts the slow cleanup
    if pending:
        await asyncio.wait(pending)
    print(f"{now()} all stopped: {all(task.cancelled() for task in tasks)}")


if __name__ == "__main__":
    asyncio.run(main())
