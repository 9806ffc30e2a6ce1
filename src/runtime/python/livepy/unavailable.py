"""What a browser tab cannot give a program, refused with a sentence that says so.

In Pyodide, ``asyncio.start_server`` dies of an AttributeError deep in ``base_events``,
``open_connection`` of a bare NotImplementedError, and a blocking ``socket.connect`` "succeeds"
(Emscripten would try a WebSocket). Each now raises ``NotInTheBrowser`` (an OSError) naming what
cannot run here and that the program runs on the reader's computer instead.
"""

from __future__ import annotations

from typing import Any, Callable, NoReturn

from .outcome import NotInTheBrowser

#: What cannot run here, as outcome.ENGLISH names the explanation.
NETWORK = "network"
PROCESSES = "processes"


def refuse(kind: str, what: str) -> NoReturn:
    raise NotInTheBrowser(kind, what)


def refusing(kind: str, what: str) -> Callable[..., Any]:
    """A function (or coroutine method) that raises instead of doing ``what``."""

    def refuse_call(*args: Any, **kwargs: Any) -> NoReturn:
        refuse(kind, what)

    refuse_call.__name__ = what.rsplit(".", 1)[-1].rstrip("()")
    return refuse_call


def refusing_coroutine(kind: str, what: str) -> Callable[..., Any]:
    async def refuse_call(*args: Any, **kwargs: Any) -> NoReturn:
        refuse(kind, what)

    refuse_call.__name__ = what.rsplit(".", 1)[-1].rstrip("()")
    return refuse_call


#: ``socket`` module functions and ``socket.socket`` methods that would reach a network.
SOCKET_FUNCTIONS = ("create_connection", "create_server", "getaddrinfo", "gethostbyname")
SOCKET_METHODS = ("connect", "connect_ex", "bind", "listen", "accept", "sendto")


def socket_patches() -> list[tuple[Any, str, Any]]:
    """(object, attribute, replacement) for the run: every way out to a network refuses."""
    import socket

    patches: list[tuple[Any, str, Any]] = [
        (socket, name, refusing(NETWORK, f"socket.{name}()")) for name in SOCKET_FUNCTIONS if hasattr(socket, name)
    ]
    patches += [
        (socket.socket, name, refusing(NETWORK, f"socket.{name}()")) for name in SOCKET_METHODS
    ]
    return patches
