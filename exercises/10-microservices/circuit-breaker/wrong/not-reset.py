import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


class CircuitOpenError(Exception):
    """Raised instead of calling the service while the breaker is open."""


class CircuitBreaker:
    """Stands between the callers and one service, and fails fast while the service is down."""

    def __init__(self, failures: int = 3, open_for: float = 0.5) -> None:
        self.failures = failures  # failures in a row that open the breaker
        self.open_for = open_for  # seconds open before a trial call
        self.state = "closed"
        self.failed_in_a_row = 0
        self.opened_at = 0.0

    async def call(self, operation: Callable[[], Awaitable[T]]) -> T:
        loop = asyncio.get_running_loop()
        trial = self.state == "open" and loop.time() - self.opened_at >= self.open_for
        if trial:
            self.state = "half-open"  # this call is the trial; others are refused meanwhile
        elif self.state != "closed":
            raise CircuitOpenError("the service is failing: not calling it")
        try:
            result = await operation()
        except asyncio.CancelledError:
            if trial:
                self.state = "open"  # no verdict: the next call is the trial
            raise
        except Exception:
            self.failed_in_a_row += 1
            if trial or self.failed_in_a_row >= self.failures:
                self.state = "open"
                self.opened_at = loop.time()
            raise
        self.state = "closed"
        return result


async def main() -> None:
    breaker = CircuitBreaker(failures=3, open_for=0.5)
    healthy = False

    async def service() -> str:
        # stands in for a call to another service: down until repaired
        await asyncio.sleep(0.1)
        if not healthy:
            raise ConnectionError("503 Service Unavailable")
        return "ok"

    for number in range(1, 9):
        if number == 6:
            healthy = True
            await asyncio.sleep(0.5)
        try:
            print(f"call {number}: {await breaker.call(service)}")
        except (ConnectionError, CircuitOpenError) as error:
            print(f"call {number}: {type(error).__name__}, breaker {breaker.state}")


if __name__ == "__main__":
    asyncio.run(main())
