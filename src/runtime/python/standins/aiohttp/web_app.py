"""aiohttp.web's Application, its router and route definitions, and middlewares."""

from __future__ import annotations

import collections.abc
import functools
import logging
import re
from typing import Any, Awaitable, Callable, Iterable, Iterator, Optional

from .web_exceptions import HTTPMethodNotAllowed, HTTPNotFound
from .web_request import Request, UrlMappingMatchInfo

__all__ = (
    "Application",
    "RouteDef",
    "RouteTableDef",
    "UrlDispatcher",
    "delete",
    "get",
    "head",
    "middleware",
    "options",
    "patch",
    "post",
    "put",
    "route",
    "view",
)

Handler = Callable[[Any], Awaitable[Any]]

web_logger = logging.getLogger("aiohttp.web")
server_logger = logging.getLogger("aiohttp.server")

_PLACEHOLDER = re.compile(r"\{(?P<var>[_a-zA-Z][_a-zA-Z0-9]*)(?::(?P<re>[^{}]*(?:\{[^{}]*\}[^{}]*)*))?\}")


def middleware(f: Callable[..., Any]) -> Callable[..., Any]:
    f.__middleware_version__ = 1  # type: ignore[attr-defined]
    return f


def _compile(path: str) -> re.Pattern[str]:
    if not path.startswith("/"):
        raise ValueError("path should be started with / or be empty")
    pattern = ""
    last = 0
    for match in _PLACEHOLDER.finditer(path):
        pattern += re.escape(path[last : match.start()])
        pattern += f"(?P<{match.group('var')}>{match.group('re') or '[^{}/]+'})"
        last = match.end()
    pattern += re.escape(path[last:])
    return re.compile(pattern)


class ResourceRoute:
    def __init__(self, method: str, path: str, handler: Handler, name: Optional[str] = None) -> None:
        self.method = method.upper()
        self.path = path
        self.handler = handler
        self.name = name
        self._pattern = _compile(path)

    def match(self, path: str) -> Optional[dict[str, str]]:
        found = self._pattern.fullmatch(path)
        return None if found is None else found.groupdict()

    def __repr__(self) -> str:
        return f"<ResourceRoute [{self.method}] {self.path} -> {self.handler!r}"


class UrlDispatcher:
    def __init__(self) -> None:
        self._routes: list[ResourceRoute] = []
        self._frozen = False

    def add_route(self, method: str, path: str, handler: Handler, *, name: Optional[str] = None, expect_handler: Any = None) -> ResourceRoute:
        if self._frozen:
            raise RuntimeError("Cannot register a resource into frozen router.")
        route_ = ResourceRoute(method, path, handler, name)
        self._routes.append(route_)
        return route_

    def add_get(self, path: str, handler: Handler, *, name: Optional[str] = None, allow_head: bool = True, **kwargs: Any) -> ResourceRoute:
        if allow_head:
            self.add_route("HEAD", path, handler, **kwargs)
        return self.add_route("GET", path, handler, name=name, **kwargs)

    def add_post(self, path: str, handler: Handler, **kwargs: Any) -> ResourceRoute:
        return self.add_route("POST", path, handler, **kwargs)

    def add_put(self, path: str, handler: Handler, **kwargs: Any) -> ResourceRoute:
        return self.add_route("PUT", path, handler, **kwargs)

    def add_patch(self, path: str, handler: Handler, **kwargs: Any) -> ResourceRoute:
        return self.add_route("PATCH", path, handler, **kwargs)

    def add_delete(self, path: str, handler: Handler, **kwargs: Any) -> ResourceRoute:
        return self.add_route("DELETE", path, handler, **kwargs)

    def add_head(self, path: str, handler: Handler, **kwargs: Any) -> ResourceRoute:
        return self.add_route("HEAD", path, handler, **kwargs)

    def add_options(self, path: str, handler: Handler, **kwargs: Any) -> ResourceRoute:
        return self.add_route("OPTIONS", path, handler, **kwargs)

    def add_view(self, path: str, handler: Any, **kwargs: Any) -> ResourceRoute:
        return self.add_route("*", path, handler, **kwargs)

    def add_routes(self, routes: Iterable[Any]) -> list[ResourceRoute]:
        registered = []
        for route_def in routes:
            registered.extend(route_def.register(self))
        return registered

    def routes(self) -> list[ResourceRoute]:
        return list(self._routes)

    def freeze(self) -> None:
        self._frozen = True

    def resolve(self, request: Request) -> UrlMappingMatchInfo:
        allowed: list[str] = []
        for route_ in self._routes:
            values = route_.match(request.path)
            if values is None:
                continue
            if route_.method in (request.method, "*"):
                return UrlMappingMatchInfo(values, route_.handler, route_)
            allowed.append(route_.method)
        if allowed:
            method = request.method

            async def not_allowed(request: Any) -> Any:
                raise HTTPMethodNotAllowed(method, allowed)

            return UrlMappingMatchInfo({}, not_allowed)

        async def not_found(request: Any) -> Any:
            raise HTTPNotFound()

        return UrlMappingMatchInfo({}, not_found)


class RouteDef:
    def __init__(self, method: str, path: str, handler: Handler, kwargs: dict[str, Any]) -> None:
        self.method = method
        self.path = path
        self.handler = handler
        self.kwargs = kwargs

    def register(self, router: UrlDispatcher) -> list[ResourceRoute]:
        if self.method == "GET":
            return [router.add_get(self.path, self.handler, **self.kwargs)]
        return [router.add_route(self.method, self.path, self.handler, **self.kwargs)]

    def __repr__(self) -> str:
        return f"<RouteDef {self.method} {self.path} -> {getattr(self.handler, '__name__', self.handler)!r}>"


def route(method: str, path: str, handler: Handler, **kwargs: Any) -> RouteDef:
    return RouteDef(method, path, handler, kwargs)


def head(path: str, handler: Handler, **kwargs: Any) -> RouteDef:
    return route("HEAD", path, handler, **kwargs)


def options(path: str, handler: Handler, **kwargs: Any) -> RouteDef:
    return route("OPTIONS", path, handler, **kwargs)


def get(path: str, handler: Handler, *, name: Optional[str] = None, allow_head: bool = True, **kwargs: Any) -> RouteDef:
    return route("GET", path, handler, name=name, allow_head=allow_head, **kwargs)


def post(path: str, handler: Handler, **kwargs: Any) -> RouteDef:
    return route("POST", path, handler, **kwargs)


def put(path: str, handler: Handler, **kwargs: Any) -> RouteDef:
    return route("PUT", path, handler, **kwargs)


def patch(path: str, handler: Handler, **kwargs: Any) -> RouteDef:
    return route("PATCH", path, handler, **kwargs)


def delete(path: str, handler: Handler, **kwargs: Any) -> RouteDef:
    return route("DELETE", path, handler, **kwargs)


def view(path: str, handler: Any, **kwargs: Any) -> RouteDef:
    return route("*", path, handler, **kwargs)


class RouteTableDef(collections.abc.Sequence):
    """Routes declared with decorators: ``@routes.get('/path')``."""

    def __init__(self) -> None:
        self._items: list[RouteDef] = []

    def __repr__(self) -> str:
        return f"<RouteTableDef count={len(self._items)}>"

    def __getitem__(self, index: Any) -> Any:
        return self._items[index]

    def __iter__(self) -> Iterator[RouteDef]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item: object) -> bool:
        return item in self._items

    def route(self, method: str, path: str, **kwargs: Any) -> Callable[[Handler], Handler]:
        def inner(handler: Handler) -> Handler:
            self._items.append(RouteDef(method, path, handler, kwargs))
            return handler

        return inner

    def head(self, path: str, **kwargs: Any) -> Callable[[Handler], Handler]:
        return self.route("HEAD", path, **kwargs)

    def get(self, path: str, **kwargs: Any) -> Callable[[Handler], Handler]:
        return self.route("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Callable[[Handler], Handler]:
        return self.route("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Callable[[Handler], Handler]:
        return self.route("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> Callable[[Handler], Handler]:
        return self.route("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Callable[[Handler], Handler]:
        return self.route("DELETE", path, **kwargs)

    def view(self, path: str, **kwargs: Any) -> Callable[[Handler], Handler]:
        return self.route("*", path, **kwargs)


class Signal(list):
    """on_startup, on_shutdown, on_cleanup: callbacks run with the app."""

    def __init__(self, owner: Any) -> None:
        super().__init__()
        self._owner = owner
        self._frozen = False

    async def send(self, *args: Any) -> None:
        for receiver in self:
            await receiver(*args)

    def freeze(self) -> None:
        self._frozen = True


class Application(collections.abc.MutableMapping):
    def __init__(
        self,
        *,
        logger: logging.Logger = web_logger,
        router: Optional[UrlDispatcher] = None,
        middlewares: Iterable[Any] = (),
        handler_args: Any = None,
        client_max_size: int = 1024**2,
        loop: Any = None,
        debug: Any = None,
    ) -> None:
        self._router = router or UrlDispatcher()
        self._middlewares = list(middlewares)
        self._state: dict[str, Any] = {}
        self._frozen = False
        self.logger = logger
        self._client_max_size = client_max_size
        self._on_startup = Signal(self)
        self._on_shutdown = Signal(self)
        self._on_cleanup = Signal(self)
        self._cleanup_ctx: list[Callable[[Application], Any]] = []
        self._cleanup_iters: list[Any] = []

    @property
    def router(self) -> UrlDispatcher:
        return self._router

    @property
    def middlewares(self) -> list[Any]:
        return self._middlewares

    @property
    def on_startup(self) -> Signal:
        return self._on_startup

    @property
    def on_shutdown(self) -> Signal:
        return self._on_shutdown

    @property
    def on_cleanup(self) -> Signal:
        return self._on_cleanup

    @property
    def cleanup_ctx(self) -> list[Callable[[Application], Any]]:
        return self._cleanup_ctx

    @property
    def frozen(self) -> bool:
        return self._frozen

    def freeze(self) -> None:
        self._frozen = True
        self._router.freeze()

    def add_routes(self, routes: Iterable[Any]) -> list[ResourceRoute]:
        return self._router.add_routes(routes)

    async def startup(self) -> None:
        # As aiohttp does: the cleanup contexts open first (they are on_startup's first receiver).
        for factory in self._cleanup_ctx:
            iterator = factory(self).__aiter__()
            await iterator.__anext__()
            self._cleanup_iters.append(iterator)
        await self._on_startup.send(self)

    async def shutdown(self) -> None:
        await self._on_shutdown.send(self)

    async def cleanup(self) -> None:
        for iterator in reversed(self._cleanup_iters):
            try:
                await iterator.__anext__()
            except StopAsyncIteration:
                pass
        self._cleanup_iters.clear()
        await self._on_cleanup.send(self)

    async def _handle(self, request: Request) -> Any:
        match_info = self._router.resolve(request)
        match_info._apps.append(self)
        request._match_info = match_info
        handler = match_info.handler
        for m in reversed(self._middlewares):
            handler = functools.partial(m, handler=handler)
        return await handler(request)

    # An application is also a dict for the program's own values (a database pool, settings...).
    def __getitem__(self, key: str) -> Any:
        return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __len__(self) -> int:
        return len(self._state)

    def __iter__(self) -> Iterator[str]:
        return iter(self._state)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other

    def __repr__(self) -> str:
        return f"<Application 0x{id(self):x}>"
