"""The dashboard's opens and clicks: each hit ADDs its org's daily count, in one of HIT_SHARDS
counter shards, in the same transaction as its event (store/tracking_events.py `record`), so
the hot path keeps its one write, nothing waits in memory, a repeat or a hit on a deleted
message counts nothing, the counts outlive the events (400 days), and a report reads the same
number of items whatever the traffic."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse

from chalicelib.store import keys
from chalicelib.store.table import Store
from chalicelib.store.tracking_events import TrackingEvent, TrackingEvents
from chalicelib.store.usage import RETENTION_DAYS, UsageItems, hit_shard
from devstack.awscalls import AwsCallCounter
from devstack.provision import ProvisionedStack
from tests.fakes import FakeClock

ORG, OTHER_ORG, ANN = "00D000000000ORGAAA", "00D000000000OTHAAA", "005000000000ANNAAA"
MIDNIGHT = int(datetime(2026, 11, 1, tzinfo=UTC).timestamp())  # also a month's end
EVENT_DAYS = 30  # how long the test's events live (the tracking retention, shortened)


def _message(store: Store, org_id: str = ORG, message_id: str = "m1") -> None:
    """A tracked message the hits may be recorded on (its events need it)."""
    pk, sk = keys.tracked_message_key(org_id, ANN, message_id)
    store.put({"pk": pk, "sk": sk, "expires_at": MIDNIGHT + EVENT_DAYS * 86_400})


def _hit(
    n: int,
    second: int,
    kind: str = "open",
    verdict: str = "human",
    org_id: str = ORG,
    message_id: str = "m1",
    ms: int = 0,
) -> TrackingEvent:
    return TrackingEvent(
        org_id=org_id,
        user_id=ANN,
        message_id=message_id,
        recipient=0,
        kind=kind,
        at_ms=second * 1000 + ms,
        event_id=f"{n:020x}",
        verdict=verdict,
        reason="test",
        expires_at=MIDNIGHT + EVENT_DAYS * 86_400,
    )


@pytest.fixture
def at_midnight(clock: FakeClock) -> FakeClock:
    clock.advance(MIDNIGHT + 3600 - clock.now())
    return clock


def _events_of(store: Store, message_id: str = "m1") -> list[TrackingEvent]:
    return list(TrackingEvents(store).summaries(ORG, ANN, message_id))


def test_hits_are_counted_per_utc_day_kind_and_verdict_in_their_one_write(
    store: Store, at_midnight: FakeClock, aws_calls: AwsCallCounter
) -> None:
    # Given tracked messages of two orgs
    _message(store), _message(store, OTHER_ORG)
    events = TrackingEvents(store)
    aws_calls.reset()
    # When hits come on either side of a UTC midnight that is also a month's end
    hits = [
        _hit(1, MIDNIGHT - 1),
        _hit(2, MIDNIGHT, verdict="apple_mpp"),
        _hit(3, MIDNIGHT + 5, kind="click"),
        _hit(4, MIDNIGHT + 6, kind="click"),
        _hit(5, MIDNIGHT + 7, org_id=OTHER_ORG),
    ]
    assert all(events.record(hit) for hit in hits)
    # Then each hit cost exactly one request (its transaction), and nothing was read
    assert dict(aws_calls.calls) == {"dynamodb.TransactWriteItems": len(hits)}
    # ... and the org's days hold their own counts by kind and verdict, not the other org's
    found = UsageItems(store).hits(ORG, date(2026, 10, 1), date(2026, 11, 1))
    assert found == {
        "2026-10-31": {"opens_human": 1},
        "2026-11-01": {"opens_apple_mpp": 1, "clicks_human": 2},
    }
    assert UsageItems(store).hits(ORG, date(2026, 10, 1), date(2026, 10, 30)) == {}
    assert UsageItems(store).hits(OTHER_ORG, date(2026, 11, 1), date(2026, 11, 1)) == {
        "2026-11-01": {"opens_human": 1}
    }


def test_a_repeated_hit_is_stored_and_counted_once(store: Store, at_midnight: FakeClock) -> None:
    # Given a hit recorded
    _message(store)
    events = TrackingEvents(store)
    assert events.record(_hit(1, MIDNIGHT + 10))
    # When the same token is hit again within its second (a replay: the same event key)
    assert not events.record(_hit(1, MIDNIGHT + 10, ms=250))
    # ... or the SDK sends the same write again (its reply was lost): not an error
    assert events.record(_hit(1, MIDNIGHT + 10))
    # Then it is one event and one count
    assert len(_events_of(store)) == 1
    today = date(2026, 11, 1)
    assert UsageItems(store).hits(ORG, today, today) == {"2026-11-01": {"opens_human": 1}}


def test_a_hit_on_a_deleted_message_counts_nothing(
    store: Store, at_midnight: FakeClock, stack: ProvisionedStack
) -> None:
    # Given no tracked message (its sender deleted it, or their account)
    # When a hit on it comes
    assert not TrackingEvents(store).record(_hit(1, MIDNIGHT + 10))
    # Then nothing at all was written: no event, no counter shard
    items = boto3.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    assert [i for i in items if "ORGHITS#" in i["pk"]["S"] or "#TRK#" in i["sk"]["S"]] == []
    today = date(2026, 11, 1)
    assert UsageItems(store).hits(ORG, today, today) == {}


def test_counts_outlive_their_events_for_400_days(store: Store, at_midnight: FakeClock) -> None:
    # Given an open and a click on Nov 1, whose events live EVENT_DAYS
    _message(store)
    events = TrackingEvents(store)
    assert events.record(_hit(1, MIDNIGHT + 10))
    assert events.record(_hit(2, MIDNIGHT + 20, kind="click"))
    day = date(2026, 11, 1)
    # When the events have expired
    at_midnight.advance((EVENT_DAYS + 1) * 86_400)
    assert _events_of(store) == []
    # Then the day's counts are still reported, until RETENTION_DAYS after the day
    counted = {"2026-11-01": {"opens_human": 1, "clicks_human": 1}}
    assert UsageItems(store).hits(ORG, day, day) == counted
    at_midnight.advance((RETENTION_DAYS - EVENT_DAYS - 1) * 86_400 - 3600)
    assert UsageItems(store).hits(ORG, day, day) == counted
    at_midnight.advance(86_400 + 1)
    assert UsageItems(store).hits(ORG, day, day) == {}


def _report_requests(store: Store, aws_calls: AwsCallCounter) -> tuple[int, int]:
    """(DynamoDB requests, opens) of a 30-day report's reads (the org's days and its hits)."""
    aws_calls.reset()
    usage = UsageItems(store)
    first, last = date(2026, 10, 3), date(2026, 11, 1)
    usage.org_days(ORG, first, last)
    hits = usage.hits(ORG, first, last)
    return aws_calls.count("dynamodb."), sum(d.get("opens_human", 0) for d in hits.values())


def test_a_reports_reads_do_not_grow_with_the_hits(
    store: Store, at_midnight: FakeClock, aws_calls: AwsCallCounter
) -> None:
    # Given 10 hits over the last 30 days
    _message(store)
    events = TrackingEvents(store)
    for n in range(10):
        assert events.record(_hit(n, MIDNIGHT - n * 86_400 + 60))
    requests_for_10, opens = _report_requests(store, aws_calls)
    assert opens == 10
    # When 990 more come over the same days
    for n in range(10, 1000):
        assert events.record(_hit(n, MIDNIGHT - (n % 30) * 86_400 + 60 + n))
    # Then the same report makes the same number of requests: one Query per shard (and the
    # org's own days), each at most a month of small items
    requests_for_1000, opens = _report_requests(store, aws_calls)
    assert opens == 1000
    assert requests_for_1000 == requests_for_10 == keys.HIT_SHARDS + 2


@pytest.fixture
def conflicts(stack: ProvisionedStack) -> Iterator[tuple[Any, list[int]]]:
    """A DynamoDB client whose next TransactWriteItems requests (as many as the list's number)
    are answered as DynamoDB answers a transaction that met another on its third item: 400
    TransactionCanceledException with a TransactionConflict reason (DynamoDB API Reference,
    TransactWriteItems, Errors:
    https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html)."""
    client, left = boto3.client("dynamodb"), [0]
    body = {
        "__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
        "Message": "Transaction cancelled, please refer cancellation reasons for specific "
        "reasons [None, None, TransactionConflict]",
        "CancellationReasons": [
            {"Code": "None"},
            {"Code": "None"},
            {"Code": "TransactionConflict", "Message": "Transaction is ongoing for the item"},
        ],
    }

    def answer(**_: Any) -> tuple[AWSResponse, dict[str, Any]] | None:
        if left[0] <= 0:
            return None  # sent to the table
        left[0] -= 1
        error = {"Code": "TransactionCanceledException", "Message": body["Message"]}
        parsed = {
            "Error": error,
            "CancellationReasons": body["CancellationReasons"],
            "ResponseMetadata": {"HTTPStatusCode": 400},
        }
        return AWSResponse("https://dynamodb.invalid/", 400, {}, None), parsed

    # before-call answers in place of the request (moto never sees it): what botocore parses
    # the wire answer above into (its modeled CancellationReasons included)
    client.meta.events.register_first("before-call.dynamodb.TransactWriteItems", answer)
    yield client, left


def _shard_items(stack: ProvisionedStack) -> dict[str, dict[str, Any]]:
    items = boto3.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    return {i["pk"]["S"]: i for i in items if i["pk"]["S"].startswith("ORGHITS#")}


def _recording_through(
    conflicts: tuple[Any, list[int]], clock: FakeClock, stack: ProvisionedStack
) -> tuple[Store, TrackingEvents, list[TrackingEvent], list[int]]:
    """A message's store on the conflicting client, its TrackingEvents, the hits it reports
    stored uncounted, and the conflicts still to answer (set by the test)."""
    client, left = conflicts
    store = Store(client, stack.table_name, clock)
    _message(store)
    uncounted: list[TrackingEvent] = []
    return store, TrackingEvents(store, uncounted=uncounted.append), uncounted, left


def test_a_conflict_on_a_counter_is_tried_again_on_the_next_shard(
    conflicts: tuple[Any, list[int]], at_midnight: FakeClock, stack: ProvisionedStack
) -> None:
    store, events, uncounted, left = _recording_through(conflicts, at_midnight, stack)
    # Given another transaction on the hit's counter shard at the same time
    left[0] = 1
    hit = _hit(7, MIDNIGHT + 10)
    # When the hit is recorded
    assert events.record(hit)
    # Then it was counted once, in the next shard, and its event stored
    shards = _shard_items(stack)
    assert set(shards) == {keys.org_hits_pk(ORG, hit_shard(hit.event_id, 1))}
    assert [item["count#opens_human"] for item in shards.values()] == [{"N": "1"}]
    assert len(_events_of(store)) == 1 and uncounted == [] and left == [0]


def test_a_second_conflict_stores_the_event_uncounted_and_says_so(
    conflicts: tuple[Any, list[int]], at_midnight: FakeClock, stack: ProvisionedStack
) -> None:
    store, events, uncounted, left = _recording_through(conflicts, at_midnight, stack)
    # Given conflicts on both shards the hit may count in
    left[0] = 2
    hit = _hit(8, MIDNIGHT + 10)
    # When it is recorded
    assert events.record(hit)
    # Then its event is kept, without a count, and the loss is reported (a metric in deps)
    assert len(_events_of(store)) == 1
    assert _shard_items(stack) == {}
    assert uncounted == [hit]
    # ... and a later hit is counted as usual
    assert events.record(_hit(9, MIDNIGHT + 11))
    day = date(2026, 11, 1)
    assert UsageItems(store).hits(ORG, day, day) == {"2026-11-01": {"opens_human": 1}}


def test_an_org_deletion_removes_its_counter_shards(
    store: Store, at_midnight: FakeClock, stack: ProvisionedStack
) -> None:
    # Given counts in several shards
    _message(store)
    events = TrackingEvents(store)
    for n in range(40):
        assert events.record(_hit(n, MIDNIGHT + n))
    assert len(_shard_items(stack)) > 1
    # When the org's own items are deleted (the `org` phase of its deletion)
    from chalicelib.admin.deletion import OrgDeletion
    from chalicelib.store.org_deletion import OrgDeletionJobs

    jobs = OrgDeletionJobs(store, at_midnight)
    jobs.start(ORG)
    deletion = OrgDeletion(store, jobs, None, None, at_midnight, None)  # type: ignore[arg-type]
    deletion._org_items(ORG)
    # Then no shard is left
    assert _shard_items(stack) == {}
    assert UsageItems(store).hits(ORG, date(2026, 11, 1), date(2026, 11, 1)) == {}


def test_a_shard_is_chosen_from_the_event_id_over_every_shard() -> None:
    shards = {hit_shard(f"{n:020x}") for n in range(2000)}
    assert shards == set(range(keys.HIT_SHARDS))
    assert all(hit_shard(f"{n:x}", 1) == (hit_shard(f"{n:x}") + 1) % 16 for n in range(50))
