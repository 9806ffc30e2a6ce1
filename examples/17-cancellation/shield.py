#: runs: browser
#: clock: virtual
import asyncio
import time

START = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - START:.1f}s"


async def save_order(order: str) -> str:
    print(f"{now()} save {order}: writing")
    try:
        await asyncio.sleep(2)  # a write that must not stop half-way
    except asyncio.CancelledError:
        print(f"{now()} save {order}: interrupted half-way!")
        raise
    print(f"{now()} save {order}: committed")
    return order


async def handle(order: str, patience: float) -> asyncio.Task[str]:
    """Answers the client within `patience` seconds; the save itself always finishes."""
    save = asyncio.create_task(save_order(order))
    try:
        async with asyncio.timeout(patience):
            await asyncio.shield(save)  # the timeout cancels this await, not `save`
        print(f"{now()} handler: {order} is saved")
    except TimeoutError:
        print(f"{now()} handler: answered 'accepted' for {order}; the save goes on")
    return save  # the caller keeps a reference and awaits it later


async def main() -> None:
    print("-- no shield: the timeout cancels the save itself")
    try:
        async with asyncio.timeout(1):
            await save_order("A")
    except TimeoutError:
        print(f"{now()} main: gave up on A")

    print("-- shield: the timeout cancels only the waiting")
    save_b = await handle("B", patience=1)
    print(f"{now()} main: B done? {save_b.done()}")
    await save_b  # wait for the saves before leaving
    print(f"{now()} main: B done? {save_b.done()}")

    print("-- a shield does not outlive the program")
    await handle("C", patience=0.5)
    print(f"{now()} main: returning without awaiting C")
    # asyncio.run now cancels every task that is left, shielded or not.


if __name__ == "__main__":
    asyncio.run(main())
