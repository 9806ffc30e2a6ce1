#: runs: browser
#: standins: aiohttp
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Bad input from both sides: the app's requests, and the services' answers.

The BFF checks what the app sends before any service sees it (a 4xx, and the service is never
called), and checks what the services send back before the app sees it: a service that answers
something that is not JSON, or JSON of the wrong shape, is a failed service (502, or a page
without that part), not a crash. Through all of it the BFF stays up.
"""

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web

from services import Service, serve

MAX_BODY = 2048  # bytes


class BadAnswer(Exception):
    """A service answered, but not with what its contract promises."""


def problem(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


class Bff:
    def __init__(self, urls: dict[str, str]) -> None:
        self.urls = urls
        self.app = web.Application(client_max_size=MAX_BODY)
        self.app.cleanup_ctx.append(self.client_session)
        self.app.add_routes([web.get("/home/{user}", self.home),
                             web.post("/feedback", self.feedback)])

    async def client_session(self, app: web.Application) -> AsyncIterator[None]:
        async with aiohttp.ClientSession() as session:
            self.session = session
            yield

    async def fetch(self, service: str, key: str) -> Any:
        async with self.session.get(f"{self.urls[service]}/{key}") as response:
            response.raise_for_status()
            try:
                return await response.json()
            except (aiohttp.ContentTypeError, json.JSONDecodeError):
                raise BadAnswer(f"{service} sent {response.content_type}, not JSON")

    async def home(self, request: web.Request) -> web.Response:
        user = request.match_info["user"]
        if not user.isdigit():
            return problem(400, f"user must be a number, got {user!r}")
        try:
            profile = await self.fetch("users", user)
            if not isinstance(profile, dict) or not isinstance(profile.get("name"), str):
                raise BadAnswer("users sent a profile without a name")
        except BadAnswer as error:
            return problem(502, str(error))  # Bad Gateway: the fault is behind us
        try:
            picks = await self.fetch("recommendations", user)
        except BadAnswer:
            picks = None  # optional: the page goes out without it
        return web.json_response({"name": profile["name"], "recommendations": picks})

    async def feedback(self, request: web.Request) -> web.Response:
        try:
            data = await request.json()
        except json.JSONDecodeError:
            return problem(400, "the body is not valid JSON")
        except web.HTTPRequestEntityTooLarge:
            return problem(413, f"the body is larger than {MAX_BODY} bytes")
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            return problem(422, "expected an object with a text field")
        async with self.session.post(f"{self.urls['feedback']}/new", json=data) as response:
            response.raise_for_status()
        return web.json_response({"thanks": True}, status=202)


async def main() -> None:
    users = Service("users", lambda user: {"id": user, "name": "Ada"})
    picks = Service("recommendations", lambda user: ["tea"])
    feedback = Service("feedback", lambda key: {"stored": True})
    async with serve(users.app) as users_url, serve(picks.app) as picks_url, \
            serve(feedback.app) as feedback_url:
        bff = Bff({"users": users_url, "recommendations": picks_url, "feedback": feedback_url})
        async with serve(bff.app) as bff_url, aiohttp.ClientSession(bff_url) as app_client:

            async def ask(label: str, method: str, path: str, **kwargs: Any) -> None:
                async with app_client.request(method, path, **kwargs) as response:
                    print(f"{label:38} {response.status} {await response.json()}")

            print("from the app:")
            await ask("a good page", "GET", "/home/42")
            await ask("a user that is not a number", "GET", "/home/42abc")
            await ask("feedback, malformed JSON", "POST", "/feedback", data='{"text": ',
                      headers={"Content-Type": "application/json"})
            await ask("feedback without its text", "POST", "/feedback", json={"txt": "hi"})
            await ask("feedback of 4 KiB", "POST", "/feedback", json={"text": "x" * 4096})
            await ask("good feedback", "POST", "/feedback", json={"text": "lovely tea"})
            print("from the services:")
            picks.garbage = True
            await ask("recommendations answer HTML", "GET", "/home/42")
            users.garbage = True
            await ask("users answer HTML", "GET", "/home/42")
            users.garbage = False
            users.answer = lambda user: {"id": user}
            await ask("users answer JSON without a name", "GET", "/home/42")
            users.answer = lambda user: {"id": user, "name": "Ada"}
            picks.garbage = False
            await ask("all well again: the BFF is still up", "GET", "/home/42")
    print(f"the feedback service received {feedback.received} request: only the good one")


if __name__ == "__main__":
    asyncio.run(main())
