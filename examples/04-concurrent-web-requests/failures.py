#: runs: browser
#: standins: aiohttp
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""The ways a request can fail, and what aiohttp raises for each (or does not raise)."""

import asyncio

import aiohttp

from api_server import serve


async def stopped_server() -> str:
    """The address of a server that has stopped: nothing listens on its port any more."""
    async with serve() as base_url:
        pass
    return base_url


async def attempt(session: aiohttp.ClientSession, url: str, check_status: bool = False) -> str:
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=0.5)) as response:
            if check_status:
                response.raise_for_status()
            await response.read()
            return f"no exception: status {response.status}"
    except aiohttp.ClientResponseError as error:  # from raise_for_status()
        return f"ClientResponseError: status {error.status}, {error.message!r}"
    except aiohttp.ClientConnectorError as error:  # could not connect at all
        return f"ClientConnectorError, caused by {type(error.os_error).__name__}"
    except aiohttp.ClientError as error:  # the base of all of aiohttp's client errors
        return f"{type(error).__name__}: {error}"
    except TimeoutError:  # aiohttp's timeouts raise TimeoutError (or a subclass of it)
        return "TimeoutError"


async def main() -> None:
    async with serve() as base_url, aiohttp.ClientSession() as session:
        cases = [
            ("a 404 answer", f"{base_url}/status/404", False),
            ("a 500 answer", f"{base_url}/status/500", False),
            ("a 500 answer, raise_for_status()", f"{base_url}/status/500", True),
            ("the server closes the connection", f"{base_url}/reset", False),
            ("nothing listens on the port", f"{await stopped_server()}/", False),
            ("no answer within 0.5 s", f"{base_url}/delay/2", False),
        ]
        for label, url, check_status in cases:
            print(f"{label}\n  -> {await attempt(session, url, check_status)}")


if __name__ == "__main__":
    asyncio.run(main())
