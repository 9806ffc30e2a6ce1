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


class Service:
    def __init__(self, has_bug: bool) -> None:
        self.has_bug = has_bug
        self.ready = asyncio.Event()

    async def start(self) -> None:
        await asyncio.sleep(0.2)
        if not self.has_bug:  # the bug: forgets to say it is ready
            self.ready.set()


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

    async def test_service_gets_ready(self) -> None:
        service = Service(has_bug=False)
        starting = asyncio.create_task(service.start())
        # The habit: a deadline on every await that needs the code under test to do its job.
        async with asyncio.timeout(1.0):
            await service.ready.wait()
        await starting

    async def test_with_a_bug_it_fails_instead_of_hanging(self) -> None:
        # Fails on purpose, to show what the habit buys: the same test against a bug.
        # Without the deadline this await would never return, and the suite would hang.
        service = Service(has_bug=True)
        starting = asyncio.create_task(service.start())
        async with asyncio.timeout(1.0):
            await service.ready.wait()
        await starting


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
