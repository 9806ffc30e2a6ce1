"""aiohttp.web in the stand-in: applications, routes, middlewares, requests, responses, runners.

What serves the requests is the run's loopback network (_network.py), not a socket: a program
starts its app with AppRunner and TCPSite and calls it with aiohttp.ClientSession, in the same
program, as the chapters' examples do.
"""

from __future__ import annotations

from typing import Any

from .web_app import (
    Application,
    RouteDef,
    RouteTableDef,
    UrlDispatcher,
    delete,
    get,
    head,
    middleware,
    options,
    patch,
    post,
    put,
    route,
    view,
)
from .web_exceptions import *  # noqa: F401,F403
from .web_exceptions import __all__ as _exceptions_all
from .web_request import BaseRequest, FileField, Request
from .web_response import ContentCoding, Response, StreamResponse, json_response
from .web_runner import AppRunner, BaseRunner, BaseSite, GracefulExit, ServerRunner, SockSite, TCPSite, UnixSite

__all__ = (
    "AppRunner",
    "Application",
    "BaseRequest",
    "BaseRunner",
    "BaseSite",
    "ContentCoding",
    "FileField",
    "GracefulExit",
    "Request",
    "Response",
    "RouteDef",
    "RouteTableDef",
    "ServerRunner",
    "SockSite",
    "StreamResponse",
    "TCPSite",
    "UnixSite",
    "UrlDispatcher",
    "delete",
    "get",
    "head",
    "json_response",
    "middleware",
    "options",
    "patch",
    "post",
    "put",
    "route",
    "run_app",
    "view",
) + tuple(_exceptions_all)


def run_app(app: Any, *args: Any, **kwargs: Any) -> None:
    raise NotImplementedError(
        "web.run_app() serves until it is stopped, for clients outside the program; in the page "
        "there are none. Start the app with web.AppRunner and web.TCPSite and call it from the "
        "same program with aiohttp.ClientSession, or run this example on your computer."
    )
