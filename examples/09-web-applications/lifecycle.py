#: runs: local
#: services: postgres
#: slack: 0.3 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8", "asyncpg>=0.27"]
# ///
"""An application's lifecycle: a database pool opened at startup and closed at cleanup.

cleanup_ctx holds an async generator: the code before its `yield` runs when the server starts,
the code after it when the server stops. The pool lives exactly as long as the application.
"""

import asyncio
import socket
import time
from collections.abc import AsyncIterator

import aiohttp
import asyncpg
from aiohttp import web

from scratch_db import scratch_schema
from serving import serve


class Shop:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.app = web.Application()
        self.app.cleanup_ctx.append(self.database)
        self.app.on_startup.append(self.started)
        self.app.on_shutdown.append(self.shutting_down)
        self.app.on_cleanup.append(self.cleaned_up)
        self.app.add_routes([web.get("/report", self.report)])

    async def database(self, app: web.Application) -> AsyncIterator[None]:
        async with asyncpg.create_pool(self.dsn, min_size=3, max_size=3) as pool:
            await pool.execute("CREATE TABLE sales (amount numeric)")
            await pool.execute("INSERT INTO sales VALUES (10), (20), (12.5)")
            print(f"startup:  cleanup_ctx opened a pool of {pool.get_size()} connections")
            self.pool = pool
            yield  # the application serves requests here
        print("cleanup:  cleanup_ctx closed the pool")

    async def started(self, app: web.Application) -> None:
        print("startup:  on_startup runs after it")

    async def shutting_down(self, app: web.Application) -> None:
        print("shutdown: on_shutdown, while requests in flight may still finish")

    async def cleaned_up(self, app: web.Application) -> None:
        print("cleanup:  on_cleanup runs after it")

    async def report(self, request: web.Request) -> web.Response:
        # A slow query (0.3 s), on a connection borrowed from the pool for just this query.
        total = await self.pool.fetchval("SELECT sum(amount) FROM sales, pg_sleep(0.3)")
        return web.json_response({"total": float(total)})


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens: taken from the OS, then let go."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def main() -> None:
    async with scratch_schema() as dsn:
        shop = Shop(dsn)
        async with serve(shop.app) as base_url, aiohttp.ClientSession(base_url) as session:

            async def get_report() -> float:
                async with session.get("/report") as response:
                    return (await response.json())["total"]

            start = time.perf_counter()
            totals = await asyncio.gather(*(get_report() for _ in range(6)))
            print(f"requests: 6 reports at once, each a 0.3 s query on a pool of 3: "
                  f"{time.perf_counter() - start:.1f} s, totals {set(totals)}")

    # Without its database the application does not start: no half-working server.
    try:
        async with serve(Shop(f"postgresql://postgres@127.0.0.1:{closed_port()}/x").app):
            print("serving (not reached)")
    except OSError as error:
        print(f"startup failed: {type(error).__name__}; the server never listened")


if __name__ == "__main__":
    asyncio.run(main())
