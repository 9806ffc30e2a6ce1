#: runs: browser
#: clock: virtual
import asyncio
import warnings


async def save(record: str) -> None:
    await asyncio.sleep(0.1)
    print(f"saved {record}")


async def main() -> None:
    # Python prints this warning on stderr; we record it to show it.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # BUG: no await, so the body never runs. Type checkers flag
        # this line too; the ignore comment is only for this lesson.
        save("first")  # pyright: ignore[reportUnusedCoroutine]
        await save("second")

    for warning in caught:
        print(f"{warning.category.__name__}: {warning.message}")


if __name__ == "__main__":
    asyncio.run(main())
