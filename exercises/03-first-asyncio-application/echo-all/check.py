"""Checks for "Every client at once": the check starts the reader's `serve` on a listening
socket of its own (127.0.0.1, a port the system picks) and plays clients against it."""

from __future__ import annotations

import asyncio
import socket
import time
from typing import Any

from livecheck import Context, check, mistake

MANY = 30


async def say(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, text: bytes,
              wait: float) -> bytes | None:
    writer.write(text)
    await writer.drain()
    try:
        return await asyncio.wait_for(reader.readexactly(len(text)), wait)
    except (TimeoutError, asyncio.IncompleteReadError):
        return None


#: One run of each scene per Check (keyed by the context): the checks share what they saw.
_played: dict[tuple[int, str], dict[str, Any]] = {}


def play(ctx: Context, scene: str) -> dict[str, Any]:
    key = (id(ctx), scene)
    if key not in _played:
        _played[key] = play_once(ctx, scene)
    seen = _played[key]
    if "server_error" in seen:
        ctx.fail("server-raised", error=seen["server_error"])
    return seen


def play_once(ctx: Context, scene: str) -> dict[str, Any]:
    serve = ctx.function("serve", coroutine=True)
    seen: dict[str, Any] = {}
    running: list[asyncio.Future[Any]] = []

    def note_server_error() -> None:
        """A `serve` that died on its own (not a casualty of the scene's clients giving up)."""
        server = running[0]
        if server.done() and not server.cancelled() and server.exception() is not None:
            seen["server_error"] = type(server.exception()).__name__

    async def quiet_a_then_b(address: tuple[str, int]) -> None:
        a = await asyncio.open_connection(*address)
        b = await asyncio.open_connection(*address)
        seen["a1"] = await say(*a, b"hello from A", 1)
        note_server_error()
        seen["b"] = await say(*b, b"hello from B", 0.5)
        seen["a2"] = await say(*a, b"still here", 1)
        for _, writer in (a, b):
            writer.close()

    async def many(address: tuple[str, int]) -> None:
        async def client(number: int) -> bool:
            reader, writer = await asyncio.open_connection(*address)
            try:
                for turn in range(3):
                    text = f"client {number}, message {turn}".encode()
                    if await say(reader, writer, text, 5) != text:
                        return False
                    await asyncio.sleep(0.1)  # thinking
                return True
            finally:
                writer.close()

        start = time.perf_counter()
        try:
            results = await asyncio.wait_for(asyncio.gather(*map(client, range(MANY))), 2.5)
            seen["right"] = sum(results)
            seen["elapsed"] = time.perf_counter() - start
            note_server_error()
        except TimeoutError:
            seen["elapsed"] = None

    async def scenario() -> None:
        with socket.create_server(("127.0.0.1", 0)) as listener:
            listener.setblocking(False)
            server = asyncio.ensure_future(serve(listener))
            running.append(server)
            try:
                await (quiet_a_then_b if scene == "two" else many)(listener.getsockname())
            finally:
                server.cancel()
                await asyncio.gather(server, return_exceptions=True)

    ctx.run(scenario, limit=6)
    return seen


@check("b-served")
def second_client_served(ctx: Context) -> None:
    seen = play(ctx, "two")
    ctx.expect(seen.get("a1") == b"hello from A", "no-echo")
    ctx.expect(seen.get("b") == b"hello from B", "one-at-a-time")


@check("a-again")
def first_client_still_served(ctx: Context) -> None:
    seen = play(ctx, "two")
    ctx.expect(seen.get("a2") == b"still here", "a-dropped")


@check("many")
def many_clients_together(ctx: Context) -> None:
    seen = play(ctx, "many")
    elapsed = seen.get("elapsed")
    ctx.expect(elapsed is not None, "too-slow", clients=MANY)
    ctx.expect(seen.get("right") == MANY, "wrong-echoes", right=seen.get("right"), clients=MANY)
    ctx.expect(elapsed is not None and elapsed <= 1.0 + ctx.tolerance, "slow", elapsed=elapsed,
               clients=MANY)


@mistake("awaited-at-once")
def task_awaited_at_once(ctx: Context) -> bool:
    # Tasks are created, yet a second client is not served: the loop awaits each one in turn.
    source = ctx.source.replace(" ", "")
    starts_tasks = "create_task(echo(" in source or "ensure_future(echo(" in source
    return starts_tasks and play(ctx, "two").get("b") is None
