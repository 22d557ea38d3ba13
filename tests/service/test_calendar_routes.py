"""Calendar sync through the app (Chalice's test client, moto, the emulators over HTTP):
`GET/PUT /me/calendar-sync` (connection and org-setting checks, turning it off forgets
everything), `POST /me/calendar-sync/run` (a message on the calendar queue, run by the worker
app.py declares, as Lambda's event source does), and the schedule's fan-out (an index query,
one message per user with sync on)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import boto3
import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.store import keys
from devstack.provision import ProvisionedStack
from devstack.worker import poll_once
from tests.conftest import Mailboxes, Salesforce, SignIn
from tests.mailboxes import Browser

ALICE = "alice@acme.demo"


@pytest.fixture
def calendar_queue(
    stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[str]:
    """A fresh calendar queue for the test (SQS allows one purge a minute); its URL."""
    sqs = boto3.client("sqs")
    name = f"{stack.calendar_queue_name}-{abs(hash(request.node.nodeid)) % 10**8}"
    url = str(sqs.create_queue(QueueName=name)["QueueUrl"])
    monkeypatch.setenv("STRATUS_CALENDAR_QUEUE", name)
    deps.reset()
    yield url
    sqs.delete_queue(QueueUrl=url)


@pytest.fixture
def alice(calendar_queue: str, sign_in: SignIn, client: Client, mailbox_env: Mailboxes) -> Browser:
    return Browser(client, sign_in(ALICE))


def _headers(browser: Browser) -> dict[str, str]:
    return {"Authorization": f"Bearer {browser.session}", "Content-Type": "application/json"}


def _put(browser: Browser, body: dict[str, Any]) -> Any:
    return browser.client.http.put(
        "/me/calendar-sync", body=json.dumps(body), headers=_headers(browser)
    )


def _get(browser: Browser) -> dict[str, Any]:
    response = browser.client.http.get("/me/calendar-sync", headers=_headers(browser))
    assert response.status_code == 200, response.body
    return dict(json.loads(response.body))


def _error(response: Any) -> tuple[int, str]:
    return response.status_code, json.loads(response.body)["error"]["code"]


def _messages(url: str) -> list[dict[str, Any]]:
    reply = boto3.client("sqs").receive_message(
        QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0
    )
    return [json.loads(m["Body"]) for m in reply.get("Messages", [])]


def _org_of(browser: Browser) -> str:
    return str(json.loads(browser.get("/me").body)["org"]["id"])


def test_sync_is_off_until_turned_on_with_a_calendar_connection(alice: Browser) -> None:
    shown = _get(alice)
    assert shown["enabled"] is False and shown["status"]["state"] == "disabled"
    assert shown["status"]["counts"]["to_salesforce"] == {"created": 0, "updated": 0, "deleted": 0}
    assert _error(_put(alice, {"enabled": True, "provider": "google"})) == (
        409,
        "connection_required",
    )
    assert alice.connect("google").status_code == 302
    response = _put(alice, {"enabled": True, "provider": "google"})
    assert response.status_code == 200, response.body
    shown = _get(alice)
    assert (shown["enabled"], shown["provider"], shown["direction"]) == (True, "google", "both")
    assert shown["status"]["state"] == "never_run"


def test_the_org_setting_forbids_it(alice: Browser) -> None:
    assert alice.connect("google").status_code == 302
    deps._stored_org_settings().change(_org_of(alice), {"calendar_sync": False})
    assert _error(_put(alice, {"enabled": True, "provider": "google"})) == (
        403,
        "calendar_sync_disabled",
    )


def test_run_now_queues_the_user_and_the_worker_syncs(
    alice: Browser, calendar_queue: str, sf_env: Salesforce
) -> None:
    from app import calendar_sync

    assert alice.connect("google").status_code == 302
    assert _put(alice, {"enabled": True, "provider": "google"}).status_code == 200
    events_before = len(sf_env.emu.records["Event"])
    response = alice.client.http.post("/me/calendar-sync/run", headers=_headers(alice))
    assert response.status_code == 202, response.body
    polled = poll_once(boto3.client("sqs"), calendar_queue, calendar_sync)
    assert (polled.received, polled.deleted, polled.failed) == (1, 1, 0)
    shown = _get(alice)
    assert shown["status"]["state"] == "ok" and shown["status"]["last_success_at"]
    created = shown["status"]["counts"]["to_salesforce"]["created"]
    assert created > 0 and len(sf_env.emu.records["Event"]) == events_before + created


def test_the_schedule_fans_out_through_the_index(
    alice: Browser, calendar_queue: str, client: Client
) -> None:
    assert alice.connect("google").status_code == 302
    assert _put(alice, {"enabled": True, "provider": "google"}).status_code == 200
    event = client.events.generate_cw_event(
        source="aws.events", detail_type="Scheduled Event", detail={}, resources=[]
    )
    answer = client.lambda_.invoke("calendar_fan_out", event)
    assert answer.payload == {"users": 1, "pages": 1}
    (message,) = _messages(calendar_queue)
    assert message["kind"] == "calendar_sync" and message["org"] == _org_of(alice)
    assert set(message) == {"kind", "org", "user"}  # references only


def _synced_once(
    alice: Browser, calendar_queue: str, stack: ProvisionedStack
) -> Callable[[], list[Any]]:
    """alice turns Google sync on and the worker runs it once; what lists her calendar items
    (the state and the pairs), there are some already."""
    from app import calendar_sync

    assert _put(alice, {"enabled": True, "provider": "google"}).status_code == 200
    assert alice.client.http.post("/me/calendar-sync/run", headers=_headers(alice)).status_code
    poll_once(boto3.client("sqs"), calendar_queue, calendar_sync)
    me = json.loads(alice.get("/me").body)
    pk = keys.user_pk(me["org"]["id"], me["user"]["id"])
    table = boto3.resource("dynamodb").Table(stack.table_name)

    def calendar_items() -> list[Any]:
        items = table.query(
            KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": pk}
        )
        return [i for i in items["Items"] if str(i["sk"]).startswith(("CALSYNC", "CALPAIR#"))]

    assert len(calendar_items()) > 1
    return calendar_items


def test_turning_it_off_forgets_state_and_pairs(
    alice: Browser, calendar_queue: str, stack: ProvisionedStack
) -> None:
    assert alice.connect("google").status_code == 302
    calendar_items = _synced_once(alice, calendar_queue, stack)
    response = _put(alice, {"enabled": False})
    assert response.status_code == 200 and json.loads(response.body)["enabled"] is False
    assert calendar_items() == []
    assert _error(alice.client.http.post("/me/calendar-sync/run", headers=_headers(alice))) == (
        409,
        "calendar_sync_disabled",
    )


@pytest.mark.parametrize("disconnected", ["google", "microsoft"])
def test_disconnecting_the_mailbox_ends_its_calendar_sync_and_nothing_else(
    disconnected: str, alice: Browser, calendar_queue: str, stack: ProvisionedStack
) -> None:
    """Issue 10: DELETE /connections/{provider} leaves no item naming the connection: its
    calendar sync's state (the sealed cursor) and pairs go with it; a sync through the other
    provider stays."""
    assert alice.connect("google").status_code == 302
    assert alice.connect("microsoft").status_code == 302
    calendar_items = _synced_once(alice, calendar_queue, stack)
    assert alice.delete(f"/connections/{disconnected}").status_code == 204
    if disconnected == "google":
        assert calendar_items() == []
        assert _get(alice)["enabled"] is False
    else:
        assert len(calendar_items()) > 1  # the Google sync is not Microsoft's to end
        assert _get(alice)["enabled"] is True


def _run_now(alice: Browser, calendar_queue: str) -> Any:
    from app import calendar_sync

    response = alice.client.http.post("/me/calendar-sync/run", headers=_headers(alice))
    assert response.status_code == 202, response.body
    return poll_once(boto3.client("sqs"), calendar_queue, calendar_sync)


def test_a_revoked_google_grant_is_reauth_required_and_skipped_until_reconnected(
    alice: Browser, calendar_queue: str, mailbox_env: Mailboxes
) -> None:
    # Given alice's sync, run once through her real connection
    google = mailbox_env.google
    assert alice.connect("google").status_code == 302
    assert _put(alice, {"enabled": True, "provider": "google"}).status_code == 200
    _run_now(alice, calendar_queue)
    assert _get(alice)["status"]["state"] == "ok"
    # When she removes the app from her Google account (every token refused, refresh too)
    google.revoke_user_grant(ALICE)
    google.expire_access_tokens()
    polled = _run_now(alice, calendar_queue)
    # Then the sync says so, and the message is done (no redrive)
    status = _get(alice)["status"]
    assert status["state"] == "reauth_required"
    assert status["last_error"]["code"] == "google_reauth_required"
    assert (polled.deleted, polled.failed) == (1, 0)
    # ... and later runs skip her without a call to Google (no retry storm)
    calls = sum(google.counters.calls.values())
    _run_now(alice, calendar_queue)
    assert sum(google.counters.calls.values()) == calls
    # ... until she reconnects
    assert alice.connect("google").status_code == 302
    _run_now(alice, calendar_queue)
    assert _get(alice)["status"]["state"] == "ok"


def test_an_unknown_calendar_is_an_error_in_the_status_not_a_poison_message(
    alice: Browser, calendar_queue: str
) -> None:
    assert alice.connect("google").status_code == 302
    body = {"enabled": True, "provider": "google", "calendar_id": "no-such-calendar"}
    assert _put(alice, body).status_code == 200
    polled = _run_now(alice, calendar_queue)
    assert (polled.deleted, polled.failed) == (1, 0)
    status = _get(alice)["status"]
    assert status["state"] == "error" and status["last_error"]["code"] == "calendar_not_found"


def test_a_connection_without_the_calendar_scope_cannot_turn_sync_on(alice: Browser) -> None:
    from urllib.parse import parse_qsl, urlsplit, urlunsplit

    from chalicelib.providers.google.provider import CALENDAR
    from tests.mailboxes import consent

    # Given a Google connection whose user granted Gmail but not the calendar
    start = urlsplit(alice.start("google"))
    query = dict(parse_qsl(start.query))
    query["scope"] = " ".join(s for s in query["scope"].split() if s != CALENDAR)
    narrowed = urlunsplit(start._replace(query=urlencode(query)))
    assert alice.callback("google", consent(narrowed)).status_code == 302
    me = json.loads(alice.get("/me").body)
    held = deps.vault().get("google", me["org"]["id"], me["user"]["id"])
    assert held is not None and CALENDAR not in str(held.attributes.get("scopes"))
    # When alice turns calendar sync on
    response = _put(alice, {"enabled": True, "provider": "google"})
    # Then it is refused: the connection must include the calendar scope
    assert _error(response) == (409, "connection_required")
    assert _get(alice)["enabled"] is False


def test_a_no_change_cycle_through_the_real_wiring_reads_the_documented_items(
    alice: Browser, calendar_queue: str
) -> None:
    """Review 12d, M4: the DynamoDB reads of a no-change cycle as deployed (deps: the org
    settings, both connections, the state), counted at the botocore boundary of the app's own
    clients in a warm container (the worker has run before: the cached access tokens and org
    settings are there). docs/calendar.md, "Figures", gives the same count."""
    from devstack.awscalls import AwsCallCounter

    assert alice.connect("google").status_code == 302
    assert _put(alice, {"enabled": True, "provider": "google"}).status_code == 200
    _run_now(alice, calendar_queue)  # the first cycle (pairs the seeded events)
    _run_now(alice, calendar_queue)  # our writes' stamps come back once (no echo)
    _run_now(alice, calendar_queue)  # warm: access tokens and org settings cached
    from app import calendar_sync

    response = alice.client.http.post("/me/calendar-sync/run", headers=_headers(alice))
    assert response.status_code == 202, response.body
    counter = AwsCallCounter()  # the worker's reads only, not the route's
    counter.attach(deps.dynamodb_client())
    counter.attach(deps.hot_path_dynamodb_client())
    polled = poll_once(boto3.client("sqs"), calendar_queue, calendar_sync)
    assert (polled.deleted, polled.failed) == (1, 0)
    reads = {
        op: counter.count(f"dynamodb.{op}")
        for op in ("GetItem", "Query", "BatchGetItem", "Scan")
        if counter.count(f"dynamodb.{op}")
    }
    assert _get(alice)["status"]["state"] == "ok"
    # the state, the Google connection and the Salesforce connection in one BatchGetItem (issue
    # 12: <= 2 reads per user): the org's settings are cached per container, the user's
    # settings item is read only when the org lets users choose, and the pairs only by a cycle
    # with changes or a full listing
    assert reads == {"BatchGetItem": 1}, reads


def _ids(browser: Browser) -> tuple[str, str]:
    me = json.loads(browser.get("/me").body)
    return str(me["org"]["id"]), str(me["user"]["id"])


@pytest.mark.parametrize(
    ("provider", "change", "code"),
    [
        ("google", "revoked", "google_reauth_required"),
        ("salesforce", "revoked", "salesforce_reauth_required"),
        ("salesforce", "deleted", "salesforce_reauth_required"),
    ],
)
def test_a_connection_revoked_or_gone_elsewhere_stops_the_next_cycle_at_once(
    alice: Browser,
    calendar_queue: str,
    mailbox_env: Mailboxes,
    provider: str,
    change: str,
    code: str,
) -> None:
    """The batched read (state and connections in one request) checks the connections as
    freshly as the single reads did: a change another container made is seen by the next
    cycle, even in a warm container whose access tokens are cached."""
    # Given alice's sync, run once (this container now holds her access tokens)
    assert alice.connect("google").status_code == 302
    assert _put(alice, {"enabled": True, "provider": "google"}).status_code == 200
    _run_now(alice, calendar_queue)
    assert _get(alice)["status"]["state"] == "ok"
    # When another container marks the connection revoked, or it is deleted
    key = keys.connection_key(*_ids(alice), provider)
    if change == "deleted":
        deps.store().delete(key)
    else:
        deps.store().update(key, "SET #s = :r", {":r": "revoked"}, {"#s": "status"})
    calls = sum(mailbox_env.google.counters.calls.values())
    polled = _run_now(alice, calendar_queue)
    # Then the cycle stops before any call to Google, and says why
    assert (polled.deleted, polled.failed) == (1, 0)
    status = _get(alice)["status"]
    assert (status["state"], status["last_error"]["code"]) == ("reauth_required", code)
    assert sum(mailbox_env.google.counters.calls.values()) == calls


def test_a_new_container_that_cannot_read_the_org_settings_skips_the_cycle(
    alice: Browser, calendar_queue: str, mailbox_env: Mailboxes
) -> None:
    """Calendar sync is on by default: a cycle must not run on the defaults the org settings
    cache serves for a failed read (the org may have turned it off)."""
    from botocore.exceptions import ClientError

    # Given alice's sync, run once, then turned off by her admin
    assert alice.connect("google").status_code == 302
    assert _put(alice, {"enabled": True, "provider": "google"}).status_code == 200
    _run_now(alice, calendar_queue)
    before = _get(alice)["status"]
    org_id, _ = _ids(alice)
    deps._stored_org_settings().change(org_id, {"calendar_sync": False})
    # ... and a brand-new container whose reads of the org's settings item fail
    deps.reset()
    settings_key = keys.org_settings_key(org_id)

    def refuse(params: dict[str, Any], **_: Any) -> None:
        if params["Key"]["sk"]["S"] == settings_key[1]:
            raise ClientError({"Error": {"Code": "InternalServerError"}}, "GetItem")

    for client in (deps.dynamodb_client(), deps.hot_path_dynamodb_client()):
        client.meta.events.register("before-parameter-build.dynamodb.GetItem", refuse)
    calls = sum(mailbox_env.google.counters.calls.values())
    # When the worker runs her cycle
    polled = _run_now(alice, calendar_queue)
    # Then it is skipped: no call to Google, the state as it was, the message done
    assert (polled.deleted, polled.failed) == (1, 0)
    assert sum(mailbox_env.google.counters.calls.values()) == calls
    assert _get(alice)["status"] == before
    # ... and once the settings can be read, the admin's choice holds
    for client in (deps.dynamodb_client(), deps.hot_path_dynamodb_client()):
        client.meta.events.unregister("before-parameter-build.dynamodb.GetItem", refuse)
    deps.org_settings_cache().forget(org_id)  # (the 10 s of defaults have passed)
    _run_now(alice, calendar_queue)
    status = _get(alice)["status"]
    assert (status["state"], status["last_error"]["code"]) == ("paused", "calendar_sync_disabled")
    assert sum(mailbox_env.google.counters.calls.values()) == calls
