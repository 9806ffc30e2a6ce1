#: runs: browser
#: clock: virtual
import asyncio
import unittest
from types import TracebackType


class UserStore:
    """The code under test: a tiny async store with a cache in front of a slow backend."""

    def __init__(self) -> None:
        self.backend_calls = 0
        self.connected = False
        self._cache: dict[int, str] = {}

    async def connect(self) -> None:
        await asyncio.sleep(0.1)
        self.connected = True

    async def close(self) -> None:
        await asyncio.sleep(0.1)
        self.connected = False

    async def get(self, user_id: int) -> str:
        if user_id not in self._cache:
            self.backend_calls += 1
            await asyncio.sleep(0.2)  # the slow backend
            if user_id > 100:
                raise KeyError(user_id)
            self._cache[user_id] = f"user-{user_id}"
        return self._cache[user_id]


class UserStoreTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self) -> None:
        # Runs inside the test's own event loop, before each test.
        self.store = UserStore()
        await self.store.connect()
        self.addAsyncCleanup(self.store.close)  # runs even if the test fails

    async def test_get_returns_user(self) -> None:
        self.assertEqual(await self.store.get(7), "user-7")

    async def test_second_get_is_cached(self) -> None:
        await self.store.get(7)
        await self.store.get(7)
        self.assertEqual(self.store.backend_calls, 1)

    async def test_unknown_user_raises(self) -> None:
        with self.assertRaises(KeyError):
            await self.store.get(404)

    async def test_several_users_concurrently(self) -> None:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(self.store.get(n)) for n in (1, 2, 3)]
        self.assertEqual([t.result() for t in tasks], ["user-1", "user-2", "user-3"])
        self.assertEqual(self.store.backend_calls, 3)


ExcInfo = tuple[type[BaseException], BaseException, TracebackType] | tuple[None, None, None]


class PrintingResult(unittest.TestResult):
    """Reports each test on one line, without unittest's timing line."""

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
    # No asyncio.run here: each async test case starts and closes its own event loop.
    suite = unittest.TestLoader().loadTestsFromTestCase(UserStoreTests)
    result = PrintingResult()
    suite.run(result)
    print(f"{result.testsRun} tests, {len(result.failures)} failures, {len(result.errors)} errors")


if __name__ == "__main__":
    main()
