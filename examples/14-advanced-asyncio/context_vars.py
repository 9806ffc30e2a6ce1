#: runs: browser
#: clock: virtual
import asyncio
from contextvars import ContextVar

# One variable for the whole program; each task sees its own value.
request_id: ContextVar[str] = ContextVar("request_id", default="-")


def log(message: str) -> None:
    # No request id parameter: the log line finds it in the context.
    print(f"[{request_id.get()}] {message}")


async def query_database(table: str) -> None:
    log(f"querying {table}")
    await asyncio.sleep(0.1)
    log(f"{table} done")


async def handle_request(rid: str, delay: float) -> None:
    request_id.set(rid)  # changes this task's copy only
    log("request started")
    await asyncio.sleep(delay)
    await query_database("users")
    log("request finished")


async def main() -> None:
    log("server starting")
    async with asyncio.TaskGroup() as group:
        group.create_task(handle_request("req-1", 0.2))
        group.create_task(handle_request("req-2", 0.1))
    # The tasks set request_id, but in their own copies of the context.
    log("server idle")

    # A task copies the context as it is *when the task is created*.
    request_id.set("batch-7")
    task = asyncio.create_task(query_database("orders"))
    request_id.set("changed later")
    await task
    log("main's value is its own")


if __name__ == "__main__":
    asyncio.run(main())
