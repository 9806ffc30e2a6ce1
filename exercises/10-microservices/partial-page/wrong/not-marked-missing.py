import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

LIMIT = 0.3  # seconds each service gets, however long the others take

Fetch = Callable[[str, int], Awaitable[Any]]


class ServiceError(Exception):
    """A service answered with an error (a 500, a 503)."""


async def optional(name: str, user_id: int, fetch: Fetch) -> Any:
    """Never raises: the answer, or None."""
    try:
        async with asyncio.timeout(LIMIT):
            return await fetch(name, user_id)
    except (TimeoutError, ServiceError):
        return None


async def required(name: str, user_id: int, fetch: Fetch) -> Any:
    async with asyncio.timeout(LIMIT):
        return await fetch(name, user_id)


async def home_page(user_id: int, fetch: Fetch) -> dict[str, Any]:
    """The app's home page: the user (required), their orders and recommendations (optional)."""
    async with asyncio.TaskGroup() as group:
        user = group.create_task(required("users", user_id, fetch))
        orders = group.create_task(optional("orders", user_id, fetch))
        picks = group.create_task(optional("recommendations", user_id, fetch))
    return {
        "user": user.result(),
        "orders": orders.result(),
        "recommendations": picks.result(),
        "missing": {},
    }


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
