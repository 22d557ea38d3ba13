"""Serve an :class:`Emulator` on loopback from a background thread."""

from __future__ import annotations

import logging
import threading
from types import TracebackType

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from .emulator import MicrosoftEmulator

log = logging.getLogger("devstack.msemu")


class _QuietHandler(WSGIRequestHandler):
    """Request lines at DEBUG on our logger instead of werkzeug's INFO lines."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        log.debug('"%s" %s %s', self.requestline, code, size)

    def log(self, type: str, message: str, *args: object) -> None:
        getattr(log, type if type in {"info", "warning", "error"} else "info")(message, *args)


class EmulatorServer:
    """``EmulatorServer(emu, host, port).start()``; ``.url``; ``.stop()`` (or use ``with``)."""

    def __init__(self, emulator: MicrosoftEmulator, host: str = "127.0.0.1", port: int = 0) -> None:
        self.emulator = emulator
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

    def start(self) -> EmulatorServer:
        if self._server is not None:
            return self
        server = make_server(
            self.host,
            self.port,
            self.emulator.wsgi_app,
            threaded=True,
            request_handler=_QuietHandler,
        )
        self._server = server
        self.port = server.server_port
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"msemu:{self.port}",
            daemon=True,
        )
        self._thread.start()
        log.info("Microsoft emulator listening on %s", self.url)
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
        log.info("Microsoft emulator on port %s stopped", self.port)

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
