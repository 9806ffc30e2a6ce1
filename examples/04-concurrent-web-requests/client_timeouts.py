#: runs: browser
#: standins: aiohttp
#: varies: (?<=\{"delay": 0\.2\}\s+)0\.[23](?= s)
#: varies: (?<=total=0\.5\s+TimeoutError\s+)0\.[56](?= s)
#: varies: (?<=\{"delay": 0\.7\}\s+)0\.[78](?= s)
#: varies: (?<=piece 4 of 4\s+)0\.[89](?= s)
#: varies: (?<=sock_read=0\.1\s+TimeoutError\s+)0\.[12](?= s)
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""aiohttp's own timeouts: for a whole session, for one request, in total or between reads."""

import asyncio
import time

import aiohttp

from api_server import serve

SLOW_BODY = "/slow-body/4?interval=0.2"  # 4 pieces, 0.2 s apart: 0.8 s in all


async def get_text(
    session: aiohttp.ClientSession, path: str, timeout: aiohttp.ClientTimeout | None = None
) -> None:
    timeout = timeout or session.timeout  # a request gets the session's unless given its own
    started = time.perf_counter()
    try:
        async with session.get(path, timeout=timeout) as response:
            body = await response.text()  # the timeout covers reading the body too
        outcome = body.splitlines()[-1]
    except TimeoutError:  # every timeout aiohttp raises is a TimeoutError
        outcome = "TimeoutError"
    limit = f"total={timeout.total}" if timeout.total else f"sock_read={timeout.sock_read}"
    print(f"{path:26} {limit:14} {outcome:15} {time.perf_counter() - started:.1f} s")


async def main() -> None:
    session_timeout = aiohttp.ClientTimeout(total=0.5)  # for every request of the session
    async with serve() as base_url, aiohttp.ClientSession(
        base_url, timeout=session_timeout
    ) as session:
        await get_text(session, "/delay/0.2")
        await get_text(session, "/delay/2")
        # One request may need more (or less) than the session allows.
        await get_text(session, "/delay/0.7", timeout=aiohttp.ClientTimeout(total=1))

        await get_text(session, SLOW_BODY)  # total counts the whole transfer
        # sock_read limits the silence between two reads, not the whole transfer.
        await get_text(session, SLOW_BODY, timeout=aiohttp.ClientTimeout(sock_read=0.5))
        await get_text(session, SLOW_BODY, timeout=aiohttp.ClientTimeout(sock_read=0.1))


if __name__ == "__main__":
    asyncio.run(main())
