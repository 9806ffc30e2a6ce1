import asyncio
import time


class Viewer:
    """Stands in for one viewer's WebSocket (aiohttp's `WebSocketResponse`)."""

    def __init__(self, name: str, latency: float, broken: bool = False) -> None:
        self.name = name
        self.latency = latency  # how long a message takes to reach this viewer
        self.broken = broken  # the viewer went away without closing the socket
        self.received: list[str] = []

    async def send_str(self, text: str) -> None:
        await asyncio.sleep(self.latency)
        if self.broken:
            raise ConnectionResetError(f"{self.name} went away")
        self.received.append(text)


class Feed:
    """A live price feed: every price goes to every viewer that is connected."""

    def __init__(self) -> None:
        self.viewers: set[Viewer] = set()

    async def broadcast(self, text: str) -> None:
        """Sends `text` to every viewer at once; a viewer whose socket broke is dropped."""
        await asyncio.gather(*(viewer.send_str(text) for viewer in self.viewers))


async def main() -> None:
    feed = Feed()
    ada, bob, eve = Viewer("ada", 0.1), Viewer("bob", 0.5), Viewer("eve", 0.2, broken=True)
    feed.viewers |= {ada, bob, eve}
    start = time.perf_counter()
    await feed.broadcast("tea 3.5")
    await feed.broadcast("tea 3.6")
    print(f"ada got {ada.received}, bob got {bob.received}")
    print(f"still connected: {sorted(viewer.name for viewer in feed.viewers)}")
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
