#: runs: browser
#: standins: aiohttp
#: slack: 0.3 s
#: varies: (?<=with jitter:    peak )[ \d]\d
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Jitter: why retries should wait a random part of their backoff.

Forty clients call a service during a blip: it answers 503 to all of them at the same moment.
They all retry after a backoff. With the same backoff, they all come back at the same moment
too, and the service, up again, meets the whole crowd at once: it takes 20 at a time (0.1 s
each) and sheds the rest with another 503. With jitter, each client waits a random part of the
backoff, and the service sees them trickle in.
"""

import asyncio
import random
import time

import aiohttp

from services import Service, serve

CLIENTS = 40
BACKOFF = 1.0  # seconds before the retry


async def client(session: aiohttp.ClientSession, url: str, wait: float,
                 first_failed: asyncio.Barrier) -> int:
    async with session.get(url) as response:
        assert response.status == 503  # the blip
    await first_failed.wait()  # every client has seen its 503 (so the blip can end)
    await asyncio.sleep(wait)
    async with session.get(url) as response:
        return response.status


async def main() -> None:
    service = Service("prices", lambda item: {"item": item, "price": 4.5}, delay=0.1)
    service.capacity = 20
    async with serve(service.app) as url, aiohttp.ClientSession() as session:
        for label, jitter in [("same backoff:", False), ("with jitter:", True)]:
            rng = random.Random(7)  # seeded: the same "random" waits on every run
            waits = [rng.uniform(0, BACKOFF) if jitter else BACKOFF for _ in range(CLIENTS)]
            service.down, service.peak = True, 0
            first_failed = asyncio.Barrier(CLIENTS + 1)
            start = time.perf_counter()
            calls = [asyncio.create_task(client(session, f"{url}/tea", wait, first_failed))
                     for wait in waits]
            await first_failed.wait()
            service.down = False  # the blip is over
            statuses = await asyncio.gather(*calls)
            print(f"{label:15} peak {service.peak:2} at once, retries answered: "
                  f"{statuses.count(200)} of {CLIENTS}, shed again: {statuses.count(503)}; "
                  f"{time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
