#: runs: browser
#: clock: virtual
import asyncio
import gc
from typing import Any


async def refresh_cache() -> None:
    await asyncio.sleep(0.1)
    raise ValueError("cache backend is down")


def report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    # The loop calls this for errors nobody else handled. The default handler logs
    # the same context, with a traceback, to the "asyncio" logger.
    task = context.get("future")
    name = task.get_name() if isinstance(task, asyncio.Task) else "?"
    print(f"loop handler: {context['message']}")
    print(f"  task {name!r} raised {context.get('exception')!r}")


def log_failure(task: asyncio.Task[None]) -> None:
    # Calling exception() counts as retrieving it, so no warning is logged later.
    if not task.cancelled() and (error := task.exception()) is not None:
        print(f"done callback: task {task.get_name()!r} failed with {error!r}")


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)

    print("1. fire and forget:")
    task = asyncio.create_task(refresh_cache(), name="refresh-1")
    await asyncio.sleep(0.5)
    print(f"  the task is done: {task.done()}, and nobody has looked at its exception")
    del task
    gc.collect()  # the report comes when the task object is destroyed

    print("2. with a done callback:")
    task = asyncio.create_task(refresh_cache(), name="refresh-2")
    task.add_done_callback(log_failure)
    await asyncio.sleep(0.5)
    del task
    gc.collect()
    print("  nothing more to report")


if __name__ == "__main__":
    asyncio.run(main())
