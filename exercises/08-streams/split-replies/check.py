"""Checks for "Answers in pieces": the check runs its own server on 127.0.0.1 (a port the
system picks), which answers each line in two pieces, and watches the connection close."""

from __future__ import annotations

import asyncio
import gc
import warnings
from typing import Any

from livecheck import Context, check

QUESTIONS = ["ping", "time", "bye"]
EXPECTED = ["you asked: PING", "you asked: TIME", "you asked: BYE"]


def talk(ctx: Context, questions: list[str]) -> dict[str, Any]:
    """Runs `ask` against a server that answers in two pieces; says what came back and whether
    `ask` closed its connection: the server saw the end of the stream within half a second, and
    it was not Python closing a forgotten writer."""
    ask = ctx.function("ask", coroutine=True)
    seen: dict[str, Any] = {"closed": False}

    async def scenario() -> None:
        ended = asyncio.Event()
        writers: set[asyncio.StreamWriter] = set()

        async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writers.add(writer)
            try:
                while line := await reader.readline():
                    writer.write(b"you asked: ")
                    await writer.drain()
                    await asyncio.sleep(0.05)
                    writer.write(line.upper())
                    await writer.drain()
                ended.set()
            except ConnectionError:
                ended.set()

        server = await asyncio.start_server(answer, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            with warnings.catch_warnings(record=True) as caught:
                # Python 3.12 and later close a writer nobody closed when it is collected, and
                # say so with a ResourceWarning; 3.11 leaves it open, so the server waits.
                warnings.simplefilter("always", ResourceWarning)
                seen["answers"] = await asyncio.wait_for(ask(port, questions), 3)
                gc.collect()
            unclosed = any("unclosed <StreamWriter" in str(w.message) for w in caught)
            try:
                await asyncio.wait_for(ended.wait(), 0.5)
                seen["closed"] = not unclosed
            except TimeoutError:
                pass
        finally:
            server.close()
            for writer in writers:
                writer.close()
            await server.wait_closed()

    ctx.run(scenario, limit=6)
    return seen


@check("answers")
def whole_answers(ctx: Context) -> None:
    got = talk(ctx, QUESTIONS)["answers"]
    ctx.expect(got == EXPECTED, "split-reply", got=got)


@check("closed")
def connection_closed(ctx: Context) -> None:
    ctx.expect(talk(ctx, QUESTIONS)["closed"], "never-closed")


@check("generated")
def generated_questions(ctx: Context) -> None:
    words = ["status", "ping", "uptime", "load", "who", "version", "echo hello"]
    for _ in range(3):
        questions = [ctx.random.choice(words) for _ in range(ctx.random.randint(1, 4))]
        got = talk(ctx, questions)["answers"]
        expected = [f"you asked: {q.upper()}" for q in questions]
        ctx.expect(got == expected, "generated", questions=questions, got=got, expected=expected)
