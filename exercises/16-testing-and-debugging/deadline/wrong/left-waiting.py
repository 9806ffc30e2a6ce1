import asyncio


class Service:
    """A service that takes `startup` seconds to start; a broken one never says it is ready."""

    def __init__(self, startup: float, broken: bool = False) -> None:
        self.startup = startup
        self.broken = broken
        self.ready = asyncio.Event()

    async def start(self) -> None:
        await asyncio.sleep(self.startup)
        if not self.broken:
            self.ready.set()


async def wait_ready(service: Service, deadline: float) -> None:
    """Returns as soon as `service` is ready; raises TimeoutError if it is not ready after
    `deadline` seconds, so a test of a broken service fails instead of hanging."""
    waiting = asyncio.ensure_future(service.ready.wait())
    done, _ = await asyncio.wait({waiting}, timeout=deadline)
    if not done:
        raise TimeoutError


async def test(name: str, service: Service) -> None:
    starting = asyncio.create_task(service.start())
    try:
        await wait_ready(service, deadline=2.0)
        print(f"{name}: ready")
    except TimeoutError:
        print(f"{name}: not ready after 2.0 s")
    await starting


async def main() -> None:
    await test("working service", Service(0.5))
    await test("broken service", Service(0.5, broken=True))


if __name__ == "__main__":
    asyncio.run(main())
