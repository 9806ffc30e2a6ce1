#: runs: browser
#: clock: virtual
import asyncio
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int  # lower numbers come out first
    sequence: int  # breaks ties: equal priorities keep their arrival order
    name: str = field(compare=False)  # never compared


async def main() -> None:
    arrivals = [(3, "resize photo"), (1, "reset password"),
                (2, "send invoice"), (1, "unlock account")]

    fifo: asyncio.Queue[str] = asyncio.Queue()
    lifo: asyncio.LifoQueue[str] = asyncio.LifoQueue()
    by_priority: asyncio.PriorityQueue[Job] = asyncio.PriorityQueue()
    for sequence, (priority, name) in enumerate(arrivals):
        await fifo.put(name)
        await lifo.put(name)
        await by_priority.put(Job(priority, sequence, name))

    print("Queue:        ", [fifo.get_nowait() for _ in range(fifo.qsize())])
    print("LifoQueue:    ", [lifo.get_nowait() for _ in range(lifo.qsize())])
    jobs = [by_priority.get_nowait() for _ in range(by_priority.qsize())]
    print("PriorityQueue:", [f"{job.priority} {job.name}" for job in jobs])


if __name__ == "__main__":
    asyncio.run(main())
