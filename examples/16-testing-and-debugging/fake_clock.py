#: runs: browser
#: clock: virtual
import asyncio
import unittest
from collections.abc import Awaitable, Callable
from types import TracebackType

Sleep = Callable[[float], Awaitable[None]]


async def with_retries(
    operation: Callable[[], Awaitable[str]],
    attempts: int = 4,
    base_delay: float = 10.0,
    sleep: Sleep = asyncio.sleep,  # injectable, so tests need not really wait
) -> str:
    """The code under test: retry with exponential backoff (10 s, 20 s, 40 s...)."""
    for attempt in range(attempts):
        try:
            return await operation()
        except ConnectionError:
            if attempt == attempts - 1:
                raise
            await sleep(base_delay * 2**attempt)
    raise AssertionError("unreachable")


class FakeSleep:
    """Records the delays asked for and returns at once: a fake clock."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        await asyncio.sleep(0)  # still yield to the loop, as a real sleep would


def flaky(failures: int) -> Callable[[], Awaitable[str]]:
    calls = 0

    async def operation() -> str:
        nonlocal calls
        calls += 1
        if calls <= failures:
            raise ConnectionError(f"attempt {calls} failed")
        return f"ok after {calls} calls"

    return operation


class RetryTests(unittest.IsolatedAsyncioTestCase):
    async def test_backoff_doubles(self) -> None:
        fake = FakeSleep()
        result = await with_retries(flaky(failures=3), sleep=fake)
        self.assertEqual(result, "ok after 4 calls")
        self.assertEqual(fake.delays, [10.0, 20.0, 40.0])  # 70 s of waiting, none of it real

    async def test_gives_up_after_last_attempt(self) -> None:
        fake = FakeSleep()
        with self.assertRaises(ConnectionError):
            await with_retries(flaky(failures=9), sleep=fake)
        self.assertEqual(len(fake.delays), 3)

    async def test_with_real_sleep_and_short_delays(self) -> None:
        # The other way: keep asyncio.sleep, shrink the delays.
        result = await with_retries(flaky(failures=2), base_delay=0.01)
        self.assertEqual(result, "ok after 3 calls")


ExcInfo = tuple[type[BaseException], BaseException, TracebackType] | tuple[None, None, None]


class PrintingResult(unittest.TestResult):
    def addSuccess(self, test: unittest.TestCase) -> None:
        super().addSuccess(test)
        print(f"ok    {test.id().rsplit('.', 1)[-1]}")

    def addFailure(self, test: unittest.TestCase, err: ExcInfo) -> None:
        super().addFailure(test, err)
        print(f"FAIL  {test.id().rsplit('.', 1)[-1]}: {err[1]}")

    def addError(self, test: unittest.TestCase, err: ExcInfo) -> None:
        super().addError(test, err)
        print(f"ERROR {test.id().rsplit('.', 1)[-1]}: {err[1]!r}")


def main() -> None:
    suite = unittest.TestLoader().loadTestsFromTestCase(RetryTests)
    result = PrintingResult()
    suite.run(result)
    print(f"{result.testsRun} tests, {len(result.failures)} failures, {len(result.errors)} errors")


if __name__ == "__main__":
    main()
