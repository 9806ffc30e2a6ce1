import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

LIMIT = 0.3  # seconds each service gets, however long the others take

Fetch = Callable[[str, int], Awaitable[Any]]


class ServiceError(Exception):
    """A service answered with an error (a 500, a 503)."""


async def home_page(user_id: int, fetch: Fetch) -> dict[str, Any]:
    """The app's home page: the user (required), their orders and recommendations (optional)."""
    user = await fetch("users", user_id)
    orders = await fetch("orders", user_id)
    picks = await fetch("recommendations", user_id)
    return {"user": user, "orders": orders, "recommendations": picks, "missing": {}}


async def main() -> None:
    answers = {
        "users": {"id": 7, "name": "Ada"},
        "orders": [{"order": 3}],
        "recommendations": ["tea"],
    }
    delays = {"users": 0.1, "orders": 0.2, "recommendations": 2.0}

    async def fetch(service: str, user_id: int) -> Any:
        # stands in for an HTTP call to the service: recommendations are very slow today
        await asyncio.sleep(delays[service])
        return answers[service]

    start = time.perf_counter()
    page = await home_page(7, fetch)
    print(page)
    print(f"took {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
