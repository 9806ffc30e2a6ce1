"""Checks for "Messages with a length in front": the check plays the network, delivering framed
messages whole, in pieces, cut off, and in generated pieces, on the virtual clock."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from livecheck import Context, check

MESSAGES = [b"hello", b"length-prefixed", b"world"]


def frame(body: bytes) -> bytes:
    return len(body).to_bytes(4, "big") + body


@dataclass
class Outcome:
    messages: Any
    exception: BaseException | None


def deliver(ctx: Context, data: bytes, piece: int, *, gap: float = 0.1) -> Outcome:
    """Runs read_messages on a reader that gets `data` in pieces of `piece` bytes, `gap` s apart,
    then the end of the stream `gap` s after the last piece (at once when `gap` is 0)."""
    read_messages = ctx.function("read_messages", coroutine=True)
    seen: dict[str, Any] = {}

    async def network(reader: asyncio.StreamReader) -> None:
        for start in range(0, len(data), piece):
            reader.feed_data(data[start:start + piece])
            if gap:
                await asyncio.sleep(gap)
        reader.feed_eof()

    async def scenario() -> None:
        reader = asyncio.StreamReader()
        delivery = asyncio.ensure_future(network(reader))
        try:
            seen["messages"] = await read_messages(reader)
        finally:
            await delivery

    run = ctx.run(scenario, allow_error=True)
    if run.problem is not None and run.exception is None:
        raise run.problem
    return Outcome(seen.get("messages"), run.exception)


def shown(messages: Any) -> str:
    return repr(messages)


@check("one-chunk")
def messages_in_one_chunk(ctx: Context) -> None:
    data = b"".join(frame(m) for m in MESSAGES)
    got = deliver(ctx, data, len(data), gap=0)
    ctx.expect(got.exception is None, "raised", error=type(got.exception).__name__)
    ctx.expect(got.messages == MESSAGES, "wrong-messages", got=shown(got.messages))


@check("pieces")
def messages_in_pieces(ctx: Context) -> None:
    got = deliver(ctx, b"".join(frame(m) for m in MESSAGES), 7)
    error = got.exception
    clean = isinstance(error, asyncio.IncompleteReadError) and not error.partial
    ctx.expect(not clean, "clean-end")
    ctx.expect(got.messages == MESSAGES, "short-read", got=shown(got.messages))


@check("cut-off")
def end_inside_a_message(ctx: Context) -> None:
    data = frame(b"hello") + frame(b"world")[:6]
    got = deliver(ctx, data, 5)
    ctx.expect(got.exception is not None, "swallowed", got=shown(got.messages))
    is_incomplete = isinstance(got.exception, asyncio.IncompleteReadError)
    ctx.expect(is_incomplete, "wrong-error", error=type(got.exception).__name__)


@check("generated")
def generated_streams(ctx: Context) -> None:
    for _ in range(8):
        count = ctx.random.randint(0, 5)
        sizes = [ctx.random.choice([0, 1, 3, 40, 120]) for _ in range(count)]
        messages = [bytes(ctx.random.randint(0, 255) for _ in range(size)) for size in sizes]
        piece = ctx.random.randint(3, 50)
        got = deliver(ctx, b"".join(frame(m) for m in messages), piece, gap=0.01)
        case: dict[str, Any] = {"sizes": sizes, "piece": piece}
        if got.exception is not None:
            ctx.fail("generated-raised", error=type(got.exception).__name__, **case)
        got_sizes = [len(m) for m in got.messages] if isinstance(got.messages, list) else None
        ctx.expect(got.messages == messages, "generated", got=got_sizes, **case)
