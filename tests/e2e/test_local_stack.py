"""The local stack end to end: `python -m devstack` / `make run` as a developer runs them.

HTTP answers of the running stack (health, 404, emulator, a whole sign-in), then its lifecycle:
SIGTERM / SIGINT / `make run` stop everything and free every port, a dying chalice local or a
killed runner leaves no orphan, a taken port is refused up front.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from moto.server import ThreadedMotoServer

from devstack.sfemu import Emulator, EmulatorServer
from devstack.stack import LocalStack, StackCancelled
from tests.e2e.conftest import (
    ROOT,
    STOP_TIMEOUT,
    Runner,
    alive,
    can_bind,
    children,
    cmdline,
    free_port,
    http,
    pids_serving,
    runner_env,
    wait_until,
)

pytestmark = pytest.mark.e2e

SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
}


# -- the running stack over HTTP ----------------------------------------------------------------
def test_health_answers_with_version_and_security_headers(running: Runner) -> None:
    with http() as session:
        reply = session.get(f"{running.api}/health", timeout=5)
    assert reply.status_code == 200
    body = reply.json()
    assert body["status"] == "ok"
    assert isinstance(body["version"], str) and body["version"]
    for name, value in SECURITY_HEADERS.items():
        assert reply.headers[name] == value


def test_unknown_route_is_a_json_404(running: Runner) -> None:
    with http() as session:
        reply = session.get(f"{running.api}/no/such/route", timeout=5)
    assert reply.status_code == 404
    assert reply.json()["error"]["code"] == "not_found"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"


def test_openapi_document_is_served(running: Runner) -> None:
    with http() as session:
        reply = session.get(f"{running.api}/openapi.json", timeout=10)
    assert reply.status_code == 200
    assert "/health" in reply.json()["paths"]


def test_emulator_answers_on_its_port(running: Runner) -> None:
    with http() as session:
        reply = session.get(f"{running.emulator}/_emulator/stats", timeout=5)
    assert reply.status_code == 200
    assert isinstance(reply.json(), dict)


def test_banner_says_what_to_open(running: Runner) -> None:
    out = running.output()
    for expected in (
        f"{running.api}/health",
        f"{running.api}/openapi.json",
        f"{running.api}/auth/salesforce/login",
        running.emulator,
        "alice@acme.demo",
        "Ctrl-C to stop",
    ):
        assert expected in out
    assert running.moto_port() > 0


def test_sign_in_through_the_emulator(running: Runner) -> None:
    """The browser's whole sign-in over HTTP: our login -> emulator consent -> callback -> /me."""

    def location(reply: Any) -> str:
        assert reply.status_code == 302, reply.text
        return str(reply.headers["Location"])

    with http() as session:
        query = urlencode({"login": "production", "return_to": "/me"})
        login = session.get(f"{running.api}/auth/salesforce/login?{query}", allow_redirects=False)
        authorize = location(login)
        # the sign-in cookie binding the flow to this browser is Secure: browsers keep it for
        # http://127.0.0.1 (a secure context), `requests` does not, so it is handed back here
        binding = (
            login.cookies.get("__Secure-stratus_oauth")
            or SimpleCookie(login.headers["Set-Cookie"])["__Secure-stratus_oauth"].value
        )
        assert authorize.startswith(f"{running.emulator}/services/oauth2/authorize?")
        callback = location(
            session.get(f"{authorize}&login_hint=alice%40acme.demo", allow_redirects=False)
        )
        assert callback.startswith(f"{running.api}/auth/salesforce/callback?")
        assert "code" in parse_qs(urlsplit(callback).query)
        signed_in = session.get(
            callback, headers={"Cookie": f"__Secure-stratus_oauth={binding}"}, allow_redirects=False
        )
        assert location(signed_in) == "/me"
        token = signed_in.cookies["__Host-stratus_session"]
        me = session.get(
            f"{running.api}/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
        )
    assert me.status_code == 200, me.text
    assert me.json()["user"]["username"] == "alice@acme.demo"


# -- lifecycle -----------------------------------------------------------------------------------
def _assert_all_stopped(runner: Runner, pids: list[int], ports: list[int]) -> None:
    assert wait_until(lambda: not any(alive(p) for p in pids), 5), [
        (p, cmdline(p)) for p in pids if alive(p)
    ]
    for port in ports:
        assert wait_until(lambda port=port: can_bind(port), 5), f"port {port} still bound"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_everything_and_exits_0(launch: Any, signum: signal.Signals) -> None:
    runner: Runner = launch()
    assert runner.wait_healthy() < 60
    chalice = runner.chalice_pid()
    ports = [runner.port, runner.emulator_port, runner.moto_port()]
    started = time.monotonic()
    runner.process.send_signal(signum)
    assert runner.process.wait(timeout=STOP_TIMEOUT) == 0, runner.output()
    assert time.monotonic() - started < STOP_TIMEOUT
    _assert_all_stopped(runner, [chalice], ports)
    assert f"{signum.name} received, stopping" in runner.output()


def test_chalice_dying_stops_everything_with_its_code(launch: Any) -> None:
    runner: Runner = launch()
    runner.wait_healthy()
    chalice = runner.chalice_pid()
    ports = [runner.port, runner.emulator_port, runner.moto_port()]
    runner.process.poll()
    subprocess.run(["kill", "-KILL", str(chalice)], check=True)
    assert runner.process.wait(timeout=STOP_TIMEOUT) == 128 + signal.SIGKILL, runner.output()
    _assert_all_stopped(runner, [chalice], ports)


def test_killed_runner_takes_chalice_with_it(launch: Any) -> None:
    """SIGKILL cannot be handled: the child's parent-death signal is what prevents an orphan."""
    runner: Runner = launch()
    runner.wait_healthy()
    chalice = runner.chalice_pid()
    runner.process.kill()
    runner.process.wait(timeout=STOP_TIMEOUT)
    _assert_all_stopped(runner, [chalice], [runner.port, runner.emulator_port])


def _stamp_is_current() -> bool:
    if not (ROOT / ".venv" / ".installed").exists():
        return False
    question = subprocess.run(
        ["make", "-s", "-q", ".venv/.installed"], cwd=ROOT, capture_output=True, check=False
    )
    return question.returncode == 0


@pytest.mark.skipif(
    not _stamp_is_current(),
    reason="`make run` would install the venv first (.venv/.installed missing or stale); "
    "`make test` creates it",
)
def test_make_run_stops_on_sigterm_without_orphans(launch: Any) -> None:
    runner: Runner = launch(["make", "-s", "run"])
    runner.wait_healthy()
    (devstack,) = children(runner.process.pid)  # the recipe `exec`s python: make's only child
    assert "-m devstack" in cmdline(devstack)
    chalice = runner.chalice_pid()
    ports = [runner.port, runner.emulator_port, runner.moto_port()]
    runner.process.send_signal(signal.SIGTERM)  # make forwards it to its child
    runner.process.wait(timeout=STOP_TIMEOUT)
    _assert_all_stopped(runner, [devstack, chalice], ports)
    assert "SIGTERM received, stopping" in runner.output()


@pytest.mark.parametrize("taken", ["PORT", "SALESFORCE_EMULATOR_PORT"])
def test_a_taken_port_is_refused_with_one_clear_line(taken: str) -> None:
    port, emulator_port = free_port(), free_port()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", port if taken == "PORT" else emulator_port))
        squatter.listen()
        result = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "-m", "devstack"],
            cwd=ROOT,
            env=runner_env(port, emulator_port),
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert result.returncode != 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1, result.stderr
    assert "already in use" in errors[0]
    assert str(port if taken == "PORT" else emulator_port) in errors[0]
    assert "Traceback" not in result.stdout + result.stderr


# -- the same stack in-process ------------------------------------------------------------------
def test_local_stack_in_process_start_and_stop(tmp_path: Path) -> None:
    port = free_port()
    env = runner_env(port, 0)
    stack = LocalStack(port=port, env=env).start()
    try:
        assert stack.process is not None
        chalice = stack.process.pid
        with http() as session:
            assert session.get(f"{stack.api_url}/health", timeout=5).status_code == 200
            assert session.get(f"{stack.salesforce_url}/_emulator/stats", timeout=5).ok
        assert stack.provisioned.table_name == "stratus-local"
        assert stack.child_env["STRATUS_KMS_KEY_ID"] == stack.provisioned.key_alias
        ports = [port, int(stack.salesforce_url.rsplit(":", 1)[1])]
        ports.append(int(stack.aws_endpoint.rsplit(":", 1)[1]))
    finally:
        stack.stop()
    stack.stop()  # idempotent
    assert not alive(chalice)
    for taken in ports:
        assert can_bind(taken), taken


@pytest.mark.parametrize("delay", [0.0, 0.7, 1.5, 3.0])
def test_signal_during_start_up_leaves_nothing_behind(launch: Any, delay: float) -> None:
    """Whichever step the start is in (imports, moto, provisioning, chalice), it stops cleanly."""
    runner: Runner = launch()
    assert wait_until(lambda: "starting the local stack" in runner.output(), 30), runner.output()
    time.sleep(delay)
    runner.process.send_signal(signal.SIGTERM)
    assert runner.process.wait(timeout=STOP_TIMEOUT) == 0, runner.output()
    leftovers = [p for p in pids_serving(runner.port) if alive(p)]
    assert not leftovers, [cmdline(p) for p in leftovers]
    assert can_bind(runner.port) and can_bind(runner.emulator_port)


class _CancelledAfterSalesforce(LocalStack):
    """A stack whose `cancel` is set once moto and the emulator are up (as a signal would)."""

    def _start_salesforce(self) -> None:
        super()._start_salesforce()
        self.cancel.set()


def test_cancelled_start_stops_what_it_had_started() -> None:
    port, emulator_port = free_port(), free_port()
    stack = _CancelledAfterSalesforce(port=port, env=runner_env(port, emulator_port))
    with pytest.raises(StackCancelled):
        stack.start()
    assert stack.process is None  # chalice local was never started
    assert stack._moto is None and stack._emulator_server is None
    assert can_bind(emulator_port) and can_bind(int(stack.aws_endpoint.rsplit(":", 1)[1]))
    stack.stop()  # still idempotent


def test_user_given_aws_endpoint_and_salesforce_are_used_as_is() -> None:
    """AWS_ENDPOINT_URL and SALESFORCE_LOGIN_URL set: no embedded moto or emulator is started."""
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    salesforce = EmulatorServer(Emulator(client_id="own-id", client_secret="own-secret")).start()
    port = free_port()
    endpoint = "http://{}:{}".format(*moto.get_host_and_port())
    env = runner_env(
        port,
        0,
        AWS_ENDPOINT_URL=endpoint,
        SALESFORCE_LOGIN_URL=salesforce.url,
        SALESFORCE_CLIENT_ID="own-id",
        SALESFORCE_CLIENT_SECRET="own-secret",
        SALESFORCE_EXTRA_LOGIN_HOSTS=salesforce.url.split("://", 1)[1],
        PUBLIC_BASE_URL=f"http://localhost:{port}",
    )
    stack = LocalStack(port=port, env=env)
    try:
        stack.start()
        assert stack.emulator is None and stack._moto is None
        assert stack.aws_endpoint == endpoint and stack.salesforce_url == salesforce.url
        for name in ("SALESFORCE_LOGIN_URL", "SALESFORCE_CLIENT_ID", "PUBLIC_BASE_URL"):
            assert stack.child_env[name] == env[name]
        assert stack.child_env["AWS_ENDPOINT_URL"] == endpoint
        assert "(yours: AWS_ENDPOINT_URL)" in stack.banner()
        with http() as session:
            query = urlencode({"login": "production", "return_to": "/me"})
            reply = session.get(
                f"{stack.api_url}/auth/salesforce/login?{query}", allow_redirects=False
            )
        assert reply.status_code == 302
        assert reply.headers["Location"].startswith(f"{salesforce.url}/services/oauth2/")
        assert "client_id=own-id" in reply.headers["Location"]
    finally:
        stack.stop()
        salesforce.stop()
        moto.stop()
        moto._server.server_close()  # type: ignore[union-attr]
