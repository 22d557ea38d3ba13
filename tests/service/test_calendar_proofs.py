"""Issue 12's sentences that no other test proved (the map's "Gaps"), each over real HTTP
against the emulators with the real table (moto): the 10-minute schedule, the window settings,
the description passing through, attendees related to Leads, WhoId the first match, one
matching call per cycle, provider 503s, Salesforce refusing a create for permission and an
update, Microsoft through the routes, the calendar side after a 410, the status over HTTP
against the OpenAPI schema, and a fan-out without a Scan."""

# ruff: noqa: F811 - the rigs' fixtures are imported by name; tests take them as parameters

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.calendar.service import RunOutcome
from chalicelib.calendar.sync import SyncOptions
from devstack.googleemu import GoogleEmulator
from devstack.msemu import MicrosoftEmulator
from tests.calendar_rig import (
    assert_throttled_cycle_waits_and_resumes,
    contact_id,
    relation_ids,
)
from tests.conftest import Mailboxes
from tests.mailboxes import Browser
from tests.service.test_calendar_routes import (  # noqa: F401 - fixtures used by name
    _error,
    _get,
    _headers,
    _put,
    _run_now,
    alice,
    calendar_queue,
)
from tests.service.test_calendar_sync import (  # noqa: F401 - fixtures used by name
    ALICE,
    MARKER,
    PETER,
    Rig,
    _google_events,
    _new_google_event,
    _pair_of,
    _sf_api,
    gemu,
    google_rig,
    graph_rig,
    msemu,
    sfemu,
)

BILL = "bill.lumbergh@initech.com"  # a seeded Contact of alice's
OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def _at(days: float, hours: float = 1.0) -> dict[str, Any]:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=days)
    end = start + dt.timedelta(hours=hours)
    return {
        "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%SZ")},
        "end": {"dateTime": end.strftime("%Y-%m-%dT%H:%M:%SZ")},
    }


# -- 1. every 10 minutes -----------------------------------------------------------------------


def test_the_fan_out_is_scheduled_every_ten_minutes(app_env: None) -> None:
    from app import app

    (schedule,) = [s for s in app.event_sources if s.name == "calendar_fan_out"]
    assert schedule.schedule_expression.to_string() == "rate(10 minutes)"  # type: ignore[attr-defined]


# -- 4. the window settings --------------------------------------------------------------------


def test_window_settings_reach_the_sync(app_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CALENDAR_SYNC_PAST_DAYS", "3")
    monkeypatch.setenv("CALENDAR_SYNC_FUTURE_DAYS", "5")
    deps.reset()
    options = deps.calendar_sync()._options
    assert (options.past_days, options.future_days) == (3, 5)
    deps.reset()


def test_a_shorter_window_leaves_out_what_the_default_one_syncs(google_rig: Rig) -> None:
    # Given a window of 2 days back and 5 ahead, and events the default (14/60) would sync
    google_rig.sync._options = SyncOptions(past_days=2, future_days=5)
    inside = _new_google_event(google_rig.emu, google_rig, **_at(4))
    ahead = _new_google_event(google_rig.emu, google_rig, **_at(10))
    behind = _new_google_event(google_rig.emu, google_rig, **_at(-6))
    # When the cycles run
    assert google_rig.run() == RunOutcome("ran", "ok")
    google_rig.run()
    # Then only the event inside the shorter window reached Salesforce
    paired = {p.provider_id for p in google_rig.pairs()}
    assert inside in paired and ahead not in paired and behind not in paired
    subjects = [e["Subject"] for e in google_rig.sf_events().values()]
    assert subjects.count(MARKER) == 1


# -- 5, 6, 7, 8. description, Leads, WhoId the first, one matching call ------------------------


def test_the_description_reaches_salesforce(google_rig: Rig) -> None:
    google_rig.run()
    event_id = _new_google_event(google_rig.emu, google_rig, description="agenda: renewal")
    google_rig.run()
    sf_id = str(_pair_of(google_rig, event_id).sf_id)
    assert google_rig.sf_events()[sf_id]["Description"] == "agenda: renewal"


def test_an_attendee_matching_a_lead_is_related_to_the_lead(google_rig: Rig) -> None:
    lead = _sf_api(
        google_rig,
        "POST",
        "/sobjects/Lead",
        {"LastName": "Only", "Company": "Leadco", "Email": "lead.only@leadco.example"},
    )["id"]
    google_rig.run()
    event_id = _new_google_event(
        google_rig.emu, google_rig, attendees=[{"email": "lead.only@leadco.example"}]
    )
    assert google_rig.run() == RunOutcome("ran", "ok")
    sf_id = str(_pair_of(google_rig, event_id).sf_id)
    assert relation_ids(google_rig, sf_id) == {lead}
    assert google_rig.sf_events()[sf_id]["WhoId"] == lead


def test_who_id_is_the_first_matched_attendee_in_the_events_order(google_rig: Rig) -> None:
    google_rig.run()
    nobody = {"email": "nobody@nowhere.example"}
    peter_first = _new_google_event(
        google_rig.emu, google_rig, attendees=[nobody, {"email": PETER}, {"email": BILL}]
    )
    bill_first = _new_google_event(
        google_rig.emu, google_rig, attendees=[{"email": BILL}, nobody, {"email": PETER}]
    )
    google_rig.run()
    events = google_rig.sf_events()
    assert events[str(_pair_of(google_rig, peter_first).sf_id)]["WhoId"] == contact_id(
        google_rig, PETER
    )
    assert events[str(_pair_of(google_rig, bill_first).sf_id)]["WhoId"] == contact_id(
        google_rig, BILL
    )


def test_a_cycle_of_several_events_matches_all_addresses_in_one_call(
    google_rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    google_rig.run()
    events: Any = google_rig.sync._clients(google_rig.state())[1]
    matched: list[list[str]] = []
    for n in range(4):
        attendees = [{"email": f"guest{n}.{i}@example.org"} for i in range(30)]
        _new_google_event(google_rig.emu, google_rig, attendees=[*attendees, {"email": PETER}])
    real = type(events).match_people

    def counted(self: Any, addresses: Any) -> Any:
        matched.append(list(addresses))
        return real(self, addresses)

    monkeypatch.setattr(type(events), "match_people", counted)
    composite = google_rig.sf.calls(google_rig.alice_sf, "composite")
    assert google_rig.run() == RunOutcome("ran", "ok")
    assert len(matched) == 1 and len({a.lower() for a in matched[0]}) == 121
    # the matching call is one Composite request (the Events' inserts go through Collections)
    assert google_rig.sf.calls(google_rig.alice_sf, "composite") - composite == 1


# -- 9. provider 503 ---------------------------------------------------------------------------


def _assert_backs_off_on_503(rig: Rig, emu: Any) -> None:
    assert_throttled_cycle_waits_and_resumes(rig, emu, "unavailable", 90)
    assert rig.state().cursor is not None and rig.state().last_error is None


def test_google_503_backs_off_keeps_the_token_and_resumes(google_rig: Rig) -> None:
    _assert_backs_off_on_503(google_rig, google_rig.emu)


def test_graph_503_backs_off_keeps_the_delta_link_and_resumes(graph_rig: Rig) -> None:
    _assert_backs_off_on_503(graph_rig, graph_rig.emu)


# -- 10. Salesforce refusing a create for permission, and an update ----------------------------


def test_a_create_refused_for_permission_is_marked_and_updates_go_on(google_rig: Rig) -> None:
    google_rig.run()
    kept = _new_google_event(google_rig.emu, google_rig)
    google_rig.run()
    kept_sf = str(_pair_of(google_rig, kept).sf_id)
    # alice's profile loses "Create" on Events; she makes a new event and edits the old one
    google_rig.sf.deny_create(google_rig.alice_sf, "Event")
    refused = _new_google_event(google_rig.emu, google_rig)
    google_rig.calendar._api.send(
        "PATCH",
        f"/calendar/v3/calendars/primary/events/{kept}",
        {"summary": "edited"},
        params={"sendUpdates": "none"},
    )
    assert google_rig.run() == RunOutcome("ran", "ok")
    pair = _pair_of(google_rig, refused)
    assert pair.sf_id is None and pair.failed == "INSUFFICIENT_ACCESS_OR_READONLY"
    assert {"reason": "INSUFFICIENT_ACCESS_OR_READONLY", "provider_id": refused} in (
        google_rig.state().failed
    )
    assert google_rig.sf_events()[kept_sf]["Subject"] == "edited"


def test_an_update_refused_by_salesforce_is_marked_and_the_rest_goes_on(google_rig: Rig) -> None:
    google_rig.run()
    too_long, fine = (_new_google_event(google_rig.emu, google_rig) for _ in range(2))
    google_rig.run()
    refused_sf = str(_pair_of(google_rig, too_long).sf_id)
    fine_sf = str(_pair_of(google_rig, fine).sf_id)
    api = google_rig.calendar._api
    longer = _at(3, hours=20 * 24)  # Salesforce refuses an Event longer than 14 days
    api.send("PATCH", f"/calendar/v3/calendars/primary/events/{too_long}", longer)
    api.send("PATCH", f"/calendar/v3/calendars/primary/events/{fine}", {"summary": "fine"})
    assert google_rig.run() == RunOutcome("ran", "ok")
    assert _pair_of(google_rig, too_long).failed == "FIELD_INTEGRITY_EXCEPTION"
    failed = google_rig.state().failed
    assert any(
        f["reason"] == "FIELD_INTEGRITY_EXCEPTION" and f.get("salesforce_id") == refused_sf
        for f in failed
    ), failed
    assert google_rig.sf_events()[refused_sf]["Subject"] == MARKER  # as it was
    assert google_rig.sf_events()[fine_sf]["Subject"] == "fine"


# -- 12. after a 410 the calendar side holds no duplicate --------------------------------------


def test_google_410_leaves_one_calendar_event_per_pair(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    google_rig.run()
    calendar_before = len(_google_events(gemu))
    gemu.expire_sync_tokens(ALICE)
    assert google_rig.run() == RunOutcome("ran", "ok")
    assert len(_google_events(gemu)) == calendar_before
    assert len({p.provider_id for p in google_rig.pairs()}) == len(google_rig.pairs())


@pytest.mark.parametrize("code", ["syncStateNotFound", "resyncRequired"])
def test_graph_410_recovers_with_one_event_per_pair_on_both_sides(
    graph_rig: Rig, code: str
) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    graph_rig.run()
    calendar = msemu.data[msemu.demo.users["alice"]].calendar
    before = (len(calendar.events), len(graph_rig.sf_events()), len(graph_rig.pairs()))
    cursor = graph_rig.state().cursor
    msemu.delta_reset_code = code
    msemu.expire_delta_tokens(ALICE)
    assert graph_rig.run() == RunOutcome("ran", "ok")
    after = (len(calendar.events), len(graph_rig.sf_events()), len(graph_rig.pairs()))
    assert after == before and graph_rig.state().cursor != cursor


def test_msemu_answers_a_stale_delta_link_with_the_chosen_code(graph_rig: Rig) -> None:
    import requests

    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    msemu.delta_reset_code = "resyncRequired"
    msemu.expire_delta_tokens(ALICE)
    token = msemu.issue_tokens(ALICE)["access_token"]
    stale = f"{msemu.url}/v1.0/me/calendarView/delta?$deltatoken=gone"
    answer = requests.get(stale, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert answer.status_code == 410
    assert answer.json()["error"]["code"] == "resyncRequired"


# -- 11, 13, 14. through the app: Microsoft, the status, the fan-out ---------------------------


def test_microsoft_needs_its_connection_and_syncs_the_default_calendar(
    alice: Browser, calendar_queue: str, mailbox_env: Mailboxes
) -> None:
    assert _error(_put(alice, {"enabled": True, "provider": "microsoft"})) == (
        409,
        "connection_required",
    )
    assert alice.connect("microsoft").status_code == 302
    assert _put(alice, {"enabled": True, "provider": "microsoft"}).status_code == 200
    polled = _run_now(alice, calendar_queue)
    assert (polled.deleted, polled.failed) == (1, 0)
    shown = _get(alice)
    assert (shown["provider"], shown["status"]["state"]) == ("microsoft", "ok")
    assert shown["calendar_id"] is None  # the default calendar, /me/calendar
    assert shown["status"]["counts"]["to_salesforce"]["created"] > 0
    # revoked: reauth_required, and skipped without a call to Graph until she reconnects
    mailbox_env.microsoft.revoke_grant(ALICE)
    mailbox_env.microsoft.expire_access_tokens()
    _run_now(alice, calendar_queue)
    status = _get(alice)["status"]
    assert status["state"] == "reauth_required"
    assert status["last_error"]["code"] == "microsoft_reauth_required"
    calls = sum(mailbox_env.microsoft.counters.calls.values())
    _run_now(alice, calendar_queue)
    assert sum(mailbox_env.microsoft.counters.calls.values()) == calls
    assert alice.connect("microsoft").status_code == 302
    _run_now(alice, calendar_queue)
    assert _get(alice)["status"]["state"] == "ok"


def _answer_schema() -> dict[str, Any]:
    spec = json.loads(OPENAPI.read_text())
    return {"$ref": "#/components/schemas/CalendarSyncAnswer", "components": spec["components"]}


def test_the_status_over_http_after_real_cycles_matches_the_schema(
    alice: Browser, calendar_queue: str
) -> None:
    from openapi_schema_validator import validate

    assert alice.connect("google").status_code == 302
    assert _put(alice, {"enabled": True, "provider": "google"}).status_code == 200
    _run_now(alice, calendar_queue)
    _run_now(alice, calendar_queue)
    shown = _get(alice)
    validate(shown, _answer_schema())
    status = shown["status"]
    assert shown["calendar_id"] == "primary"  # the default, stored as none: docs/calendar.md
    assert status["state"] == "ok" and status["last_run_at"] == status["last_success_at"]
    assert status["next_run_at"] >= status["last_run_at"]
    assert status["counts"]["conflicts"] == 0 and status["failed"] == []
    assert status["counts"]["from_salesforce"]["created"] > 0


def test_the_fan_out_reads_the_index_and_never_scans(
    alice: Browser, calendar_queue: str, client: Client
) -> None:
    from devstack.awscalls import AwsCallCounter

    assert alice.connect("google").status_code == 302
    assert _put(alice, {"enabled": True, "provider": "google"}).status_code == 200
    counter = AwsCallCounter()
    counter.attach(deps.dynamodb_client())
    counter.attach(deps.hot_path_dynamodb_client())
    event = client.events.generate_cw_event(
        source="aws.events", detail_type="Scheduled Event", detail={}, resources=[]
    )
    assert client.lambda_.invoke("calendar_fan_out", event).payload == {"users": 1, "pages": 1}
    assert counter.count("dynamodb.Scan") == 0 and counter.count("dynamodb.Query") == 1
    reply = boto3.client("sqs").receive_message(QueueUrl=calendar_queue, VisibilityTimeout=0)
    assert len(reply.get("Messages", [])) == 1
