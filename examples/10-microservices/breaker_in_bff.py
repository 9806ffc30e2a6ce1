#: runs: browser
#: standins: aiohttp
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""A circuit breaker inside a BFF: while recommendations hang, pages stop waiting for them.

Recommendations are optional and get 0.3 s. When the service hangs, every page waits those
0.3 s for nothing, until the breaker opens: then pages go out at once without them, and the
hanging service is left alone. Once it works again, a trial call closes the breaker.
"""

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web

from circuit import CircuitBreaker, CircuitOpenError, State
from services import Service, serve


class HomePage:
    def __init__(self, users_url: str, picks_url: str) -> None:
        self.users_url = users_url
        self.picks_url = picks_url
        self.breaker = CircuitBreaker(
            "recommendations", failures_to_open=3, open_for=0.8, on_change=self.announce)
        self.app = web.Application()
        self.app.cleanup_ctx.append(self.client_session)
        self.app.add_routes([web.get("/home/{user}", self.home)])

    def announce(self, old: State, new: State) -> None:
        print(f"         breaker: {old} -> {new}")

    async def client_session(self, app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as session:
            self.session = session
            yield

    async def get_json(self, url: str, timeout: float) -> Any:
        async with self.session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            response.raise_for_status()
            return await response.json()

    async def recommendations(self, user: str) -> tuple[Any, str]:
        try:
            picks = await self.breaker.call(
                lambda: self.get_json(f"{self.picks_url}/{user}", timeout=0.3))
            return picks, "included"
        except CircuitOpenError:
            return None, "skipped: circuit open"
        except TimeoutError:
            return None, "timed out after 0.3 s"

    async def home(self, request: web.Request) -> web.Response:
        user = request.match_info["user"]
        profile, (picks, note) = await asyncio.gather(
            self.get_json(f"{self.users_url}/{user}", timeout=1.0), self.recommendations(user))
        return web.json_response({"user": profile, "recommendations": picks, "note": note})


async def main() -> None:
    users = Service("users", lambda user: {"id": user, "name": "Ada"}, delay=0.05)
    picks = Service("recommendations", lambda user: ["tea"], delay=0.05)
    async with serve(users.app) as users_url, serve(picks.app) as picks_url:
        bff = HomePage(users_url, picks_url)
        async with serve(bff.app) as bff_url, aiohttp.ClientSession(bff_url) as app_client:

            async def load(number: int) -> None:
                start = time.perf_counter()
                async with app_client.get("/home/42") as response:
                    page = await response.json()
                print(f"page {number:2}: {time.perf_counter() - start:.1f} s, "
                      f"recommendations {page['note']}")

            await load(1)
            picks.delay = 5.0  # it hangs: no answer, no error
            print("         (recommendations start hanging)")
            for number in range(2, 8):
                await load(number)
            picks.delay = 0.05
            print("         (recommendations work again)")
            await asyncio.sleep(0.8)  # the breaker's open_for is over: the next call is a trial
            for number in range(8, 10):
                await load(number)
    print(f"recommendations received {picks.received} requests for 9 pages")


if __name__ == "__main__":
    asyncio.run(main())
