"""aiohttp.web's AppRunner and TCPSite, serving an Application on the run's loopback network.

As aiohttp 3.8's server: every request is handled in a task of its own; an HTTPException is the
response; any other exception is logged ("Error handling request") and answered with a 500; a
handler goes on when its client disconnects (its writes then fail with ConnectionResetError);
cleanup() waits up to ``shutdown_timeout`` for the handlers of connections still open.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Optional

from . import _network
from ._url import URL
from .web_app import Application
from .web_exceptions import HTTPException
from .web_request import RawRequest, Request
from .web_response import Response, StreamResponse

__all__ = ("AppRunner", "BaseRunner", "BaseSite", "GracefulExit", "ServerRunner", "SockSite", "TCPSite", "UnixSite")

server_logger = logging.getLogger("aiohttp.server")


class GracefulExit(SystemExit):
    code = 1


def _error_response(status: int) -> Response:
    if status == 500:
        text = "500 Internal Server Error\n\nServer got itself in trouble"
    else:
        text = f"{status}: Gateway Timeout" if status == 504 else f"{status}"
    response = Response(status=status, text=text, content_type="text/plain")
    response.force_close()
    return response


class _Server(_network.Listener):
    """The handler of every connection a runner's sites accept."""

    def __init__(self, app: Application) -> None:
        self.app = app
        self.connections: set[_network.Channel] = set()
        #: The task handling each connection's current request.
        self.handling: dict[_network.Channel, asyncio.Task[None]] = {}

    def accept(self, channel: _network.Channel) -> None:
        self.connections.add(channel)

    def closed(self, channel: _network.Channel) -> None:
        # aiohttp 3.8 lets the handler run on; it only stops counting the connection.
        self.connections.discard(channel)

    def receive(self, channel: _network.Channel, request: RawRequest) -> None:
        task = asyncio.get_running_loop().create_task(self._handle(channel, request))
        self.handling[channel] = task
        task.add_done_callback(lambda _: self.handling.get(channel) is task and self.handling.pop(channel))

    async def _handle(self, channel: _network.Channel, raw: RawRequest) -> None:
        request = Request(raw, channel, self.app)
        try:
            response = await self.app._handle(request)
        except HTTPException as exc:
            response = exc
        except asyncio.CancelledError:
            raise
        except asyncio.TimeoutError:
            response = _error_response(504)
        except Exception:
            server_logger.exception("Error handling request")
            response = _error_response(500)
        if not isinstance(response, StreamResponse):
            server_logger.exception("Error handling request", exc_info=RuntimeError(f"Web-handler should return a response instance, got {response!r}"))
            response = _error_response(500)
        if channel.closed and not response.prepared:
            return  # the connection is gone: nobody to answer
        try:
            await response.prepare(request)
            await response.write_eof()
        except ConnectionResetError:
            return
        if response.keep_alive is False:
            channel.close_from_server()

    async def shutdown(self, timeout: Optional[float]) -> None:
        """Waits for the handlers of the connections still open, then closes those connections."""
        waiting = [task for channel, task in self.handling.items() if channel in self.connections and not task.done()]
        if waiting:
            await asyncio.wait(waiting, timeout=timeout)
            # In the order the connections came, as aiohttp shuts its connections down; not in
            # the order of wait()'s set of pending tasks, which differs between Python builds
            # (a recorded timeline would then differ between CPython and the page).
            for task in waiting:
                if not task.done():
                    task.cancel()
        for channel in list(self.connections):
            channel.close_from_server()
        self.connections.clear()


class BaseRunner:
    def __init__(self, *, handle_signals: bool = False, **kwargs: Any) -> None:
        self._handle_signals = handle_signals
        self._kwargs = kwargs
        self._server: Optional[_Server] = None
        self._sites: list[BaseSite] = []

    @property
    def server(self) -> Optional[_Server]:
        return self._server

    @property
    def addresses(self) -> list[Any]:
        return [site._address for site in self._sites if site._address is not None]

    @property
    def sites(self) -> set[BaseSite]:
        return set(self._sites)

    async def setup(self) -> None:
        self._server = await self._make_server()

    async def shutdown(self) -> None:
        pass

    async def cleanup(self) -> None:
        for site in list(self._sites):
            await site.stop()
        await self._cleanup_server()
        self._server = None

    async def _make_server(self) -> _Server:
        raise NotImplementedError

    async def _cleanup_server(self) -> None:
        pass

    def _reg_site(self, site: BaseSite) -> None:
        if site in self._sites:
            raise RuntimeError(f"Site {site} is already registered in runner {self}")
        self._sites.append(site)

    def _check_site(self, site: BaseSite) -> None:
        if site not in self._sites:
            raise RuntimeError(f"Site {site} is not registered in runner {self}")

    def _unreg_site(self, site: BaseSite) -> None:
        if site not in self._sites:
            raise RuntimeError(f"Site {site} is not registered in runner {self}")
        self._sites.remove(site)


class AppRunner(BaseRunner):
    def __init__(self, app: Application, *, handle_signals: bool = False, **kwargs: Any) -> None:
        super().__init__(handle_signals=handle_signals, **kwargs)
        if not isinstance(app, Application):
            raise TypeError(f"The first argument should be web.Application instance, got {app!r}")
        self._app = app

    @property
    def app(self) -> Application:
        return self._app

    async def shutdown(self) -> None:
        await self._app.shutdown()

    async def _make_server(self) -> _Server:
        self._app.freeze()
        await self._app.startup()
        return _Server(self._app)

    async def _cleanup_server(self) -> None:
        await self._app.cleanup()


ServerRunner = AppRunner


class BaseSite:
    def __init__(self, runner: BaseRunner, *, shutdown_timeout: float = 60.0, ssl_context: Any = None, backlog: int = 128) -> None:
        if runner.server is None:
            raise RuntimeError("Call runner.setup() before making a site")
        self._runner = runner
        self._shutdown_timeout = shutdown_timeout
        self._ssl_context = ssl_context
        self._backlog = backlog
        self._address: Optional[tuple[str, int]] = None

    @property
    def name(self) -> str:
        raise NotImplementedError

    async def start(self) -> None:
        self._runner._reg_site(self)

    async def stop(self) -> None:
        self._runner._check_site(self)
        if self._address is None:
            self._runner._unreg_site(self)
            return  # not started yet
        _network.network().unbind(*self._address)
        await self._runner.shutdown()
        assert self._runner.server
        await self._runner.server.shutdown(self._shutdown_timeout)
        self._runner._unreg_site(self)


class TCPSite(BaseSite):
    def __init__(
        self,
        runner: BaseRunner,
        host: Optional[str] = None,
        port: Optional[int] = None,
        *,
        shutdown_timeout: float = 60.0,
        ssl_context: Any = None,
        backlog: int = 128,
        reuse_address: Optional[bool] = None,
        reuse_port: Optional[bool] = None,
    ) -> None:
        super().__init__(runner, shutdown_timeout=shutdown_timeout, ssl_context=ssl_context, backlog=backlog)
        self._host = host
        if port is None:
            port = 8443 if self._ssl_context else 8080
        self._port = port

    @property
    def name(self) -> str:
        scheme = "https" if self._ssl_context else "http"
        host = "0.0.0.0" if self._host is None else self._host
        return str(URL.build(scheme=scheme, host=host, port=self._port))

    async def start(self) -> None:
        await super().start()
        host = "0.0.0.0" if self._host is None else self._host
        server = self._runner.server
        assert server is not None
        port = _network.network().bind(host, self._port, server)
        self._address = (host, port)


class _Unsupported(BaseSite):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError(
            f"{type(self).__name__} is not part of the aiohttp stand-in: in the page a server "
            "listens on TCPSite(runner, '127.0.0.1', port) only"
        )


class UnixSite(_Unsupported):
    pass


class SockSite(_Unsupported):
    pass
