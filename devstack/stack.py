"""The local stack behind `make run`: moto, the Salesforce emulator and `chalice local`.

    stack = LocalStack(port=8000).start()   # provisions, starts everything, waits for /health
    stack.api_url, stack.aws_endpoint, stack.salesforce_url
    stack.wait()                            # until chalice local exits (its return code)
    stack.stop()                            # idempotent: chalice's process group, emulator, moto

`cancel` (a threading.Event) stops a start() in progress at its next safe point - between
steps and while waiting for /health - so a signal never lands in the middle of starting a
server thread or a child process (which could leave a half-started server that stop() cannot
shut down). The runner sets it from its signal handler.

Everything the app needs reaches it through environment variables of the `chalice local`
child; this process's own `os.environ` is never changed, so tests can run a stack in-process.

`DEVSTACK_FAULTS=1` serves moto through devstack.faults.FaultPanel (moto that can be stopped
and restarted with its state, a KMS-only endpoint that can be taken away, injected throttles,
errors and stalls), controlled over HTTP at the URL the banner prints.

Plain-http Salesforce URLs are decided here, once: allowed on loopback (the child then gets
OAUTHLIB_INSECURE_TRANSPORT=1, which requests-oauthlib needs for them), refused with one line
anywhere else; the child gets that variable for nothing else.
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import errno
import ipaddress
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
FAKE_AWS = {
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
}
EMULATOR_CLIENT_ID = "stratus-local"
EMULATOR_CLIENT_SECRET = "local-secret"
GOOGLE_CLIENT_ID = "stratus-google-local.apps.googleusercontent.com"
GOOGLE_CLIENT_SECRET = "google-local-secret"
MICROSOFT_CLIENT_ID = "stratus-local-ms"
MICROSOFT_CLIENT_SECRET = "local-ms-secret"
HEALTH_TIMEOUT = 30.0
KILL_GRACE = 5.0
_PR_SET_PDEATHSIG = 1


class StackError(RuntimeError):
    """A start-up failure, explained in one line (the runner prints it and exits non-zero)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class StackCancelled(Exception):
    """start() gave up because `cancel` was set (a signal arrived while starting)."""


def is_loopback_host(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _hostname(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _plain_http_on_loopback(name: str, value: str) -> bool:
    """Whether a Salesforce URL from the user is plain http (then on loopback); a StackError
    for plain http elsewhere (tokens and the client secret would cross the network in clear
    text) or for anything that is not an http(s) URL with a host."""
    scheme, host = value.strip().partition("://")[0].lower(), _hostname(value.strip())
    if scheme not in {"http", "https"} or not host:
        raise StackError(f"{name} must be an https:// URL (http:// on loopback), not {value!r}.")
    if scheme == "https":
        return False
    if not is_loopback_host(host):
        raise StackError(
            f"{name} is plain http on a host that is not loopback ({host}): Salesforce's "
            f"tokens and the client secret would travel unencrypted. Use https://, or an "
            f"emulator on 127.0.0.1 / localhost."
        )
    return True


def insecure_transport_needed(env: Mapping[str, str]) -> bool:
    """Whether the user's Salesforce URLs need OAUTHLIB_INSECURE_TRANSPORT=1 (plain http on
    loopback). SALESFORCE_EXTRA_LOGIN_HOSTS entries without a scheme are https, except a
    loopback host, which the app reads as http (chalicelib.settings)."""
    needed = False
    for name in ("SALESFORCE_LOGIN_URL", "SALESFORCE_SANDBOX_URL"):
        if env.get(name):
            needed |= _plain_http_on_loopback(name, env[name])
    for entry in filter(None, env.get("SALESFORCE_EXTRA_LOGIN_HOSTS", "").split(",")):
        entry = entry.strip()
        if "://" in entry:
            needed |= _plain_http_on_loopback("SALESFORCE_EXTRA_LOGIN_HOSTS", entry)
        else:
            needed |= is_loopback_host(_hostname("//" + entry))
    return needed


def port_in_use(port: int, host: str = LOOPBACK) -> bool:
    """True when something listens on host:port (bound as the servers bind: SO_REUSEADDR)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def _die_with_parent(parent_pid: int) -> Any:
    """preexec_fn: SIGTERM this child when the runner dies (Linux), however it dies."""

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved before the fork
    except (OSError, AttributeError):  # not Linux: the runner's own clean-up has to do
        prctl = None

    def preexec() -> None:
        if prctl is not None:
            prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent_pid:  # the runner died before prctl took effect
            os.kill(os.getpid(), signal.SIGTERM)

    return preexec


class _EndpointSession:
    """A boto3 Session whose clients all talk to one endpoint (os.environ stays untouched)."""

    def __init__(self, session: Any, endpoint_url: str) -> None:
        self._session = session
        self._endpoint_url = endpoint_url

    def client(self, service_name: str, **kwargs: Any) -> Any:
        kwargs.setdefault("endpoint_url", self._endpoint_url)
        return self._session.client(service_name, **kwargs)


@dataclass
class LocalStack:
    """moto + provisioning + Salesforce emulator + `chalice local` on 127.0.0.1.

    `env` is the user's environment (default: os.environ); the variables it honours are
    AWS_ENDPOINT_URL, SALESFORCE_LOGIN_URL / SANDBOX_URL / CLIENT_ID / CLIENT_SECRET /
    EXTRA_LOGIN_HOSTS, SALESFORCE_EMULATOR_PORT, PUBLIC_BASE_URL, DEVSTACK_FAULTS /
    DEVSTACK_FAULTS_PORT, and GOOGLE_* / MICROSOFT_* (a client id set, even empty, means no
    bundled emulator for that provider; URLs set are kept) with GOOGLE_EMULATOR_PORT /
    MICROSOFT_EMULATOR_PORT; `port` is the API's port.
    """

    port: int = 8000
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    health_timeout: float = HEALTH_TIMEOUT
    stage: str = "local"
    cancel: threading.Event = field(default_factory=threading.Event)
    output: Any = None  # where chalice local's stdout and stderr go (a file); None: ours

    aws_endpoint: str = field(default="", init=False)
    salesforce_url: str = field(default="", init=False)
    child_env: dict[str, str] = field(default_factory=dict, init=False)
    provisioned: Any = field(default=None, init=False)
    emulator: Any = field(default=None, init=False)
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)
    worker: subprocess.Popen[bytes] | None = field(default=None, init=False)  # the queue worker
    faults: Any = field(default=None, init=False)  # a devstack.faults.FaultPanel when enabled
    _moto: Any = field(default=None, init=False, repr=False)
    _emulator_server: Any = field(default=None, init=False, repr=False)
    google: Any = field(default=None, init=False)  # devstack.googleemu.GoogleEmulator, started
    microsoft: Any = field(default=None, init=False)  # devstack.msemu.MicrosoftEmulator

    @property
    def api_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    # -- start ---------------------------------------------------------------------------------
    def start(self) -> LocalStack:
        """Start everything and wait for /health; on any failure stop what was started."""
        steps = (
            self._check_settings,
            self._check_ports,
            self._start_aws,
            self._start_salesforce,
            self._start_mailboxes,
            self._start_chalice,
            self._wait_healthy,
            self._start_worker,
        )
        try:
            for step in steps:
                self._checkpoint()
                step()
        except BaseException:
            self.stop()
            raise
        return self

    def _checkpoint(self) -> None:
        if self.cancel.is_set():
            raise StackCancelled("start-up cancelled")

    def _check_settings(self) -> None:
        """Refuse what cannot work before anything starts; decide plain http for the user's
        Salesforce."""
        if self._faults_enabled() and self.env.get("AWS_ENDPOINT_URL"):
            raise StackError(
                "DEVSTACK_FAULTS needs the embedded moto server: unset AWS_ENDPOINT_URL."
            )
        if self.env.get("SALESFORCE_LOGIN_URL") and insecure_transport_needed(self.env):
            self.child_env["OAUTHLIB_INSECURE_TRANSPORT"] = "1"

    def _check_ports(self) -> None:
        if port_in_use(self.port):
            raise StackError(
                f"Port {self.port} on {LOOPBACK} is already in use: stop whatever uses it "
                f"or choose another one, e.g. `PORT=8001 make run`."
            )
        emulator_port = self._emulator_port()
        if (
            not self.env.get("SALESFORCE_LOGIN_URL")
            and emulator_port
            and port_in_use(emulator_port)
        ):
            raise StackError(
                f"Port {emulator_port} on {LOOPBACK} (SALESFORCE_EMULATOR_PORT) is already in "
                f"use: choose another one, or 0 for any free port."
            )

    def _emulator_port(self) -> int:
        return self._port_setting("SALESFORCE_EMULATOR_PORT")

    def _port_setting(self, name: str) -> int:
        raw = self.env.get(name, "").strip() or "0"
        if not raw.isdigit() or int(raw) > 65535:
            raise StackError(f"{name} must be a port number, not {raw!r}.")
        return int(raw)

    def _faults_enabled(self) -> bool:
        return self.env.get("DEVSTACK_FAULTS", "").strip().lower() in {"1", "true", "yes"}

    def _start_moto(self) -> dict[str, str]:
        """The embedded moto (behind the fault panel when enabled); the child's AWS_* env."""
        from moto.server import ThreadedMotoServer

        from devstack.faults import FaultPanel

        if self._faults_enabled():
            self.faults = FaultPanel(LOOPBACK, self._port_setting("DEVSTACK_FAULTS_PORT"))
            try:
                self.faults.start()
            except OSError as exc:
                raise StackError(f"The fault panel could not listen: {exc}") from None
            self.aws_endpoint = self.faults.aws.url
            return {
                "AWS_ENDPOINT_URL": self.aws_endpoint,
                "AWS_ENDPOINT_URL_KMS": self.faults.kms.url,
                **FAKE_AWS,
            }
        self._moto = ThreadedMotoServer(ip_address=LOOPBACK, port=0, verbose=False)
        self._moto.start()
        host, port = self._moto.get_host_and_port()
        self.aws_endpoint = f"http://{host}:{port}"
        return {"AWS_ENDPOINT_URL": self.aws_endpoint, **FAKE_AWS}  # no profile, no token

    def _start_aws(self) -> None:
        import boto3

        from devstack.motoatomic import make_moto_atomic
        from devstack.provision import provision_stack

        aws = {k: v for k, v in self.env.items() if k.startswith("AWS_")}
        if self.env.get("AWS_ENDPOINT_URL"):
            self.aws_endpoint = self.env["AWS_ENDPOINT_URL"]
            for name, value in FAKE_AWS.items():
                aws.setdefault(name, value)
        else:
            logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
            make_moto_atomic()  # conditional writes behave as in DynamoDB
            aws = self._start_moto()
        session = boto3.session.Session(
            aws_access_key_id=aws["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=aws["AWS_SECRET_ACCESS_KEY"],
            aws_session_token=aws.get("AWS_SESSION_TOKEN"),
            region_name=aws.get("AWS_REGION") or aws["AWS_DEFAULT_REGION"],
        )
        self.provisioned = provision_stack(
            _EndpointSession(session, self.aws_endpoint), stage=self.stage
        )
        self.child_env.update(aws)
        self.child_env.update(
            STRATUS_TABLE=self.provisioned.table_name,
            STRATUS_KMS_KEY_ID=self.provisioned.key_alias,
            STRATUS_EMAIL_QUEUE=self.provisioned.email_queue_name,
            STRATUS_CALENDAR_QUEUE=self.provisioned.calendar_queue_name,
            STRATUS_ORG_DELETION_QUEUE=self.provisioned.org_deletion_queue_name,
        )

    def _start_salesforce(self) -> None:
        if self.env.get("SALESFORCE_LOGIN_URL"):
            self.salesforce_url = self.env["SALESFORCE_LOGIN_URL"]
            return
        from devstack.sfemu import Emulator, EmulatorServer

        client_id = self.env.get("SALESFORCE_CLIENT_ID") or EMULATOR_CLIENT_ID
        client_secret = self.env.get("SALESFORCE_CLIENT_SECRET") or EMULATOR_CLIENT_SECRET
        self.emulator = Emulator(client_id=client_id, client_secret=client_secret)
        server = EmulatorServer(self.emulator, host=LOOPBACK, port=self._emulator_port())
        try:
            self._emulator_server = server.start()
        except OSError as exc:
            raise StackError(f"The Salesforce emulator could not listen: {exc}") from None
        self.salesforce_url = server.url
        extra = [h for h in self.env.get("SALESFORCE_EXTRA_LOGIN_HOSTS", "").split(",") if h]
        self.child_env.update(
            SALESFORCE_LOGIN_URL=server.url,
            SALESFORCE_SANDBOX_URL=server.url,
            SALESFORCE_CLIENT_ID=client_id,
            SALESFORCE_CLIENT_SECRET=client_secret,
            SALESFORCE_EXTRA_LOGIN_HOSTS=",".join([*extra, server.url.split("://", 1)[1]]),
            # the emulator speaks plain http on loopback; oauthlib refuses that unless told
            OAUTHLIB_INSECURE_TRANSPORT="1",
        )
        # the seeded demo org signs in (unless the user names the orgs allowed themselves)
        if not self.env.get("ALLOWED_SALESFORCE_ORGS"):
            self.child_env["ALLOWED_SALESFORCE_ORGS"] = self.emulator.org.org_id

    def _public_base_url(self) -> str:
        return (self.env.get("PUBLIC_BASE_URL") or self.api_url).rstrip("/")

    def _start_mailboxes(self) -> None:
        """The bundled Google and Microsoft emulators (seeded with the demo org's users), unless
        the user configured the provider (GOOGLE_CLIENT_ID / MICROSOFT_CLIENT_ID set, even to
        an empty value: then it is theirs, or not offered). URLs the user set are kept."""
        base = self._public_base_url()
        if "GOOGLE_CLIENT_ID" not in self.env:
            from devstack.googleemu import GoogleEmulator

            redirect = f"{base}/connections/google/callback"
            emu = GoogleEmulator(GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, redirect_uris=[redirect])
            self.google = self._listen(emu, "GOOGLE_EMULATOR_PORT", "Google")
            self.child_env.update(
                GOOGLE_CLIENT_ID=GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET=GOOGLE_CLIENT_SECRET
            )
            for name in ("GOOGLE_ACCOUNTS_URL", "GOOGLE_OAUTH_URL", "GOOGLE_API_URL"):
                self.child_env[name] = self.env.get(name) or emu.url
        if "MICROSOFT_CLIENT_ID" not in self.env:
            from devstack.msemu import MicrosoftEmulator

            redirect = f"{base}/connections/microsoft/callback"
            tenant = self.env.get("MICROSOFT_TENANT") or "common"
            ms = MicrosoftEmulator(
                MICROSOFT_CLIENT_ID, MICROSOFT_CLIENT_SECRET, redirect_uris=[redirect]
            )
            self.microsoft = self._listen(ms, "MICROSOFT_EMULATOR_PORT", "Microsoft")
            self.child_env.update(
                MICROSOFT_CLIENT_ID=MICROSOFT_CLIENT_ID,
                MICROSOFT_CLIENT_SECRET=MICROSOFT_CLIENT_SECRET,
                MICROSOFT_TENANT=tenant,
            )
            for name in ("MICROSOFT_LOGIN_URL", "MICROSOFT_GRAPH_URL"):
                self.child_env[name] = self.env.get(name) or ms.url

    def _listen(self, emulator: Any, port_setting: str, what: str) -> Any:
        try:
            return emulator.start(LOOPBACK, self._port_setting(port_setting))
        except OSError as exc:
            raise StackError(
                f"The {what} emulator could not listen ({port_setting}): {exc}"
            ) from None

    def _start_chalice(self) -> None:
        # AWS_* as chosen in _start_aws; OAUTHLIB_INSECURE_TRANSPORT only as decided at start
        # (plain http on loopback: _check_settings, the bundled emulator), never inherited
        inherited = ("AWS_", "OAUTHLIB_INSECURE_TRANSPORT")
        env = {k: v for k, v in self.env.items() if not k.startswith(inherited)}
        env.update(self.child_env)  # the AWS_* chosen in _start_aws, the stack, Salesforce
        env["PORT"] = str(self.port)
        env.setdefault("PUBLIC_BASE_URL", self.api_url)
        # a fresh tracking signing key per run, unless the user gives theirs
        env.setdefault(
            "TRACKING_SIGNING_KEYS",
            "local:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        )
        env["PYTHONUNBUFFERED"] = "1"
        no_proxy = [p for p in env.get("NO_PROXY", env.get("no_proxy", "")).split(",") if p]
        env["NO_PROXY"] = env["no_proxy"] = ",".join([*no_proxy, LOOPBACK, "localhost"])
        self.child_env = env
        # Chalice's CLI with TCP_NODELAY on its connections (devstack/chalice.py)
        command = [sys.executable, "-m", "devstack.chalice", "local", "--no-autoreload"]
        command += ["--host", LOOPBACK]
        command += ["--port", str(self.port), "--stage", "local"]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.output,
            stderr=self.output,
            process_group=0,  # our own group: Ctrl-C reaches the runner, which stops it
            preexec_fn=_die_with_parent(os.getpid()),
        )

    def _start_worker(self) -> None:
        """The queue worker (devstack/worker.py: Lambda's SQS event source, on moto), with the
        environment chalice local has, calling the handler app.py declares."""
        self.worker = subprocess.Popen(
            [sys.executable, "-m", "devstack.worker"],
            cwd=ROOT,
            env=self.child_env,
            stdin=subprocess.DEVNULL,
            stdout=self.output,
            stderr=self.output,
            process_group=0,
            preexec_fn=_die_with_parent(os.getpid()),
        )

    def restart_worker(self) -> None:
        """Start a new queue worker, after stopping the current one if it still runs (a fault
        drill kills it mid-job: what SQS does with the job it held is the point)."""
        if self.worker is not None:
            _stop_group(self.worker)
        self._start_worker()

    def _wait_healthy(self) -> None:
        assert self.process is not None
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + self.health_timeout
        while time.monotonic() < deadline:
            self._checkpoint()
            code = self.process.poll()
            if code is not None:
                raise StackError(
                    f"chalice local exited with code {code} before answering /health "
                    f"(its output is above).",
                    exit_code=code if code > 0 else 1,
                )
            try:
                with opener.open(f"{self.api_url}/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            self.cancel.wait(0.2)
        raise StackError(
            f"chalice local did not answer {self.api_url}/health within "
            f"{self.health_timeout:.0f} s."
        )

    # -- run and stop --------------------------------------------------------------------------
    def wait(self) -> int:
        """Block until chalice local exits; its exit code (128 + N when killed by signal N)."""
        assert self.process is not None
        code = self.process.wait()
        return code if code >= 0 else 128 - code

    def stop(self) -> None:
        """Stop chalice local's process group, then the emulator and moto. Idempotent."""
        if self.worker is not None:
            _stop_group(self.worker)
            self.worker = None
        if self.process is not None:
            _stop_group(self.process)
            self.process = None
        if self._emulator_server is not None:
            self._emulator_server.stop()
            self._emulator_server = None
        for emulator in (self.google, self.microsoft):
            if emulator is not None:
                emulator.stop()
        self.google = self.microsoft = None
        if self._moto is not None:
            if self._moto._server is not None:  # None: its thread never got as far as binding
                self._moto.stop()
                # ThreadedMotoServer.stop() ends the loop but leaves the socket bound: close it
                self._moto._server.server_close()
            self._moto = None
        if self.faults is not None:
            self.faults.stop()
            self.faults = None

    # -- what to try ---------------------------------------------------------------------------
    def banner(self) -> str:
        """The friendly "what to open and try" block printed once the API answers."""
        api = self.api_url
        lines = [
            "",
            "Stratus is running locally.",
            f"  API              {api}",
            f"  health           {api}/health",
            f"  OpenAPI          {api}/openapi.json",
            f"  sign in          {api}/auth/salesforce/login",
            f"  AWS (moto)       {self.aws_endpoint}"
            + ("" if self._moto or self.faults else "  (yours: AWS_ENDPOINT_URL)"),
        ]
        if self.faults is not None:
            lines.append(f"  KMS (moto)       {self.faults.kms.url}  (AWS_ENDPOINT_URL_KMS)")
            lines.append(f"  fault panel      {self.faults.url}  (docs/reliability.md)")
        if self.provisioned is not None:
            lines.append(
                f"  table / key      {self.provisioned.table_name} / {self.provisioned.key_alias}"
            )
            lines.append(
                f"  email jobs       {self.provisioned.email_queue_name}  (worker: "
                + ("running" if self.worker is not None else "not started")
                + "; POST /emails, docs/email.md)"
            )
            lines.append(
                f"  calendar sync    {self.provisioned.calendar_queue_name}  (schedule every "
                f"{self.child_env.get('CALENDAR_SYNC_LOCAL_INTERVAL') or 60} s in the worker; "
                "PUT /me/calendar-sync, docs/calendar.md)"
            )
        if self.emulator is not None:
            lines.append(f"  Salesforce       {self.salesforce_url}  (bundled sandbox emulator)")
            lines.append(f"  emulator stats   {self.salesforce_url}/_emulator/stats")
            lines.append("  demo users (pick one on the emulator's consent page):")
            for user in self.emulator.users.values():
                name = f"{user.get('FirstName') or ''} {user.get('LastName') or ''}".strip()
                lines.append(f"    {user['Username']:<26} {name}, {user.get('Title') or ''}")
        else:
            lines.append(f"  Salesforce       {self.salesforce_url}  (SALESFORCE_LOGIN_URL)")
        lines += self._mailbox_banner()
        lines += ["", f"Try: curl -i {api}/health", "Ctrl-C to stop.", ""]
        return "\n".join(lines)

    def _mailbox_banner(self) -> list[str]:
        api = self.api_url
        lines = []
        for name, emulator in (("google", self.google), ("microsoft", self.microsoft)):
            label = f"  {name.capitalize():<17}"
            if emulator is not None:
                lines.append(f"{label}{emulator.url}  (bundled emulator; stats: /_emulator/stats)")
            elif self.env.get(f"{name.upper()}_CLIENT_ID"):
                lines.append(f"{label}configured by {name.upper()}_CLIENT_ID")
            else:
                lines.append(f"{label}not offered ({name.upper()}_CLIENT_ID is empty)")
        if self.google is not None or self.microsoft is not None:
            lines.append(
                "  connect a mailbox: signed in, open "
                f"{api}/connections/google/start or {api}/connections/microsoft/start"
            )
            lines.append(
                "    (the emulators consent as the signed-in user's address; check with "
                f"GET {api}/connections/<provider>)"
            )
        return lines


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the child's process group, SIGKILL it after KILL_GRACE seconds."""
    for sig, grace in ((signal.SIGTERM, KILL_GRACE), (signal.SIGKILL, KILL_GRACE)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=grace)
            break
        except subprocess.TimeoutExpired:
            continue
    # the leader is reaped; sweep any member of its group that outlived it
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
