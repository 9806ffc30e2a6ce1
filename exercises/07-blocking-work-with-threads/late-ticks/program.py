import asyncio
import time


def load_settings() -> dict[str, str]:
    """A blocking library call: it holds its thread for one second."""
    time.sleep(1.0)
    return {"theme": "dark"}


async def heartbeat(start: float) -> None:
    while True:
        print(f"tick at {time.perf_counter() - start:.2f} s")
        await asyncio.sleep(0.25)


async def main() -> None:
    start = time.perf_counter()
    beat = asyncio.create_task(heartbeat(start))
    await asyncio.sleep(0.3)
    settings = load_settings()
    print(f"settings loaded at {time.perf_counter() - start:.2f} s: {settings}")
    await asyncio.sleep(0.4)
    beat.cancel()


if __name__ == "__main__":
    asyncio.run(main())
