"""Fixtures for the end-to-end tests: `python -m devstack` (or `make run`) as a real subprocess.

Each runner gets free loopback ports for the API and the emulator; its output (and chalice
local's, which inherits it) goes to a file. Whatever a test leaves running is killed at the end.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
# what the user might have set that would make the runner skip moto or the emulator
_RUNNER_OVERRIDES = (
    "AWS_ENDPOINT_URL",
    "AWS_PROFILE",
    "PUBLIC_BASE_URL",
    "SALESFORCE_LOGIN_URL",
    "SALESFORCE_SANDBOX_URL",
    "SALESFORCE_CLIENT_ID",
    "SALESFORCE_CLIENT_SECRET",
    "SALESFORCE_EXTRA_LOGIN_HOSTS",
    "SALESFORCE_EMULATOR_PORT",
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def can_bind(port: int) -> bool:
    """True when a server could listen on 127.0.0.1:port now (SO_REUSEADDR, as servers bind)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            probe.listen()
        except OSError:
            return False
    return True


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a live process, None when gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = raw.rsplit(")", 1)[1].split()
    return fields[0], int(fields[1])


def alive(pid: int) -> bool:
    """Running (a zombie that nobody reaped yet counts as gone: it holds no port, runs nothing)."""
    stat = _stat(pid)
    return stat is not None and stat[0] not in {"Z", "X"}


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None and stat[1] == pid and stat[0] not in {"Z", "X"}:
                found.append(int(entry.name))
    return found


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        found += kids
        todo += kids
    return found


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (FileNotFoundError, ProcessLookupError):
        return ""


def pids_serving(port: int) -> list[int]:
    """Processes whose command line names `--port <port>` (a chalice local for that port)."""
    return [
        int(entry.name)
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and f"--port {port} " in cmdline(int(entry.name)) + " "
    ]


def wait_until(predicate: object, timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(interval)
    return bool(predicate())  # type: ignore[operator]


def http() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # never a proxy for loopback
    return session


@dataclass
class Runner:
    """A `python -m devstack` (or `make run`) subprocess and what it serves."""

    process: subprocess.Popen[bytes]
    port: int
    emulator_port: int
    log: Path
    known_pids: set[int] = field(default_factory=set)

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def emulator(self) -> str:
        return f"http://127.0.0.1:{self.emulator_port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_healthy(self, timeout: float = START_TIMEOUT) -> float:
        """Wait for /health 200 and the banner; the seconds it took."""
        started = time.monotonic()
        with http() as session:
            while time.monotonic() - started < timeout:
                code = self.process.poll()
                assert code is None, f"runner exited with {code}:\n{self.output()}"
                with contextlib.suppress(requests.RequestException):
                    if session.get(f"{self.api}/health", timeout=2).status_code == 200:
                        break
                time.sleep(0.2)
            else:
                pytest.fail(f"no /health within {timeout} s:\n{self.output()}")
        assert wait_until(lambda: "Ctrl-C to stop" in self.output(), 10), self.output()
        self.known_pids.update(descendants(self.process.pid))
        return time.monotonic() - started

    def chalice_pid(self) -> int:
        pids = [p for p in descendants(self.process.pid) if "chalice local" in cmdline(p)]
        assert len(pids) == 1, (pids, self.output())
        return pids[0]

    def moto_port(self) -> int:
        match = re.search(r"AWS \(moto\)\s+http://127\.0\.0\.1:(\d+)", self.output())
        assert match, self.output()
        return int(match.group(1))

    def kill_everything(self) -> None:
        pids = {self.process.pid, *self.known_pids, *descendants(self.process.pid)}
        for pid in pids:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)


def runner_env(port: int, emulator_port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _RUNNER_OVERRIDES}
    env.update(PORT=str(port), SALESFORCE_EMULATOR_PORT=str(emulator_port), **extra)
    return env


@contextlib.contextmanager
def launched(
    log: Path,
    command: list[str] | None = None,
    port: int = 0,
    emulator_port: int = 0,
    extra_env: dict[str, str] | None = None,
) -> Iterator[Runner]:
    """Start the runner (default `python -m devstack`); kill whatever is left on the way out."""
    port = port or free_port()
    emulator_port = emulator_port or free_port()
    command = command or [sys.executable, "-m", "devstack"]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=runner_env(port, emulator_port, **(extra_env or {})),
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    runner = Runner(process, port, emulator_port, log)
    try:
        yield runner
    finally:
        runner.kill_everything()


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[object]:
    """launch(command=None) -> Runner; every runner is cleaned up after the test."""
    numbers = itertools.count()
    with contextlib.ExitStack() as stack:

        def start(command: list[str] | None = None, **ports: int) -> Runner:
            log = tmp_path / f"runner-{next(numbers)}.log"
            return stack.enter_context(launched(log, command, **ports))

        yield start


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    """One healthy local stack shared by the read-only HTTP tests of a module."""
    log = tmp_path_factory.mktemp("devstack") / "runner.log"
    with launched(log) as runner:
        runner.wait_healthy()
        yield runner
