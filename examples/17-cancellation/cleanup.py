#: runs: browser
#: clock: virtual
import asyncio
import time


class Stopwatch:
    def __init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        self.start = time.perf_counter()

    def __str__(self) -> str:
        return f"{time.perf_counter() - self.start:.1f}s"


watch = Stopwatch()


class Connection:
    def __init__(self, close_takes: float) -> None:
        self.close_takes = close_takes

    async def close(self) -> None:
        try:
            await asyncio.sleep(self.close_takes)  # say goodbye to the server
            print(f"{watch} close: done")
        except asyncio.CancelledError:
            print(f"{watch} close: interrupted")
            raise


async def download(conn: Connection, protect_cleanup: bool = False) -> None:
    try:
        await asyncio.sleep(10)
    finally:
        print(f"{watch} download: cleaning up")
        try:
            async with asyncio.timeout(0.5):  # a cleanup gets a deadline of its own
                if protect_cleanup:
                    await asyncio.shield(conn.close())  # a second cancel cannot stop the close
                else:
                    await conn.close()
        except TimeoutError:
            print(f"{watch} download: close took too long, giving up")


async def cancel_and_wait(task: asyncio.Task[None], again_after: float | None = None) -> None:
    task.cancel()
    if again_after is not None:
        await asyncio.sleep(again_after)
        task.cancel()  # an impatient second cancel
    await asyncio.gather(task, return_exceptions=True)
    print(f"{watch} main: the task is over, cancelled? {task.cancelled()}")


async def main() -> None:
    print("-- an await in finally works after a cancellation")
    watch.restart()
    task = asyncio.create_task(download(Connection(close_takes=0.3)))
    await asyncio.sleep(1)
    await cancel_and_wait(task)

    print("-- a cleanup that hangs is cut off by its own deadline")
    watch.restart()
    task = asyncio.create_task(download(Connection(close_takes=60)))
    await asyncio.sleep(1)
    await cancel_and_wait(task)

    print("-- a second cancel interrupts the cleanup")
    watch.restart()
    task = asyncio.create_task(download(Connection(close_takes=0.3)))
    await asyncio.sleep(1)
    await cancel_and_wait(task, again_after=0.1)

    print("-- unless the cleanup is shielded")
    watch.restart()
    task = asyncio.create_task(download(Connection(close_takes=0.3), protect_cleanup=True))
    await asyncio.sleep(1)
    await cancel_and_wait(task, again_after=0.1)
    await asyncio.sleep(0.5)  # the shielded close finishes in the background


if __name__ == "__main__":
    asyncio.run(main())
