#: runs: browser
#: clock: virtual
import asyncio
import gc
from typing import Any


def report(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    # What asyncio would log for an error nobody handled ("Task exception was never retrieved").
    print(f"  asyncio reports: {context['message']}")


async def fetch(page: str, seconds: float) -> str:
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {page} cancelled")
        raise
    print(f"  {page} raises ValueError")
    raise ValueError(f"{page} is broken")


async def main() -> None:
    asyncio.get_running_loop().set_exception_handler(report)

    print("-- a task fails and nobody awaits it")
    forgotten = asyncio.create_task(fetch("broken-c", 0.5))
    await asyncio.sleep(1)
    del forgotten
    gc.collect()  # the report comes when the task object is destroyed

    print("-- gather: two tasks fail")
    try:
        await asyncio.gather(fetch("broken-a", 0.5), fetch("broken-b", 1))
    except ValueError as error:
        print(f"  caught: {error}")
    await asyncio.sleep(2)  # broken-b fails meanwhile, with nobody waiting for it
    gc.collect()  # same chance to report as above
    print("  nothing more was reported: the second error is gone")

    print("-- TaskGroup: the same two")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("broken-a", 0.5))
            tg.create_task(fetch("broken-b", 1))
    except* ValueError as group:
        print(f"  caught: {[str(error) for error in group.exceptions]}")


if __name__ == "__main__":
    asyncio.run(main())
