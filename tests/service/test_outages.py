"""Outages answered as outages: DynamoDB, KMS or SSM out of reach is a 503 with Retry-After and
a code naming what is unavailable, from the store's and the envelope's one boundary
(chalicelib.outages), never a 500, a revocation, or a state spent for nothing.

The failures are real where a test can make them so: a closed port, a listener that never
answers, one that hangs up, one whose backlog is full, and an endpoint on loopback answering
throttling as DynamoDB and KMS do (moto cannot throttle); botocore's Stubber gives every error
shape the SDK retries.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)
from botocore.retries import standard
from botocore.stub import Stubber
from chalice.test import Client

from chalicelib import deps, outages
from chalicelib.admin import assets
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import (
    ConditionFailed,
    EncryptionUnavailable,
    StorageUnavailable,
    Unavailable,
)
from chalicelib.sessions import COOKIE_NAME as SESSION_COOKIE
from chalicelib.store.table import Adds, Lease, Store
from chalicelib.tracking.hits import GIF
from devstack.awscalls import AwsCallCounter
from devstack.provision import ProvisionedStack
from tests.conftest import Mailboxes, SignIn
from tests.fakes import FakeClock

CONTEXT = {"purpose": "test", "org": "00D000000000000EAA", "user": "005000000000001"}
TRACKING_KEY = "t1:" + base64.b64encode(b"k" * 32).decode()

# -- endpoints that fail as networks do ----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _listener(
    backlog: int = 16, *, answer: Callable[[socket.socket], None] | None = None
) -> Iterator[socket.socket]:
    """A TCP listener on loopback whose accepted connections get `answer` (None: held open,
    never answered)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(backlog)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            held.append(connection)
            if answer is not None:
                answer(connection)

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield server
    finally:
        server.close()
        for connection in held:
            connection.close()


def _hang_up(connection: socket.socket) -> None:
    connection.recv(65536)
    connection.close()


@contextlib.contextmanager
def _unreachable(kind: str) -> Iterator[str]:
    """An endpoint URL on loopback that fails as `kind`."""
    if kind == "refused":
        yield f"http://127.0.0.1:{_free_port()}"
    elif kind == "read_timeout":
        with _listener() as server:
            yield f"http://127.0.0.1:{server.getsockname()[1]}"
    elif kind == "closed":
        with _listener(answer=_hang_up) as server:
            yield f"http://127.0.0.1:{server.getsockname()[1]}"
    else:  # connect_timeout: a listener that never accepts, its backlog already full
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        fillers = []
        for _ in range(8):
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
            fillers.append(filler)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            for filler in fillers:
                filler.close()
            server.close()


SDK_ERRORS = {
    "refused": EndpointConnectionError,
    "connect_timeout": ConnectTimeoutError,
    "read_timeout": ReadTimeoutError,
    "closed": ConnectionClosedError,
}


class _Answering(BaseHTTPRequestHandler):
    """Answers every request with the server's (status, content type, body); counts them."""

    def do_POST(self) -> None:
        server: Any = self.server
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, content_type, body = server.answer
        server.requests += 1
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        pass


@contextlib.contextmanager
def _answering(status: int, content_type: str, body: dict[str, str] | None) -> Iterator[Any]:
    """An AWS-like endpoint on loopback that answers every request the same way."""
    server: Any = ThreadingHTTPServer(("127.0.0.1", 0), _Answering)
    server.answer = (status, content_type, json.dumps(body).encode() if body else b"")
    server.requests = 0
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


DYNAMODB_THROTTLED = {
    "__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
    "message": "The level of configured provisioned throughput for the table was exceeded.",
}
KMS_THROTTLED = {"__type": "ThrottlingException", "message": "Rate exceeded"}


def _client(service: str, endpoint: str, attempts: int = 1) -> Any:
    config = Config(
        connect_timeout=0.3,
        read_timeout=0.3,
        retries={"total_max_attempts": attempts, "mode": "standard"},
    )
    return boto3.client(service, endpoint_url=endpoint, config=config)


def _assert_unavailable(raised: pytest.ExceptionInfo[Unavailable], code: str) -> None:
    assert raised.value.status == 503
    assert raised.value.code == code
    assert raised.value.headers == {"Retry-After": "5"}


# -- the mapping, against real failures ----------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(SDK_ERRORS))
def test_an_unreachable_table_is_storage_unavailable(kind: str, clock: FakeClock) -> None:
    with _unreachable(kind) as endpoint:
        client = _client("dynamodb", endpoint)
        # the endpoint fails as a network does (the SDK's own exception) ...
        with pytest.raises(SDK_ERRORS[kind]):
            client.get_item(TableName="t", Key={"pk": {"S": "P"}, "sk": {"S": "S"}})
        # ... and the store answers it as an outage
        with pytest.raises(StorageUnavailable) as raised:
            Store(client, "t", clock).get(("P", "S"))
    _assert_unavailable(raised, "storage_unavailable")


@pytest.mark.parametrize("kind", sorted(SDK_ERRORS))
def test_an_unreachable_kms_is_encryption_unavailable_for_both_calls(
    kind: str, envelope: Envelope, clock: FakeClock
) -> None:
    blob = envelope.seal(b"secret", CONTEXT)  # sealed while KMS was there
    with _unreachable(kind) as endpoint:
        cut_off = Envelope(_client("kms", endpoint), "alias/any", clock)
        with pytest.raises(EncryptionUnavailable) as sealing:
            cut_off.seal(b"secret", CONTEXT)
        with pytest.raises(EncryptionUnavailable) as opening:
            cut_off.open(blob, CONTEXT)
    _assert_unavailable(sealing, "encryption_unavailable")
    _assert_unavailable(opening, "encryption_unavailable")


def _store_calls() -> dict[str, Callable[[Store], object]]:
    """One call of every public Store method."""
    item = {"pk": "P", "sk": "S"}
    return {
        "get": lambda s: s.get(("P", "S")),
        "query": lambda s: s.query("P"),
        "query_all": lambda s: list(s.query_all("P")),
        "batch_get": lambda s: list(s.batch_get([("P", "S")], attributes=("sk",))),
        "scan_naming": lambda s: s.scan_naming("00D000000000000EAA"),
        "put": lambda s: s.put(item),
        "put_if_absent": lambda s: s.put_if_absent(item, requires=("P", "OWNER")),
        "put_if_absent_and_add": lambda s: s.put_if_absent_and_add(
            item, requires=("P", "OWNER"), adds=Adds(("C", "S"), "ADD n :one", {":one": 1})
        ),
        "put_new": lambda s: s.put_new([item]),
        "update": lambda s: s.update(("P", "S"), "SET v = :v", {":v": 1}),
        "delete_owned_by": lambda s: s.delete_owned_by("P"),
        "delete": lambda s: s.delete(("P", "S")),
        "take": lambda s: s.take(("P", "S")),
        "delete_many": lambda s: s.delete_many([("P", "S")]),
        "increment": lambda s: s.increment(("C", "S")),
        "acquire_lease": lambda s: s.acquire_lease("r", 10),
        "renew_lease": lambda s: s.renew_lease(Lease("r", "me", 0), 10),
        "release_lease": lambda s: s.release_lease(Lease("r", "me", 0)),
    }


def test_every_store_method_is_covered_here() -> None:
    public = {n for n in vars(Store) if not n.startswith("_") and callable(getattr(Store, n))}
    assert public == set(_store_calls())


@pytest.mark.parametrize("method", sorted(_store_calls()))
def test_every_store_method_answers_storage_unavailable_when_dynamodb_is_unreachable(
    method: str, clock: FakeClock
) -> None:
    with _unreachable("refused") as endpoint:
        store = Store(_client("dynamodb", endpoint), "t", clock, sleep=lambda _: None)
        with pytest.raises(StorageUnavailable) as raised:
            _store_calls()[method](store)
    _assert_unavailable(raised, "storage_unavailable")


def test_take_of_a_state_that_cannot_be_reached_is_an_outage_not_absent(
    store: Store, dynamodb: Any, stack: ProvisionedStack, clock: FakeClock
) -> None:
    # Given a single-use item, and a store whose table times out
    store.put({"pk": "OAUTHSTATE#x", "sk": "STATE", "expires_at": int(clock.now()) + 600})
    with _unreachable("read_timeout") as endpoint:
        timing_out = Store(_client("dynamodb", endpoint), stack.table_name, clock)
        # When it is taken, Then the answer is 503, not "absent" (which reads as a replay)
        with pytest.raises(StorageUnavailable):
            timing_out.take(("OAUTHSTATE#x", "STATE"))
    # ... and once the table answers, the item is still there, exactly once
    assert store.take(("OAUTHSTATE#x", "STATE")) is not None
    assert store.take(("OAUTHSTATE#x", "STATE")) is None


def test_the_sdks_retries_run_before_the_503(clock: FakeClock) -> None:
    # Given DynamoDB answering every request with throttling, over the wire
    with _answering(400, "application/x-amz-json-1.0", DYNAMODB_THROTTLED) as server:
        counter = AwsCallCounter()
        client = counter.attach(_client("dynamodb", server.url, attempts=3))
        # When the store reads, Then the SDK tried three times, and the store says 503
        with pytest.raises(StorageUnavailable):
            Store(client, "t", clock).get(("P", "S"))
        assert server.requests == 3 == counter.count("dynamodb.GetItem")


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, KMS_THROTTLED),
        (500, {"__type": "KMSInternalException", "message": "internal"}),
        (503, None),  # a bare 503: no body at all
    ],
)
def test_kms_throttling_and_server_errors_over_the_wire_are_encryption_unavailable(
    status: int, body: dict[str, str] | None, clock: FakeClock
) -> None:
    with _answering(status, "application/x-amz-json-1.1", body) as server:
        envelope = Envelope(_client("kms", server.url, attempts=2), "alias/any", clock)
        with pytest.raises(EncryptionUnavailable):
            envelope.seal(b"secret", CONTEXT)
        assert server.requests == 2


# -- every error shape the SDK retries (Stubber) -------------------------------------------------

OUTAGE_CODES = sorted(outages.TRANSIENT_CODES | outages.THROTTLING_CODES | outages.SERVER_CODES)


def test_the_mapping_covers_every_error_the_sdk_retries() -> None:
    """Kept in step with botocore: its standard retry mode's codes, statuses, exceptions and
    the errors the DynamoDB, KMS and SSM models mark retryable are all outages here."""
    codes = set(outages.TRANSIENT_CODES | outages.THROTTLING_CODES | outages.SERVER_CODES)
    assert set(standard.TransientRetryableChecker._TRANSIENT_ERROR_CODES) <= codes
    assert set(standard.ThrottledRetryableChecker._THROTTLED_ERROR_CODES) <= codes
    assert set(standard.TransientRetryableChecker._TRANSIENT_STATUS_CODES) <= (
        outages.OUTAGE_STATUSES
    )
    assert set(standard.ThrottlingStatusCodeChecker._THROTTLING_STATUS_CODES) <= (
        outages.OUTAGE_STATUSES
    )
    for exception_class in standard.TransientRetryableChecker._TRANSIENT_EXCEPTION_CLS:
        assert outages.is_outage(exception_class(endpoint_url="x", error="y"))
    session = boto3.session.Session()._session
    for service in ("dynamodb", "kms", "ssm"):
        model = session.get_service_model(service)
        for name in model.operation_names:
            for shape in model.operation_model(name).error_shapes:
                if shape.metadata.get("retryable") is not None:
                    assert shape.name in codes, (service, shape.name)


def _stubbed_store(clock: FakeClock) -> tuple[Store, Stubber]:
    client = boto3.client("dynamodb")
    return Store(client, "t", clock), Stubber(client)


@pytest.mark.parametrize("code", OUTAGE_CODES)
def test_every_retryable_error_code_from_dynamodb_is_storage_unavailable(
    code: str, clock: FakeClock
) -> None:
    store, stubber = _stubbed_store(clock)
    stubber.add_client_error("get_item", service_error_code=code, http_status_code=400)
    with stubber, pytest.raises(StorageUnavailable):
        store.get(("P", "S"))


@pytest.mark.parametrize("status", sorted(outages.OUTAGE_STATUSES))
def test_a_5xx_or_429_with_an_unknown_code_is_storage_unavailable(
    status: int, clock: FakeClock
) -> None:
    store, stubber = _stubbed_store(clock)
    stubber.add_client_error("query", service_error_code="Unheard", http_status_code=status)
    with stubber, pytest.raises(StorageUnavailable):
        store.query("P")


@pytest.mark.parametrize("reason", ["ThrottlingError", "ProvisionedThroughputExceeded"])
def test_a_transaction_cancelled_by_throttling_is_storage_unavailable(
    reason: str, clock: FakeClock
) -> None:
    store, stubber = _stubbed_store(clock)
    stubber.add_client_error(
        "transact_write_items",
        service_error_code="TransactionCanceledException",
        modeled_fields={"CancellationReasons": [{"Code": "None"}, {"Code": reason}]},
    )
    with stubber, pytest.raises(StorageUnavailable):
        store.put_new([{"pk": "A", "sk": "1"}, {"pk": "A", "sk": "2"}])


def test_answers_that_are_not_outages_are_left_to_the_store_and_its_callers(
    clock: FakeClock,
) -> None:
    store, stubber = _stubbed_store(clock)
    stubber.add_client_error("delete_item", service_error_code="ConditionalCheckFailedException")
    stubber.add_client_error("put_item", service_error_code="ConditionalCheckFailedException")
    stubber.add_client_error("get_item", service_error_code="ValidationException")
    with stubber:
        assert store.take(("P", "S")) is None  # absent: DynamoDB said so
        with pytest.raises(ConditionFailed):
            store.put_if_absent({"pk": "P", "sk": "S"})
        with pytest.raises(ClientError):  # a bug, not an outage: a 500, and logged as one
            store.get(("P", "S"))


@pytest.mark.parametrize("code", [*OUTAGE_CODES, "AccessDeniedException", "DisabledException"])
def test_every_retryable_error_and_a_key_out_of_reach_from_kms_is_encryption_unavailable(
    code: str, clock: FakeClock
) -> None:
    client = boto3.client("kms")
    envelope = Envelope(client, "alias/any", clock)
    stubber = Stubber(client)
    stubber.add_client_error("generate_data_key", service_error_code=code)
    stubber.add_client_error("decrypt", service_error_code=code)
    blob = b"\x01\x00\x04edk!" + b"n" * 12 + b"c" * 20
    with stubber:
        with pytest.raises(EncryptionUnavailable):
            envelope.seal(b"secret", CONTEXT)
        with pytest.raises(EncryptionUnavailable):
            envelope.open(blob, CONTEXT)


# -- every route, with DynamoDB or KMS out of reach ----------------------------------------------


@dataclass
class World:
    """A signed-in world: alice and the admin with sessions, a tracked message, and a sign-in
    waiting at its callback (Salesforce has answered; the browser has not come back yet)."""

    client: Client
    sign_in: SignIn
    stack: ProvisionedStack
    alice: str
    admin: str
    spare: str  # a session for logout to end
    message_id: str
    pixel: str
    click: str
    pending: dict[str, str]  # the callback's query
    # alice's Google connection (made) and another of hers waiting at its callback (query, nonce)
    google_pending: tuple[dict[str, str], str] = ({}, "")

    def bearer(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def items(self) -> dict[str, str]:
        client = boto3.client("dynamodb")
        found = {}
        for page in client.get_paginator("scan").paginate(TableName=self.stack.table_name):
            for item in page["Items"]:
                found[f"{item['pk']['S']}|{item['sk']['S']}"] = json.dumps(
                    item, sort_keys=True, default=repr
                )
        return found


@pytest.fixture
def world(
    sign_in: SignIn,
    client: Client,
    stack: ProvisionedStack,
    monkeypatch: pytest.MonkeyPatch,
    mailbox_env: Mailboxes,
) -> World:
    monkeypatch.setenv("TRACKING_SIGNING_KEYS", TRACKING_KEY)
    monkeypatch.setenv("STRATUS_CALENDAR_QUEUE", stack.calendar_queue_name)
    deps.reset()
    admin = sign_in("admin@acme.demo")
    body = json.dumps({"email_tracking": True, "link_tracking": True}).encode()
    headers = {"Authorization": f"Bearer {admin}", "Content-Type": "application/json"}
    assert client.http.put("/admin/settings", body=body, headers=headers).status_code == 200
    alice = sign_in("alice@acme.demo")
    message = {
        "subject": "Hello",
        "recipients": ["ann@client.example"],
        "html": '<p>Hi</p><a href="https://example.com/pricing">pricing</a>',
    }
    prepared = client.http.post(
        "/tracking/messages",
        body=json.dumps(message).encode(),
        headers={**headers, "Authorization": f"Bearer {alice}"},
    )
    assert prepared.status_code == 201, prepared.body
    text = prepared.body.decode() if isinstance(prepared.body, bytes) else str(prepared.body)
    pixel = re.search(r"/t/o/[A-Za-z0-9_.~-]+", text)
    click = re.search(r"/t/c/[A-Za-z0-9_.~-]+", text)
    assert pixel and click
    spare = sign_in("bob@acme.demo")
    pending = sign_in.consent(sign_in.authorize_url(), "maria@acme.demo")
    connected = _google_callback(client, alice)
    assert _send_google_callback(client, alice, connected).status_code == 302
    google_pending = _google_callback(client, alice)
    return World(
        client,
        sign_in,
        stack,
        alice,
        admin,
        spare,
        json.loads(text)["id"],
        pixel.group(0),
        click.group(0),
        pending,
        google_pending,
    )


def _google_callback(client: Client, token: str) -> tuple[dict[str, str], str]:
    """A Google connection started by `token`'s user and consented at the emulator: the
    callback's query and the browser's binding nonce."""
    import requests

    start = client.http.get(
        "/connections/google/start", headers={"Authorization": f"Bearer {token}"}
    )
    assert start.status_code == 302, start.body
    nonce = SignIn.cookie(start, "__Secure-stratus_oauth")
    assert nonce
    reply = requests.get(start.headers["Location"], allow_redirects=False, timeout=10)
    query = reply.headers["Location"].split("?", 1)[1]
    return {k: v[0] for k, v in parse_qs(query).items()}, nonce


def _send_google_callback(client: Client, token: str, pending: tuple[dict[str, str], str]) -> Any:
    headers = {"Authorization": f"Bearer {token}", "Cookie": f"__Secure-stratus_oauth={pending[1]}"}
    return client.http.get(f"/connections/google/callback?{urlencode(pending[0])}", headers=headers)


def _request(world: World, name: str) -> Any:
    """One request of every route (Bearer-authenticated: no CSRF question)."""
    http, alice, admin = world.client.http, world.bearer(world.alice), world.bearer(world.admin)
    lookup = json.dumps({"emails": ["ann@client.example"]}).encode()
    settings = json.dumps({"email_tracking": True}).encode()
    message = json.dumps({"recipients": ["x@y.example"], "html": "<p>hi</p>"}).encode()
    email = json.dumps(
        {
            "source": "client",
            "message": {
                "internet_message_id": "<outage@x.example>",
                "date": "2026-11-20T10:00:00Z",
                "from": {"email": "ann@client.example"},
                "to": [{"email": "alice@acme.demo"}],
            },
        }
    ).encode()
    requests: dict[str, Callable[[], Any]] = {
        "GET /health": lambda: http.get("/health"),
        "GET /openapi.json": lambda: http.get("/openapi.json"),
        "GET /auth/salesforce/login": lambda: http.get("/auth/salesforce/login"),
        "GET /auth/salesforce/callback": lambda: world.sign_in.callback(world.pending),
        "POST /auth/logout": lambda: http.post("/auth/logout", headers=world.bearer(world.spare)),
        "GET /me": lambda: http.get("/me", headers=alice),
        "DELETE /me": lambda: http.delete("/me", headers=alice),
        "GET /me/salesforce": lambda: http.get("/me/salesforce", headers=alice),
        "GET /lookup": lambda: http.get("/lookup?email=ann%40client.example", headers=alice),
        "POST /lookup": lambda: http.post("/lookup", body=lookup, headers=alice),
        "GET /admin/settings": lambda: http.get("/admin/settings", headers=admin),
        "PUT /admin/settings": lambda: http.put("/admin/settings", body=settings, headers=admin),
        "GET /admin/usage": lambda: http.get("/admin/usage", headers=admin),
        "GET /admin/usage.csv": lambda: http.get("/admin/usage.csv", headers=admin),
        "GET /admin/users": lambda: http.get("/admin/users", headers=admin),
        "GET /admin": lambda: http.get("/admin", headers=admin),
        "POST /admin": lambda: http.post(  # no CSRF token: refused, whatever the table does
            "/admin",
            body=b"email_tracking=on",
            headers={**admin, "Content-Type": "application/x-www-form-urlencoded"},
        ),
        "GET /admin/assets/{name}": lambda: http.get(assets.stylesheet().path),
        "POST /tracking/messages": lambda: http.post(
            "/tracking/messages", body=message, headers=alice
        ),
        "GET /tracking/messages/{message_id}": lambda: http.get(
            f"/tracking/messages/{world.message_id}", headers=alice
        ),
        "GET /tracking/activity": lambda: http.get("/tracking/activity", headers=alice),
        "GET /t/o/{token}": lambda: http.get(world.pixel),
        "HEAD /t/o/{token}": lambda: http.request("HEAD", world.pixel),
        "GET /t/c/{token}": lambda: http.get(world.click),
        "HEAD /t/c/{token}": lambda: http.request("HEAD", world.click),
        "GET /no/such/route": lambda: http.get("/no/such/route"),
        "GET /connections/{provider}/start": lambda: http.get(
            "/connections/google/start", headers=alice
        ),
        "GET /connections/{provider}/callback": lambda: _send_google_callback(
            world.client, world.alice, world.google_pending
        ),
        "GET /connections/{provider}": lambda: http.get("/connections/google", headers=alice),
        "DELETE /connections/{provider}": lambda: http.delete("/connections/google", headers=alice),
        "POST /emails": lambda: http.post("/emails", body=email, headers=alice),
        "GET /emails/jobs/{job_id}": lambda: http.get("/emails/jobs/abc123", headers=alice),
        "POST /signatures/parse": lambda: http.post(
            "/signatures/parse", body=RECORDS_BODIES["parse"], headers=alice
        ),
        "POST /records/leads": lambda: http.post(
            "/records/leads", body=RECORDS_BODIES["lead"], headers=alice
        ),
        "POST /records/contacts": lambda: http.post(
            "/records/contacts", body=RECORDS_BODIES["contact"], headers=alice
        ),
        "POST /actions": lambda: http.post(
            "/actions", body=RECORDS_BODIES["actions"], headers=alice
        ),
        "GET /me/calendar-sync": lambda: http.get("/me/calendar-sync", headers=alice),
        "PUT /me/calendar-sync": lambda: http.put(
            "/me/calendar-sync", body=CALENDAR_SYNC, headers=alice
        ),
        "POST /me/calendar-sync/run": lambda: http.post("/me/calendar-sync/run", headers=alice),
        "GET /me/settings": lambda: http.get("/me/settings", headers=alice),
        "PUT /me/settings": lambda: http.put("/me/settings", body=settings, headers=alice),
        "DELETE /admin/org": lambda: http.delete(  # not the org's id: refused, never started
            "/admin/org", body=json.dumps({"confirm": "00D000000000NOTEAA"}), headers=admin
        ),
        "GET /admin/org/deletion": lambda: http.get("/admin/org/deletion", headers=admin),
        "GET /org-deletions/{reference}": lambda: http.get("/org-deletions/notag.nosecret"),
        "GET /status": lambda: http.get("/status"),
        "GET /status.html": lambda: http.get("/status.html"),
        "GET /status/assets/{name}": lambda: http.get(_status_stylesheet()),
    }
    return requests[name]()


#: docs/records.md: the parse, a Lead and a Contact, and a one-action batch
RECORDS_BODIES = {
    "parse": json.dumps(
        {"text": "Dana Whitfield\nBrightline Labs", "from": {"email": "d@b.example"}}
    ),
    "lead": json.dumps({"last_name": "Whitfield", "company": "Brightline Labs"}),
    "contact": json.dumps({"last_name": "Whitfield", "account_name": "Initech"}),
    "actions": json.dumps(
        {"actions": [{"key": "a", "method": "POST", "path": "/records/leads", "body": {}}]}
    ),
}


#: turning calendar sync on (docs/calendar.md)
CALENDAR_SYNC = json.dumps({"enabled": True, "provider": "google"})
STORAGE = "storage_unavailable"
ENCRYPTION = "encryption_unavailable"
# What each route answers with DynamoDB unreachable, and with KMS unreachable (a new container:
# no data key cached). A status alone: the route works as usual.
EXPECTED: dict[str, tuple[int | str, int | str]] = {
    "GET /health": (200, 200),
    "GET /openapi.json": (200, 200),
    "GET /auth/salesforce/login": (STORAGE, ENCRYPTION),  # the state / the sealed verifier
    "GET /auth/salesforce/callback": (STORAGE, ENCRYPTION),  # taking the state / its verifier
    "POST /auth/logout": (STORAGE, 204),
    "GET /me": (STORAGE, 200),
    "DELETE /me": (STORAGE, ENCRYPTION),  # revocation first needs the refresh token
    "GET /me/salesforce": (STORAGE, ENCRYPTION),
    "GET /lookup": (STORAGE, ENCRYPTION),
    "POST /lookup": (STORAGE, ENCRYPTION),
    "GET /admin/settings": (STORAGE, 200),
    "PUT /admin/settings": (STORAGE, 200),
    "GET /admin/usage": (STORAGE, 200),
    "GET /admin/usage.csv": (STORAGE, 200),
    "GET /admin/users": (STORAGE, 200),
    "GET /admin": (STORAGE, 200),
    "POST /admin": (STORAGE, 403),
    "GET /admin/assets/{name}": (200, 200),  # a static file
    "POST /tracking/messages": (STORAGE, 201),
    "GET /tracking/messages/{message_id}": (STORAGE, 200),
    "GET /tracking/activity": (STORAGE, 200),
    "GET /t/o/{token}": (200, 200),  # the GIF, whatever happens
    "HEAD /t/o/{token}": (200, 200),
    "GET /t/c/{token}": (302, 302),  # the redirect, whatever happens
    "HEAD /t/c/{token}": (302, 302),
    "GET /no/such/route": (404, 404),
    "GET /connections/{provider}/start": (STORAGE, ENCRYPTION),  # the sealed verifier
    "GET /connections/{provider}/callback": (STORAGE, ENCRYPTION),  # its verifier
    "GET /connections/{provider}": (STORAGE, ENCRYPTION),  # no access token cached yet
    "DELETE /connections/{provider}": (STORAGE, ENCRYPTION),  # revocation needs the token
    # a client-held email: logged within the request with the user's Salesforce token; with
    # KMS out of reach its job is deleted again (the client sends it later: nothing half-done)
    "POST /emails": (STORAGE, ENCRYPTION),
    "GET /emails/jobs/{job_id}": (STORAGE, 404),  # no such job; reading it needs no KMS
    "POST /signatures/parse": (STORAGE, 200),  # the session and the org's setting: no KMS
    "POST /records/leads": (STORAGE, ENCRYPTION),  # the user's Salesforce token
    "POST /records/contacts": (STORAGE, ENCRYPTION),
    "POST /actions": (STORAGE, 200),  # each action answers its own 503 in the results
    # the status never opens the sealed cursor; turning sync on seals nothing yet (the cursor
    # comes with the first cycle); "run now" queues a reference
    "GET /me/calendar-sync": (STORAGE, 200),
    "PUT /me/calendar-sync": (STORAGE, 200),
    "POST /me/calendar-sync/run": (STORAGE, 202),
    "GET /me/settings": (STORAGE, 200),
    "PUT /me/settings": (STORAGE, 403),  # the org lets users choose nothing (the default)
    "DELETE /admin/org": (STORAGE, 400),
    "GET /admin/org/deletion": (STORAGE, 404),
    "GET /org-deletions/{reference}": (STORAGE, 404),
    "GET /status": (200, 200),  # says what is down: that is its job
    "GET /status.html": (200, 200),
    "GET /status/assets/{name}": (200, 200),  # a static file
}


def _status_stylesheet() -> str:
    from chalicelib.status import page

    return page.stylesheet().path


def test_every_route_of_the_app_is_tried() -> None:
    from app import app

    routes = {
        f"{method} {path}"
        for path, methods in app.routes.items()
        for method, entry in methods.items()
        if method != "OPTIONS" and not entry.view_function.__module__.endswith("meta.routes")
    }
    assert routes <= set(EXPECTED), sorted(routes - set(EXPECTED))


@contextlib.contextmanager
def _out_of_reach(monkeypatch: pytest.MonkeyPatch, service: str) -> Iterator[None]:
    """A new container whose `service` clients point at a closed port on loopback (no retry:
    the SDK's retries are test_the_sdks_retries_run_before_the_503's), then
    another new container with the service back."""
    variable = f"AWS_ENDPOINT_URL_{service.upper()}"
    real_client = deps._client

    def one_attempt(name: str, **options: Any) -> Any:
        return real_client(name, **{**options, "attempts": 0})  # no retry

    with _unreachable("refused") as endpoint:
        monkeypatch.setenv(variable, endpoint)
        monkeypatch.setattr(deps, "_client", one_attempt)
        deps.reset()
        try:
            yield
        finally:
            monkeypatch.delenv(variable)
            monkeypatch.setattr(deps, "_client", real_client)
            deps.reset()


def _check(response: Any, expected: int | str, route: str) -> None:
    if isinstance(expected, int):
        assert response.status_code == expected, (route, response.status_code, response.body)
        return
    assert response.status_code == 503, (route, response.status_code, response.body)
    assert json.loads(response.body)["error"]["code"] == expected, route
    assert response.headers["Retry-After"] == "5", route
    assert response.headers["Content-Type"].startswith("application/json"), route
    assert response.headers["Cache-Control"] == "no-store", route


def _check_hot_paths(world: World) -> None:
    pixel = _request(world, "GET /t/o/{token}")
    assert pixel.body == GIF and pixel.headers["Content-Type"] == "image/gif"
    click = _request(world, "GET /t/c/{token}")
    assert click.headers["Location"] == "https://example.com/pricing"


def _accounts(items: dict[str, str]) -> dict[str, str]:
    """The connections, profiles and OAuth states among the table's items."""
    return {
        key: item
        for key, item in items.items()
        if key.split("|")[1].startswith("CONNECTION#") or key.split("|")[1] in {"PROFILE", "STATE"}
    }


def _signed_in(response: Any) -> None:
    """The pending sign-in finished: a 302 with a session."""
    assert response.status_code == 302, response.body
    assert SignIn.cookie(response, SESSION_COOKIE)


def test_every_route_with_dynamodb_unreachable(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = world.items()
    with _out_of_reach(monkeypatch, "dynamodb"):
        for route, (expected, _) in EXPECTED.items():
            _check(_request(world, route), expected, route)
        _check_hot_paths(world)
    # Then nothing was written or lost: not an item more, less or changed
    assert world.items() == before
    # ... and everything works again without a restart: the callback's state was not spent,
    # no session ended, the account was not deleted
    _signed_in(_request(world, "GET /auth/salesforce/callback"))
    assert _request(world, "POST /auth/logout").status_code == 204
    me = _request(world, "GET /me")
    assert me.status_code == 200
    assert json.loads(me.body)["connections"]["salesforce"]["status"] == "active"


def test_every_route_with_kms_unreachable(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    before = world.items()
    with _out_of_reach(monkeypatch, "kms"):
        for route, (_, expected) in EXPECTED.items():
            if route != "POST /auth/logout":  # it ends the spare session: last
                _check(_request(world, route), expected, route)
        _check(_request(world, "POST /auth/logout"), 204, "POST /auth/logout")
        _check_hot_paths(world)
    # Then no connection changed (none marked revoked), no state was spent or added, no
    # profile or account was touched
    assert _accounts(world.items()) == _accounts(before)
    # ... and with KMS back, the same callback finishes, the connection works
    _signed_in(_request(world, "GET /auth/salesforce/callback"))
    check = _request(world, "GET /me/salesforce")
    assert check.status_code == 200, check.body
    # ... and the Google callback too (its state was given back), the connection works
    assert _request(world, "GET /connections/{provider}/callback").status_code == 302
    assert _request(world, "GET /connections/{provider}").status_code == 200


def test_a_sign_in_whose_seal_fails_stores_nothing_and_revokes_the_grant(
    sign_in: SignIn, stack: ProvisionedStack
) -> None:
    # Given a sign-in whose browser is back from Salesforce (its verifier's key is cached)
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")

    def unreachable(**_: Any) -> None:
        raise EndpointConnectionError(endpoint_url="https://kms.us-east-1.amazonaws.com")

    # When KMS cannot be reached to seal the granted tokens
    events = deps.kms_client().meta.events
    events.register("before-send.kms.GenerateDataKey", unreachable)
    try:
        response = sign_in.callback(params)
    finally:
        events.unregister("before-send.kms.GenerateDataKey", unreachable)
    # Then the user gets a 503 naming encryption, and no session
    assert response.status_code == 503, response.body
    assert json.loads(response.body)["error"]["code"] == ENCRYPTION
    assert response.headers["Retry-After"] == "5"
    assert SignIn.cookie(response, SESSION_COOKIE) is None
    # ... nothing of the user is stored: no connection, profile or session
    alice = sign_in.salesforce.emu.user_by_username("alice@acme.demo")
    assert alice is not None
    table = json.dumps(
        boto3.client("dynamodb").scan(TableName=stack.table_name)["Items"], default=str
    )
    assert str(alice["Id"]) not in table and '"SESSION"' not in table
    # ... and the grant was revoked at Salesforce
    revocations = [r for r in sign_in.salesforce.emu.request_log if r[1].endswith("/revoke")]
    assert [r[3] for r in revocations] == [200]


def test_a_throttling_table_answers_503_after_the_sdks_own_retries(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given DynamoDB throttling every request (the app's real client: 3 attempts)
    with _answering(400, "application/x-amz-json-1.0", DYNAMODB_THROTTLED) as server:
        monkeypatch.setenv("AWS_ENDPOINT_URL_DYNAMODB", server.url)
        deps.reset()
        # When a signed-in route is asked
        response = _request(world, "GET /me")
        # Then the session read was tried four times (deps: 3 retries), and the answer is a 503
        _check(response, STORAGE, "GET /me")
        assert server.requests == 4
        _check_hot_paths(world)
    monkeypatch.delenv("AWS_ENDPOINT_URL_DYNAMODB")
    deps.reset()
    assert _request(world, "GET /me").status_code == 200


def test_an_unreachable_ssm_answers_the_callback_503_and_the_callback_can_be_retried(
    sign_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the client secret in SSM, and a sign-in back from Salesforce
    boto3.client("ssm").put_parameter(
        Name="/stratus/test/salesforce-client-secret", Value="test-secret", Type="SecureString"
    )
    monkeypatch.setenv("SALESFORCE_CLIENT_SECRET", "ssm:/stratus/test/salesforce-client-secret")
    deps.reset()
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    # When SSM cannot be reached for the code exchange
    with _out_of_reach(monkeypatch, "ssm"):
        response = sign_in.callback(params)
    # Then a 503 naming the configuration, the code not sent to Salesforce
    assert response.status_code == 503, response.body
    assert json.loads(response.body)["error"]["code"] == "configuration_unavailable"
    assert response.headers["Retry-After"] == "5"
    tokens = [r for r in sign_in.salesforce.emu.request_log if r[1] == "/services/oauth2/token"]
    assert tokens == []
    # ... and with SSM back, the same callback finishes the sign-in
    _signed_in(sign_in.callback(params))
