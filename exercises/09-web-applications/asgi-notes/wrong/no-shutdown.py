import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class Pool:
    """Stands in for a database pool (asyncpg's): opened once, shared by every request."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    async def save(self, text: str) -> int:
        await asyncio.sleep(0.05)  # stands in for the INSERT's round trip
        self.notes.append(text)
        return len(self.notes)

    async def close(self) -> None:
        await asyncio.sleep(0.01)


async def open_pool() -> Pool:
    await asyncio.sleep(0.2)  # connecting and logging in takes a while
    return Pool()


pool: Pool | None = None


async def read_body(receive: Receive) -> bytes:
    """The request's body, which may come in several `http.request` messages."""
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body", False):
            return body


async def lifespan(receive: Receive, send: Send) -> None:
    """The server's startup and shutdown: open the pool once, close it at the end."""
    global pool
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            pool = await open_pool()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def app(scope: dict[str, Any], receive: Receive, send: Send) -> None:
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    if scope["method"] == "POST" and scope["path"] == "/notes" and pool is not None:
        text = (await read_body(receive)).decode()
        status, answer = 201, {"id": await pool.save(text), "length": len(text)}
    else:
        status, answer = 404, {"error": "not found"}
    headers = [(b"content-type", b"application/json")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": json.dumps(answer).encode()})


async def main() -> None:
    # Plays the server (uvicorn's part): startup, one request, shutdown.
    events: asyncio.Queue[Message] = asyncio.Queue()

    async def show(message: Message) -> None:
        print("app sent", message)

    server = asyncio.create_task(app({"type": "lifespan"}, events.get, show))
    await events.put({"type": "lifespan.startup"})
    await asyncio.sleep(0.5)  # time to start up: a real server waits for startup.complete
    pieces = iter([
        {"type": "http.request", "body": b"buy ", "more_body": True},
        {"type": "http.request", "body": b"tea", "more_body": False},
    ])

    async def receive() -> Message:
        return next(pieces)

    await app({"type": "http", "method": "POST", "path": "/notes"}, receive, show)
    await events.put({"type": "lifespan.shutdown"})
    await server


if __name__ == "__main__":
    asyncio.run(main())
