"""Calendar v3 events against the emulator over real HTTP: full and incremental sync, pages,
410 for an invalidated sync token, parameter rules, recurring events, writes with
sendUpdates."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from googleemu_client import GoogleClient

from devstack.googleemu import GoogleEmulator

ALICE = "alice@acme.demo"
EVENTS = "/calendar/v3/calendars/primary/events"


@pytest.fixture
def token(google: GoogleClient) -> str:
    body: dict[str, Any] = google.login(ALICE)
    return str(body["access_token"])


def full_sync(google: GoogleClient, token: str, **params: Any) -> tuple[list[dict[str, Any]], str]:
    items: list[dict[str, Any]] = []
    page_token: str | None = None
    while True:
        query = dict(params, **({"pageToken": page_token} if page_token else {}))
        body = google.api(token, "GET", EVENTS, params=query).json()
        items += body["items"]
        if "nextPageToken" in body:
            assert "nextSyncToken" not in body
            page_token = body["nextPageToken"]
            continue
        return items, body["nextSyncToken"]


def new_event(**extra: Any) -> dict[str, Any]:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=2)
    return {
        "summary": "Follow-up",
        "start": {"dateTime": start.isoformat()},
        "end": {"dateTime": (start + dt.timedelta(hours=1)).isoformat()},
        **extra,
    }


def test_full_sync_pages_then_incremental_with_cancelled(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    items, sync_token = full_sync(google, token, maxResults=2)
    assert {e["id"] for e in items} == set(gemu.demo.events[ALICE].values())
    weekly = next(e for e in items if e["summary"] == "Weekly pipeline review")
    assert weekly["recurrence"] == ["RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=12"]
    # nothing changed
    empty = google.api(token, "GET", EVENTS, params={"syncToken": sync_token}).json()
    assert empty["items"] == [] and "nextSyncToken" in empty
    created = google.api(token, "POST", EVENTS, json=new_event(), params={"sendUpdates": "none"})
    assert created.status_code == 200
    event_id = created.json()["id"]
    call = gemu.demo.events[ALICE]["customer_call"]
    patched = google.api(token, "PATCH", f"{EVENTS}/{call}", json={"summary": "Call (moved)"})
    assert patched.status_code == 200 and patched.json()["summary"] == "Call (moved)"
    assert google.api(token, "DELETE", f"{EVENTS}/{event_id}").status_code == 204
    changes = google.api(token, "GET", EVENTS, params={"syncToken": empty["nextSyncToken"]}).json()
    by_id = {e["id"]: e for e in changes["items"]}
    assert set(by_id) == {event_id, call}
    assert by_id[event_id]["status"] == "cancelled"
    assert by_id[call]["summary"] == "Call (moved)"
    # a full sync leaves the cancelled one out unless showDeleted
    items, _ = full_sync(google, token)
    assert event_id not in {e["id"] for e in items}
    items, _ = full_sync(google, token, showDeleted="true")
    assert event_id in {e["id"] for e in items}


def test_expired_sync_token_is_410_full_sync_required(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    _, sync_token = full_sync(google, token)
    gemu.expire_sync_tokens(ALICE)
    gone = google.api(token, "GET", EVENTS, params={"syncToken": sync_token})
    assert gone.status_code == 410
    error = gone.json()["error"]
    assert error["code"] == 410
    assert error["message"] == "Sync token is no longer valid, a full sync is required."
    assert error["errors"][0]["reason"] == "fullSyncRequired"
    # a new full sync gives a token that works
    _, fresh = full_sync(google, token)
    assert google.api(token, "GET", EVENTS, params={"syncToken": fresh}).status_code == 200
    gemu.sync_token_ttl = 0.0
    assert google.api(token, "GET", EVENTS, params={"syncToken": fresh}).status_code == 410


@pytest.mark.parametrize(
    "extra",
    [
        {"timeMin": "2026-01-01T00:00:00Z"},
        {"timeMax": "2030-01-01T00:00:00Z"},
        {"orderBy": "updated"},
        {"q": "initech"},
        {"updatedMin": "2026-01-01T00:00:00Z"},
    ],
)
def test_sync_token_with_filters_is_400(
    google: GoogleClient, token: str, extra: dict[str, str]
) -> None:
    _, sync_token = full_sync(google, token)
    response = google.api(token, "GET", EVENTS, params={"syncToken": sync_token, **extra})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == "INVALID_ARGUMENT" and error["errors"][0]["reason"] == "invalid"


def test_list_parameter_rules(google: GoogleClient, token: str) -> None:
    empty_range = google.api(
        token,
        "GET",
        EVENTS,
        params={"timeMin": "2030-01-02T00:00:00Z", "timeMax": "2030-01-01T00:00:00Z"},
    )
    assert empty_range.status_code == 400
    assert empty_range.json()["error"]["errors"][0]["reason"] == "timeRangeEmpty"
    order = google.api(token, "GET", EVENTS, params={"orderBy": "startTime"})
    assert order.status_code == 400
    first = google.api(token, "GET", EVENTS, params={"maxResults": 1}).json()
    other_query = google.api(
        token,
        "GET",
        EVENTS,
        params={"maxResults": 1, "q": "x", "pageToken": first["nextPageToken"]},
    )
    assert other_query.status_code == 400
    assert google.api(token, "GET", EVENTS, params={"syncToken": "CPnope"}).status_code == 400


def test_recurring_meeting_expands_into_instances(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    weekly = gemu.demo.events[ALICE]["weekly"]
    items, _ = full_sync(google, token, singleEvents="true", orderBy="startTime")
    instances = [e for e in items if e.get("recurringEventId") == weekly]
    assert len(instances) == 12
    starts = [dt.datetime.fromisoformat(i["start"]["dateTime"]) for i in instances]
    assert all(s.weekday() == 0 for s in starts)
    assert all(b - a == dt.timedelta(days=7) for a, b in itertools.pairwise(starts))
    assert instances[0]["id"] == f"{weekly}_{starts[0]:%Y%m%dT%H%M%SZ}"
    assert instances[0]["originalStartTime"] == instances[0]["start"]
    assert "recurrence" not in instances[0]
    starts_all = [e["start"].get("dateTime") or e["start"]["date"] for e in items]
    assert len(starts_all) == len(items)
    window = google.api(
        token,
        "GET",
        EVENTS,
        params={
            "singleEvents": "true",
            "timeMin": instances[2]["start"]["dateTime"],
            "timeMax": instances[4]["start"]["dateTime"],
        },
    ).json()
    assert [i["id"] for i in window["items"] if i.get("recurringEventId")] == [
        instances[2]["id"],
        instances[3]["id"],
    ]
    listed = google.api(token, "GET", f"{EVENTS}/{weekly}/instances").json()
    assert [i["id"] for i in listed["items"]] == [i["id"] for i in instances]


def test_writes_record_notifications(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    attendees = [{"email": ALICE}, {"email": "bob@acme.demo"}, {"email": "ext@initech.com"}]
    created = google.api(
        token, "POST", EVENTS, json=new_event(attendees=attendees), params={"sendUpdates": "all"}
    ).json()
    event_id = created["id"]
    assert created["organizer"] == {"email": ALICE, "self": True}
    google.api(
        token,
        "PATCH",
        f"{EVENTS}/{event_id}",
        json={"location": "Room 1"},
        params={"sendUpdates": "externalOnly"},
    )
    replaced = google.api(
        token, "PUT", f"{EVENTS}/{event_id}", json=new_event(), params={"sendUpdates": "none"}
    ).json()
    assert "location" not in replaced and "attendees" not in replaced
    assert google.api(token, "DELETE", f"{EVENTS}/{event_id}").status_code == 204
    notes = [(n.action, n.send_updates, n.recipients) for n in gemu.notifications]
    assert notes == [
        ("insert", "all", ["bob@acme.demo", "ext@initech.com"]),
        ("patch", "externalOnly", ["ext@initech.com"]),
        ("update", "none", []),
        ("delete", None, []),
    ]
    again = google.api(token, "DELETE", f"{EVENTS}/{event_id}")
    assert again.status_code == 410 and again.json()["error"]["errors"][0]["reason"] == "deleted"
    bad = google.api(token, "POST", EVENTS, json=new_event(), params={"sendUpdates": "some"})
    assert bad.status_code == 400
    no_end = google.api(token, "POST", EVENTS, json={"summary": "x", "start": new_event()["start"]})
    assert no_end.status_code == 400
    dup = google.api(token, "POST", EVENTS, json=new_event(id="abcdef12345"))
    assert dup.status_code == 200
    assert google.api(token, "POST", EVENTS, json=new_event(id="abcdef12345")).status_code == 409


def test_scopes_and_counters(google: GoogleClient, gemu: GoogleEmulator) -> None:
    readonly = google.login(
        "bob@acme.demo", scope="openid email https://www.googleapis.com/auth/calendar.readonly"
    )
    token = readonly["access_token"]
    assert google.api(token, "GET", EVENTS).status_code == 200
    write = google.api(token, "POST", EVENTS, json=new_event())
    assert write.status_code == 403
    assert write.json()["error"]["errors"][0]["reason"] == "insufficientPermissions"
    assert (
        google.api(token, "GET", "/calendar/v3/calendars/alice@acme.demo/events").status_code == 404
    )
    own = google.api(token, "GET", "/calendar/v3/calendars/bob@acme.demo/events")
    assert own.status_code == 200
    assert gemu.counters.calls["calendar.events.list"] == 3
    assert gemu.counters.calls["calendar.events.insert"] == 1
    gemu.inject_fault("unavailable")
    assert google.api(token, "GET", EVENTS).status_code == 503


def test_one_occurrence_deleted_or_moved(
    google: GoogleClient, gemu: GoogleEmulator, token: str
) -> None:
    weekly = gemu.demo.events[ALICE]["weekly"]
    instances = google.api(token, "GET", f"{EVENTS}/{weekly}/instances").json()["items"]
    _, sync_token = full_sync(google, token, singleEvents="true")
    third, fourth = instances[2], instances[3]
    assert google.api(token, "GET", f"{EVENTS}/{third['id']}").json()["recurringEventId"] == weekly
    deleted = google.api(token, "DELETE", f"{EVENTS}/{third['id']}", params={"sendUpdates": "none"})
    assert deleted.status_code == 204
    later = dt.datetime.fromisoformat(fourth["start"]["dateTime"]) + dt.timedelta(hours=2)
    moved = google.api(
        token,
        "PATCH",
        f"{EVENTS}/{fourth['id']}",
        json={
            "start": {"dateTime": later.isoformat()},
            "end": {"dateTime": (later + dt.timedelta(minutes=30)).isoformat()},
        },
    ).json()
    assert moved["sequence"] == 1 and moved["originalStartTime"] == fourth["originalStartTime"]
    changes = google.api(
        token, "GET", EVENTS, params={"syncToken": sync_token, "singleEvents": "true"}
    ).json()
    by_id = {e["id"]: e for e in changes["items"]}
    assert set(by_id) == {third["id"], fourth["id"]}
    assert by_id[third["id"]]["status"] == "cancelled"
    assert by_id[third["id"]]["recurringEventId"] == weekly
    items, _ = full_sync(google, token, singleEvents="true")
    series = [e for e in items if e.get("recurringEventId") == weekly]
    assert len(series) == 11 and third["id"] not in {e["id"] for e in series}
    assert next(e for e in series if e["id"] == fourth["id"])["start"] == moved["start"]
    listed = google.api(token, "GET", f"{EVENTS}/{weekly}/instances").json()["items"]
    assert len(listed) == 11
    # without singleEvents the series comes once, with the moved occurrence as an exception
    plain, _ = full_sync(google, token)
    assert weekly in {e["id"] for e in plain} and fourth["id"] in {e["id"] for e in plain}
