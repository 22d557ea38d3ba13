"""Calendar sync (issue 12): calls per user for a cycle with no changes, calls per N changed
events, and the schedule's fan-out for 10,000 users.

`python -m bench --only calendar` runs only this one.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bench.core import Figure, environment

ORDER = 80
TITLE = "Calendar sync: calls per cycle, per changed event, and the fan-out for 10,000 users"
METHOD = """
In-process: the sync service (`chalicelib/calendar`) with the real table, KMS and SQS on moto
(`mock_aws`, provisioned from infra/template.yaml), the Salesforce and Google emulators over
HTTP on 127.0.0.1 counting the calls they serve, and the DynamoDB and SQS clients counted at the
botocore boundary (`devstack/awscalls.py`, a `request-created` hook). No-change cycle: a user
synced once, then one more cycle with nothing changed on either side. N changes, each measured
by one cycle: N new events in Google (each with one attendee, a seeded Contact), then the same N
edited, then deleted (calendar -> Salesforce, writes through sObject Collections, 200 records a
call); and N new Events in Salesforce, then edited, then deleted (Salesforce -> calendar: one
calendar write per event, two pair writes each). Fan-out: 10,000 users with sync on written to
the table, then one run of the schedule's fan-out onto the stage's calendar queue on moto's SQS:
index pages read, `SendMessageBatch` requests, the messages on the queue afterwards, and the
time. moto computes a queue's approximate counts on every SendMessage by walking the queue and
reading the clock once per message (quadratic in its length: 15 minutes for 10,000 messages);
the fan-out runs with moto's `unix_time_millis` replaced by the same clock read without
datetime arithmetic (same value), which leaves moto's SQS itself as it is.
"""

ORG = "00D000000000001AAA"
USER = "005000000000001AAA"
ALICE = "alice@acme.demo"
PETER = "peter.gibbons@initech.com"  # a seeded Contact
CHANGES = (1, 10, 100, 250)
FAN_OUT_USERS = 10_000


class _Grant:
    def __init__(self, access_token: str) -> None:
        self.access_token = access_token
        # a placeholder, never sent: no refresh in the benchmark
        self.refresh_token = "bench-refresh-token"  # noqa: S105


class _NoMetrics:
    def add(self, metric: Any, value: float = 1) -> None:
        pass


class _Tokens:
    def __init__(self, token: str) -> None:
        self._token = token

    def current(self) -> str:
        return self._token

    def refreshed(self, stale: str) -> str:
        raise RuntimeError("no refresh in the benchmark")


@dataclass
class Rig:
    sync: Any
    sf: Any
    google: Any
    api: Any
    dynamodb_calls: Any
    sqs_calls: Any
    stack: Any
    events: Any  # alice's Salesforce Events (the user's own edits in Salesforce)
    sf_shift: list[float]


@contextmanager
def rig() -> Iterator[Rig]:
    """moto provisioned from the template, the Salesforce and Google emulators on loopback,
    and the calendar-sync service on them."""
    import boto3
    from moto import mock_aws

    from chalicelib.calendar.salesforce import SalesforceEvents
    from chalicelib.calendar.service import CalendarSync
    from chalicelib.calendar.sync import SyncOptions
    from chalicelib.clock import SystemClock
    from chalicelib.connections.vault import ConnectionVault
    from chalicelib.crypto.envelope import Envelope
    from chalicelib.hooks import Hook
    from chalicelib.providers.google.provider import GoogleProvider
    from chalicelib.providers.salesforce.client import SalesforceClient
    from chalicelib.providers.salesforce.provider import SalesforceProvider
    from chalicelib.queues import JobQueue
    from chalicelib.settings import Settings
    from chalicelib.store.calendar_sync import CalendarSyncStore, SyncState
    from chalicelib.store.table import Store
    from devstack.awscalls import AwsCallCounter
    from devstack.googleemu import GoogleEmulator
    from devstack.provision import provision_stack
    from devstack.sfemu import Emulator, EmulatorServer

    with environment(), mock_aws():
        stack = provision_stack(boto3.session.Session(), stage="bench")
        dynamodb_calls = AwsCallCounter()
        dynamodb = dynamodb_calls.attach(boto3.client("dynamodb"))
        sqs_calls = AwsCallCounter()
        sqs = sqs_calls.attach(boto3.client("sqs"))
        clock = SystemClock()
        store = Store(dynamodb, stack.table_name, clock)
        envelope = Envelope(boto3.client("kms"), stack.key_alias, clock)
        shift = [0.0]  # the Salesforce clock moved on before a user's edit (whole-second stamps)
        sf = Emulator(clock=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(seconds=shift[0]))
        google = GoogleEmulator(redirect_uris=["https://stratus.test/cb"]).start()
        try:
            with EmulatorServer(sf, host="127.0.0.1", port=0) as server:
                settings = Settings(google_api_url=google.url, mailbox_timeout_seconds=10.0)
                # the connections as deployed: sealed in the table, checked by the vault on
                # every cycle (access tokens cached, as in a warm container)
                google_provider = GoogleProvider(settings, lambda s: s)
                vault = ConnectionVault(
                    store,
                    envelope,
                    clock,
                    {
                        "salesforce": SalesforceProvider(settings, lambda s: s, lambda o, u: None),
                        "google": google_provider,
                    },
                    Hook(),
                    _NoMetrics(),
                )
                sf_token = sf.issue_tokens(sf.demo.users["alice"])["access_token"]
                vault.save("salesforce", ORG, USER, _Grant(sf_token), {})
                google_token = google.issue_tokens(ALICE)["access_token"]
                vault.save("google", ORG, USER, _Grant(google_token), {})
                salesforce = SalesforceClient(
                    server.url, _Tokens(sf_token), "60.0", read_timeout=10
                )
                calendar = google_provider.calendar(_Tokens(google_token))

                def clients(state: SyncState) -> tuple[Any, SalesforceEvents]:
                    google_tokens = vault.tokens("google", state.org_id, state.user_id)
                    sf_tokens = vault.tokens("salesforce", state.org_id, state.user_id)
                    sf_client = SalesforceClient(server.url, sf_tokens, "60.0", read_timeout=10)
                    return (
                        google_provider.calendar(google_tokens),
                        SalesforceEvents(sf_client, sf.demo.users["alice"]),
                    )

                repo = CalendarSyncStore(store, envelope, clock)
                queue = JobQueue(sqs, stack.calendar_queue_name)
                sync = CalendarSync(
                    repo,
                    store,
                    clients,
                    lambda org, user, provider: True,
                    clock,
                    SyncOptions(),
                    queue,
                    connections=vault,
                )
                repo.put(SyncState(ORG, USER, enabled=True, provider="google"))
                events = SalesforceEvents(salesforce, sf.demo.users["alice"])
                yield Rig(
                    sync, sf, google, calendar, dynamodb_calls, sqs_calls, stack, events, shift
                )
        finally:
            google.stop()


def _google_calls(google: Any) -> int:
    return sum(n for name, n in google.counters.calls.items() if name.startswith("calendar."))


def _add_events(rig: Rig, count: int, tag: str) -> None:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=3)
    for index in range(count):
        begin = start + dt.timedelta(minutes=30 * index)
        body = {
            "summary": f"{tag} {index}",
            "start": {"dateTime": begin.strftime("%Y-%m-%dT%H:%M:%SZ")},
            "end": {"dateTime": (begin + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ")},
            "attendees": [{"email": PETER}],
        }
        rig.api._api.send(  # the user's own edit, straight into their calendar
            "POST", "/calendar/v3/calendars/primary/events", body, params={"sendUpdates": "none"}
        )


def _cycle(rig: Rig) -> tuple[int, int, int]:
    """One cycle: (Salesforce calls, Google calls, DynamoDB reads)."""
    sf_before, google_before = rig.sf.calls(), _google_calls(rig.google)
    rig.dynamodb_calls.reset()
    outcome = rig.sync.run_user(ORG, USER)
    assert outcome.state == "ok", outcome
    reads = sum(
        rig.dynamodb_calls.count(f"dynamodb.{op}") for op in ("GetItem", "Query", "BatchGetItem")
    )
    return rig.sf.calls() - sf_before, _google_calls(rig.google) - google_before, reads


def _writes(rig: Rig) -> int:
    """DynamoDB writes of the last cycle (the lease's two included)."""
    return sum(
        rig.dynamodb_calls.count(f"dynamodb.{op}")
        for op in ("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems")
    )


def _quiet_cycle_figures(rig: Rig) -> list[Figure]:
    rig.sync.run_user(ORG, USER)  # the first cycle pairs the seeded events
    rig.sync.run_user(ORG, USER)  # our writes' stamps come back once (no echo: a change)
    sf_calls, google_calls, reads = _cycle(rig)
    how = "a cycle with nothing changed on either side"
    return [
        Figure("Provider calls per user, no change", google_calls, "requests", how, 1),
        Figure("Salesforce calls per user, no change", sf_calls, "requests", how, 1),
        Figure(
            "DynamoDB reads per user, no change (the cycle's own)",
            reads,
            "requests",
            f"{how}: one BatchGetItem of the state and both connections (the vault checks them"
            " on every cycle; access tokens cached, as in a warm container), no pair (the"
            " watermark's rows already seen), nothing else but the lease's writes. The org's"
            " settings: once a minute per org per container, not per user. The same count"
            " through the real worker: tests/service/test_calendar_routes.py (docs/calendar.md,"
            " Figures)",
            2,
        ),
    ]


def _google_ids(rig: Rig, tag: str) -> list[str]:
    events = rig.google.calendars[ALICE].events
    return [i for i, e in events.items() if str(e.get("summary", "")).startswith(tag)]


def _sf_born(rig: Rig, count: int, tag: str) -> list[str]:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=20)
    records = []
    for index in range(count):
        begin = start + dt.timedelta(minutes=30 * index)
        records.append(
            {
                "Subject": f"{tag} {index}",
                "StartDateTime": begin.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "EndDateTime": (begin + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
        )
    return [str(r.sf_id) for r in rig.events.create(records)]


def _figure(label: str, calls: int, bound: int, how: str, detail: str) -> Figure:
    return Figure(label, calls, "requests", how, bound, detail=detail)


def _to_salesforce(rig: Rig, count: int) -> list[Figure]:
    """N events made, then edited, then deleted in Google: one cycle each."""
    tag = f"bench-{count}"
    batches = math.ceil(count / 200)
    how = f"one cycle after {count} events {{}} in Google (Salesforce writes 200 a call)"
    figures = []
    _add_events(rig, count, tag)
    sf_calls, google_calls, _ = _cycle(rig)
    # the query, the address matching, creates, relations and stamps in 200s
    figures.append(
        _figure(
            f"Salesforce calls for {count} new event(s)",
            sf_calls,
            2 + 3 * batches,
            how.format("made"),
            f"Google calls {google_calls}",
        )
    )
    for event_id in _google_ids(rig, tag):
        rig.api._api.send(
            "PATCH",
            f"/calendar/v3/calendars/primary/events/{event_id}",
            {"location": "moved"},
            params={"sendUpdates": "none"},
        )
    sf_calls, google_calls, _ = _cycle(rig)
    # the query, the address matching, updates and stamps in 200s
    figures.append(
        _figure(
            f"Salesforce calls for {count} event(s) edited in Google",
            sf_calls,
            2 + 2 * batches,
            how.format("edited"),
            f"Google calls {google_calls}",
        )
    )
    for event_id in _google_ids(rig, tag):
        rig.api.delete(event_id)
    sf_calls, google_calls, _ = _cycle(rig)
    figures.append(  # the query, deletes in 200s
        _figure(
            f"Salesforce calls for {count} event(s) deleted in Google",
            sf_calls,
            1 + batches,
            how.format("deleted"),
            f"Google calls {google_calls}",
        )
    )
    return figures


def _from_salesforce(rig: Rig, count: int) -> list[Figure]:
    """N Events made, then edited, then deleted in Salesforce: one cycle each."""
    how = f"one cycle after {count} Events {{}} in Salesforce (one calendar write per event)"
    figures = []
    sf_ids = _sf_born(rig, count, f"sf-bench-{count}")
    for verb in ("made", "edited", "deleted"):
        rig.sf_shift[0] += 2  # a person's edit comes a second or more after the sync's
        if verb == "edited":
            rig.events.update([{"Id": i, "Location": "moved"} for i in sf_ids])
        elif verb == "deleted":
            rig.events.delete(sf_ids)
        sf_calls, google_calls, _ = _cycle(rig)
        detail = f"Salesforce calls {sf_calls}; DynamoDB writes {_writes(rig)}"
        figures.append(
            _figure(
                f"Google calls for {count} Event(s) {verb} in Salesforce",
                google_calls,
                1 + count,
                how.format(verb),
                detail,
            )
        )
    return figures


def _change_figures(rig: Rig) -> list[Figure]:
    figures = []
    for count in CHANGES:
        figures += _to_salesforce(rig, count)
        figures += _from_salesforce(rig, count)
    return figures


def _fan_out_figures(rig: Rig, users: int = FAN_OUT_USERS) -> list[Figure]:
    import boto3

    from chalicelib.store import keys

    table = boto3.resource("dynamodb").Table(rig.stack.table_name)
    with table.batch_writer() as batch:
        for index in range(users - 1):  # and the rig's own user: `users` in all
            user = f"005B{index:011d}AAA"
            pk, sk = keys.calendar_sync_key(ORG, user)
            batch.put_item(
                Item={
                    "pk": pk,
                    "sk": sk,
                    "enabled": True,
                    "gsi1pk": keys.CALENDAR_SYNC_INDEX,
                    "gsi1sk": f"{ORG}#{user}",
                }
            )
    rig.dynamodb_calls.reset()
    rig.sqs_calls.reset()
    with _moto_sqs_clock():
        began = time.perf_counter()
        done = rig.sync.fan_out()
        seconds = time.perf_counter() - began
    sends = rig.sqs_calls.count("sqs.SendMessageBatch")
    sqs = boto3.client("sqs")
    queued = sqs.get_queue_attributes(
        QueueUrl=sqs.get_queue_url(QueueName=rig.stack.calendar_queue_name)["QueueUrl"],
        AttributeNames=["ApproximateNumberOfMessages"],
    )["Attributes"]["ApproximateNumberOfMessages"]
    assert int(queued) == done.users, (queued, done)
    how = f"one fan-out of {done.users} users with sync on (moto: DynamoDB and SQS)"
    return [
        Figure(
            f"SendMessageBatch requests, {users:,} users",
            sends,
            "requests",
            how,
            users // 10,
            detail=f"messages on the queue {queued}",
        ),
        Figure(
            f"Index pages read, {users:,} users",
            rig.dynamodb_calls.count("dynamodb.Query"),
            "requests",
            how,
            informational=True,
        ),
        Figure(f"Fan-out time, {users:,} users", seconds * 1000, "ms", how, informational=True),
    ]


@contextmanager
def _moto_sqs_clock() -> Iterator[None]:
    """moto's SQS with its clock read in milliseconds without datetime arithmetic (METHOD)."""
    from unittest import mock

    import moto.sqs.models

    with mock.patch.object(moto.sqs.models, "unix_time_millis", lambda d=None: time.time() * 1e3):
        yield


def run(fan_out_users: int = FAN_OUT_USERS) -> list[Figure]:
    """`fan_out_users`: the issue's 10,000 in `make bench`; tests pass fewer (the same code,
    over several index pages, at a fraction of the time)."""
    with rig() as setup:
        figures = _quiet_cycle_figures(setup)
        figures += _change_figures(setup)
        figures += _fan_out_figures(setup, fan_out_users)
    return figures
