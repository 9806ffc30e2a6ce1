import asyncio

# Stand-ins for requests: how long each path takes; /broken answers with a server error.
PAGES = {"/home": 0.3, "/about": 0.2, "/broken": 0.1, "/blog": 0.5}
FAILING = {"/broken"}


class ServerError(Exception):
    """What a request raises when the server answers 500 (as raise_for_status() would)."""


async def fetch(path: str) -> str:
    """Stands in for a GET request: the page after the server's delay, or ServerError."""
    await asyncio.sleep(PAGES[path])
    if path in FAILING:
        raise ServerError("500 Internal Server Error")
    return f"<{path[1:]} page>"


async def main() -> None:
    # Failures come back as list items, in their place, instead of escaping.
    results = await asyncio.gather(*(fetch(path) for path in PAGES), return_exceptions=True)
    for path, result in zip(PAGES, results):
        if isinstance(result, Exception):
            print(f"{path}: failed ({result})")
        else:
            print(f"{path}: {result}")


if __name__ == "__main__":
    asyncio.run(main())
