#: runs: browser
#: clock: virtual
import asyncio


async def heartbeat(period: float, stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    start = deadline = loop.time()
    beats = 0
    while not stop.is_set():
        beats += 1
        print(f"beat {beats} at {loop.time() - start:.1f} s")
        deadline += period
        try:
            # Wait for the stop signal, but no longer than the next deadline.
            await asyncio.wait_for(stop.wait(), timeout=max(0.0, deadline - loop.time()))
        except TimeoutError:
            pass  # time for the next beat
    print(f"heartbeat stopped cleanly after {beats} beats")


async def poller() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        while True:
            await asyncio.sleep(1.25)
            print(f"  poll at {loop.time() - start:.2f} s")
    except asyncio.CancelledError:
        print("  poller cancelled, closing its connection")
        raise  # let the cancellation finish


async def main() -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    beat_task = asyncio.create_task(heartbeat(2.0, stop))
    poll_task = asyncio.create_task(poller())

    await asyncio.sleep(4.5)  # the application does its real work here
    start = loop.time()

    stop.set()  # a polite request: the loop notices at once, mid-sleep
    await beat_task
    poll_task.cancel()  # a forceful request, delivered at its next await
    try:
        await poll_task
    except asyncio.CancelledError:
        pass
    print(f"both stopped {loop.time() - start:.1f} s after asking")


if __name__ == "__main__":
    asyncio.run(main())
