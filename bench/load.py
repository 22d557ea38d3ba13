"""`make load` (`python -m bench.load`): a bounded load run against the local stack, on loopback.

It starts a fresh local stack as `make run` does (`python -m devstack` in its own process,
output in build/load/stack.log), signs the demo admin in, prepares tracked messages, sends each
route a few times one at a time, then a fixed number of requests from a pool of threads over a
weighted mix of routes, and stops by itself. It reports, and checks: no server error (5xx), no
unexpected answer and no transport error; every pixel load and click recorded (each uses its
own token, so none is a repeat); p50/p99 latency of each route as a ratio of GET /health's in
the same run; the API process's resident memory before and after, with a bound on its growth.
The table goes into docs/reliability.md (between the `load` markers) unless `--no-write`.

Options: `--requests N` (default 3000), `--concurrency C` (50), `--rss-bound-mb M` (50).
`run_load()` is also what the faults tier's smoke run calls against its own stack.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import random
import re
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "reliability.md"
BEGIN, END = "<!-- load:begin -->", "<!-- load:end -->"
TIMEOUT = 60.0
ALONE = 15  # requests per route sent one at a time, for each route's unloaded latency
DESTINATION = "https://example.com/load?"
_PIXEL = re.compile(r"http://[^/\"']+(/t/o/[A-Za-z0-9_\-.~]+)")
_CLICK = re.compile(r"http://[^/\"']+(/t/c/[A-Za-z0-9_\-.~]+)")
_LOOPBACK = ("127.", "localhost", "[::1]")


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None


@dataclass
class Prepared:
    """What the mix needs, made before the run: sessions, unused tracking tokens, addresses
    already looked up (cached), a message to report on."""

    token: str
    message_id: str
    pixels: list[str]
    clicks: list[str]
    cached: list[str]
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, which: list[str]) -> str:
        with self.lock:
            return which.pop()


@dataclass(frozen=True)
class Target:
    """One route of the mix: its share of the requests, the request, the expected status."""

    name: str
    weight: int
    expected: int
    call: Callable[[Prepared], Call]
    records_event: bool = False  # a GET pixel load or click: one tracking event each


def _auth(prepared: Prepared, **more: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {prepared.token}", **more}


def _json(prepared: Prepared, body: object) -> tuple[dict[str, str], bytes]:
    return _auth(prepared, **{"Content-Type": "application/json"}), json.dumps(body).encode()


def _prepare_call(prepared: Prepared) -> Call:
    headers, body = _json(
        prepared, {"recipients": ["lee@example.org"], "html": f'<a href="{DESTINATION}">x</a>'}
    )
    return Call("POST", "/tracking/messages", headers, body)


def _batch_call(prepared: Prepared) -> Call:
    cached = random.sample(prepared.cached, 3)
    headers, body = _json(prepared, {"emails": cached})
    return Call("POST", "/lookup", headers, body)


MAIL_CLIENT = {"User-Agent": "Mozilla/5.0 (Windows NT 10.0) Outlook", "Accept": "image/*,*/*"}
MIX: tuple[Target, ...] = (
    Target("GET /health (baseline)", 10, 200, lambda p: Call("GET", "/health")),
    Target(
        "GET /t/o/{token} (pixel)",
        25,
        200,
        lambda p: Call("GET", p.take(p.pixels), MAIL_CLIENT),
        records_event=True,
    ),
    Target(
        "GET /t/c/{token} (redirect)",
        15,
        302,
        lambda p: Call("GET", p.take(p.clicks), MAIL_CLIENT),
        records_event=True,
    ),
    Target(
        "GET /lookup (cached)",
        15,
        200,
        lambda p: Call("GET", f"/lookup?email={quote(random.choice(p.cached))}", _auth(p)),
    ),
    Target(
        "GET /lookup (miss)",
        4,
        200,
        lambda p: Call("GET", f"/lookup?email=load-{uuid.uuid4().hex[:10]}@example.net", _auth(p)),
    ),
    Target("POST /lookup (cached batch)", 4, 200, _batch_call),
    Target("GET /me", 8, 200, lambda p: Call("GET", "/me", _auth(p))),
    Target("GET /me/salesforce", 2, 200, lambda p: Call("GET", "/me/salesforce", _auth(p))),
    Target("GET /admin/settings", 3, 200, lambda p: Call("GET", "/admin/settings", _auth(p))),
    Target("POST /tracking/messages", 4, 201, _prepare_call),
    Target(
        "GET /tracking/messages/{id}",
        3,
        200,
        lambda p: Call("GET", f"/tracking/messages/{p.message_id}", _auth(p)),
    ),
    Target("GET /tracking/activity", 3, 200, lambda p: Call("GET", "/tracking/activity", _auth(p))),
    Target("GET /auth/salesforce/login", 2, 302, lambda p: Call("GET", "/auth/salesforce/login")),
    Target("GET /openapi.json", 2, 200, lambda p: Call("GET", "/openapi.json")),
)


#: Sent before anything is measured: every container path the signed-in routes share is built.
WARM_UP = tuple(t for t in MIX if t.name.startswith(("GET /health", "GET /me", "GET /admin")))


def schedule(total: int, mix: Sequence[Target] = MIX, seed: int = 9) -> list[Target]:
    """`total` targets in the mix's proportions (rounded), shuffled with a fixed seed."""
    weights = sum(t.weight for t in mix)
    plan = [t for t in mix for _ in range(max(1, round(total * t.weight / weights)))]
    random.Random(seed).shuffle(plan)
    return plan


# -- the client side: HTTP on loopback ----------------------------------------------------------
class Api:
    """Minimal HTTP client for one base URL (one keep-alive connection per thread)."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        if parts.scheme != "http" or not (parts.hostname or "").startswith(_LOOPBACK):
            raise SystemExit(f"load runs on loopback only, not {base}")
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self._local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            self._local.connection = connection
        return connection

    def send(self, call: Call) -> tuple[int, dict[str, str], bytes]:
        """(status, headers, body); a dropped keep-alive connection is reopened once."""
        for attempt in (1, 2):
            connection = self._connection()
            try:
                connection.request(call.method, call.path, call.body, call.headers)
                reply = connection.getresponse()
                return reply.status, dict(reply.getheaders()), reply.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                connection.close()
                self._local.connection = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def _cookies(headers: list[tuple[str, str]]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for name, value in headers:
        if name.lower() == "set-cookie":
            try:
                jar.load(value)
            except CookieError:
                continue
    return {k: m.value for k, m in jar.items() if m.value}


def _raw(api: Api, method: str, url: str, headers: dict[str, str] | None = None) -> Any:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=TIMEOUT)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    connection.request(method, path, headers=headers or {})
    reply = connection.getresponse()
    reply.read()
    connection.close()
    return reply


def sign_in(api: Api, username: str) -> str:
    """The browser's part of the sign-in through the emulator; the session token."""
    base = f"http://{api.host}:{api.port}"
    login = _raw(api, "GET", f"{base}/auth/salesforce/login?{urlencode({'return_to': '/me'})}")
    binding = "; ".join(f"{k}={v}" for k, v in _cookies(login.getheaders()).items())
    consent = _raw(api, "GET", login.getheader("Location") + "&login_hint=" + quote(username))
    callback = consent.getheader("Location")
    assert callback and "code" in parse_qs(urlsplit(callback).query), consent.status
    signed_in = _raw(api, "GET", callback, {"Cookie": binding})
    sessions = [v for k, v in _cookies(signed_in.getheaders()).items() if "session" in k]
    assert signed_in.status == 302 and len(sessions) == 1, signed_in.status
    return sessions[0]


def prepare(api: Api, pixels: int, clicks: int, cached: int = 20) -> Prepared:
    """Sign the org admin in, turn tracking on, prepare enough messages for one token per
    pixel load and click, and look `cached` addresses up once."""
    token = sign_in(api, "admin@acme.demo")
    empty = Prepared(token, "", [], [], [])
    headers, body = _json(empty, {"email_tracking": True, "link_tracking": True})
    status, _, answer = api.send(Call("PUT", "/admin/settings", headers, body))
    assert status == 200, answer
    found_pixels: list[str] = []
    found_clicks: list[str] = []
    status, _, answer = api.send(_prepare_call(empty))  # the one GET /tracking/messages/{id} reads
    assert status == 201, answer
    message_id = json.loads(answer)["id"]
    while len(found_pixels) < pixels or len(found_clicks) < clicks:
        recipients = [f"reader{n}-{uuid.uuid4().hex[:6]}@example.org" for n in range(100)]
        html = f'<p>Hi <a href="{DESTINATION}">offer</a></p>'
        headers, body = _json(empty, {"recipients": recipients, "html": html})
        status, _, answer = api.send(Call("POST", "/tracking/messages", headers, body))
        assert status == 201, answer
        for copy in json.loads(answer)["recipients"]:
            found_pixels += _PIXEL.findall(copy["html"])
            found_clicks += _CLICK.findall(copy["html"])
    addresses = [f"known{n}@example.com" for n in range(cached)]
    for address in addresses:  # now cached for this user
        status, _, answer = api.send(Call("GET", f"/lookup?email={quote(address)}", _auth(empty)))
        assert status == 200, answer
    return Prepared(token, message_id, found_pixels, found_clicks, addresses)


# -- the run ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sample:
    target: str
    status: int  # 0: no answer (transport error)
    seconds: float
    expected: bool


def _worker(
    api: Api, plan: list[Target], prepared: Prepared, next_index: Iterator[int], out: list[Sample]
) -> None:
    mine: list[Sample] = []
    for index in next_index:
        if index >= len(plan):
            break
        target = plan[index]
        call = target.call(prepared)
        started = time.perf_counter()
        try:
            status, _, _ = api.send(call)
        except (OSError, http.client.HTTPException):
            status = 0
        mine.append(
            Sample(target.name, status, time.perf_counter() - started, status == target.expected)
        )
    out.extend(mine)


def drive(api: Api, plan: list[Target], prepared: Prepared, concurrency: int) -> list[Sample]:
    """Send the plan from `concurrency` threads (each with its keep-alive connection)."""
    counter = itertools.count()
    lock = threading.Lock()

    def indices() -> Iterator[int]:
        while True:
            with lock:
                index = next(counter)
            yield index  # not under the lock: the caller sends its request meanwhile

    samples: list[Sample] = []
    threads = [
        threading.Thread(target=_worker, args=(api, plan, prepared, indices(), samples))
        for _ in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def rss_mb(pid: int) -> float:
    """Resident memory of a process (Linux /proc), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


@dataclass
class LoadReport:
    requests: int
    concurrency: int
    seconds: float
    samples: list[Sample]
    rss_before_mb: float
    rss_after_mb: float
    rss_bound_mb: float
    events_expected: int
    events_recorded: int
    alone: list[Sample] = field(default_factory=list)  # the same mix, one request at a time

    @property
    def server_errors(self) -> int:
        return sum(1 for s in self.samples + self.alone if s.status >= 500)

    @property
    def unexpected(self) -> int:
        return sum(1 for s in self.samples + self.alone if not s.expected)

    @property
    def transport_errors(self) -> int:
        return sum(1 for s in self.samples + self.alone if s.status == 0)

    def failures(self) -> list[str]:
        found = []
        if self.server_errors:
            found.append(f"{self.server_errors} server errors (5xx)")
        if self.unexpected:
            found.append(f"{self.unexpected} answers other than expected")
        growth = self.rss_after_mb - self.rss_before_mb
        if growth > self.rss_bound_mb:
            found.append(f"RSS grew {growth:.1f} MiB (bound {self.rss_bound_mb:.0f})")
        if self.events_recorded != self.events_expected:
            found.append(f"{self.events_recorded} of {self.events_expected} hits recorded")
        return found

    def latencies(self) -> list[tuple[str, int, float, float, float]]:
        """(target, requests, p50 ms, p99 ms, p50 ms alone) per target, in the mix's order."""
        rows = []
        for target in MIX:
            times = sorted(s.seconds for s in self.samples if s.target == target.name)
            alone = sorted(s.seconds for s in self.alone if s.target == target.name) or [0.0]
            if times:
                row = (target.name, len(times), _pct(times, 50), _pct(times, 99), _pct(alone, 50))
                rows.append(row)
        return rows


def _pct(sorted_seconds: list[float], pct: int) -> float:
    if len(sorted_seconds) == 1:
        return sorted_seconds[0] * 1000
    cuts = statistics.quantiles(sorted_seconds, n=100, method="inclusive")
    return cuts[pct - 1] * 1000


def count_events(items: Sequence[dict[str, Any]]) -> int:
    return sum(1 for item in items if str(item["sk"]["S"]).startswith("TEVT#"))


def run_load(
    api_url: str,
    api_pid: int,
    scan: Callable[[], list[dict[str, Any]]],
    *,
    requests: int = 3000,
    concurrency: int = 50,
    rss_bound_mb: float = 50.0,
    alone_each: int = ALONE,
) -> LoadReport:
    """Prepare, send each route `alone_each` times one at a time, measure RSS, drive the mix,
    measure again, count the recorded events."""
    api = Api(api_url)
    plan = schedule(requests)
    one_by_one = [target for target in MIX for _ in range(alone_each)]
    hits = sum(1 for t in plan + one_by_one if t.records_event)
    pixels = sum(1 for t in plan + one_by_one if t.name.startswith("GET /t/o"))
    prepared = prepare(api, pixels, hits - pixels)
    events_before = count_events(scan())
    drive(api, schedule(min(200, requests), WARM_UP, seed=1), prepared, 10)
    alone = drive(api, one_by_one, prepared, 1)
    rss_before = rss_mb(api_pid)
    started = time.perf_counter()
    samples = drive(api, plan, prepared, concurrency)
    seconds = time.perf_counter() - started
    rss_after = rss_mb(api_pid)
    answered = sum(1 for s in samples + alone if s.expected and _records(s.target))
    return LoadReport(
        requests=len(plan),
        concurrency=concurrency,
        seconds=seconds,
        samples=samples,
        rss_before_mb=rss_before,
        rss_after_mb=rss_after,
        rss_bound_mb=rss_bound_mb,
        events_expected=answered,
        events_recorded=count_events(scan()) - events_before,
        alone=alone,
    )


def _records(name: str) -> bool:
    return any(t.records_event for t in MIX if t.name == name)


# -- the report ---------------------------------------------------------------------------------
def markdown(report: LoadReport) -> str:
    rows = report.latencies()
    base = next((r for r in rows if r[0].startswith("GET /health")), rows[0])
    from bench.report import machine

    info = machine()
    lines = [
        f"Measured {info['date']} on {info['nproc']} CPUs ({info['cpu']}), {info['python']}.",
        "",
        f"{report.requests} requests at {report.concurrency} concurrent in "
        f"{report.seconds:.1f} s ({report.requests / report.seconds:.0f} requests/s); "
        f"server errors (5xx): **{report.server_errors}**; answers other than expected: "
        f"{report.unexpected}; transport errors: {report.transport_errors}.",
        f"Tracking hits recorded: {report.events_recorded} of {report.events_expected} "
        "(each pixel load and click used its own token).",
        f"API process (`chalice local`) RSS: {report.rss_before_mb:.1f} MiB before, "
        f"{report.rss_after_mb:.1f} MiB after "
        f"(growth {report.rss_after_mb - report.rss_before_mb:+.1f} MiB; "
        f"bound {report.rss_bound_mb:.0f} MiB).",
        "",
        f"Under load: {report.concurrency} concurrent. Alone: the same routes one request at a "
        f"time, {len(report.alone) // len(MIX)} each, before the load.",
        "",
        "| route | requests | p50 | p99 | p50 vs /health | p99 vs /health | p50 alone "
        "| alone vs /health |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, count, p50, p99, alone in rows:
        lines.append(
            f"| `{name}` | {count} | {p50:.1f} ms | {p99:.1f} ms | {p50 / base[2]:.2f}x | "
            f"{p99 / base[3]:.2f}x | {alone:.1f} ms | {alone / base[4]:.1f}x |"
        )
    return "\n".join(lines)


def write_doc(text: str, doc: Path = DOC) -> None:
    content = doc.read_text()
    start, end = content.index(BEGIN) + len(BEGIN), content.index(END)
    doc.write_text(content[:start] + "\n" + text + "\n" + content[end:])


# -- `make load`: the local stack as `make run` runs it -----------------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _chalice_pid(parent: int) -> int:
    """The `chalice local` process among `parent`'s children (Linux /proc)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(stat[1]) == parent and "chalice local" in command:
            return int(entry.name)
    raise RuntimeError("no chalice local process found")


def _wait_for_banner(process: Any, log: Path, timeout: float = 90.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        output = log.read_text(errors="replace")
        if "Ctrl-C to stop" in output:
            return output
        if process.poll() is not None:
            raise SystemExit(f"the local stack exited ({process.returncode}): see {log}")
        time.sleep(0.2)
    raise SystemExit(f"the local stack did not start within {timeout:.0f} s: see {log}")


@contextmanager
def local_stack() -> Iterator[tuple[str, int, Callable[[], list[dict[str, Any]]]]]:
    """(API URL, chalice local's pid, a table scan) of a fresh `python -m devstack` on free
    ports, in its own process (moto and the API never share this one's GIL with the client's
    threads); its output goes to build/load/stack.log."""
    import os
    import signal
    import subprocess

    import boto3

    from devstack.stack import FAKE_AWS

    drop = ("AWS_", "SALESFORCE_", "PUBLIC_BASE_URL", "DEVSTACK_", "MAKE", "MFLAGS")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env.update(PORT=str(_free_port()), SALESFORCE_EMULATOR_PORT="0", PYTHONUNBUFFERED="1")
    log = REPO / "build" / "load" / "stack.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "devstack"],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        banner = _wait_for_banner(process, log)
        api = re.search(r"API\s+(http://\S+)", banner)
        moto = re.search(r"AWS \(moto\)\s+(http://\S+)", banner)
        table = re.search(r"table / key\s+(\S+)", banner)
        assert api and moto and table, banner
        client = boto3.client(
            "dynamodb",
            endpoint_url=moto.group(1),
            region_name=FAKE_AWS["AWS_REGION"],
            aws_access_key_id=FAKE_AWS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=FAKE_AWS["AWS_SECRET_ACCESS_KEY"],
        )

        def scan() -> list[dict[str, Any]]:
            pages = client.get_paginator("scan").paginate(TableName=table.group(1))
            return [item for page in pages for item in page["Items"]]

        yield api.group(1), _chalice_pid(process.pid), scan
    finally:
        process.send_signal(signal.SIGTERM)  # the runner stops chalice, the emulator, moto
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--rss-bound-mb", type=float, default=50.0)
    parser.add_argument("--write", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args(argv)
    print("load: starting the local stack ...", flush=True)
    with local_stack() as (api_url, pid, scan):
        print(f"load: {args.requests} requests at {args.concurrency} concurrent on {api_url}")
        report = run_load(
            api_url,
            pid,
            scan,
            requests=args.requests,
            concurrency=args.concurrency,
            rss_bound_mb=args.rss_bound_mb,
        )
    text = markdown(report)
    print(text)
    if args.write:
        write_doc(text)
        print(f"wrote {DOC.relative_to(REPO)}")
    failures = report.failures()
    if failures:
        print("load: FAILED: " + "; ".join(failures), file=sys.stderr)
        return 1
    print("load: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
