#: runs: local
#: clock: real
#: varies: counted \d+
"""Shared state touched from worker threads needs a threading.Lock.

Each job downloads (sleeps) and then adds its bytes to a shared total with a read-modify-write.
The worker threads are preempted at any moment, so without a lock some additions are lost.
"""

import asyncio
import threading
import time


class Totals:
    def __init__(self, use_lock: bool) -> None:
        self.bytes = 0
        self.use_lock = use_lock
        self.lock = threading.Lock()

    def add(self, amount: int) -> None:
        if not self.use_lock:
            self._add(amount)
        else:
            with self.lock:  # one thread at a time between read and write
                self._add(amount)

    def _add(self, amount: int) -> None:
        current = self.bytes  # read
        time.sleep(0.001)  # anything that lets another thread run, here on purpose
        self.bytes = current + amount  # write back: may overwrite another thread's update


def download(totals: Totals, chunks: int) -> None:
    for _ in range(chunks):
        totals.add(100)


async def run(label: str, totals: Totals) -> None:
    await asyncio.gather(*(asyncio.to_thread(download, totals, 25) for _ in range(4)))
    expected = 4 * 25 * 100
    print(f"{label}: counted {totals.bytes} of {expected} bytes")
    print(f"  every update kept: {totals.bytes == expected}")


async def main() -> None:
    await run("no lock", Totals(use_lock=False))
    await run("threading.Lock", Totals(use_lock=True))


if __name__ == "__main__":
    asyncio.run(main())
