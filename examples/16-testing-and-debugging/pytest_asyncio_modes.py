# /// script
# requires-python = ">=3.11"
# dependencies = ["pytest>=7", "pytest-asyncio>=0.20"]
# ///
#: runs: local
#: varies: \S+/_pytest/python\.py:\d+
#: varies: in \d+\.\d+s
import asyncio
import os
import sys

import pytest


@pytest.mark.asyncio
async def test_marked() -> None:
    await asyncio.sleep(0)


async def test_not_marked() -> None:  # no @pytest.mark.asyncio
    await asyncio.sleep(0)


def run_pytest(mode: str) -> None:
    pytest.main([__file__, "-q", "-p", "no:cacheprovider", "-o", f"asyncio_mode={mode}"])


if __name__ == "__main__":
    sys.dont_write_bytecode = True  # leave no __pycache__ beside the example
    os.environ["COLUMNS"] = "80"  # the same line width in every terminal
    print("-- strict mode, the default: pytest-asyncio runs only the marked test")
    run_pytest("strict")
    print("-- auto mode: pytest-asyncio runs every async def test and fixture")
    run_pytest("auto")
