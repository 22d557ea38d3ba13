"""Usage figures: counted in memory per org, user and UTC day, flushed with atomic ADDs (bounded
loss), kept 400 days, and reported to org admins as JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import boto3
import pytest
from chalice.test import Client

from chalicelib import usage
from chalicelib.store import keys
from chalicelib.store.profiles import ProfileItems
from chalicelib.store.table import Store
from chalicelib.store.usage import RETENTION_DAYS, UsageItems, expires_at
from chalicelib.usage import FLUSH_INTERVAL_SECONDS, MAX_WRITES_PER_FLUSH, Usage
from devstack.awscalls import AwsCallCounter
from devstack.provision import ProvisionedStack
from tests.conftest import Salesforce, SignIn
from tests.fakes import FakeClock

ORG, OTHER_ORG = "00D000000000001AAA", "00D000000000002AAA"
ANN, BOB = "005000000000001AAA", "005000000000002AAA"
NOON = datetime(2026, 11, 20, 12, tzinfo=UTC).timestamp()


class Sink:
    """A UsageSink that keeps what it was sent (and fails while told to)."""

    def __init__(self) -> None:
        self.users: list[tuple[str, str, date, dict[str, int], int]] = []
        self.orgs: list[tuple[str, date, dict[str, int]]] = []
        self.failing = False

    def add_user_day(
        self, org_id: str, user_id: str, day: date, counts: Mapping[str, int], last_at: int
    ) -> None:
        if self.failing:
            raise ConnectionError("DynamoDB out of reach")
        self.users.append((org_id, user_id, day, dict(counts), last_at))

    def add_org_day(self, org_id: str, day: date, counts: Mapping[str, int]) -> None:
        if self.failing:
            raise ConnectionError("DynamoDB out of reach")
        self.orgs.append((org_id, day, dict(counts)))


def _usage(clock: FakeClock, **options: Any) -> tuple[Usage, Sink]:
    """A Usage whose days and flush interval both follow `clock`."""
    sink = Sink()
    return Usage(sink, clock, monotonic=clock.now, **options), sink


# -- counting in memory --------------------------------------------------------------------------


def test_counts_are_summed_in_memory_and_sent_once_per_interval() -> None:
    clock = FakeClock(NOON)
    counter, sink = _usage(clock)
    # When uses are counted within one interval
    counter.count(ORG, ANN, usage.LOOKUPS, 3)
    counter.count(ORG, ANN, usage.LOOKUPS)
    counter.count(ORG, BOB, usage.LOOKUPS_CACHED, 2)
    counter.count(OTHER_ORG, ANN, usage.LOOKUPS)
    # Then nothing is sent: no request on the path that counted
    assert sink.users == [] and sink.orgs == []
    # When the interval has passed, a count still sends nothing (it may be a hot path's)...
    clock.advance(FLUSH_INTERVAL_SECONDS)
    counter.count(ORG, ANN, usage.TRACKED_MESSAGES)
    assert sink.users == [] and sink.orgs == []
    # ...and the next request that is not a hot path sends everything, summed
    counter.flush_due()
    day = date(2026, 11, 20)
    assert sorted((o, u, d, c) for o, u, d, c, _ in sink.users) == [
        (ORG, ANN, day, {"lookups": 4, "tracked_messages": 1}),
        (ORG, BOB, day, {"lookups_cached": 2}),
        (OTHER_ORG, ANN, day, {"lookups": 1}),
    ]
    assert sorted(sink.orgs) == [
        (ORG, day, {"lookups": 4, "lookups_cached": 2, "tracked_messages": 1}),
        (OTHER_ORG, day, {"lookups": 1}),
    ]
    assert counter.pending() == 0


def test_days_are_utc_days() -> None:
    last_second = datetime(2026, 11, 20, 23, 59, 59, tzinfo=UTC).timestamp()
    clock = FakeClock(last_second)
    counter, sink = _usage(clock)
    counter.count(ORG, ANN, usage.LOOKUPS)
    clock.advance(1)  # midnight UTC
    counter.count(ORG, ANN, usage.LOOKUPS)
    counter.flush(force=True)
    assert sorted((d, c) for _, _, d, c, _ in sink.users) == [
        (date(2026, 11, 20), {"lookups": 1}),
        (date(2026, 11, 21), {"lookups": 1}),
    ]
    assert {u[4] for u in sink.users} == {int(last_second), int(last_second) + 1}  # last use


def test_a_failed_flush_keeps_the_sums_for_the_next_one() -> None:
    clock = FakeClock(NOON)
    counter, sink = _usage(clock)
    counter.count(ORG, ANN, usage.LOOKUPS, 2)
    # When the table is out of reach at the flush, counting goes on without an error
    sink.failing = True
    clock.advance(FLUSH_INTERVAL_SECONDS)
    counter.count(ORG, ANN, usage.LOOKUPS)
    counter.flush_due()
    assert sink.users == [] and counter.pending() == 2
    # Then the next flush sends all of it, once
    sink.failing = False
    counter.count(ORG, ANN, usage.LOOKUPS)
    counter.flush_due()  # a backlog: no wait for another interval
    assert [c for *_, c, _ in sink.users] == [{"lookups": 4}]
    assert [c for *_, c in sink.orgs] == [{"lookups": 4}]


def test_memory_is_bounded_and_what_is_dropped_is_counted() -> None:
    clock = FakeClock(NOON)
    counter, sink = _usage(clock, max_pending=4)
    counter.count(ORG, ANN, usage.LOOKUPS)  # (org, ann, day) and (org, day): 2 entries
    counter.count(ORG, BOB, usage.LOOKUPS)  # one more user entry: 3
    counter.count(OTHER_ORG, ANN, usage.LOOKUPS, 5)  # would need 2 more: dropped
    counter.count(ORG, ANN, usage.LOOKUPS)  # an existing entry still counts
    assert counter.dropped == 5
    counter.flush(force=True)
    assert {o for o, *_ in sink.users} == {ORG}
    assert counter.dropped == 0  # logged with the flush, then forgotten


def test_one_flush_sends_a_bounded_number_of_writes_and_the_next_one_sends_the_rest() -> None:
    clock = FakeClock(NOON)
    counter, sink = _usage(clock)
    for i in range(MAX_WRITES_PER_FLUSH):  # as many users as a flush may write, plus the org
        counter.count(ORG, f"005{i:015d}", usage.LOOKUPS)
    clock.advance(FLUSH_INTERVAL_SECONDS)
    counter.count(ORG, ANN, usage.LOOKUPS)
    counter.flush_due()
    assert len(sink.users) + len(sink.orgs) == MAX_WRITES_PER_FLUSH
    counter.count(ORG, ANN, usage.LOOKUPS_CACHED)
    counter.flush_due()  # no wait for another interval
    assert counter.pending() == 0
    assert sum(c.get("lookups", 0) for *_, c in sink.orgs) == MAX_WRITES_PER_FLUSH + 1


def test_a_feature_name_must_fit_an_attribute_and_a_csv_header() -> None:
    counter, _ = _usage(FakeClock(NOON))
    for bad in ("", "Lookups", "opens human", "a,b", "x" * 49):
        with pytest.raises(ValueError, match="not a feature name"):
            counter.count(ORG, ANN, bad)


def test_labels_name_opens_and_clicks_by_verdict() -> None:
    assert usage.label(usage.opens("apple_mpp")) == "Opens (apple mpp)"
    assert usage.label(usage.clicks("human")) == "Clicks (human)"
    assert usage.ordered(frozenset({"clicks_human", "opens_human"}))[-2:] == [
        "opens_human",
        "clicks_human",
    ]


# -- the items -----------------------------------------------------------------------------------


def _item(stack: ProvisionedStack, key: keys.Key) -> dict[str, Any]:
    reply = boto3.client("dynamodb").get_item(
        TableName=stack.table_name, Key={"pk": {"S": key[0]}, "sk": {"S": key[1]}}
    )
    return dict(reply["Item"])


def _profile(store: Store, user_id: str) -> None:
    ProfileItems(store).put(ORG, user_id, {"name": "Ann", "email": "ann@acme.example"}, 1)


def test_flushes_add_atomically_to_daily_items_that_live_400_days(
    store: Store, stack: ProvisionedStack, aws_calls: AwsCallCounter
) -> None:
    items = UsageItems(store)
    day = date(2026, 11, 20)
    _profile(store, ANN)
    aws_calls.reset()
    # When two containers flush the same day
    items.add_user_day(ORG, ANN, day, {"lookups": 2}, int(NOON))
    items.add_user_day(ORG, ANN, day, {"lookups": 3, "lookups_cached": 1}, int(NOON) + 5)
    items.add_org_day(ORG, day, {"lookups": 5})
    # Then the sums add up, with one write each (the user's: checking their profile; the org's:
    # checking that no deletion of the org is under way or done since) and no read
    assert aws_calls.count("dynamodb.TransactWriteItems") == 3 and aws_calls.count() == 3
    user = _item(stack, keys.user_usage_key(ORG, ANN, "2026-11-20"))
    assert user["count#lookups"] == {"N": "5"} and user["count#lookups_cached"] == {"N": "1"}
    assert user["gsi1pk"] == {"S": f"ORGUSAGE#{ORG}"}
    org = _item(stack, keys.org_usage_key(ORG, "2026-11-20"))
    assert org["count#lookups"] == {"N": "5"}
    # ... and every item dies 400 days after its day
    end_of_day = datetime(2026, 11, 21, tzinfo=UTC).timestamp()
    assert int(org["expires_at"]["N"]) == expires_at(day) == end_of_day + RETENTION_DAYS * 86400


def test_a_deleted_accounts_counts_recreate_nothing(store: Store, stack: ProvisionedStack) -> None:
    # Given counts of a user whose account was deleted since (no profile any more)
    UsageItems(store).add_user_day(ORG, BOB, date(2026, 11, 20), {"lookups": 1}, int(NOON))
    # Then the flush dropped them: nothing in bob's partition
    scan = boto3.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    assert [i for i in scan if BOB in json.dumps(i)] == []


def test_a_period_spans_months_and_leaves_out_other_days(store: Store) -> None:
    items = UsageItems(store)
    _profile(store, ANN)
    for day in (date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 31), date(2026, 11, 2)):
        items.add_org_day(ORG, day, {"lookups": day.day})
        items.add_user_day(ORG, ANN, day, {"lookups": day.day}, int(NOON))
    items.add_org_day(OTHER_ORG, date(2026, 10, 15), {"lookups": 7})
    found = items.org_days(ORG, date(2026, 10, 1), date(2026, 11, 1))
    assert found == {"2026-10-01": {"lookups": 1}, "2026-10-31": {"lookups": 31}}
    users = items.users(ORG, [ANN, BOB], date(2026, 10, 1), date(2026, 11, 2), ["lookups"])
    assert users[ANN].counts == {"lookups": 1 + 31 + 2} and BOB not in users


def test_an_expired_day_is_not_reported(store: Store, clock: FakeClock) -> None:
    items = UsageItems(store)
    old = date(2026, 1, 1)
    items.add_org_day(ORG, old, {"lookups": 1})
    clock.advance(expires_at(old) - clock.now() + 1)
    assert items.org_days(ORG, old, old) == {}


# -- over HTTP -----------------------------------------------------------------------------------


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def test_lookups_are_reported_per_day_to_the_admin_as_json_and_csv(
    client: Client, sign_in: SignIn
) -> None:
    admin, alice = sign_in("admin@acme.demo"), sign_in("alice@acme.demo")
    # Given alice looks up an address twice (the second from the cache)
    for _ in range(2):
        assert (
            client.http.get("/lookup?email=ann%40x.example", headers=_bearer(alice)).status_code
            == 200
        )
    # When the admin asks for the figures (this container's are flushed first)
    response = client.http.get("/admin/usage", headers=_bearer(admin))
    assert response.status_code == 200
    report = json.loads(response.body)
    # Then 30 days, today last, with the counts
    assert len(report["days"]) == 30 and report["to"] == _today()
    today = report["days"][-1]
    assert today["day"] == _today()
    assert today["counts"]["lookups"] == 2
    assert today["counts"]["lookups_cached"] == 1
    assert today["counts"]["salesforce_api_calls"] >= 1  # the miss (sign-ins: below)
    assert {"name": "lookups", "label": "Lookups"} in report["features"]
    # ... and the CSV says the same, a row per day
    csv_response = client.http.get(
        f"/admin/usage.csv?from={report['from']}&to={report['to']}", headers=_bearer(admin)
    )
    assert csv_response.status_code == 200
    assert csv_response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response.headers["Content-Disposition"].startswith("attachment; filename=")
    rows = list(csv.DictReader(io.StringIO(csv_response.body.decode())))
    assert len(rows) == 30
    assert rows[-1]["day"] == _today() and rows[-1]["lookups"] == "2"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=2026-11-10&to=2026-11-01", "from"),  # backwards
        ("from=2025-01-01&to=2026-11-01", "from"),  # over 400 days
        ("from=2026-1-1", "from"),  # not YYYY-MM-DD
        ("to=yesterday", "to"),
        ("from=2026-02-30", "from"),  # no such day
        ("since=2026-01-01", "since"),  # unknown parameter
    ],
)
def test_a_bad_period_is_400_naming_the_field(
    client: Client, sign_in: SignIn, query: str, field: str
) -> None:
    admin = sign_in("admin@acme.demo")
    for path in ("/admin/usage", "/admin/usage.csv"):
        response = client.http.get(f"{path}?{query}", headers=_bearer(admin))
        assert response.status_code == 400, (path, query)
        error = json.loads(response.body)["error"]
        assert error["code"] == "validation_error" and f"'{field}'" in error["message"]


def test_the_longest_period_is_400_days(client: Client, sign_in: SignIn) -> None:
    admin = sign_in("admin@acme.demo")
    response = client.http.get("/admin/usage?from=2025-10-03&to=2026-11-06", headers=_bearer(admin))
    assert response.status_code == 200
    assert len(json.loads(response.body)["days"]) == 400


def test_usage_is_for_org_admins_only(client: Client, sign_in: SignIn) -> None:
    alice = sign_in("alice@acme.demo")
    for path in ("/admin/usage", "/admin/usage.csv", "/admin/users"):
        response = client.http.get(path, headers=_bearer(alice))
        assert response.status_code == 403, path
        assert json.loads(response.body)["error"]["code"] == "forbidden"
        assert client.http.get(path).status_code == 401


USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _tracked_message(
    client: Client, sign_in: SignIn, monkeypatch: pytest.MonkeyPatch, recipients: list[str]
) -> tuple[str, str, list[str]]:
    """The admin's and alice's sessions, and the pixels of a message alice prepared for
    `recipients` once the admin turned email tracking on."""
    import base64
    import re

    from chalicelib import deps

    monkeypatch.setenv("TRACKING_SIGNING_KEYS", "t1:" + base64.b64encode(b"k" * 32).decode())
    deps.reset()
    admin, alice = sign_in("admin@acme.demo"), sign_in("alice@acme.demo")
    json_headers = {"Content-Type": "application/json"}
    body = json.dumps({"email_tracking": True}).encode()
    client.http.put("/admin/settings", body=body, headers={**_bearer(admin), **json_headers})
    message = {"recipients": recipients, "html": "<p>Hi</p>"}
    prepared = client.http.post(
        "/tracking/messages",
        body=json.dumps(message).encode(),
        headers={**_bearer(alice), **json_headers},
    )
    assert prepared.status_code == 201
    pixels = re.findall(r"/t/o/[A-Za-z0-9_.~-]+", prepared.body.decode())
    assert len(pixels) == len(recipients)
    return admin, alice, pixels


def _load(client: Client, pixel: str) -> None:
    assert client.http.get(pixel, headers={"User-Agent": USER_AGENT}).status_code == 200


def test_tracked_messages_and_opens_by_verdict_are_counted_without_a_request_on_the_pixel(
    client: Client, sign_in: SignIn, monkeypatch: pytest.MonkeyPatch, aws_calls: AwsCallCounter
) -> None:
    from chalicelib import deps

    admin, _, (pixel,) = _tracked_message(client, sign_in, monkeypatch, ["ann@client.example"])
    # When the pixel is loaded (a hot path: one write, the event), after the container's
    # first hit (which reads the org's settings, then cached)
    _load(client, pixel)
    aws_calls.attach(deps.hot_path_dynamodb_client())
    for _ in range(3):
        _load(client, pixel)
    # Then counting cost the pixel nothing beyond its event writes
    assert aws_calls.count() == aws_calls.count("dynamodb.TransactWriteItems") >= 1
    # ... and the admin sees the message and the opens, by verdict
    counts = json.loads(client.http.get("/admin/usage", headers=_bearer(admin)).body)["days"][-1]
    assert counts["counts"]["tracked_messages"] == 1
    opens = {k: v for k, v in counts["counts"].items() if k.startswith("opens_")}
    assert sum(opens.values()) >= 1 and set(opens) <= {
        "opens_human",
        "opens_sender",
        "opens_scanner",
        "opens_apple_mpp",
        "opens_image_proxy",
        "opens_prefetch",
    }


def test_every_salesforce_api_call_made_for_the_org_is_counted(
    client: Client, sign_in: SignIn, salesforce: Salesforce
) -> None:
    # Given sign-ins (each reads the org's configuration), a user's live check of their
    # connection, a lookup, and the admin's rights read again on the admin's first request
    admin, alice = sign_in("admin@acme.demo"), sign_in("alice@acme.demo")
    assert client.http.get("/me/salesforce", headers=_bearer(alice)).status_code == 200
    lookup = "/lookup?email=ann%40x.example"
    assert client.http.get(lookup, headers=_bearer(alice)).status_code == 200
    # When the admin asks for the figures
    report = json.loads(client.http.get("/admin/usage", headers=_bearer(admin)).body)
    # Then they count every API call Salesforce served, whichever feature made it
    served = salesforce.emu.api_calls
    assert served >= 4
    assert report["days"][-1]["counts"]["salesforce_api_calls"] == served


def test_opens_served_by_a_container_that_never_flushes_are_still_counted(
    client: Client, sign_in: SignIn, monkeypatch: pytest.MonkeyPatch, aws_calls: AwsCallCounter
) -> None:
    from chalicelib import deps

    recipients = ["ann@client.example", "bob@client.example"]
    admin, _, pixels = _tracked_message(client, sign_in, monkeypatch, recipients)
    _load(client, pixels[0])  # the container's first hit reads the org's state (then cached)
    # Given a container that serves only pixels: each one exactly its event's write
    aws_calls.attach(deps.hot_path_dynamodb_client())
    aws_calls.reset()
    _load(client, pixels[1])
    assert dict(aws_calls.calls) == {"dynamodb.TransactWriteItems": 1}
    # When Lambda reclaims it before any other request came (nothing of it is ever flushed)
    deps.reset()
    # Then the admin still sees both opens, by verdict: each was counted with its event
    # (per-day and per-verdict counting, repeats, conflicts: tests/service/test_tracking_counts)
    report = json.loads(client.http.get("/admin/usage", headers=_bearer(admin)).body)
    opens = {k: v for k, v in report["days"][-1]["counts"].items() if k.startswith("opens_")}
    assert sum(opens.values()) == 2, opens


def test_a_due_flush_waits_for_a_request_that_is_not_a_hot_path(
    client: Client, sign_in: SignIn, monkeypatch: pytest.MonkeyPatch, aws_calls: AwsCallCounter
) -> None:
    from chalicelib import deps, outcomes

    recipients = ["ann@client.example", "bob@client.example"]
    admin, alice, pixels = _tracked_message(client, sign_in, monkeypatch, recipients)
    _load(client, pixels[0])
    lookup = "/lookup?email=hank.scorpio%40globex.com"  # a Contact: no other read
    assert client.http.get(lookup, headers=_bearer(alice)).status_code == 200  # cached next
    assert client.http.get(lookup, headers=_bearer(alice)).status_code == 200
    # Given the usage and status flush intervals have passed with counts pending
    counter = deps.usage()
    assert counter.pending() > 0
    counter._flushed_at -= FLUSH_INTERVAL_SECONDS
    outcomes.outcomes()._flushed_at -= outcomes.FLUSH_INTERVAL_SECONDS
    aws_calls.attach(deps.hot_path_dynamodb_client())
    aws_calls.attach(deps.dynamodb_client())
    # When a pixel is loaded: exactly its one write
    aws_calls.reset()
    _load(client, pixels[1])
    assert dict(aws_calls.calls) == {"dynamodb.TransactWriteItems": 1}
    # When a cached lookup is made: the session check only, as a bare route's
    aws_calls.reset()
    assert client.http.get(lookup, headers=_bearer(alice)).status_code == 200
    lookup_calls = dict(aws_calls.calls)
    assert lookup_calls == {"dynamodb.GetItem": 1}  # the session
    assert counter.pending() > 0
    # Then the next request that is not a hot path sends it all
    assert client.http.get("/me/settings", headers=_bearer(alice)).status_code == 200
    assert counter.pending() == 0
    counts = json.loads(client.http.get("/admin/usage", headers=_bearer(admin)).body)["days"][-1]
    assert counts["counts"]["lookups_cached"] >= 2
    assert sum(v for k, v in counts["counts"].items() if k.startswith("opens_")) == 2
