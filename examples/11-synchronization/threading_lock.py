#: runs: local
#: clock: real
#: varies: for \d+\.\d s
"""A threading.Lock on the event loop's thread: never across an await, never a long wait.

Part 1 holds a thread lock across an await: the loop freezes. Part 2 shares a counter with a
worker thread the right way: the coroutine holds the same kind of lock for two lines, with no
await inside, so the loop never waits for more than a moment.
"""

import asyncio
import threading
import time


async def heartbeat(stop: asyncio.Event) -> None:
    while not stop.is_set():
        print("  tick")
        await asyncio.sleep(0.3)


async def holder(lock: threading.Lock) -> None:
    with lock:  # a thread lock, taken inside a coroutine
        await asyncio.sleep(0.1)  # pauses this task while holding it: the mistake


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


def worker_adds(counter: list[int], lock: threading.Lock) -> None:
    for _ in range(200):
        with lock:  # a worker thread's update
            counter[0] += 1
        time.sleep(0.001)


async def coroutine_adds(counter: list[int], lock: threading.Lock) -> None:
    for _ in range(20):
        with lock:  # held for one update, no await inside: released at once
            counter[0] += 1
        await asyncio.sleep(0.01)  # the await comes after the lock is released


async def count_turns(turns: list[int], done: asyncio.Event) -> None:
    while not done.is_set():
        turns[0] += 1
        await asyncio.sleep(0.005)


async def main() -> None:
    print("-- held across an await")
    lock = threading.Lock()
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(stop))
    await asyncio.sleep(0.45)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(holder(lock))
        tg.create_task(wanter(lock))
    stop.set()
    await beat

    print("-- held briefly, shared with a worker thread")
    counter, turns, done = [0], [0], asyncio.Event()
    lock = threading.Lock()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(count_turns(turns, done))
        await asyncio.gather(
            asyncio.to_thread(worker_adds, counter, lock), coroutine_adds(counter, lock)
        )
        done.set()
    print(f"  counter: {counter[0]} of 220, every update kept: {counter[0] == 220}")
    print(f"  other tasks kept running meanwhile: {turns[0] > 10}")


if __name__ == "__main__":
    asyncio.run(main())
