#: runs: browser
#: clock: virtual
import asyncio
import time

PAGES = {
    "/home": "welcome to the shop",
    "/about": "a small shop run by two people",
    "/blog": "news",
    "/faq": "how do I pay? by card or cash",
}


async def fetcher(
    name: str,
    urls: asyncio.Queue[str],
    pages: asyncio.Queue[tuple[str, str]],
    start: float,
) -> None:
    while True:
        url = await urls.get()
        try:
            await asyncio.sleep(1)  # stands in for an HTTP request
            fetched = time.perf_counter() - start
            await pages.put((url, PAGES[url]))  # hand over to the next stage first...
            print(f"{time.perf_counter() - start:.1f}s {name} handed over {url}"
                  f" (fetched at {fetched:.1f}s)")
        finally:
            urls.task_done()  # ...then say this URL is finished


async def parser(
    pages: asyncio.Queue[tuple[str, str]],
    counts: dict[str, int],
    start: float,
) -> None:
    while True:
        url, text = await pages.get()
        try:
            await asyncio.sleep(0.8)  # parsing is the slow step
            counts[url] = len(text.split())
            print(f"{time.perf_counter() - start:.1f}s parser counted {url}")
        finally:
            pages.task_done()


async def main() -> None:
    start = time.perf_counter()
    urls: asyncio.Queue[str] = asyncio.Queue()
    pages: asyncio.Queue[tuple[str, str]] = asyncio.Queue(maxsize=1)
    counts: dict[str, int] = {}

    async with asyncio.TaskGroup() as tg:
        workers = [
            tg.create_task(fetcher("fetcher-1", urls, pages, start)),
            tg.create_task(fetcher("fetcher-2", urls, pages, start)),
            tg.create_task(parser(pages, counts, start)),
        ]
        for url in PAGES:
            urls.put_nowait(url)

        await urls.join()  # stage 1 is done: every page is in `pages` or parsed
        await pages.join()  # stage 2 is done: every page was parsed
        for task in workers:
            task.cancel()  # cancelled tasks are not errors for the TaskGroup

    print(f"{time.perf_counter() - start:.1f}s word counts: {counts}")


if __name__ == "__main__":
    asyncio.run(main())
