"""The faults tier's view of a running local stack (`DEVSTACK_FAULTS=1 python -m devstack`).

`Drill` talks to it only through real endpoints: the API, the Salesforce emulator's control
surface (`/_emulator/...`), the fault panel (`/_faults/...`, devstack/faults.py), and moto's
own endpoint for reading the table after a fault.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from typing import Any, Literal
from urllib.parse import parse_qs, urlencode, urlsplit

import boto3
import requests

from tests.e2e.conftest import Runner, http
from tests.faults import invariants

TIMEOUT = 40.0  # a request's own bound (API Gateway's is 29 s): a hung stack fails, not hangs
TABLE = "stratus-local"
CALENDAR_QUEUE = "stratus-local-calendar-sync"
ORG_DELETION_QUEUE = "stratus-local-org-deletion"
IDLE_TIMEOUT = 30.0  # background work a drill started ends within this (the worker's poll: 0.5 s)
#: the emulator's call kinds that may create records (a query creates nothing; a Composite
#: may be a lookup's reads too: count around requests that do not look anything up)
CREATING_CALLS = ("sobject_insert", "composite")
GIF_PREFIX = b"GIF89a"
UNAVAILABLE_CODES = frozenset({"storage_unavailable", "encryption_unavailable", "busy"})


@dataclass(frozen=True)
class Planned:
    """One HTTP request, prepared while everything is healthy, sent during a fault."""

    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    expect_location: str | None = None  # the click's destination
    state: str | None = None  # a callback's OAuth state
    user: str | None = None  # whose account the request is about (deletion)
    org: str | None = None  # which org the request deletes


@dataclass
class PendingSignIn:
    """A sign-in that went through the emulator's consent: only our callback is left."""

    callback: str
    cookies: str
    state: str


def set_cookies(reply: requests.Response) -> dict[str, str]:
    """Every cookie a response sets (also Secure ones, which `requests` drops on http)."""
    jar: SimpleCookie = SimpleCookie()
    for header in reply.raw.headers.getlist("Set-Cookie"):
        with contextlib.suppress(CookieError):
            jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


def session_token(reply: requests.Response) -> str:
    """The session token a successful callback sets (whatever prefix the cookie's name has)."""
    found = [v for k, v in set_cookies(reply).items() if k.endswith("stratus_session") and v]
    assert len(found) == 1, (reply.status_code, reply.headers, reply.text)
    return found[0]


class Drill:
    """The running stack: requests to the API, switches for faults, the table to inspect."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.api = runner.api
        self.emulator = runner.emulator
        self.panel = _banner_url(runner.output(), "fault panel")
        self.moto = _banner_url(runner.output(), "AWS (moto)")
        self.http = http()
        self.seed: dict[str, Any] = self.http.get(f"{self.emulator}/_emulator/seed").json()

    # -- the API ---------------------------------------------------------------------------------
    def send(self, planned: Planned) -> requests.Response:
        return self.http.request(
            planned.method,
            planned.url,
            headers=planned.headers,
            data=planned.body,
            allow_redirects=False,
            timeout=TIMEOUT,
        )

    def call(self, method: str, path: str, token: str | None = None, **kw: Any) -> Any:
        headers = dict(kw.pop("headers", {}))
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if "json" in kw:
            headers.setdefault("Content-Type", "application/json")
        return self.http.request(
            method,
            self.api + path,
            headers=headers,
            allow_redirects=False,
            timeout=TIMEOUT,
            **kw,
        )

    def start_sign_in(self, username: str, login: str = "production") -> PendingSignIn:
        """Our login at `login` (production, or another org's emulator by its host), then the
        emulator's consent as `username`: the callback is left to send."""
        query = urlencode({"login": login, "return_to": "/me"})
        started = self.call("GET", f"/auth/salesforce/login?{query}")
        assert started.status_code == 302, started.text
        cookies = "; ".join(f"{k}={v}" for k, v in set_cookies(started).items() if v)
        authorize = started.headers["Location"]
        consent = self.http.get(
            f"{authorize}&login_hint={username}", allow_redirects=False, timeout=TIMEOUT
        )
        assert consent.status_code == 302, consent.text
        callback = consent.headers["Location"]
        assert callback.startswith(f"{self.api}/auth/salesforce/callback?"), callback
        state = parse_qs(urlsplit(callback).query)["state"][0]
        return PendingSignIn(callback, cookies, state)

    def callback_request(self, pending: PendingSignIn) -> Planned:
        return Planned("GET", pending.callback, {"Cookie": pending.cookies}, state=pending.state)

    def sign_in(self, username: str, login: str = "production") -> str:
        reply = self.send(self.callback_request(self.start_sign_in(username, login)))
        assert reply.status_code == 302, reply.text
        return session_token(reply)

    def user_id(self, alias: str) -> str:
        return str(self.seed["users"][alias]["id"])

    def user_pk(self, alias: str) -> str:
        return f"USER#{self.seed['org_id']}#{self.user_id(alias)}"

    # -- faults ----------------------------------------------------------------------------------
    def panel_post(self, action: str, **payload: Any) -> dict[str, Any]:
        reply = self.http.post(f"{self.panel}/{action}", json=payload, timeout=10)
        assert reply.status_code == 200, reply.text
        state: dict[str, Any] = reply.json()
        return state

    def emulator_post(self, action: str, **payload: Any) -> dict[str, Any]:
        reply = self.http.post(f"{self.emulator}/_emulator/{action}", json=payload, timeout=10)
        assert reply.status_code == 200, reply.text
        state: dict[str, Any] = reply.json()
        return state

    @contextlib.contextmanager
    def fault(self, *stops: str, **inject: Any) -> Iterator[None]:
        """Stop endpoints ("aws", "kms") and/or inject one AWS fault; lifted on the way out."""
        try:
            for endpoint in stops:
                self.panel_post(f"{endpoint}/stop")
            if inject:
                self.panel_post("inject", **inject)
            yield
        finally:
            self.panel_post("reset")

    @contextlib.contextmanager
    def salesforce_fault(self, kind: str, count: int = 1, **options: Any) -> Iterator[None]:
        try:
            self.emulator_post("faults", kind=kind, count=count, **options)
            yield
        finally:
            self.emulator_post("reset")  # pending faults, counters, retry-after (not the data)

    def salesforce_creates(self) -> int:
        """The calls that create records the emulator served since its last reset."""
        stats = self.http.get(f"{self.emulator}/_emulator/stats", timeout=10).json()
        return sum(int(stats["api_calls_by_kind"].get(kind, 0)) for kind in CREATING_CALLS)

    # -- background work -------------------------------------------------------------------------
    def wait_idle(self, *queues: str, timeout: float = IDLE_TIMEOUT) -> None:
        """Until the queues hold no message (waiting, in flight or delayed) and no lease is
        held: the worker has finished what the drill started, so it cannot take the next
        drill's faults or write between its snapshots."""
        deadline = time.monotonic() + timeout
        while self._queued(queues) or self._leases_held():
            assert time.monotonic() < deadline, f"the worker is still busy with {queues}"
            time.sleep(0.2)

    def _queued(self, queues: tuple[str, ...]) -> int:
        sqs = self._aws("sqs")
        names = [
            "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed",
        ]
        total = 0
        for name in queues:
            url = sqs.get_queue_url(QueueName=name)["QueueUrl"]
            found = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=names)["Attributes"]
            total += sum(int(found.get(n, 0)) for n in names)
        return total

    def _leases_held(self) -> bool:
        now = time.time()
        return any(
            str(item["pk"]).startswith("LEASE#") and float(item.get("lease_until", 0)) > now
            for item in self.items()
        )

    # -- the table -------------------------------------------------------------------------------
    def problems(self) -> set[str]:
        """What is half-written in the table now (tests/faults/invariants.py)."""
        return set(invariants.problems(self.items()))

    def assert_nothing_half_written(self, baseline: set[str]) -> None:
        """No problem beyond those already there (`baseline`, taken before the fault): a test
        that fails to clean up does not fail the ones after it."""
        found = self.problems() - baseline
        assert not found, sorted(found)

    def items(self) -> list[dict[str, Any]]:
        """Every item of the table, attribute values as plain Python values."""
        return [{k: _plain(v) for k, v in item.items()} for item in self.raw_items()]

    def raw_items(self) -> list[dict[str, Any]]:
        """Every item of the table as DynamoDB sends it (typed attribute values)."""
        pages = (
            self._aws("dynamodb")
            .get_paginator("scan")
            .paginate(TableName=TABLE, ConsistentRead=True)
        )
        return [item for page in pages for item in page["Items"]]

    def _aws(self, service: Literal["dynamodb", "sqs"]) -> Any:
        return boto3.client(
            service,
            endpoint_url=self.moto,
            region_name="us-east-1",
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )


def _plain(value: dict[str, Any]) -> Any:
    (kind, raw), *_ = value.items()
    if kind == "M":
        return {k: _plain(v) for k, v in raw.items()}
    if kind == "L":
        return [_plain(v) for v in raw]
    if kind == "N":
        return float(raw) if "." in raw else int(raw)
    return raw


def _banner_url(output: str, label: str) -> str:
    match = re.search(rf"{re.escape(label)}\s+(http://127\.0\.0\.1:\d+\S*)", output)
    assert match, output
    return match.group(1)


def state_hash(state: str) -> str:
    return hashlib.sha256(state.encode()).hexdigest()


def unique_address() -> str:
    """An address no lookup has seen: a miss, one Salesforce call."""
    return f"nobody-{uuid.uuid4().hex[:12]}@example.com"
