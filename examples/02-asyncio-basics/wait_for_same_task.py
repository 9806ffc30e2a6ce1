#: runs: browser
#: clock: virtual
# /// script
# requires-python = ">=3.12"
# ///
import asyncio


async def query(caller: asyncio.Task[None]) -> str:
    same = asyncio.current_task() is caller
    print(f"  query runs in the caller's own task: {same}")
    await asyncio.sleep(1)
    return "rows"


async def main() -> None:
    me = asyncio.current_task()
    assert me is not None

    print("wait_for (3.12+): the coroutine runs under asyncio.timeout, in this task")
    print(f"  got {await asyncio.wait_for(query(me), timeout=2)!r}")

    print("gather: the coroutine is wrapped in a task of its own")
    print(f"  got {await asyncio.gather(query(me))!r}")


if __name__ == "__main__":
    asyncio.run(main())
