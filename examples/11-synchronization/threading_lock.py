#: runs: local
#: clock: real
#: varies: for \d+\.\d s
import asyncio
import threading
import time


async def heartbeat(stop: asyncio.Event) -> None:
    while not stop.is_set():
        print("  tick")
        await asyncio.sleep(0.3)


async def holder(lock: threading.Lock) -> None:
    with lock:  # a thread lock, taken inside a coroutine
        await asyncio.sleep(0.1)  # pauses this task while holding it


async def wanter(lock: threading.Lock) -> None:
    start = time.perf_counter()
    # Blocks the whole thread, and with it the event loop: the holder
    # can never run to release the lock. Without a timeout this line
    # would hang forever.
    got_it = lock.acquire(timeout=1)
    waited = time.perf_counter() - start
    print(f"  acquired: {got_it}; the loop was frozen for {waited:.1f} s")
    if got_it:
        lock.release()


async def main() -> None:
    lock = threading.Lock()
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(stop))
    await asyncio.sleep(0.45)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(holder(lock))
        tg.create_task(wanter(lock))
    stop.set()
    await beat


if __name__ == "__main__":
    asyncio.run(main())
