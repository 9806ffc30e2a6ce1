#: runs: browser
#: clock: virtual
import asyncio
from typing import Any


async def fetch_price(symbol: str) -> float:
    await asyncio.sleep(5)
    return 42.0


async def poll_prices() -> None:
    while True:
        await fetch_price("ACME")


async def send_digest(queue: asyncio.Queue[str]) -> None:
    while True:
        await queue.get()


def await_chain(coro: object) -> str:
    """Follows cr_await from a task's coroutine down to where it is suspended."""
    names: list[str] = []
    current: Any = coro
    while current is not None and hasattr(current, "cr_await"):
        names.append(current.__qualname__)
        current = current.cr_await  # None, or at the bottom a Future's iterator
    return " -> ".join(names)


async def main() -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    tasks = [
        asyncio.create_task(poll_prices(), name="poll-prices"),
        asyncio.create_task(send_digest(queue), name="send-digest"),
        asyncio.create_task(asyncio.sleep(10)),  # no name: asyncio picks Task-N
    ]
    tasks[2].set_name("idle-timer")  # names can be set later too
    await asyncio.sleep(1)  # let them all reach their first await

    current = asyncio.current_task()
    assert current is not None
    current.set_name("main")
    print(f"running now: {current.get_name()}, {len(asyncio.all_tasks())} tasks in all")
    for task in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
        if task is current:
            continue
        frame = task.get_stack()[-1]  # the task's outermost coroutine frame
        print(f"{task.get_name()}: done={task.done()}")
        print(f"  suspended in {frame.f_code.co_name}()")
        print(f"  awaiting {await_chain(task.get_coro())}")

    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"tasks left besides main: {len(asyncio.all_tasks()) - 1}")


if __name__ == "__main__":
    asyncio.run(main())
