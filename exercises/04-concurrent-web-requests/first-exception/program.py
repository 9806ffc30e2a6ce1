import asyncio


async def request(name: str, seconds: float, fails: bool = False) -> str:
    """A stand-in for a web request: it waits, then answers or fails."""
    await asyncio.sleep(seconds)
    if fails:
        raise ConnectionError("connection reset")
    return "200"


def state(task: asyncio.Task[str]) -> str:
    if not task.done():
        return "still running"
    error = task.exception()  # wait() never raises a task's exception: we look for it
    return f"raised {type(error).__name__}" if error else f"answered {task.result()}"


async def main() -> None:
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = [
        asyncio.create_task(request("fast", 0.1), name="fast"),
        asyncio.create_task(request("broken", 0.3, fails=True), name="broken"),
        asyncio.create_task(request("slow", 0.8), name="slow"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    took = loop.time() - start
    print(f"wait returned after {took:.1f} s: {len(done)} done, {len(pending)} pending")
    for task in tasks:
        print(f"  {task.get_name()}: {state(task)}")
    for task in pending:
        task.cancel()
    await asyncio.wait(pending)


if __name__ == "__main__":
    asyncio.run(main())
