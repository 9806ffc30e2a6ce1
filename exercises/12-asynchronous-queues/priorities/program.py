import asyncio


async def main() -> None:
    jobs: asyncio.PriorityQueue[tuple[int, str]] = asyncio.PriorityQueue()
    todo = [(2, "write report"), (1, "fix outage"), (3, "water plants"), (1, "call back boss")]
    for priority, job in todo:
        await jobs.put((priority, job))
    stack: asyncio.LifoQueue[str] = asyncio.LifoQueue()
    while not jobs.empty():
        priority, job = await jobs.get()
        print(f"doing {job} (priority {priority})")
        await stack.put(job)
    while not stack.empty():
        print(f"filing {await stack.get()}")


if __name__ == "__main__":
    asyncio.run(main())
