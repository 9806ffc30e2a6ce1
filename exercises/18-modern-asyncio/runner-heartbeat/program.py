import asyncio


async def heartbeat() -> None:
    for n in range(1, 4):
        await asyncio.sleep(0.1)
        print(f"beat {n}")


async def start() -> "asyncio.Task[None]":
    return asyncio.create_task(heartbeat())


async def work() -> None:
    await asyncio.sleep(0.35)
    print("work done")


def main() -> None:
    with asyncio.Runner() as runner:
        task = runner.run(start())
        print("started")
        runner.run(work())
        print(f"heartbeat done: {task.done()}")


if __name__ == "__main__":
    main()
