import asyncio
from collections.abc import Callable


async def total(prices: list[int]) -> int:
    await asyncio.sleep(0)  # the prices come from a database
    return sum(prices) + 1  # a bug the test should catch


async def test_total() -> None:
    assert await total([1, 2]) == 3, "total is wrong"


def run_tests(tests: list[Callable[[], object]]) -> None:
    for test in tests:
        try:
            test()
            print(f"{test.__name__}: passed")
        except AssertionError as error:
            print(f"{test.__name__}: FAILED ({error})")


if __name__ == "__main__":
    run_tests([test_total])
