#: runs: browser
#: clock: virtual
import asyncio


async def worker(name: str) -> None:
    print(f"  {name}: started")
    await asyncio.sleep(1)
    print(f"  {name}: finished")


def on_done(future: asyncio.Future[str]) -> None:
    print(f"  callback: future holds {future.result()!r}")


async def main() -> None:
    loop = asyncio.get_running_loop()

    print("1. a new task waits for its first turn")
    task = asyncio.create_task(worker("worker"))
    print("  main: task created")
    await asyncio.sleep(0)  # one pass of the loop: the task starts
    print("  main: back after sleep(0)")

    print("2. callbacks run on the loop, not inside set_result")
    future: asyncio.Future[str] = loop.create_future()
    future.add_done_callback(on_done)
    future.set_result("ready")
    print("  main: result set")
    await asyncio.sleep(0)
    print("  main: back after sleep(0)")

    print("3. call_soon queues a callback for the next pass")
    loop.call_soon(print, "  call_soon: my turn")
    print("  main: callback queued")
    await asyncio.sleep(0)
    print("  main: back after sleep(0)")

    await task


if __name__ == "__main__":
    asyncio.run(main())
