#: runs: browser
#: clock: virtual
import asyncio


async def add(a: int, b: int) -> int:
    print(f"adding {a} + {b}")
    return a + b


async def main() -> None:
    coro = add(1, 2)  # nothing runs yet: we only built an object
    print(f"calling add() gave us a {type(coro).__name__}")
    print(f"is it a coroutine? {asyncio.iscoroutine(coro)}")

    result = await coro  # now the body runs, up to its return
    print(f"awaiting it gave us {result}")


if __name__ == "__main__":
    asyncio.run(main())
