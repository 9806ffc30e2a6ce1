import asyncio

# The id of the request being handled, for the log lines.
current_request = ""


def log(message: str) -> None:
    print(f"[{current_request}] {message}")


async def handle(request_id: str, seconds: float) -> None:
    global current_request
    current_request = request_id
    log("start")
    await asyncio.sleep(seconds)  # the database answers
    log("done")


async def main() -> None:
    await asyncio.gather(handle("req-1", 0.3), handle("req-2", 0.1), handle("req-3", 0.2))


if __name__ == "__main__":
    asyncio.run(main())
