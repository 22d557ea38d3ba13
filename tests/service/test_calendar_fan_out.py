"""The calendar-sync schedule's fan-out on moto's SQS (mock_aws): several index pages, one
message per user, ten to a SendMessageBatch (counted at botocore's boundary); and `make run`'s
local schedule (devstack/worker.py), which enqueues the users with sync on every
CALENDAR_SYNC_LOCAL_INTERVAL seconds."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from chalicelib.calendar.service import CalendarSync, FanOut
from chalicelib.calendar.sync import SyncOptions
from chalicelib.queues import JobQueue
from chalicelib.settings import load_settings
from chalicelib.store.calendar_sync import CalendarSyncStore, SyncState
from devstack import worker
from devstack.awscalls import AwsCallCounter
from tests.fakes import FakeClock
from tests.service.test_calendar_routes import calendar_queue  # noqa: F401 - a fixture

ORG = "00D000000000001AAA"


def _drain(url: str) -> list[dict[str, Any]]:
    sqs = boto3.client("sqs")
    bodies: list[dict[str, Any]] = []
    while True:
        reply = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=60)
        messages = reply.get("Messages", [])
        if not messages:
            return bodies
        bodies.extend(json.loads(m["Body"]) for m in messages)


def _enable(repo: CalendarSyncStore, count: int) -> set[str]:
    users = {f"005B{i:011d}AAA" for i in range(count)}
    for user in users:
        repo.put(SyncState(ORG, user, enabled=True, provider="google"))
    repo.put(SyncState(ORG, "005C00000000000AAA", enabled=False))  # off: not in the index
    return users


def test_fan_out_over_several_index_pages_sends_ten_a_batch_on_moto_sqs(
    calendar_queue: str,  # noqa: F811
    store: Any,
    envelope: Any,
    clock: FakeClock,
) -> None:
    # Given 25 users with sync on (and one with it off)
    repo = CalendarSyncStore(store, envelope, clock)
    users = _enable(repo, 25)
    calls = AwsCallCounter()
    sqs = calls.attach(boto3.client("sqs"))
    queue = JobQueue(sqs, load_settings().calendar_queue_name)
    sync = CalendarSync(
        repo,
        store,
        lambda s: (None, None),
        lambda o, u, p: True,
        clock,
        SyncOptions(),
        queue,  # type: ignore[arg-type,return-value]
    )
    # When the fan-out reads the index 10 users a page
    done = sync.fan_out(page_size=10)
    # Then 3 pages were read, and every user is one message on the queue, 10 to a request
    assert done == FanOut(users=25, pages=3)
    assert calls.calls["sqs.SendMessageBatch"] == 3 and calls.calls["sqs.SendMessage"] == 0
    bodies = _drain(calendar_queue)
    assert sorted(b["user"] for b in bodies) == sorted(users)
    assert all(set(b) == {"kind", "org", "user"} for b in bodies)


def test_local_schedule_enqueues_the_enabled_users_at_its_interval(
    calendar_queue: str,  # noqa: F811
    store: Any,
    envelope: Any,
    clock: FakeClock,
    app_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app import calendar_fan_out

    # Given 3 users with sync on and make run's interval of 30 s
    monkeypatch.setenv("CALENDAR_SYNC_LOCAL_INTERVAL", "30")
    users = _enable(CalendarSyncStore(store, envelope, clock), 3)
    now = [1000.0]
    monkeypatch.setattr(worker.time, "monotonic", lambda: now[0])
    schedule = worker.calendar_schedule(
        load_settings().calendar_sync_local_interval, calendar_fan_out
    )
    # When it ticks: at once, 29 s later, and 30 s after the first
    assert schedule.tick() is True
    first = _drain(calendar_queue)
    now[0] += 29
    assert schedule.tick() is False
    assert _drain(calendar_queue) == []
    now[0] += 1
    assert schedule.tick() is True
    # Then each run put one message per enabled user on the calendar queue
    assert sorted(b["user"] for b in first) == sorted(users)
    assert sorted(b["user"] for b in _drain(calendar_queue)) == sorted(users)


def test_a_failed_message_of_a_batch_is_reported_and_the_others_are_done(
    store: Any, envelope: Any, clock: FakeClock
) -> None:
    # Given a batch of three: a user with sync on, a malformed body, a user with sync off
    repo = CalendarSyncStore(store, envelope, clock)
    (user,) = _enable(repo, 1)
    ran: list[str] = []

    def clients(state: SyncState) -> Any:
        ran.append(state.user_id)
        raise RuntimeError("no calendar in this test")  # recorded in the status, not raised

    sync = CalendarSync(repo, store, clients, lambda o, u, p: True, clock, SyncOptions())
    records = [
        {
            "messageId": "m1",
            "body": json.dumps({"kind": "calendar_sync", "org": ORG, "user": user}),
        },
        {"messageId": "m2", "body": "{not json"},
        {"messageId": "m3", "body": json.dumps({"kind": "calendar_sync", "org": ORG, "user": "x"})},
    ]
    # When the worker handles it
    answer = sync.handle_batch(records)
    # Then only the malformed one is reported (SQS redelivers it, then dead-letters it)
    assert answer == {"batchItemFailures": [{"itemIdentifier": "m2"}]}
    assert ran == [user]
    state = repo.get(ORG, user)
    assert state is not None and state.state == "error"
    assert state.last_error is not None and state.last_error["code"] == "sync_failed"
