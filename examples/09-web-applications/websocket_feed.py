#: runs: local
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""A live feed over WebSockets: one server pushes every price to every viewer connected.

A WebSocket starts as an HTTP request and stays open, and either side can send a message at
any moment. The server keeps the open sockets in a set; viewers come and go; a message from one
viewer goes to all; on shutdown the server closes every socket with a reason.
"""

import asyncio
import json
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import WSCloseCode, web

from serving import serve


class Feed:
    def __init__(self) -> None:
        self.viewers: dict[web.WebSocketResponse, str] = {}
        self.shutting_down = False
        self.app = web.Application()
        self.app.add_routes([web.get("/feed", self.feed), web.post("/publish", self.publish)])
        self.app.on_shutdown.append(self.close_all)

    async def broadcast(self, message: dict[str, Any]) -> int:
        sockets = list(self.viewers)
        # All at once, so that one slow viewer does not hold up the others.
        sends = (ws.send_json(message) for ws in sockets)
        results = await asyncio.gather(*sends, return_exceptions=True)
        return sum(result is None for result in results)

    async def feed(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)  # answers 101 Switching Protocols: from here on, messages
        name = request.query.get("name", "someone")
        self.viewers[ws] = name
        await ws.send_json({"event": "welcome", "watching": len(self.viewers)})
        async for message in ws:  # ends when the viewer closes the socket
            if message.type == aiohttp.WSMsgType.TEXT:
                await self.broadcast({"event": "said", "who": name, "text": message.data})
        del self.viewers[ws]
        if self.shutting_down:
            # Close here, with the reason: a handler that returns an open socket closes it
            # with code 1000 (normal), and that would reach the viewer first.
            await ws.close(code=WSCloseCode.GOING_AWAY, message=b"server shutdown")
        else:
            await self.broadcast({"event": "left", "who": name, "watching": len(self.viewers)})
        return ws

    async def publish(self, request: web.Request) -> web.Response:
        price = (await request.json())["price"]
        delivered = await self.broadcast({"event": "tick", "price": price})
        return web.json_response({"delivered": delivered})

    async def close_all(self, app: web.Application) -> None:
        # A WebSocket never ends on its own: without this, shutdown would wait for it.
        self.shutting_down = True
        await asyncio.gather(*(ws.close(code=WSCloseCode.GOING_AWAY) for ws in list(self.viewers)))


def describe(event: dict[str, Any]) -> str:
    match event:
        case {"event": "welcome", "watching": n}:
            return f"welcome ({n} watching)"
        case {"event": "tick", "price": price}:
            return f"price {price}"
        case {"event": "said", "who": who, "text": text}:
            return f"{who} says {text!r}"
        case {"event": "left", "who": who, "watching": n}:
            return f"{who} left ({n} watching)"
        case _:
            return json.dumps(event)


class Viewer:
    """One client: keeps what it receives, so the program can print it in order at the end."""

    def __init__(self, name: str, news: asyncio.Condition) -> None:
        self.name = name
        self.seen: list[str] = []
        self.news = news
        self.leaving = False

    async def watch(self, session: aiohttp.ClientSession, url: str) -> None:
        async with session.ws_connect(f"{url}?name={self.name}") as ws:
            self.ws = ws
            async for message in ws:  # ends when either side closes
                await self.note(describe(message.json()))
        if not self.leaving:
            await self.note(f"closed by the server: {WSCloseCode(ws.close_code).name}")

    async def leave(self) -> None:
        self.leaving = True
        await self.ws.close()  # code 1000, a normal close; its reading loop in watch() ends
        await self.note("closed the socket itself")

    async def note(self, what: str) -> None:
        async with self.news:
            self.seen.append(what)
            self.news.notify_all()


async def main() -> None:
    news = asyncio.Condition()

    async def until(done: Callable[[], bool]) -> None:
        async with news:
            await news.wait_for(done)

    feed = Feed()
    # The session outlives the server, so that it is the server that closes the sockets.
    async with aiohttp.ClientSession() as session:
        async with serve(feed.app) as base_url:

            async def publish(price: float) -> None:
                async with session.post(f"{base_url}/publish", json={"price": price}) as answer:
                    delivered = (await answer.json())["delivered"]
                print(f"published price {price}: delivered to {delivered} viewer(s)")

            ann, bob, cleo = (Viewer(name, news) for name in ("ann", "bob", "cleo"))
            watching: list[asyncio.Task[None]] = []
            for viewer in (ann, bob):
                watching.append(asyncio.create_task(viewer.watch(session, f"{base_url}/feed")))
                await until(lambda: len(viewer.seen) == 1)  # welcomed: it is connected
            await publish(10.0)

            watching.append(asyncio.create_task(cleo.watch(session, f"{base_url}/feed")))
            await until(lambda: len(cleo.seen) == 1)
            await bob.ws.send_str("hello, all")  # a viewer talks; the server tells everyone
            await until(lambda: len(ann.seen) == 3 and len(cleo.seen) == 2)
            await publish(10.5)

            await cleo.leave()
            await until(lambda: len(ann.seen) == len(bob.seen) == 5)  # told that cleo left
            await publish(11.0)
        await asyncio.gather(*watching)  # the server's shutdown closed the last sockets

    for viewer in (ann, bob, cleo):
        print(f"{viewer.name} saw: " + " | ".join(viewer.seen))


if __name__ == "__main__":
    asyncio.run(main())
