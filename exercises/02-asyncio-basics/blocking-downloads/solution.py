import asyncio
import time


async def download(name: str, seconds: float) -> str:
    print(f"{name}: started")
    await asyncio.sleep(seconds)  # stands for a slow network call
    print(f"{name}: finished")
    return f"<{name}>"


async def main() -> None:
    start = time.perf_counter()
    pages = await asyncio.gather(
        download("home", 1.0),
        download("about", 0.5),
        download("blog", 1.5),
    )
    print(pages)
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
