#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def worker() -> None:
    me = asyncio.current_task()
    assert me is not None
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{now()} worker: one CancelledError, cancelling() = {me.cancelling()}")
        left = me.uncancel()  # "I have dealt with one request"
        print(f"{now()} worker: uncancel() -> {left}")
        if left > 0:
            print(f"{now()} worker: someone else still wants me to stop")
            raise


async def fetch(deadline: float) -> None:
    me = asyncio.current_task()
    assert me is not None
    budget = asyncio.timeout_at(deadline)  # an absolute time on the loop's clock
    try:
        async with budget:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print(f"{now()} fetch: cancelled, cancelling() = {me.cancelling()}")
                raise
    except TimeoutError:
        print(f"{now()} fetch: TimeoutError")
    finally:
        print(f"{now()} fetch: deadline expired? {budget.expired()}")


async def main() -> None:
    print("-- two requests, one exception")
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    task.cancel()
    print(f"{now()} main: cancelling() = {task.cancelling()} before the task runs again")
    await asyncio.gather(task, return_exceptions=True)
    print(f"{now()} main: cancelled? {task.cancelled()}")

    print("-- a deadline and a shutdown at the same moment")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1
    task = asyncio.create_task(fetch(deadline))
    loop.call_at(deadline, task.cancel)  # the shutdown, timed to the deadline
    try:
        await task
    except asyncio.CancelledError:
        print(f"{now()} main: the task ended cancelled, not timed out")


if __name__ == "__main__":
    asyncio.run(main())
