# /// script
# requires-python = ">=3.13"
# ///
#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()
PAGES = {"home": 1.0, "about": 0.5, "blog": 2.0, "archive": 3.0}


def now() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def fetch(page: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    if page == "blog":
        raise ConnectionError("blog: connection reset")
    return f"<{page}>"


async def main() -> None:
    pages: dict[asyncio.Future[str], str] = {
        asyncio.create_task(fetch(page, s)): page for page, s in PAGES.items()
    }
    try:
        # 3.13+: `async for` yields the original tasks, in the order they finish,
        # so the dict tells which page each one was.
        async for task in asyncio.as_completed(pages, timeout=2.5):
            try:
                print(f"{now()} {pages[task]}: {await task}")
            except ConnectionError as error:
                print(f"{now()} {pages[task]}: failed, {error}")
    except TimeoutError:
        late = [page for task, page in pages.items() if not task.done()]
        print(f"{now()} timed out waiting for {late}; they are still running")
        for task in pages:
            task.cancel()  # as_completed does not cancel them for us


if __name__ == "__main__":
    asyncio.run(main())
