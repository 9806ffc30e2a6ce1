import asyncio
from contextvars import ContextVar

# The id of the request being handled, for the log lines. Each task runs in a copy of the
# context, so a value set in one task is not seen by the others.
current_request: ContextVar[str] = ContextVar("current_request", default="")


def log(message: str) -> None:
    print(f"[{current_request.get()}] {message}")


async def handle(request_id: str, seconds: float) -> None:
    current_request.set(request_id)
    log("start")
    await asyncio.sleep(seconds)  # the database answers
    log("done")


async def main() -> None:
    await asyncio.gather(handle("req-1", 0.3), handle("req-2", 0.1), handle("req-3", 0.2))


if __name__ == "__main__":
    asyncio.run(main())
