#: runs: browser
#: clock: virtual
import asyncio
import unittest
from types import TracebackType


class Connection:
    def __init__(self) -> None:
        self.closed = False

    async def read(self, delay: float) -> bytes:
        await asyncio.sleep(delay)
        return b"data"


async def fetch(conn: Connection, delay: float, timeout: float) -> bytes:
    """The code under test: give up after `timeout` seconds."""
    async with asyncio.timeout(timeout):
        return await conn.read(delay)


async def stream(conn: Connection, received: list[bytes]) -> None:
    """Reads until cancelled; must close the connection on the way out."""
    try:
        while True:
            received.append(await conn.read(0.1))
    finally:
        conn.closed = True


class TimeoutAndCancelTests(unittest.IsolatedAsyncioTestCase):
    async def test_fast_read_fits_in_timeout(self) -> None:
        self.assertEqual(await fetch(Connection(), delay=0.05, timeout=0.5), b"data")

    async def test_slow_read_times_out(self) -> None:
        with self.assertRaises(TimeoutError):
            await fetch(Connection(), delay=5, timeout=0.1)

    async def test_cancel_closes_connection(self) -> None:
        conn, received = Connection(), []
        task = asyncio.create_task(stream(conn, received))
        await asyncio.sleep(0.25)  # let it read twice
        task.cancel()
        with self.assertRaises(asyncio.CancelledError):
            await task
        self.assertTrue(task.cancelled())
        self.assertTrue(conn.closed)
        self.assertEqual(len(received), 2)

    async def test_guard_against_hangs(self) -> None:
        # A bug that makes the code wait forever should fail the test, not hang the suite.
        never = asyncio.Event()
        with self.assertRaises(TimeoutError):
            async with asyncio.timeout(1.0):
                await never.wait()


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
    suite = unittest.TestLoader().loadTestsFromTestCase(TimeoutAndCancelTests)
    result = PrintingResult()
    suite.run(result)
    print(f"{result.testsRun} tests, {len(result.failures)} failures, {len(result.errors)} errors")


if __name__ == "__main__":
    main()
