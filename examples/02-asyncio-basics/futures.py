#: runs: browser
#: clock: virtual
import asyncio
import inspect


async def deliver(future: asyncio.Future[str], delay: float) -> None:
    await asyncio.sleep(delay)
    future.set_result("parcel")  # wakes up whoever awaits it


async def main() -> None:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[str] = loop.create_future()
    print(f"done before set_result? {future.done()}")

    courier = asyncio.create_task(deliver(future, 1))
    value = await future  # suspends main until a result is set
    print(f"received {value!r}; done now? {future.done()}")

    # A Task is a Future whose result comes from running a coroutine.
    await courier
    is_future = isinstance(courier, asyncio.Future)
    print(f"a task is a future: {is_future}")

    # Coroutines, tasks and futures are all awaitables.
    coro = asyncio.sleep(0)
    awaitables = {"coroutine": coro, "task": courier, "future": future}
    for kind, thing in awaitables.items():
        print(f"{kind:>9} awaitable? {inspect.isawaitable(thing)}")
    await coro  # never leave a coroutine un-awaited


if __name__ == "__main__":
    asyncio.run(main())
