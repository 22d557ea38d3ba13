"""Recurring Events and EventRelation deletes against the Salesforce emulator over real HTTP
(devstack/sfemu/calendar_rules.py): a Salesforce Classic series is a series record
(IsRecurrence) plus one Event per occurrence pointing at it (RecurrenceActivityId), which a
query filtering `IsRecurrence = false` answers without the series record; the pattern is set
on create only; deleting the relation of an Event's WhoId promotes another parent, or clears
it."""

from __future__ import annotations

from typing import Any

import pytest
from sfemu_client import API, SfClient

from devstack.sfemu import Emulator


@pytest.fixture
def alice(sf: SfClient) -> str:
    return str(sf.login("alice@acme.demo")["access_token"])


def _rows(sf: SfClient, token: str, soql: str) -> list[dict[str, Any]]:
    response = sf.api(token, "GET", f"{API}/query", params={"q": soql})
    assert response.status_code == 200, response.text
    return list(response.json()["records"])


def _series(**extra: Any) -> dict[str, Any]:
    return {
        "Subject": "Weekly sync",
        "StartDateTime": "2026-12-01T09:00:00Z",  # a Tuesday
        "DurationInMinutes": 30,
        "IsRecurrence": True,
        "RecurrenceStartDateTime": "2026-12-01T09:00:00Z",
        "RecurrenceEndDateOnly": "2026-12-18",
        "RecurrenceType": "RecursWeekly",
        "RecurrenceInterval": 1,
        "RecurrenceDayOfWeekMask": 4 + 16,  # Tuesday and Thursday
        **extra,
    }


def test_a_weekly_series_is_a_series_record_and_its_occurrences(sf: SfClient, alice: str) -> None:
    created = sf.create(alice, "Event", _series())
    assert created.status_code == 201, created.text
    series = created.json()["id"]
    soql = "SELECT Id, StartDateTime, IsRecurrence, RecurrenceActivityId FROM Event "
    everything = _rows(sf, alice, soql + "WHERE Subject = 'Weekly sync'")
    occurrences = _rows(sf, alice, soql + "WHERE Subject = 'Weekly sync' AND IsRecurrence = false")
    assert len(everything) == len(occurrences) + 1
    assert series not in {r["Id"] for r in occurrences}
    assert {r["RecurrenceActivityId"] for r in occurrences} == {series}
    starts = sorted(r["StartDateTime"][:10] for r in occurrences)
    assert starts == [
        "2026-12-01",
        "2026-12-03",
        "2026-12-08",
        "2026-12-10",
        "2026-12-15",
        "2026-12-17",
    ]


def test_a_series_names_its_pattern_and_keeps_it(sf: SfClient, alice: str) -> None:
    missing = sf.create(alice, "Event", _series(RecurrenceType=None))
    assert missing.status_code == 400 and missing.json()[0]["errorCode"] == "REQUIRED_FIELD_MISSING"
    series = sf.create(alice, "Event", _series()).json()["id"]
    changed = sf.api(
        alice, "PATCH", f"{API}/sobjects/Event/{series}", json={"RecurrenceInterval": 2}
    )
    assert changed.status_code == 400, changed.text  # set on create only (the emulator's rule)


def test_deleting_the_whos_relation_promotes_another_parent_then_clears_it(
    sf: SfClient, alice: str, emu: Emulator
) -> None:
    contacts = [r["Id"] for r in _rows(sf, alice, "SELECT Id FROM Contact ORDER BY Id LIMIT 2")]
    event = sf.create(
        alice,
        "Event",
        {
            "Subject": "Call",
            "StartDateTime": "2026-12-01T14:00:00Z",
            "DurationInMinutes": 30,
            "WhoId": contacts[0],
        },
    ).json()["id"]
    second = {"EventId": event, "RelationId": contacts[1], "IsParent": True, "IsInvitee": False}
    assert sf.create(alice, "EventRelation", second).status_code == 201

    def relation_of(person: str) -> str:
        soql = f"SELECT Id FROM EventRelation WHERE EventId = '{event}' AND RelationId = '{person}'"
        return str(_rows(sf, alice, soql)[0]["Id"])

    def who() -> Any:
        return sf.api(alice, "GET", f"{API}/sobjects/Event/{event}").json()["WhoId"]

    first = relation_of(contacts[0])
    assert sf.api(alice, "DELETE", f"{API}/sobjects/EventRelation/{first}").status_code == 204
    assert who() == contacts[1]
    last = relation_of(contacts[1])
    assert sf.api(alice, "DELETE", f"{API}/sobjects/EventRelation/{last}").status_code == 204
    assert who() is None
