#: runs: browser
#: clock: virtual
"""What a process pool has to pickle, and what cannot be pickled at all.

A process pool sends the function and its arguments to a worker with pickle, and the
result comes back the same way. Module-level functions travel as a name; lambdas and
functions defined inside other functions have no name a worker could look up.
"""

import asyncio
import pickle
import re
from collections.abc import Callable


def count_words(text: str) -> int:
    return len(text.split())


def make_counter() -> Callable[[str], int]:
    def count_local(text: str) -> int:
        return len(text.split())

    return count_local


def try_pickle(label: str, obj: object) -> None:
    try:
        data = pickle.dumps(obj)
    except Exception:  # PicklingError or AttributeError, depending on the version
        print(f"{label:<22} cannot be pickled")
    else:
        print(f"{label:<22} {len(data):>9,} bytes")


async def main() -> None:
    print("-- functions")
    try_pickle("module-level function", count_words)
    try_pickle("lambda", lambda text: len(text.split()))
    try_pickle("local function", make_counter())

    print("-- arguments")
    numbers = list(range(1_000_000))
    try_pickle("a million ints", numbers)
    try_pickle("just the bounds", (0, 1_000_000))
    try_pickle("one chunk of 250,000", numbers[:250_000])

    print("-- the names inside the pickle of count_words")
    names = re.findall(rb"[A-Za-z_]{3,}", pickle.dumps(count_words))
    print([name.decode() for name in names])


if __name__ == "__main__":
    asyncio.run(main())
