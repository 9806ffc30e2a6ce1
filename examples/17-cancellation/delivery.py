#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def download(name: str) -> None:
    print(f"{now()} {name}: started")
    try:
        for chunk in range(1, 4):
            await asyncio.sleep(1)  # a cancellation can only land at an await like this
            print(f"{now()} {name}: chunk {chunk}")
    except asyncio.CancelledError as error:
        print(f"{now()} {name}: {error!r} raised at the await")
        raise  # let the cancellation finish its job


async def busy(name: str) -> None:
    me = asyncio.current_task()
    assert me is not None
    print(f"{now()} {name}: started, cancels itself")
    me.cancel()  # a request, nothing more
    total = sum(range(10_000))  # no await here: nothing can interrupt this
    print(f"{now()} {name}: still running after cancel(), total={total}")
    try:
        await asyncio.sleep(0)  # the first await: the cancellation is delivered here
        print(f"{now()} {name}: never printed")
    except asyncio.CancelledError:
        print(f"{now()} {name}: CancelledError at the first await")
        raise


async def main() -> None:
    print("-- cancelled before it ever ran")
    early = asyncio.create_task(download("early"))
    print(f"cancel() -> {early.cancel()}")
    await asyncio.sleep(0)  # give the loop one turn
    print(f"cancelled? {early.cancelled()}; its body never ran")

    print("-- cancelled while waiting")
    waiting = asyncio.create_task(download("waiting"))
    await asyncio.sleep(1.5)
    waiting.cancel("the user closed the page")  # a message travels with the exception
    try:
        await waiting
    except asyncio.CancelledError as error:
        print(f"{now()} main: awaiting it raises {error!r} too")
    print(f"cancel() on a finished task -> {waiting.cancel()}")

    print("-- cancelled while running")
    running = asyncio.create_task(busy("busy"))
    await asyncio.gather(running, return_exceptions=True)
    print(f"{now()} cancelled? {running.cancelled()}")


if __name__ == "__main__":
    asyncio.run(main())
