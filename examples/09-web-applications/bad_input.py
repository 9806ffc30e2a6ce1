#: runs: browser
#: standins: aiohttp
# /// script
# requires-python = ">=3.11"
# dependencies = ["aiohttp>=3.8"]
# ///
"""Bad input reaches every server. Each kind gets a clear 4xx, and the server stays up.

A small notes service takes {"title": "...", "body": "..."} as JSON, at most 1 KiB of it.
"""

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web

from serving import serve

MAX_BODY = 1024  # bytes; aiohttp's own default is 1 MiB


def problem(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


@web.middleware
async def errors_as_json(request: web.Request, handler: Any) -> web.StreamResponse:
    """Every failure becomes a JSON answer, and a bug in one handler fails one request only."""
    try:
        return await handler(request)
    except web.HTTPRequestEntityTooLarge:
        return problem(413, f"the body is larger than {MAX_BODY} bytes")
    except web.HTTPException as error:  # 404, 405, ... raised by the router or a handler
        return problem(error.status, error.reason)
    except Exception as error:  # a bug: say little to the client, log the rest
        print(f"  server log: {request.method} {request.path} failed: {error!r}")
        return problem(500, "internal error")


async def read_note(request: web.Request) -> dict[str, str] | web.Response:
    """The note in the body, or the 4xx answer that says what is wrong with it."""
    if request.content_type != "application/json":
        return problem(415, "send JSON, with Content-Type: application/json")
    if request.content_length is not None and request.content_length > MAX_BODY:
        return problem(413, f"the body is larger than {MAX_BODY} bytes")  # not even read
    try:
        data = await request.json()
    except json.JSONDecodeError as error:
        return problem(400, f"the body is not valid JSON: {error.msg} at character {error.pos}")
    if not isinstance(data, dict):
        return problem(400, f"expected a JSON object, got {type(data).__name__}")
    missing = [field for field in ("title", "body") if field not in data]
    if missing:
        return problem(422, f"missing field(s): {', '.join(missing)}")
    wrong = [field for field in ("title", "body") if not isinstance(data[field], str)]
    if wrong:
        return problem(422, f"field(s) must be text: {', '.join(wrong)}")
    return {"title": data["title"], "body": data["body"]}


class Notes:
    def __init__(self) -> None:
        self.notes: list[dict[str, str]] = []
        self.app = web.Application(client_max_size=MAX_BODY, middlewares=[errors_as_json])
        self.app.add_routes([
            web.get("/notes", self.list_notes),
            web.post("/notes", self.add_note),
            web.get("/notes/{number}", self.get_note),
        ])

    async def list_notes(self, request: web.Request) -> web.Response:
        return web.json_response({"notes": len(self.notes)})

    async def add_note(self, request: web.Request) -> web.Response:
        note = await read_note(request)
        if isinstance(note, web.Response):
            return note
        self.notes.append(note)
        return web.json_response({"number": len(self.notes)}, status=201)

    async def get_note(self, request: web.Request) -> web.Response:
        number = int(request.match_info["number"])  # the bug: "abc" is not checked
        if not 1 <= number <= len(self.notes):
            return problem(404, f"no note {number}")
        return web.json_response(self.notes[number - 1])


async def send(session: aiohttp.ClientSession, label: str, method: str, path: str,
               **kwargs: Any) -> None:
    async with session.request(method, path, **kwargs) as response:
        body = await response.json()
    print(f"{label:32} {response.status} {body.get('error', body)}")


async def main() -> None:
    json_type = {"Content-Type": "application/json"}
    async with serve(Notes().app) as base_url, aiohttp.ClientSession(base_url) as session:
        await send(session, "a good note", "POST", "/notes", json={"title": "t", "body": "b"})
        await send(session, "malformed JSON", "POST", "/notes",
                   data='{"title": "t", "body": ', headers=json_type)
        await send(session, "JSON, but not an object", "POST", "/notes", json=["t", "b"])
        await send(session, "a missing field", "POST", "/notes", json={"title": "t"})
        await send(session, "a field of the wrong type", "POST", "/notes",
                   json={"title": "t", "body": 42})
        await send(session, "form data, not JSON", "POST", "/notes", data="title=t&body=b")
        await send(session, "2 KiB, Content-Length says so", "POST", "/notes",
                   json={"title": "t", "body": "x" * 2048})

        async def without_length() -> AsyncIterator[bytes]:  # chunked: no size up front
            yield json.dumps({"title": "t", "body": "x" * 2048}).encode()

        await send(session, "2 KiB, no Content-Length", "POST", "/notes",
                   data=without_length(), headers=json_type)
        await send(session, "an unknown path", "GET", "/nowhere")
        await send(session, "a method the path lacks", "PUT", "/notes")
        await send(session, "a path our handler trusts", "GET", "/notes/abc")
        await send(session, "the server is still up", "GET", "/notes")


if __name__ == "__main__":
    asyncio.run(main())
