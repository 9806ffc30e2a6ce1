#: runs: browser
#: standins: aiohttp
#: varies: (?<=gather returned after )0\.[67](?= s)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""gather() returns results in the order the requests were passed, not the order they ended."""

import asyncio
import time

import aiohttp

from api_server import serve


async def get_json(session: aiohttp.ClientSession, path: str) -> dict[str, float]:
    async with session.get(path) as response:
        answer = await response.json()
    print(f"answered: {path}")
    return answer


async def main() -> None:
    async with serve() as base_url, aiohttp.ClientSession(base_url) as session:
        paths = ["/delay/0.6", "/delay/0.2", "/delay/0.4"]
        start = time.perf_counter()
        answers = await asyncio.gather(*(get_json(session, path) for path in paths))
        print(f"gather returned after {time.perf_counter() - start:.1f} s:")
        for path, answer in zip(paths, answers):
            print(f"  {path} -> {answer}")


if __name__ == "__main__":
    asyncio.run(main())
