#: runs: browser
#: standins: asyncpg
#: services: postgres
#: varies: \d+\.\d s(?=  )
# /// script
# requires-python = ">=3.11"
# dependencies = ["asyncpg>=0.27"]
# ///
"""How a pool hands out connections: four tasks, a pool of two, and a queue of waiters.

`async with pool.acquire() as connection:` borrows a connection for the block and gives it
back at the end (the pool resets it first). When every connection is lent out, acquire()
waits, and the first task waiting gets the next connection given back.
"""

import asyncio
import time

import asyncpg

from scratch_db import scratch_schema

# How long each task keeps its connection busy, in seconds.
WORK = {"task 1": 0.4, "task 2": 0.2, "task 3": 0.6, "task 4": 0.2}


class Clock:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def log(self, message: str) -> None:
        # Cut (not rounded) to tenths: pg_sleep never ends early, so on a quiet machine the
        # times read as planned; a busy one adds round trips, and the times vary.
        tenths = int((time.perf_counter() - self.start) * 10)
        print(f"{tenths / 10:.1f} s  {message}")


async def worker(pool: asyncpg.Pool, name: str, clock: Clock, labels: dict[int, str]) -> None:
    if pool.get_idle_size() == 0:
        clock.log(f"{name} waits: no idle connection")
    async with pool.acquire() as connection:
        # Name each connection by the server process behind it, in the order they appear.
        backend = connection.get_server_pid()
        if backend not in labels:
            labels[backend] = "ABCD"[len(labels)]
        label = labels[backend]
        clock.log(f"{name} got connection {label}")
        await connection.execute("SELECT pg_sleep($1)", WORK[name])
        clock.log(f"{name} gives connection {label} back")


async def main() -> None:
    async with scratch_schema() as dsn:
        async with asyncpg.create_pool(dsn, min_size=2, max_size=2) as pool:
            clock = Clock()
            labels: dict[int, str] = {}
            await asyncio.gather(*(worker(pool, name, clock, labels) for name in WORK))
            clock.log(f"all done: {sum(WORK.values()):.1f} s of work on {len(labels)} connections")


if __name__ == "__main__":
    asyncio.run(main())
