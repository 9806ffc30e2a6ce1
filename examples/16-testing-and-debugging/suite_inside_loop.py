#: runs: browser
#: clock: virtual
import asyncio
import unittest
import warnings
from types import TracebackType


class ThreeTests(unittest.IsolatedAsyncioTestCase):
    async def test_one(self) -> None:
        await asyncio.sleep(0.1)

    async def test_two(self) -> None:
        await asyncio.sleep(0.1)

    async def test_three(self) -> None:
        await asyncio.sleep(0.1)


ExcInfo = tuple[type[BaseException], BaseException, TracebackType] | tuple[None, None, None]


class PrintingResult(unittest.TestResult):
    def addSuccess(self, test: unittest.TestCase) -> None:
        super().addSuccess(test)
        print(f"ok    {test.id().rsplit('.', 1)[-1]}")

    def addError(self, test: unittest.TestCase, err: ExcInfo) -> None:
        super().addError(test, err)
        print(f"ERROR {test.id().rsplit('.', 1)[-1]}: {err[1]!r}")


async def main() -> None:
    # The mistake: running async test cases from inside a running event loop.
    suite = unittest.TestLoader().loadTestsFromTestCase(ThreeTests)
    result = PrintingResult()
    try:
        suite.run(result)
    except RuntimeError as error:
        print(f"suite.run() raised {error!r}")
    print(f"{result.testsRun} of {suite.countTestCases()} tests ran")


if __name__ == "__main__":
    # The failed setup also leaves coroutines that were never awaited; their warnings are noise.
    warnings.simplefilter("ignore", RuntimeWarning)
    asyncio.run(main())
