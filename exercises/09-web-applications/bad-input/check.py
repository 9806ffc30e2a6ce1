"""Checks for "Bad input, clear answers": the reader's notes service on 127.0.0.1, sent good
and bad requests by a real client."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web

from livecheck import Context, check

JSON = {"Content-Type": "application/json"}
MALFORMED = ['{"text": "buy', "buy tea", "", "{'text': 'buy tea'}", '{"text": "tea",}']
WRONG_SHAPE = ['{"title": "buy tea"}', '["buy tea"]', '{"text": 42}', '{"text": ""}', "null"]


def exchange(ctx: Context, bodies: list[str]) -> list[tuple[int, Any]]:
    """Serves the reader's app, posts each body to /notes in turn: (status, JSON or text)."""
    make_app: Callable[[], web.Application] = ctx.function("make_app")
    answers: list[tuple[int, Any]] = []

    async def scenario() -> None:
        runner = web.AppRunner(make_app())
        await runner.setup()
        try:
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            host, port = runner.addresses[0][:2]
            async with aiohttp.ClientSession(f"http://{host}:{port}") as client:
                for body in bodies:
                    async with client.post("/notes", data=body, headers=JSON) as response:
                        try:
                            got: Any = await response.json(content_type=None)
                        except ValueError:
                            got = await response.text()
                        answers.append((response.status, got))
        finally:
            await runner.cleanup()

    ctx.run(scenario)
    return answers


def good_body(ctx: Context) -> tuple[str, str]:
    text = ctx.random.choice(["buy tea", "call Ada", "water the plants", "book a table"])
    return text, f'{{"text": "{text}"}}'


@check("good")
def good_note_created(ctx: Context) -> None:
    text, body = good_body(ctx)
    [(status, got)] = exchange(ctx, [body])
    ctx.expect(status == 201 and got == {"id": 1, "text": text}, "good-note",
               status=status, got=repr(got), want=repr({"id": 1, "text": text}))


@check("malformed")
def malformed_is_400(ctx: Context) -> None:
    for body, (status, got) in zip(MALFORMED, exchange(ctx, MALFORMED)):
        shown = repr(body)
        ctx.expect(status != 500, "malformed-500", body=shown)
        ctx.expect(status == 400, "malformed-status", body=shown, status=status)
        ctx.expect(isinstance(got, dict) and "error" in got, "no-error", body=shown,
                   got=repr(got))


@check("wrong-shape")
def wrong_shape_is_422(ctx: Context) -> None:
    for body, (status, got) in zip(WRONG_SHAPE, exchange(ctx, WRONG_SHAPE)):
        shown = repr(body)
        if status == 500 and body.startswith("["):
            ctx.fail("not-a-dict", body=shown)
        ctx.expect(status != 500, "shape-500", body=shown)
        ctx.expect(status != 400, "shape-not-422", body=shown)
        ctx.expect(status == 422, "shape-status", body=shown, status=status)
        ctx.expect(isinstance(got, dict) and "error" in got, "no-error", body=shown,
                   got=repr(got))


@check("still-serving")
def nothing_stored_by_bad_requests(ctx: Context) -> None:
    text, body = good_body(ctx)
    answers = exchange(ctx, [*MALFORMED, *WRONG_SHAPE, body])
    status, got = answers[-1]
    ctx.expect(status == 201, "good-note", status=status, got=repr(got),
               want=repr({"id": 1, "text": text}))
    ctx.expect(got == {"id": 1, "text": text}, "stored-bad", got=repr(got))
