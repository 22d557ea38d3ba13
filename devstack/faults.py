"""Fault drills for the local stack: AWS that goes away and comes back, driven over HTTP.

`DEVSTACK_FAULTS=1 make run` serves moto through a `FaultPanel` instead of a plain
ThreadedMotoServer:

- moto on its own port, which can be **stopped** (the port refuses connections and every open
  connection is cut, as when the server dies) and **started** again on the same port. moto's
  state lives in this process (its backends are module globals), not in the server, so the
  table and the KMS key survive the restart: the drill is an outage, not a data loss;
- a second listener serving the same moto for KMS only (`AWS_ENDPOINT_URL_KMS`), which can be
  stopped while DynamoDB keeps working;
- injected answers per service (and optionally per operation), applied before moto sees the
  request: `throttle` (the service's ThrottlingException), `error` (its 500), `stall` (hold the
  request `seconds`, then serve it; lifting the fault cuts it unanswered), `disconnect` (cut
  the connection, nothing applied) and `disconnect_after` (apply the request, then cut the
  connection: a lost reply);
- a control panel on loopback: `GET /_faults` (state), `POST /_faults/aws/stop|start`,
  `POST /_faults/kms/stop|start`, `POST /_faults/inject` with a JSON `Injected`,
  `POST /_faults/reset` (no injected faults, everything serving).

What the API answers under each fault is the faults tier's business (tests/faults,
docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler
from werkzeug.wrappers import Request, Response

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
KINDS = frozenset({"throttle", "error", "stall", "disconnect", "disconnect_after"})
_SERVICE = re.compile(r"Credential=[^/,]+/\d{8}/[^/,]+/([a-z0-9-]+)/aws4_request")
# the JSON protocol's error shapes of the services Stratus uses (others get the generic one)
_ERRORS: dict[tuple[str, str], tuple[int, str, str]] = {
    ("dynamodb", "throttle"): (
        400,
        "com.amazonaws.dynamodb.v20120810#ThrottlingException",
        "Rate of requests exceeds the allowed throughput.",
    ),
    ("dynamodb", "error"): (
        500,
        "com.amazonaws.dynamodb.v20120810#InternalServerError",
        "Internal server error",
    ),
    ("kms", "throttle"): (400, "ThrottlingException", "Rate exceeded"),
    ("kms", "error"): (500, "KMSInternalException", "An internal error occurred."),
}
_GENERIC = {
    "throttle": (400, "ThrottlingException", "Rate exceeded"),
    "error": (500, "InternalFailure", "An internal error occurred."),
}


@dataclass
class Injected:
    """One injected fault: which requests it hits and what they get."""

    service: str  # the SigV4 credential scope's service: "dynamodb", "kms", ...
    kind: str  # one of KINDS
    operations: list[str] = field(default_factory=list)  # X-Amz-Target's operation; [] = all
    count: int | None = None  # how many requests it hits; None: until reset
    skip: int = 0  # matching requests let through before it starts hitting
    seconds: float = 0.0  # how long a `stall` holds each request
    hits: int = 0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {sorted(KINDS)}")
        if not self.service:
            raise ValueError("a fault names the service it hits")
        if self.count is not None and self.count < 1:
            raise ValueError("count must be at least 1 (or null: until reset)")

    @classmethod
    def from_json(cls, payload: dict[str, Any]) -> Injected:
        count = payload.get("count")
        return cls(
            service=str(payload.get("service", "")).lower(),
            kind=str(payload.get("kind", "")),
            operations=[str(op) for op in payload.get("operations") or []],
            count=None if count is None else int(count),
            skip=max(0, int(payload.get("skip", 0))),
            seconds=max(0.0, float(payload.get("seconds", 0.0))),
        )

    def matches(self, service: str, operation: str) -> bool:
        return service == self.service and (not self.operations or operation in self.operations)

    @property
    def spent(self) -> bool:
        return self.count is not None and self.hits >= self.count


def _service_and_operation(environ: dict[str, Any]) -> tuple[str, str]:
    found = _SERVICE.search(str(environ.get("HTTP_AUTHORIZATION", "")))
    target = str(environ.get("HTTP_X_AMZ_TARGET", ""))
    return (found.group(1) if found else ""), target.rpartition(".")[2]


class _Cut(ConnectionAbortedError):
    """Raised out of the app after cutting the connection: werkzeug's server then drops the
    request quietly, as it does for a client that went away."""


def _cut(environ: dict[str, Any]) -> _Cut:
    """Close the request's connection without a word (werkzeug's server exposes its socket)."""
    sock = environ.get("werkzeug.socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
    return _Cut("fault drill: connection cut")


class AwsFaults:
    """WSGI middleware in front of moto's dispatcher that applies the injected faults."""

    def __init__(self, app: WsgiApp) -> None:
        self._app = app
        self._lock = threading.Lock()
        self._faults: list[Injected] = []
        self._lifted = threading.Event()  # set (and replaced) when the faults are cleared

    def inject(self, fault: Injected) -> None:
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        """No more faults; requests stalled now are cut unanswered, nothing applied (as those
        in flight during a partition), so none lands late, after the drill."""
        with self._lock:
            self._faults.clear()
            self._lifted.set()
            self._lifted = threading.Event()

    def state(self) -> list[dict[str, Any]]:
        with self._lock:
            return [asdict(f) for f in self._faults]

    def _take(self, service: str, operation: str) -> tuple[Injected | None, threading.Event]:
        """The fault that hits this request (counted), if any, and the event of its lifting."""
        with self._lock:
            for fault in self._faults:
                if fault.spent or not fault.matches(service, operation):
                    continue
                if fault.skip > 0:
                    fault.skip -= 1
                    continue
                fault.hits += 1
                return fault, self._lifted
            return None, self._lifted

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        service, operation = _service_and_operation(environ)
        fault, lifted = self._take(service, operation) if service else (None, self._lifted)
        if fault is None:
            return self._app(environ, start_response)
        if fault.kind == "stall":
            if lifted.wait(fault.seconds):
                raise _cut(environ)
            return self._app(environ, start_response)
        if fault.kind == "disconnect":
            raise _cut(environ)
        if fault.kind == "disconnect_after":
            b"".join(self._app(environ, lambda *_args, **_kw: None))  # applied; reply lost
            raise _cut(environ)
        status, error_type, message = _ERRORS.get((service, fault.kind), _GENERIC[fault.kind])
        response = Response(
            json.dumps({"__type": error_type, "message": message}),
            status=status,
            content_type="application/x-amz-json-1.0",
            headers={"x-amzn-ErrorType": error_type.rpartition("#")[2]},
        )
        return response(environ, start_response)


class _TrackedServer(ThreadedWSGIServer):
    """A threaded WSGI server that knows its open connections, so stopping can cut them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def cut_connections(self) -> None:
        with self.connections_lock:
            open_now = list(self.connections)
        for connection in open_now:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class ServedApp:
    """A WSGI app served from a thread on one loopback port; stop() makes the port refuse and
    cuts open connections (keep-alive included), start() serves again on the same port."""

    def __init__(
        self,
        app: WsgiApp,
        host: str,
        port: int = 0,
        handler: type[WSGIRequestHandler] | None = None,
    ) -> None:
        self._app = app
        self.host = host
        self.port = port
        self._handler = handler
        self._server: _TrackedServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def serving(self) -> bool:
        return self._server is not None

    def start(self) -> ServedApp:
        if self._server is not None:
            return self
        server = _TrackedServer(self.host, self.port, self._app, self._handler)
        self.port = server.server_port  # a restart binds the same port (SO_REUSEADDR)
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"devstack-faults:{self.port}",
            daemon=True,
        )
        self._server = server
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server = self._thread = None
        if thread is not None:
            server.shutdown()
            thread.join(timeout=10)
        server.server_close()
        server.cut_connections()


class FaultPanel:
    """moto (all services), a KMS-only listener on the same moto, injected faults, and the
    control panel that switches them; everything on loopback."""

    def __init__(self, host: str, control_port: int = 0) -> None:
        from moto.moto_server.werkzeug_app import (
            DomainDispatcherApplication,
            MotoRequestHandler,
            create_backend_app,
        )

        self.faults = AwsFaults(DomainDispatcherApplication(create_backend_app))
        self.aws = ServedApp(self.faults, host, 0, MotoRequestHandler)
        self.kms = ServedApp(self.faults, host, 0, MotoRequestHandler)
        self.control = ServedApp(self._control_app, host, control_port)

    @property
    def url(self) -> str:
        return f"{self.control.url}/_faults"

    def start(self) -> FaultPanel:
        """Start moto and the KMS listener, then the panel; on failure stop what started."""
        try:
            for served in (self.aws, self.kms, self.control):
                served.start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for served in (self.control, self.kms, self.aws):
            served.stop()

    def state(self) -> dict[str, Any]:
        return {
            "aws": {"url": self.aws.url, "serving": self.aws.serving},
            "kms": {"url": self.kms.url, "serving": self.kms.serving},
            "injected": self.faults.state(),
        }

    def reset(self) -> None:
        self.faults.clear()
        self.aws.start()
        self.kms.start()

    def _commands(self) -> dict[str, Callable[[dict[str, Any]], object]]:
        return {
            "aws/stop": lambda _: self.aws.stop(),
            "aws/start": lambda _: self.aws.start(),
            "kms/stop": lambda _: self.kms.stop(),
            "kms/start": lambda _: self.kms.start(),
            "inject": lambda payload: self.faults.inject(Injected.from_json(payload)),
            "reset": lambda _: self.reset(),
        }

    def _control_app(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        request = Request(environ)
        action = request.path.removeprefix("/_faults").strip("/")
        command = self._commands().get(action) if request.method == "POST" else None
        if request.method == "GET" and action == "":
            response = _json(self.state())
        elif command is None:
            response = _json({"error": "not found"}, 404)
        else:
            payload = request.get_json(force=True, silent=True)
            try:
                command(payload if isinstance(payload, dict) else {})
            except (TypeError, ValueError) as exc:
                response = _json({"error": f"bad request: {exc}"}, 400)
            except OSError as exc:  # the port was taken meanwhile: say so, keep serving
                response = _json({"error": f"could not listen: {exc}"}, 503)
            else:
                response = _json(self.state())
        return response(environ, start_response)


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, content_type="application/json")
