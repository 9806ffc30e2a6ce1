#: runs: browser
#: standins: aiohttp
#: slack: 0.4 s
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""A circuit breaker tripping and recovering, in front of a service that fails on purpose.

Each call takes the service 0.1 s. It works, then fails for a while, then works again; the
breaker (circuit.py) opens after 3 failures in a row and tries again after 0.5 s.
"""

import asyncio
import time
from typing import Any

import aiohttp

from circuit import CircuitBreaker, CircuitOpenError, State
from services import Service, serve

start = time.perf_counter()


def now() -> str:
    return f"{time.perf_counter() - start:.1f} s"


def announce(old: State, new: State) -> None:
    print(f"{now()}  breaker: {old} -> {new}")


async def main() -> None:
    global start
    payments = Service("payments", lambda key: {"payment": key, "status": "accepted"}, delay=0.1)
    breaker = CircuitBreaker("payments", failures_to_open=3, open_for=0.5, on_change=announce)
    calls = 0
    async with serve(payments.app) as url, aiohttp.ClientSession() as session:

        async def pay() -> Any:
            async with session.post(f"{url}/{calls}") as response:
                response.raise_for_status()
                return await response.json()

        async def call() -> None:
            nonlocal calls
            calls += 1
            number, began = calls, time.perf_counter()
            try:
                await breaker.call(pay)
                outcome = "paid"
            except aiohttp.ClientResponseError as error:
                outcome = f"failed ({error.status})"
            except CircuitOpenError as error:
                outcome = f"refused ({error})"
            print(f"{now()}  call {number:2}: {outcome}, in {time.perf_counter() - began:.1f} s")

        start = time.perf_counter()
        for _ in range(2):
            await call()
        payments.failing = True
        print(f"{now()}  the service starts failing")
        for _ in range(5):
            await call()
        await asyncio.sleep(0.6)  # longer than open_for: the next call is a trial
        await call()
        payments.failing = False
        print(f"{now()}  the service is repaired")
        await call()  # refused: the failed trial opened the breaker again
        await asyncio.sleep(0.6)
        await asyncio.gather(call(), call(), call())  # the first is the trial; two are refused
        await call()
    print(f"the service received {payments.received} of {calls} calls")


if __name__ == "__main__":
    asyncio.run(main())
