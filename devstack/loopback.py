"""Serve a WSGI application (an emulator) on loopback from a background thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any, ClassVar, Self

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request

log = logging.getLogger("devstack.loopback")
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class _QuietHandler(WSGIRequestHandler):
    """Request lines at DEBUG on our logger instead of werkzeug's INFO lines."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        log.debug('"%s" %s %s', self.requestline, code, size)

    def log(self, type: str, message: str, *args: object) -> None:
        getattr(log, type if type in {"info", "warning", "error"} else "info")(message, *args)


class LoopbackServer:
    """``LoopbackServer(app, host, port, name=...).start()``; ``.url``; ``.stop()`` (or use
    ``with``): a threaded werkzeug server for one WSGI app (every bundled emulator)."""

    def __init__(
        self, app: WsgiApp, host: str = "127.0.0.1", port: int = 0, *, name: str = "emulator"
    ) -> None:
        self.app = app
        self.name = name
        self.host = host
        self.port = port
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._server is None and self.port == 0:
            raise RuntimeError("server not started")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> LoopbackServer:
        if self._server is not None:
            return self
        server = make_server(
            self.host,
            self.port,
            self.app,
            threaded=True,
            request_handler=_QuietHandler,
        )
        self._server = server
        self.port = server.server_port
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"{self.name}:{self.port}",
            daemon=True,
        )
        self._thread.start()
        log.info("%s listening on %s", self.name, self.url)
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        # shutdown() waits for serve_forever to return: only ask when the thread was started
        if thread is not None and thread.ident is not None:
            server.shutdown()
            thread.join(timeout=10)
        server.server_close()
        self._server = None
        self._thread = None
        log.info("%s on port %s stopped", self.name, self.port)

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def bounded_request(environ: dict[str, Any], max_bytes: int) -> Request:
    """The request, with werkzeug refusing (413) a body or form over `max_bytes`: an emulator
    refuses an oversized body where its service does, before reading it into memory."""
    request = Request(environ)
    request.max_content_length = max_bytes
    request.max_form_memory_size = max_bytes
    return request


class WsgiEmulator:
    """An emulator is its own WSGI application: calling it runs `wsgi_app`, which each one
    defines (its routes, its error bodies, its request log)."""

    def wsgi_app(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        raise NotImplementedError

    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        return self.wsgi_app(environ, start_response)


class ServedOnLoopback(WsgiEmulator):
    """An emulator that serves itself: ``emu.start(host, port)``, ``emu.url``, ``emu.stop()``
    (or ``with emu:``), on a LoopbackServer named `server_name` in the logs."""

    server_name: ClassVar[str] = "emulator"
    _server: LoopbackServer | None = None

    def start(self, host: str = "127.0.0.1", port: int = 0) -> Self:
        if self._server is None:
            self._server = LoopbackServer(self.wsgi_app, host, port, name=self.server_name).start()
        return self

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("emulator not started")
        return self._server.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
