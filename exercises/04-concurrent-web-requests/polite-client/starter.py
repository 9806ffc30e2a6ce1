import asyncio
import time
from typing import Any

import aiohttp
from aiohttp import web

PATHS = [f"/delay/{seconds}" for seconds in (0.8, 0.1, 0.1, 0.8, 0.1, 0.1, 0.8, 0.1, 0.1)]


async def fetch_all(base_url: str, paths: list[str], limit: int) -> list[Any]:
    """GETs every path from the server at base_url and returns the JSON bodies, in the order
    of paths. The server allows `limit` requests at a time from one client."""

    async def fetch(path: str) -> Any:
        async with aiohttp.ClientSession(base_url) as session:
            async with session.get(path) as response:
                return await response.json()

    return list(await asyncio.gather(*(fetch(path) for path in paths)))


async def delay(request: web.Request) -> web.Response:
    seconds = float(request.match_info["seconds"])
    await asyncio.sleep(seconds)
    return web.json_response({"delay": seconds})


async def main() -> None:
    # A small server on this machine (the OS picks the port), so there is something to call.
    app = web.Application()
    app.router.add_get("/delay/{seconds}", delay)
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        start = time.perf_counter()
        bodies = await fetch_all(f"http://{host}:{port}", PATHS, limit=3)
        print(f"{len(bodies)} answers in {time.perf_counter() - start:.1f} s")
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
