import asyncio

# Stand-ins for requests: each path answers after the time the server takes for it.
DELAYS = {"/news": 0.6, "/weather": 0.2, "/prices": 1.5, "/sports": 0.4, "/archive": 3.0}
DEADLINE = 1.0


async def fetch(path: str) -> str:
    """Stands in for a GET request: answers after the server's delay."""
    await asyncio.sleep(DELAYS[path])
    return f"{path}: 200"


async def main() -> None:
    tasks = {asyncio.create_task(fetch(path)): path for path in DELAYS}
    try:
        for answer in asyncio.as_completed(tasks, timeout=DEADLINE):
            print(await answer)
    except TimeoutError:
        for task, path in tasks.items():
            if not task.done():
                print(f"{path}: gave up")


if __name__ == "__main__":
    asyncio.run(main())
