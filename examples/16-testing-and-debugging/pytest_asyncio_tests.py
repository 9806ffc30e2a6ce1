# /// script
# requires-python = ">=3.11"
# dependencies = ["pytest>=7", "pytest-asyncio>=0.20"]
# ///
#: runs: local
#: varies: =+ (?=\d+ passed)
#: varies: in \d+\.\d+s =+
import asyncio
import os
import sys
import unittest
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio


class UserStore:
    """The code under test: a tiny async store with a cache in front of a slow backend."""

    def __init__(self) -> None:
        self.backend_calls = 0
        self.connected = False
        self._cache: dict[int, str] = {}

    async def connect(self) -> None:
        await asyncio.sleep(0.01)
        self.connected = True

    async def close(self) -> None:
        await asyncio.sleep(0.01)
        self.connected = False

    async def get(self, user_id: int) -> str:
        if user_id not in self._cache:
            self.backend_calls += 1
            await asyncio.sleep(0.02)  # the slow backend
            if user_id > 100:
                raise KeyError(user_id)
            self._cache[user_id] = f"user-{user_id}"
        return self._cache[user_id]


@pytest_asyncio.fixture
async def store() -> AsyncIterator[UserStore]:
    store = UserStore()
    await store.connect()  # setup, inside the test's event loop
    yield store  # the test runs here
    await store.close()  # teardown, whether the test passed or not


@pytest.mark.asyncio
async def test_get_returns_user(store: UserStore) -> None:
    assert await store.get(7) == "user-7"


@pytest.mark.asyncio
@pytest.mark.parametrize("user_id", [1, 2, 3])
async def test_second_get_is_cached(store: UserStore, user_id: int) -> None:
    await store.get(user_id)
    await store.get(user_id)
    assert store.backend_calls == 1


@pytest.mark.asyncio
async def test_unknown_user_raises(store: UserStore) -> None:
    with pytest.raises(KeyError):
        await store.get(404)


@pytest.mark.asyncio
async def test_several_users_concurrently(store: UserStore) -> None:
    async with asyncio.timeout(1):  # a guard: a hang fails this test instead of the whole run
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(store.get(n)) for n in (1, 2, 3)]
    assert [t.result() for t in tasks] == ["user-1", "user-2", "user-3"]


class UserStoreTestCase(unittest.IsolatedAsyncioTestCase):
    """pytest also runs unittest classes, each test in its own event loop."""

    async def test_connects(self) -> None:
        store = UserStore()
        await store.connect()
        self.addAsyncCleanup(store.close)
        self.assertTrue(store.connected)


if __name__ == "__main__":
    sys.dont_write_bytecode = True  # leave no __pycache__ beside the example
    os.environ["COLUMNS"] = "80"  # the same line width in every terminal
    sys.exit(pytest.main([
        __file__,
        "-v", "--no-header",  # one line per test, without versions and paths
        "-p", "no:cacheprovider",  # no .pytest_cache folder either
        # This file imported pytest_asyncio before pytest started; pytest would say so.
        "-W", "ignore::pytest.PytestAssertRewriteWarning",
    ]))
