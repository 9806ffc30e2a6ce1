#: runs: browser
#: clock: virtual
import asyncio
import time

USERS = ["ana", "bruno", "carla", "davi", "elis", "fabio", "gil"]


async def fetch_page(number: int, size: int) -> list[str]:
    """Pretend to call a paginated API: each page takes 0.5 s."""
    await asyncio.sleep(0.5)
    start = number * size
    return USERS[start:start + size]


class UserPages:
    """An asynchronous iterator: one network call per page."""

    def __init__(self, page_size: int) -> None:
        self.page_size = page_size
        self.next_page = 0

    def __aiter__(self) -> "UserPages":
        return self

    async def __anext__(self) -> list[str]:
        page = await fetch_page(self.next_page, self.page_size)
        if not page:
            raise StopAsyncIteration  # ends the async for loop
        self.next_page += 1
        return page


async def main() -> None:
    start = time.perf_counter()
    async for page in UserPages(page_size=3):
        # Each turn of the loop awaits __anext__, so the event loop
        # can run other tasks while the next page is on its way.
        print(f"{time.perf_counter() - start:.1f} s: {page}")
    print(f"{time.perf_counter() - start:.1f} s: no more pages")

    # What async for does, spelled out by hand:
    pages = aiter(UserPages(page_size=4))
    while True:
        try:
            page = await anext(pages)
        except StopAsyncIteration:
            break
        print(f"by hand: {page}")


if __name__ == "__main__":
    asyncio.run(main())
