"""The single-table helper on moto: TTL-aware reads, conditional writes, leases, counters, pages."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from botocore.exceptions import ClientError

from chalicelib.errors import (
    ConditionFailed,
    LeaseHeld,
    StorageUnavailable,
    StoreBusy,
    ValidationFailed,
)
from chalicelib.store import keys
from chalicelib.store.table import Store
from tests.fakes import FakeClock


def _item(pk: str, sk: str, **extra: object) -> dict[str, object]:
    return {"pk": pk, "sk": sk, **extra}


def test_put_and_get_round_trip_python_types(store: Store) -> None:
    # Given
    store.put(_item("P", "S", n=3, f=1.5, s="x", flag=True, tags=["a"], nested={"k": 2}))
    # When
    item = store.get(("P", "S"))
    # Then
    assert item == _item("P", "S", n=3, f=1.5, s="x", flag=True, tags=["a"], nested={"k": 2})


def test_expired_item_is_invisible_to_every_read_path(store: Store, clock: FakeClock) -> None:
    # Given an item that expires in 10 s, next to one that never expires
    now = int(clock.now())
    store.put(_item("P", "A", expires_at=now + 10))
    store.put(_item("P", "B"))
    store.put(_item("G", "1", gsi1pk="U", gsi1sk="1", expires_at=now + 10))
    assert store.get(("P", "A")) is not None
    # When time passes its expiry (moto, like DynamoDB for up to ~48 h, still holds it)
    clock.advance(10)
    # Then get, query, query_all, the index and take all treat it as absent
    assert store.get(("P", "A")) is None
    assert [i["sk"] for i in store.query("P").items] == ["B"]
    assert [i["sk"] for i in store.query_all("P")] == ["B"]
    assert store.query("U", index="gsi1").items == []
    assert [i["sk"] for i in store.query_all("P", attributes=("sk",), page_size=None)] == ["B"]
    assert [i["sk"] for i in store.batch_get([("P", "A"), ("P", "B")], attributes=("sk",))] == ["B"]
    assert store.take(("P", "A")) is None


def test_an_expired_counter_starts_again_instead_of_continuing(
    store: Store, clock: FakeClock
) -> None:
    # Given a counter at 5 that expires in 10 s
    key = keys.counter_key("opens")
    now = int(clock.now())
    assert store.increment(key, by=5, expires_at=now + 10) == 5
    # When it has expired (still stored, as DynamoDB keeps it until its sweep)
    clock.advance(10)
    # Then it counts from zero again with the new expiry, and lives on
    assert store.increment(key, by=1, expires_at=now + 100) == 1
    assert store.get(key) == {"pk": key[0], "sk": key[1], "count": 1, "expires_at": now + 100}
    assert store.increment(key, by=2, expires_at=now + 500) == 3
    # and one restarted without an expiry never expires
    clock.advance(100)
    assert store.increment(key) == 1
    clock.advance(10_000)
    assert store.get(key) == {"pk": key[0], "sk": key[1], "count": 1}


def test_put_if_absent_refuses_a_live_item_but_replaces_an_expired_one(
    store: Store, clock: FakeClock
) -> None:
    now = int(clock.now())
    store.put_if_absent(_item("P", "S", v=1, expires_at=now + 5))
    with pytest.raises(ConditionFailed):
        store.put_if_absent(_item("P", "S", v=2))
    clock.advance(6)
    store.put_if_absent(_item("P", "S", v=3))
    assert store.get(("P", "S")) == _item("P", "S", v=3)


def test_put_if_absent_with_a_required_owner_writes_only_while_the_owner_lives(
    store: Store, clock: FakeClock, aws_calls: object
) -> None:
    now = int(clock.now())
    owner = ("O", "OWNER")
    # no owner: refused
    with pytest.raises(ConditionFailed):
        store.put_if_absent(_item("O", "CHILD#1"), requires=owner)
    # a live owner: written, once, in one request
    store.put(_item("O", "OWNER", expires_at=now + 10))
    aws_calls.reset()  # type: ignore[attr-defined]
    store.put_if_absent(_item("O", "CHILD#1"), requires=owner)
    assert dict(aws_calls.calls) == {"dynamodb.TransactWriteItems": 1}  # type: ignore[attr-defined]
    with pytest.raises(ConditionFailed):
        store.put_if_absent(_item("O", "CHILD#1", v=2), requires=owner)
    # an expired owner (not yet swept) counts as gone
    clock.advance(10)
    with pytest.raises(ConditionFailed):
        store.put_if_absent(_item("O", "CHILD#2"), requires=owner)
    assert [i["sk"] for i in store.query_all("O")] == ["CHILD#1"]


def test_put_new_writes_all_items_or_none(store: Store) -> None:
    store.put_new([_item("A", "1"), _item("B", "1")])
    assert store.get(("A", "1")) is not None and store.get(("B", "1")) is not None
    with pytest.raises(ConditionFailed):
        store.put_new([_item("C", "1"), _item("A", "1", v=2)])  # A/1 exists: C/1 is not written
    assert store.get(("C", "1")) is None
    assert store.get(("A", "1")) == _item("A", "1")


def test_delete_owned_by_follows_references_out_of_the_partition(store: Store) -> None:
    owner = keys.user_pk("00Dorg", "005user")
    store.put(_item(owner, "PROFILE"))
    store.put(_item("ELSEWHERE#1", "X", note="found only through the reference"))
    store.put(_item(owner, "REF#1", **{keys.REF_PK: "ELSEWHERE#1", keys.REF_SK: "X"}))
    store.put(_item("ELSEWHERE#2", "Y"))  # nobody's: stays
    assert store.delete_owned_by(owner) == 3
    assert store.get(("ELSEWHERE#1", "X")) is None
    assert list(store.query_all(owner)) == []
    assert store.get(("ELSEWHERE#2", "Y")) is not None


class _Conflicting:
    """A DynamoDB client whose transactions are cancelled `times` times with `reasons` (the
    shape real DynamoDB answers with; moto never produces conflicts)."""

    def __init__(self, client: Any, times: int, reasons: list[str]) -> None:
        self._client = client
        self.times = times
        self.reasons = reasons
        self.calls = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def transact_write_items(self, TransactItems: Any) -> Any:
        self.calls += 1
        if self.times:
            self.times -= 1
            error = {
                "Error": {"Code": "TransactionCanceledException", "Message": "cancelled"},
                "CancellationReasons": [{"Code": code} for code in self.reasons],
            }
            raise ClientError(error, "TransactWriteItems")  # type: ignore[arg-type]
        return self._client.transact_write_items(TransactItems=TransactItems)


def test_a_transaction_cancelled_by_a_conflict_is_tried_again(
    store: Store, dynamodb: Any, stack: Any, clock: FakeClock
) -> None:
    store.put(_item("O", "OWNER"))
    slept: list[float] = []
    conflicting = _Conflicting(dynamodb, 2, ["None", "TransactionConflict"])
    retried = Store(conflicting, stack.table_name, clock, sleep=slept.append)
    retried.put_if_absent(_item("O", "CHILD"), requires=("O", "OWNER"))
    assert store.get(("O", "CHILD")) is not None
    assert conflicting.calls == 3 and len(slept) == 2
    # short jittered pauses: 5-25 ms, then 10-50 ms
    assert 0.005 <= slept[0] <= 0.025 and 0.01 <= slept[1] <= 0.05


def test_persistent_conflicts_are_a_503_and_conditions_are_never_retried(
    store: Store, dynamodb: Any, stack: Any, clock: FakeClock
) -> None:
    store.put(_item("O", "OWNER"))
    always = _Conflicting(dynamodb, 99, ["TransactionConflict", "None"])
    with pytest.raises(StorageUnavailable) as raised:
        Store(always, stack.table_name, clock, sleep=lambda _: None).put_new([_item("N", "1")])
    assert raised.value.status == 503 and raised.value.headers == {"Retry-After": "5"}
    assert always.calls == 3
    refused = _Conflicting(dynamodb, 99, ["ConditionalCheckFailed", "None"])
    with pytest.raises(ConditionFailed):
        Store(refused, stack.table_name, clock, sleep=lambda _: None).put_if_absent(
            _item("O", "CHILD"), requires=("O", "OWNER")
        )
    assert refused.calls == 1


def test_take_returns_a_single_use_item_exactly_once_across_threads(store: Store) -> None:
    # Given one single-use item (an OAuth state, say)
    store.put(_item("STATE", "S", verifier="v"))
    winners: list[dict[str, object]] = []
    barrier = threading.Barrier(16)

    def take() -> None:
        barrier.wait()
        item = store.take(("STATE", "S"))
        if item is not None:
            winners.append(item)

    # When 16 threads take it at once
    threads = [threading.Thread(target=take) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Then exactly one got it, and it is gone
    assert len(winners) == 1 and winners[0]["verifier"] == "v"
    assert store.get(("STATE", "S")) is None


def test_query_pages_with_an_opaque_cursor(store: Store) -> None:
    for i in range(7):
        store.put(_item("P", f"ITEM#{i}", i=i))
    store.put(_item("P", "OTHER#1"))
    seen: list[int] = []
    cursor = None
    pages = 0
    while True:
        page = store.query("P", sk_prefix="ITEM#", limit=3, cursor=cursor)
        seen.extend(int(i["i"]) for i in page.items)
        pages += 1
        if page.cursor is None:
            break
        cursor = page.cursor
    assert seen == list(range(7))
    assert pages >= 3
    newest = store.query("P", sk_prefix="ITEM#", limit=2, newest_first=True)
    assert [i["i"] for i in newest.items] == [6, 5]


@pytest.mark.parametrize("cursor", ["not-base64!!", "eyJwayI6Ik9USEVSIiwic2siOiJ4In0", "W10"])
def test_a_forged_or_foreign_cursor_is_a_validation_error(store: Store, cursor: str) -> None:
    # "eyJwayI6Ik9USEVSIi..." is {"pk":"OTHER","sk":"x"}: another partition's key
    with pytest.raises(ValidationFailed):
        store.query("P", cursor=cursor)


def test_a_projected_query_returns_only_the_attributes_asked(
    store: Store, clock: FakeClock
) -> None:
    now = int(clock.now())
    store.put(_item("P", "ITEM#1", keep="k", url="https://x.example/", expires_at=now + 60))
    page = store.query("P", sk_prefix="ITEM#", attributes=("sk", "keep"))
    # the TTL attribute always comes along: the TTL gate judges every projected item
    assert page.items == [{"sk": "ITEM#1", "keep": "k", "expires_at": now + 60}]
    assert list(store.query_all("P", attributes=("keep",))) == [
        {"keep": "k", "expires_at": now + 60}
    ]


def test_batch_get_reads_live_items_beyond_one_request(store: Store) -> None:
    # Given 130 items (more than BatchGetItem's 100 keys), and two keys that hold nothing
    wanted = [("P", f"S#{i:03d}") for i in range(130)]
    for pk, sk in wanted:
        store.put(_item(pk, sk, n=int(sk[2:]), other="x"))
    # When they are read back, projected
    found = list(store.batch_get([*wanted, ("P", "NONE"), ("Q", "S")], attributes=("sk", "n")))
    # Then every stored item comes once, with only what was asked
    assert sorted(found, key=lambda i: int(i["n"])) == [
        {"sk": sk, "n": int(sk[2:])} for _, sk in wanted
    ]


class _ThrottledReads:
    """A DynamoDB client whose batch reads leave every key unprocessed `refusals` times."""

    def __init__(self, client: Any, refusals: int) -> None:
        self._client = client
        self.refusals = refusals

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def batch_get_item(self, RequestItems: Any) -> Any:
        if self.refusals:
            self.refusals -= 1
            return {"Responses": {}, "UnprocessedKeys": RequestItems}
        return self._client.batch_get_item(RequestItems=RequestItems)


def test_batch_get_backs_off_like_every_batch_then_finishes(
    store: Store, dynamodb: Any, stack: Any, clock: FakeClock
) -> None:
    store.put(_item("P", "S", n=1))
    slept: list[float] = []
    throttled = Store(_ThrottledReads(dynamodb, 3), stack.table_name, clock, sleep=slept.append)
    assert list(throttled.batch_get([("P", "S")], attributes=("n",))) == [{"n": 1}]
    assert slept == [0.05, 0.1, 0.2]


def test_batch_get_gives_up_with_a_503_when_throttling_persists(
    store: Store, dynamodb: Any, stack: Any, clock: FakeClock
) -> None:
    # Given a first request of 100 keys that is read, and a second one the table keeps refusing
    wanted = [("P", f"S#{i:03d}") for i in range(101)]
    for pk, sk in wanted:
        store.put(_item(pk, sk))
    slept: list[float] = []
    client = _ThrottledReads(dynamodb, 0)
    throttled = Store(client, stack.table_name, clock, sleep=slept.append)
    found = []
    # When the reads are consumed
    with pytest.raises(StoreBusy) as raised:
        for item in throttled.batch_get(wanted, attributes=("sk",)):
            found.append(item)
            client.refusals = 1000
    # Then the same policy as deletions: 7 requests, then 503; what was read stands
    assert raised.value.status == 503 and raised.value.headers == {"Retry-After": "2"}
    assert slept == [0.05, 0.1, 0.2, 0.4, 0.8, 1.6]
    assert len(found) == 100


def test_delete_many_removes_more_than_one_batch(store: Store) -> None:
    item_keys = [("P", f"S#{i:03d}") for i in range(60)]
    for pk, sk in item_keys:
        store.put(_item(pk, sk))
    assert store.delete_many(item_keys) == 60
    assert store.query("P").items == []


class _Throttling:
    """A DynamoDB client whose batch writes leave everything unprocessed `refusals` times."""

    def __init__(self, client: Any, refusals: int) -> None:
        self._client = client
        self.refusals = refusals

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def batch_write_item(self, RequestItems: Any) -> Any:
        if self.refusals:
            self.refusals -= 1
            return {"UnprocessedItems": RequestItems}
        return self._client.batch_write_item(RequestItems=RequestItems)


def test_delete_many_backs_off_while_throttled_then_finishes(
    store: Store, dynamodb: Any, stack: Any, clock: FakeClock
) -> None:
    item_keys = [("P", f"S#{i}") for i in range(3)]
    for pk, sk in item_keys:
        store.put(_item(pk, sk))
    slept: list[float] = []
    throttled = Store(_Throttling(dynamodb, 3), stack.table_name, clock, sleep=slept.append)
    assert throttled.delete_many(item_keys) == 3
    assert store.query("P").items == []
    assert slept == [0.05, 0.1, 0.2]


def test_delete_many_gives_up_with_a_503_when_throttling_persists(
    store: Store, dynamodb: Any, stack: Any, clock: FakeClock
) -> None:
    store.put(_item("P", "S"))
    slept: list[float] = []
    throttled = Store(_Throttling(dynamodb, 1000), stack.table_name, clock, sleep=slept.append)
    with pytest.raises(StoreBusy) as raised:
        throttled.delete_many([("P", "S")])
    assert raised.value.status == 503 and raised.value.headers == {"Retry-After": "2"}
    assert slept == [0.05, 0.1, 0.2, 0.4, 0.8, 1.6]
    assert store.get(("P", "S")) is not None  # nothing claimed that did not happen


def test_sixteen_threads_times_a_hundred_increments_give_the_exact_total(store: Store) -> None:
    key = keys.counter_key("opens", shard=0)

    def bump() -> None:
        for _ in range(100):
            store.increment(key)

    threads = [threading.Thread(target=bump) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    item = store.get(key)
    assert item is not None and item["count"] == 1600


def test_increment_sets_expiry_once(store: Store, clock: FakeClock) -> None:
    key = keys.counter_key("clicks")
    first_expiry = int(clock.now()) + 100
    assert store.increment(key, by=2, expires_at=first_expiry) == 2
    assert store.increment(key, by=3, expires_at=first_expiry + 50) == 5
    item = store.get(key)
    assert item is not None and item["expires_at"] == first_expiry


def test_a_second_holder_is_refused_until_release(store: Store) -> None:
    lease = store.acquire_lease("refresh#u1", seconds=30)
    with pytest.raises(LeaseHeld):
        store.acquire_lease("refresh#u1", seconds=30)
    assert store.release_lease(lease) is True
    assert store.acquire_lease("refresh#u1", seconds=30).holder != lease.holder


def test_an_expired_lease_can_be_taken_over_and_the_old_holder_can_neither_renew_nor_release(
    store: Store, clock: FakeClock
) -> None:
    old = store.acquire_lease("sync#u1", seconds=5)
    clock.advance(5.01)
    new = store.acquire_lease("sync#u1", seconds=5)
    with pytest.raises(LeaseHeld):
        store.renew_lease(old, seconds=5)
    assert store.release_lease(old) is False
    # the new holder still holds it
    with pytest.raises(LeaseHeld):
        store.acquire_lease("sync#u1", seconds=5)
    assert store.release_lease(new) is True


def test_renew_extends_the_lease(store: Store, clock: FakeClock) -> None:
    lease = store.acquire_lease("sync#u2", seconds=5)
    clock.advance(4)
    renewed = store.renew_lease(lease, seconds=5)
    clock.advance(4)  # 8 s after acquiring: past the first term, within the renewed one
    with pytest.raises(LeaseHeld):
        store.acquire_lease("sync#u2", seconds=5)
    assert renewed.expires_at > lease.expires_at


def test_sixteen_threads_contending_for_one_lease_never_overlap(store: Store) -> None:
    # Given a lease guarding a critical section, and 16 threads that each want it 5 times
    holders: list[int] = []
    overlaps: list[int] = []
    done = [0]
    lock = threading.Lock()

    def worker() -> None:
        wins = 0
        while wins < 5:
            try:
                lease = store.acquire_lease("critical", seconds=30)
            except LeaseHeld:
                time.sleep(0.001)
                continue
            with lock:
                holders.append(1)
                if len(holders) > 1:
                    overlaps.append(len(holders))
            time.sleep(0.001)
            with lock:
                holders.pop()
                done[0] += 1
            assert store.release_lease(lease)
            wins += 1

    # When they all contend
    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    # Then there was exactly one holder at a time, and everyone got through
    assert overlaps == []
    assert done[0] == 80
