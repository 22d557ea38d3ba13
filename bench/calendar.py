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
In-process: the sync service (`chalicelib/calendar`) with the real table and KMS on moto
(`mock_aws`, provisioned from infra/template.yaml), the Salesforce and Google emulators over
HTTP on 127.0.0.1 counting the calls they serve, and the DynamoDB client counted at the botocore
boundary (`devstack/awscalls.py`). No-change cycle: a user synced once, then one more cycle with
nothing changed on either side. N changes: N new events in Google (each with one attendee, a
seeded Contact), then one cycle (Salesforce writes through sObject Collections, 200 records a
call). Fan-out: 10,000 users with sync on written to the table, then one run of the schedule's
fan-out: index pages read on moto, and `SendMessageBatch` requests, counted by a recorder with
SQS's client interface (moto's SQS walks the whole queue on every send, quadratic in its
length; tests/service/test_calendar_routes.py runs the fan-out against moto's SQS itself), and
the fan-out's time.
"""

ORG = "00D000000000001AAA"
USER = "005000000000001AAA"
ALICE = "alice@acme.demo"
PETER = "peter.gibbons@initech.com"  # a seeded Contact
CHANGES = (1, 10, 100, 250)
FAN_OUT_USERS = 10_000


class _Tokens:
    def __init__(self, token: str) -> None:
        self._token = token

    def current(self) -> str:
        return self._token

    def refreshed(self, stale: str) -> str:
        raise RuntimeError("no refresh in the benchmark")


class RecordingSqs:
    """SQS's `get_queue_url` and `send_message_batch`, counting requests (10 entries at most,
    as SQS allows) and messages."""

    def __init__(self) -> None:
        self.requests = 0
        self.messages = 0

    def get_queue_url(self, QueueName: str) -> dict[str, str]:
        return {"QueueUrl": f"https://sqs.bench/{QueueName}"}

    def send_message_batch(self, QueueUrl: str, Entries: list[Any]) -> dict[str, Any]:
        assert 0 < len(Entries) <= 10
        self.requests += 1
        self.messages += len(Entries)
        return {"Successful": [{"Id": e["Id"]} for e in Entries], "Failed": []}


@dataclass
class Rig:
    sync: Any
    sf: Any
    google: Any
    api: Any
    dynamodb_calls: Any
    sqs: RecordingSqs
    stack: Any


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
    from chalicelib.crypto.envelope import Envelope
    from chalicelib.providers.google.provider import GoogleProvider
    from chalicelib.providers.salesforce.client import SalesforceClient
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
        sqs = RecordingSqs()
        clock = SystemClock()
        store = Store(dynamodb, stack.table_name, clock)
        envelope = Envelope(boto3.client("kms"), stack.key_alias, clock)
        sf = Emulator()
        google = GoogleEmulator(redirect_uris=["https://stratus.test/cb"]).start()
        try:
            with EmulatorServer(sf, host="127.0.0.1", port=0) as server:
                sf_token = sf.issue_tokens(sf.demo.users["alice"])["access_token"]
                salesforce = SalesforceClient(
                    server.url, _Tokens(sf_token), "60.0", read_timeout=10
                )
                settings = Settings(google_api_url=google.url, mailbox_timeout_seconds=10.0)
                tokens = _Tokens(google.issue_tokens(ALICE)["access_token"])
                calendar = GoogleProvider(settings, lambda s: s).calendar(tokens)
                repo = CalendarSyncStore(store, envelope, clock)
                queue = JobQueue(sqs, stack.calendar_queue_name)
                sync = CalendarSync(
                    repo,
                    store,
                    lambda state: (calendar, SalesforceEvents(salesforce, sf.demo.users["alice"])),
                    lambda org, user, provider: True,
                    clock,
                    SyncOptions(),
                    queue,
                )
                repo.put(SyncState(ORG, USER, enabled=True, provider="google"))
                yield Rig(sync, sf, google, calendar, dynamodb_calls, sqs, stack)
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


def _quiet_cycle_figures(rig: Rig) -> list[Figure]:
    rig.sync.run_user(ORG, USER)  # the first cycle pairs the seeded events
    sf_calls, google_calls, reads = _cycle(rig)
    how = "a cycle with nothing changed on either side"
    return [
        Figure("Provider calls per user, no change", google_calls, "requests", how, 1),
        Figure("Salesforce calls per user, no change", sf_calls, "requests", how, 1),
        Figure(
            "DynamoDB reads per user, no change",
            reads,
            "requests",
            f"{how}: the state (GetItem) and nothing else but the lease's writes",
            2,
        ),
    ]


def _change_figures(rig: Rig) -> list[Figure]:
    figures = []
    for count in CHANGES:
        _add_events(rig, count, f"bench-{count}")
        sf_calls, google_calls, _ = _cycle(rig)
        # the query, the address matching, creates, relations and stamps in 200s
        bound = 2 + 3 * math.ceil(count / 200)
        figures.append(
            Figure(
                f"Salesforce calls for {count} new event(s)",
                sf_calls,
                "requests",
                "one cycle after N new events in Google (writes batched 200 a call)",
                bound,
                detail=f"Google calls {google_calls}",
            )
        )
    return figures


def _fan_out_figures(rig: Rig) -> list[Figure]:
    import boto3

    from chalicelib.store import keys

    table = boto3.resource("dynamodb").Table(rig.stack.table_name)
    with table.batch_writer() as batch:
        for index in range(FAN_OUT_USERS - 1):  # and the rig's own user: 10,000 in all
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
    began = time.perf_counter()
    done = rig.sync.fan_out()
    seconds = time.perf_counter() - began
    sends = rig.sqs.requests
    assert rig.sqs.messages == done.users
    how = f"one fan-out of {done.users} users with sync on (moto)"
    return [
        Figure("SendMessageBatch requests, 10,000 users", sends, "requests", how, 1000),
        Figure(
            "Index pages read, 10,000 users",
            rig.dynamodb_calls.count("dynamodb.Query"),
            "requests",
            how,
            informational=True,
        ),
        Figure("Fan-out time, 10,000 users", seconds * 1000, "ms", how, informational=True),
    ]


def run() -> list[Figure]:
    with rig() as setup:
        figures = _quiet_cycle_figures(setup)
        figures += _change_figures(setup)
        figures += _fan_out_figures(setup)
    return figures
