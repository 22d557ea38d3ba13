"""Events and their attendees against the Salesforce emulator over real HTTP (Stratus issue 12):
Event times (timed, all-day, refused spans), the private flag and ShowAs, EventRelation (parents,
invitees, WhoId), the Recycle Bin through queryAll with IsDeleted, whole-second stamps, and sObject
Collections (create, update, delete up to 200, allOrNone, per-record results, one API call)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import requests
from sfemu_client import API, CLIENT_ID, CLIENT_SECRET, SfClient

from devstack.sfemu import Emulator

START = dt.datetime(2026, 11, 30, 9, 15, 30, 123456, tzinfo=dt.UTC)
COLLECTION = f"{API}/composite/sobjects"


class StepClock:
    """A clock with microseconds that the test moves forward."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> StepClock:
    return StepClock()


@pytest.fixture
def emu(clock: StepClock) -> Emulator:
    return Emulator(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, clock=clock)


@pytest.fixture
def alice(sf: SfClient) -> str:
    return str(sf.login("alice@acme.demo")["access_token"])


@pytest.fixture
def bob(sf: SfClient) -> str:
    return str(sf.login("bob@acme.demo")["access_token"])


def _records(sf: SfClient, token: str, soql: str, *, all_rows: bool = False) -> list[Any]:
    resource = "queryAll" if all_rows else "query"
    response = sf.api(token, "GET", f"{API}/{resource}", params={"q": soql})
    assert response.status_code == 200, response.text
    return list(response.json()["records"])


def _event(sf: SfClient, token: str, event_id: str) -> dict[str, Any]:
    response = sf.api(token, "GET", f"{API}/sobjects/Event/{event_id}")
    assert response.status_code == 200, response.text
    return dict(response.json())


def _create(sf: SfClient, token: str, fields: dict[str, Any]) -> str:
    response = sf.create(token, "Event", fields)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _error(response: requests.Response) -> tuple[int, str, list[str] | None]:
    body = response.json()[0]
    return response.status_code, body["errorCode"], body.get("fields")


def _timed(**extra: Any) -> dict[str, Any]:
    return {
        "Subject": "Quarterly review",
        "StartDateTime": "2026-12-01T14:00:00.000+0000",
        "EndDateTime": "2026-12-01T15:30:00.000+0000",
        **extra,
    }


def _visible_contact(sf: SfClient, token: str, offset: int = 0) -> str:
    rows = _records(sf, token, f"SELECT Id FROM Contact ORDER BY Id LIMIT 1 OFFSET {offset}")
    return str(rows[0]["Id"])


# ------------------------------------------------------------------------------ Event times


def test_timed_event_derives_duration_date_and_owner(
    sf: SfClient, alice: str, emu: Emulator
) -> None:
    # Given / When
    event_id = _create(sf, alice, _timed(ShowAs="Free", IsPrivate=True, Location="Room 4"))
    # Then
    event = _event(sf, alice, event_id)
    assert event["DurationInMinutes"] == 90
    assert event["ActivityDate"] == "2026-12-01"
    assert event["ActivityDateTime"] == "2026-12-01T14:00:00.000+0000"
    assert event["OwnerId"] == emu.demo.users["alice"]
    assert (event["ShowAs"], event["IsPrivate"], event["IsAllDayEvent"]) == ("Free", True, False)
    assert event["IsDeleted"] is False


def test_stamps_have_whole_seconds(sf: SfClient, alice: str, clock: StepClock) -> None:
    event_id = _create(sf, alice, _timed())
    clock.advance(1.5)
    assert sf.api(alice, "PATCH", f"{API}/sobjects/Event/{event_id}", json={"Subject": "x"}).ok
    event = _event(sf, alice, event_id)
    assert event["CreatedDate"] == "2026-11-30T09:15:30.000+0000"
    assert event["SystemModstamp"] == event["LastModifiedDate"] == "2026-11-30T09:15:31.000+0000"


def test_all_day_event_is_whole_days_at_midnight_utc(sf: SfClient, alice: str) -> None:
    one_day = _create(
        sf, alice, {"Subject": "Offsite", "IsAllDayEvent": True, "ActivityDate": "2026-12-03"}
    )
    three_days = _create(
        sf,
        alice,
        {
            "Subject": "Conference",
            "IsAllDayEvent": True,
            "StartDateTime": "2026-12-07T00:00:00.000+0000",
            "EndDateTime": "2026-12-09T00:00:00.000+0000",
        },
    )
    single, multi = _event(sf, alice, one_day), _event(sf, alice, three_days)
    assert (single["StartDateTime"], single["EndDateTime"], single["DurationInMinutes"]) == (
        "2026-12-03T00:00:00.000+0000",
        "2026-12-03T00:00:00.000+0000",
        1440,
    )
    assert (multi["ActivityDate"], multi["EndDateTime"], multi["DurationInMinutes"]) == (
        "2026-12-07",
        "2026-12-09T00:00:00.000+0000",
        3 * 1440,
    )


@pytest.mark.parametrize(
    ("fields", "code", "named"),
    [
        (
            _timed(EndDateTime="2026-12-01T13:00:00.000+0000"),
            "FIELD_INTEGRITY_EXCEPTION",
            ["EndDateTime"],
        ),
        (
            _timed(EndDateTime="2026-12-16T14:01:00.000+0000"),
            "FIELD_INTEGRITY_EXCEPTION",
            ["DurationInMinutes"],
        ),
        (_timed(ShowAs="Tentative"), "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", ["ShowAs"]),
        (
            {"Subject": "no start", "DurationInMinutes": 30},
            "REQUIRED_FIELD_MISSING",
            ["StartDateTime"],
        ),
        (
            {"Subject": "no end", "StartDateTime": "2026-12-01T14:00:00Z"},
            "REQUIRED_FIELD_MISSING",
            ["DurationInMinutes"],
        ),
        (_timed(Subject="s" * 256), "STRING_TOO_LONG", ["Subject"]),
    ],
)
def test_event_refusals(
    sf: SfClient, alice: str, fields: dict[str, Any], code: str, named: list[str]
) -> None:
    assert _error(sf.create(alice, "Event", fields)) == (400, code, named)


def test_fourteen_days_is_the_longest_event(sf: SfClient, alice: str) -> None:
    event_id = _create(sf, alice, _timed(EndDateTime="2026-12-15T14:00:00.000+0000"))
    assert _event(sf, alice, event_id)["DurationInMinutes"] == 14 * 1440


def test_refused_update_leaves_the_event_as_it_was(sf: SfClient, alice: str) -> None:
    event_id = _create(sf, alice, _timed())
    before = _event(sf, alice, event_id)
    response = sf.api(
        alice,
        "PATCH",
        f"{API}/sobjects/Event/{event_id}",
        json={"Subject": "moved", "EndDateTime": "2026-12-01T10:00:00.000+0000"},
    )
    assert _error(response) == (400, "FIELD_INTEGRITY_EXCEPTION", ["EndDateTime"])
    assert _event(sf, alice, event_id) == before


def test_moving_the_start_keeps_the_duration(sf: SfClient, alice: str) -> None:
    event_id = _create(sf, alice, _timed())
    moved = {"StartDateTime": "2026-12-02T08:00:00.000+0000"}
    assert sf.api(alice, "PATCH", f"{API}/sobjects/Event/{event_id}", json=moved).ok
    event = _event(sf, alice, event_id)
    assert (event["EndDateTime"], event["DurationInMinutes"]) == (
        "2026-12-02T09:30:00.000+0000",
        90,
    )


def test_private_event_is_hidden_from_others_who_see_its_account(
    sf: SfClient, alice: str, bob: str, emu: Emulator
) -> None:
    # Given two events of alice's on her account, one private, and the account then given to bob
    account = emu.demo.accounts["initech"]
    public = _create(sf, alice, _timed(WhatId=account))
    private = _create(sf, alice, _timed(WhatId=account, IsPrivate=True))
    emu.records["Account"][account]["OwnerId"] = emu.demo.users["bob"]
    # When bob lists the account's events
    seen = {r["Id"] for r in _records(sf, bob, f"SELECT Id FROM Event WHERE WhatId = '{account}'")}
    # Then he sees the public one only; alice still sees both
    assert public in seen and private not in seen
    assert sf.api(bob, "GET", f"{API}/sobjects/Event/{private}").status_code == 404
    assert _event(sf, alice, private)["IsPrivate"] is True


# ------------------------------------------------------------------------------ EventRelation


def _relations(sf: SfClient, token: str, event_id: str) -> dict[str, tuple[bool, bool]]:
    soql = f"SELECT RelationId, IsParent, IsInvitee FROM EventRelation WHERE EventId = '{event_id}'"
    return {r["RelationId"]: (r["IsParent"], r["IsInvitee"]) for r in _records(sf, token, soql)}


def _relate(
    sf: SfClient, token: str, event_id: str, person: str, **extra: Any
) -> requests.Response:
    return sf.create(token, "EventRelation", {"EventId": event_id, "RelationId": person, **extra})


def test_who_becomes_a_parent_relation_and_attendees_relate(
    sf: SfClient, alice: str, emu: Emulator
) -> None:
    first, second = _visible_contact(sf, alice), _visible_contact(sf, alice, 1)
    bob_id = emu.demo.users["bob"]
    event_id = _create(sf, alice, _timed(WhoId=first))
    assert _relate(sf, alice, event_id, second, IsParent=True, IsInvitee=False).status_code == 201
    assert _relate(sf, alice, event_id, bob_id).status_code == 201
    assert _relations(sf, alice, event_id) == {
        first: (True, False),
        second: (True, False),
        bob_id: (False, True),
    }
    assert _event(sf, alice, event_id)["WhoId"] == first


def test_first_parent_relation_becomes_the_who(sf: SfClient, alice: str) -> None:
    contact = _visible_contact(sf, alice)
    event_id = _create(sf, alice, _timed())
    assert _relate(sf, alice, event_id, contact, IsParent=True).status_code == 201
    assert _event(sf, alice, event_id)["WhoId"] == contact


def test_relation_refusals(sf: SfClient, alice: str, emu: Emulator) -> None:
    contact = _visible_contact(sf, alice)
    lead = _records(sf, alice, "SELECT Id FROM Lead LIMIT 1")[0]["Id"]
    event_id = _create(sf, alice, _timed(WhoId=contact))
    user = emu.demo.users["bob"]
    assert _error(_relate(sf, alice, event_id, user, IsParent=True)) == (
        400,
        "FIELD_INTEGRITY_EXCEPTION",
        ["IsParent"],
    )
    assert _error(_relate(sf, alice, event_id, contact))[:2] == (400, "DUPLICATE_VALUE")
    assert _error(_relate(sf, alice, event_id, lead, IsParent=True))[:2] == (
        400,
        "FIELD_INTEGRITY_EXCEPTION",
    )
    assert _error(sf.create(alice, "EventRelation", {"EventId": event_id}))[:2] == (
        400,
        "REQUIRED_FIELD_MISSING",
    )


# ------------------------------------------------------------------------------ Recycle Bin


def test_deleted_event_is_answered_by_query_all_only(
    sf: SfClient, alice: str, clock: StepClock
) -> None:
    # Given an event with an attendee
    contact = _visible_contact(sf, alice)
    event_id = _create(sf, alice, _timed(WhoId=contact))
    clock.advance(60)
    # When it is deleted
    assert sf.api(alice, "DELETE", f"{API}/sobjects/Event/{event_id}").status_code == 204
    # Then query no longer answers it, queryAll does, with a new stamp
    soql = f"SELECT Id, IsDeleted, SystemModstamp FROM Event WHERE Id = '{event_id}'"
    assert _records(sf, alice, soql) == []
    (row,) = _records(sf, alice, soql, all_rows=True)
    assert row["IsDeleted"] is True
    assert row["SystemModstamp"] == "2026-11-30T09:16:30.000+0000"
    changed = (
        "SELECT Id FROM Event WHERE SystemModstamp > 2026-11-30T09:16:00Z AND IsDeleted = true"
    )
    assert [r["Id"] for r in _records(sf, alice, changed, all_rows=True)] == [event_id]
    relation = f"SELECT Id, IsDeleted FROM EventRelation WHERE EventId = '{event_id}'"
    assert [r["IsDeleted"] for r in _records(sf, alice, relation, all_rows=True)] == [True]
    assert sf.api(alice, "GET", f"{API}/sobjects/Event/{event_id}").status_code == 404


# ------------------------------------------------------------------------------ sObject Collections


def _typed(fields: dict[str, Any]) -> dict[str, Any]:
    return {"attributes": {"type": "Event"}, **fields}


def test_collection_create_answers_each_record_in_one_call(
    sf: SfClient, alice: str, emu: Emulator
) -> None:
    # Given two valid events around an invalid one
    records = [
        _typed(_timed(Subject="one")),
        _typed(_timed(ShowAs="Tentative")),
        _typed(_timed(Subject="three")),
    ]
    before = emu.calls(emu.demo.users["alice"])
    # When
    response = sf.api(alice, "POST", COLLECTION, json={"allOrNone": False, "records": records})
    # Then
    assert response.status_code == 200
    first, failed, third = response.json()
    assert first["success"] and third["success"] and first["errors"] == []
    assert failed == {
        "success": False,
        "errors": [
            {
                "statusCode": "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                "message": "ShowAs: bad value for restricted picklist field: Tentative",
                "fields": ["ShowAs"],
            }
        ],
    }
    assert _event(sf, alice, third["id"])["Subject"] == "three"
    assert emu.calls(emu.demo.users["alice"]) - before == 2  # the collection, then one read
    assert emu.calls(emu.demo.users["alice"], "composite") == 1


def test_collection_all_or_none_rolls_everything_back(sf: SfClient, alice: str) -> None:
    records = [_typed(_timed(Subject="kept?")), _typed({"Subject": "no start"})]
    response = sf.api(alice, "POST", COLLECTION, json={"allOrNone": True, "records": records})
    rolled, failed = response.json()
    assert rolled["success"] is False and "id" not in rolled
    assert rolled["errors"][0]["statusCode"] == "ALL_OR_NONE_OPERATION_ROLLED_BACK"
    assert failed["errors"][0]["statusCode"] == "REQUIRED_FIELD_MISSING"
    assert _records(sf, alice, "SELECT Id FROM Event WHERE Subject = 'kept?'") == []


def test_collection_update_and_delete(sf: SfClient, alice: str, clock: StepClock) -> None:
    # Given two events, one of them already deleted
    kept, gone = _create(sf, alice, _timed()), _create(sf, alice, _timed())
    assert sf.api(alice, "DELETE", f"{API}/sobjects/Event/{gone}").status_code == 204
    clock.advance(2)
    # When both are updated
    updates = [
        _typed({"id": kept, "Subject": "renamed", "EndDateTime": "2026-12-01T16:00:00.000+0000"}),
        _typed({"id": gone, "Subject": "renamed"}),
        _typed({"Subject": "no id"}),
    ]
    response = sf.api(alice, "PATCH", COLLECTION, json={"allOrNone": False, "records": updates})
    # Then
    ok, deleted, missing = response.json()
    assert ok == {"id": kept, "success": True, "errors": []}
    assert deleted["errors"][0]["statusCode"] == "ENTITY_IS_DELETED"
    assert missing["errors"][0]["statusCode"] == "MISSING_ARGUMENT"
    event = _event(sf, alice, kept)
    assert (event["Subject"], event["DurationInMinutes"]) == ("renamed", 120)
    assert event["SystemModstamp"] == "2026-11-30T09:15:32.000+0000"
    # When both are deleted
    response = sf.api(alice, "DELETE", COLLECTION, params={"ids": f"{kept},{gone}"})
    first, second = response.json()
    assert first == {"id": kept, "success": True, "errors": []}
    assert second["success"] is False
    assert second["errors"][0]["statusCode"] == "ENTITY_IS_DELETED"


def test_collection_refuses_more_than_200_and_untyped_or_identified_inserts(
    sf: SfClient, alice: str
) -> None:
    many = [_typed(_timed()) for _ in range(201)]
    assert _error(sf.api(alice, "POST", COLLECTION, json={"records": many}))[:2] == (
        400,
        "EXCEEDED_ID_LIMIT",
    )
    untyped = {"records": [_timed()]}
    assert _error(sf.api(alice, "POST", COLLECTION, json=untyped))[:2] == (400, "INVALID_TYPE")
    existing = _create(sf, alice, _timed())
    response = sf.api(alice, "POST", COLLECTION, json={"records": [_typed({"id": existing})]})
    assert response.json()[0]["errors"][0]["statusCode"] == "INVALID_FIELD"
    ids = ",".join([existing] * 201)
    assert _error(sf.api(alice, "DELETE", COLLECTION, params={"ids": ids}))[:2] == (
        400,
        "EXCEEDED_ID_LIMIT",
    )


def test_collection_of_200_is_one_api_call(sf: SfClient, alice: str, emu: Emulator) -> None:
    records = [_typed(_timed(Subject=f"e{i}")) for i in range(200)]
    before = emu.calls(emu.demo.users["alice"])
    response = sf.api(alice, "POST", COLLECTION, json={"records": records})
    assert all(r["success"] for r in response.json())
    assert emu.calls(emu.demo.users["alice"]) - before == 1
