"""Calendar sync faults and edges found by review (docs/calendar.md, "Decisions"), over real
HTTP against the emulators with the real table (moto): a Salesforce edit keeps a Google
meeting's guests, an edit made while a cycle runs is not lost, a provider refusing one event
does not stop the rest, crash recovery with two events of the same start, a Graph meeting
deleted in Salesforce stays deleted, turning sync off during a cycle wins, the org setting at
every cycle, events moved out of the window, unexpected errors, the cycle's time budget,
Google's 403 rate limits, a stored Retry-After against "run now", a revoked Salesforce
connection, conflicts won by Salesforce, Graph recurring events, conflicts and 429 in a full
cycle, and Graph's transactionId after a crash."""

# ruff: noqa: F811 - the rigs' fixtures are imported by name; tests take them as parameters

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import requests

from chalicelib.calendar.service import CalendarSync, RunOutcome
from chalicelib.calendar.sync import SyncOptions
from chalicelib.errors import ErrorCode, StratusError
from devstack.googleemu import GoogleEmulator
from devstack.msemu import MicrosoftEmulator
from tests.calendar_rig import (
    assert_throttled_cycle_waits_and_resumes,
    crash_after_calendar_insert,
    new_sf_event,
    provider_id_of,
)
from tests.service.test_calendar_sync import (  # noqa: F401 - fixtures used by name
    ALICE,
    ORG,
    USER,
    Crash,
    Rig,
    _google_events,
    _graph_events,
    _later,
    _new_google_event,
    _pair_of,
    _sf_api,
    gemu,
    google_rig,
    graph_rig,
    msemu,
    sfemu,
)


def _google_patch(rig: Rig, event_id: str, body: dict[str, Any]) -> None:
    rig.calendar._api.send(
        "PATCH",
        f"/calendar/v3/calendars/primary/events/{event_id}",
        body,
        params={"sendUpdates": "none"},
    )


def _with_options(rig: Rig, options: SyncOptions) -> None:
    """The rig's service with other options (the same collaborators)."""
    old = rig.sync
    rig.sync = CalendarSync(
        rig.repo,
        old._store,
        old._clients,
        old._connection_ready,
        rig.clock,
        options,
        org_allows=old._org_allows,
    )


# -- H1: guests ---------------------------------------------------------------------------------


def test_salesforce_edit_keeps_google_guests(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    event_id = _new_google_event(gemu, google_rig)
    google_rig.run()
    guests = gemu.calendars[ALICE].events[event_id]["attendees"]
    assert guests
    sf_id = str(_pair_of(google_rig, event_id).sf_id)
    _later()
    _sf_api(google_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Subject": "renamed in SF"})
    google_rig.run()
    event = gemu.calendars[ALICE].events[event_id]
    assert event["summary"] == "renamed in SF"
    assert event["attendees"] == guests


# -- H2: the watermark ---------------------------------------------------------------------------


def test_salesforce_edit_made_during_a_cycle_is_not_lost(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    sf_id = new_sf_event(google_rig)
    google_rig.run()
    provider_id = provider_id_of(google_rig, sf_id)
    _new_google_event(gemu, google_rig)  # gives the next cycle a Salesforce write of its own
    real = google_rig.calendar.changes

    def changes(cursor: Any, window: Any) -> Any:  # the user edits while the cycle runs
        _later()
        _sf_api(google_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Subject": "edited mid-cycle"})
        _later()
        google_rig.calendar.changes = real
        return real(cursor, window)

    google_rig.calendar.changes = changes
    google_rig.run()
    google_rig.run()
    assert _google_events(gemu)[provider_id]["summary"] == "edited mid-cycle"
    # and our own writes still do not come back (no echo)
    counts = google_rig.state().counts
    google_rig.run()
    assert google_rig.state().counts == counts


# -- H3: a refusal by the provider ----------------------------------------------------------------


def test_provider_refusal_is_marked_and_the_rest_goes_on(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    invite = _new_google_event(gemu, google_rig)
    google_rig.run()
    # alice's copy of someone else's meeting: only its organizer may change it
    gemu.calendars[ALICE].events[invite]["organizer"] = {"email": PETER_ORGANIZER}
    invite_sf = str(_pair_of(google_rig, invite).sf_id)
    fine_sf = new_sf_event(google_rig, "fine")
    _later()
    _sf_api(google_rig, "PATCH", f"/sobjects/Event/{invite_sf}", {"Subject": "not mine"})
    assert google_rig.run() == RunOutcome("ran", "ok")
    assert _google_events(gemu)[provider_id_of(google_rig, fine_sf)]["summary"] == "fine"
    assert _pair_of(google_rig, invite).failed == "forbiddenForNonOrganizer"
    assert google_rig.state().failed[-1] == {
        "reason": "forbiddenForNonOrganizer",
        "provider_id": invite,
        "salesforce_id": invite_sf,
    }
    # not tried again until it changes again: the next cycle makes no Google write
    before = sum(gemu.counters.calls.values())
    assert google_rig.run() == RunOutcome("ran", "ok")
    assert sum(gemu.counters.calls.values()) - before == 1  # the listing only


PETER_ORGANIZER = "peter.gibbons@initech.com"


def test_salesforce_edit_restores_an_event_deleted_in_google(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.enable("google", direction="from_salesforce")
    google_rig.run()
    sf_id = new_sf_event(google_rig)
    google_rig.run()
    provider_id = provider_id_of(google_rig, sf_id)
    google_rig.calendar.delete(provider_id)  # the user deletes it in Google
    for subject in ("edit 1", "edit 2"):
        _later()
        _sf_api(google_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Subject": subject})
        assert google_rig.run() == RunOutcome("ran", "ok")
    assert _google_events(gemu)[provider_id]["summary"] == "edit 2"  # Salesforce leads


# -- H4: crash recovery ------------------------------------------------------------------------


def test_crash_recovery_pairs_two_events_of_the_same_start_apart(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    a = _new_google_event(gemu, google_rig, summary="A")
    b = _new_google_event(gemu, google_rig, summary="B")
    sf_before = set(google_rig.sf_events())
    google_rig.repo.crash_on_completion = True
    with pytest.raises(Crash):
        google_rig.run()
    google_rig.run()
    google_rig.run()
    pa, pb = _pair_of(google_rig, a), _pair_of(google_rig, b)
    assert pa.sf_id != pb.sf_id
    assert set(google_rig.sf_events()) - sf_before == {pa.sf_id, pb.sf_id}
    assert google_rig.sf_events()[str(pa.sf_id)]["Subject"] == "A"
    summaries = sorted(e["summary"] for e in _google_events(gemu).values())
    assert summaries.count("A") == summaries.count("B") == 1  # nothing duplicated back


# -- H5: Graph meetings deleted in Salesforce ------------------------------------------------


def test_graph_meeting_deleted_in_salesforce_stays_deleted(graph_rig: Rig) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    meeting = next(
        p for p in graph_rig.pairs() if p.attendees and p.provider_id in _graph_events(msemu)
    )
    _later()
    _sf_api(graph_rig, "DELETE", f"/sobjects/Event/{meeting.sf_id}")
    events_before = len(graph_rig.sf_events())
    graph_rig.run()
    assert str(meeting.provider_id) in _graph_events(msemu)  # left alone: no notices
    assert msemu.meeting_notices == []
    assert {"provider_id": meeting.provider_id, "reason": "calendar_meeting_kept"} in list(
        graph_rig.state().failed
    )
    msemu.expire_delta_tokens(ALICE)  # a full listing names the meeting again
    graph_rig.run()
    api = graph_rig.calendar._api
    api.send("PATCH", f"/v1.0/me/events/{meeting.provider_id}", {"subject": "moved"})
    msemu.meeting_notices.clear()  # the user's own edit in Outlook
    graph_rig.run()
    assert len(graph_rig.sf_events()) == events_before  # it never came back


# -- M1: turning sync off during a cycle --------------------------------------------------------


def test_turning_sync_off_during_a_cycle_wins(google_rig: Rig) -> None:
    google_rig.run()
    real = google_rig.calendar.changes

    def changes(cursor: Any, window: Any) -> Any:
        google_rig.repo.forget(ORG, USER)  # PUT enabled=false while the cycle runs
        google_rig.calendar.changes = real
        return real(cursor, window)

    google_rig.calendar.changes = changes
    _new_google_event(google_rig.emu, google_rig)
    assert google_rig.run() == RunOutcome("disabled")
    assert google_rig.repo.get(ORG, USER) is None
    assert google_rig.pairs() == []  # what the cycle wrote meanwhile is gone too


def test_direction_changed_during_a_cycle_is_kept(google_rig: Rig) -> None:
    google_rig.run()
    real = google_rig.calendar.changes

    def changes(cursor: Any, window: Any) -> Any:
        google_rig.sync.configure(
            ORG, USER, enabled=True, provider="google", calendar_id=None, direction="to_salesforce"
        )
        google_rig.calendar.changes = real
        return real(cursor, window)

    google_rig.calendar.changes = changes
    assert google_rig.run() == RunOutcome("ran", "ok")
    state = google_rig.state()
    assert state.direction == "to_salesforce" and state.enabled and state.state == "ok"


# -- M2: the org setting at every cycle ----------------------------------------------------------


def test_org_setting_turned_off_pauses_every_user_until_it_is_back(google_rig: Rig) -> None:
    allowed = [True]
    google_rig.sync._org_allows = lambda org, user: allowed[0]
    google_rig.run()
    allowed[0] = False  # the admin turns calendar_sync off
    calls = google_rig.sf_calls()
    google_before = sum(google_rig.emu.counters.calls.values())
    assert google_rig.run() == RunOutcome("ran", "paused")
    state = google_rig.state()
    assert state.last_error is not None and state.last_error["code"] == "calendar_sync_disabled"
    assert google_rig.run() == RunOutcome("waiting", "paused")
    assert google_rig.sf_calls() == calls
    assert sum(google_rig.emu.counters.calls.values()) == google_before
    allowed[0] = True
    assert google_rig.run() == RunOutcome("ran", "ok")


# -- M3 (review 1), M1/M4 (review 2): moved out of the window -----------------------------------
# Decision: an event moved out of the window, on either side, gets its new times on the other
# side and its pair is forgotten; neither side's record is deleted (docs/calendar.md).


def test_google_event_moved_out_of_the_window_is_kept_in_salesforce_with_its_pair(
    google_rig: Rig,
) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    event_id = _new_google_event(gemu, google_rig)
    google_rig.run()
    sf_id = str(_pair_of(google_rig, event_id).sf_id)
    far = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=90)
    _google_patch(
        google_rig,
        event_id,
        {
            "start": {"dateTime": far.strftime("%Y-%m-%dT%H:%M:%SZ")},
            "end": {"dateTime": (far + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")},
        },
    )
    google_rig.run()
    assert _sf_start(google_rig, sf_id) == far  # kept, at its new time
    assert event_id in _google_events(gemu)  # the calendar keeps it
    google_rig.run()  # and nothing comes back from either side
    assert sf_id in google_rig.sf_events()
    # the pair is held until the new end + the past window (found by id when it comes back)
    (pair,) = [p for p in google_rig.pairs() if p.sf_id == sf_id or p.provider_id == event_id]
    assert (pair.sf_id, pair.provider_id) == (sf_id, event_id)
    assert pair.expires_at == int((far + dt.timedelta(hours=1, days=14)).timestamp())


def test_graph_event_moved_out_of_the_window_is_kept_in_salesforce_with_its_pair(
    graph_rig: Rig,
) -> None:
    graph_rig.run()
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=5)
    api = graph_rig.calendar._api
    created = api.send("POST", "/v1.0/me/events", _graph_body("to move", start))
    graph_rig.run()
    sf_id = str(_pair_of(graph_rig, created["id"]).sf_id)
    far = start + dt.timedelta(days=90)
    moved = _graph_body("to move", far)
    api.send("PATCH", f"/v1.0/me/events/{created['id']}", {k: moved[k] for k in ("start", "end")})
    graph_rig.run()
    assert _sf_start(graph_rig, sf_id) == far
    (pair,) = [p for p in graph_rig.pairs() if p.sf_id == sf_id]
    assert pair.expires_at == int((far + dt.timedelta(hours=1, days=14)).timestamp())
    # a deletion in Outlook (also an @removed) still deletes the Salesforce Event
    other = api.send("POST", "/v1.0/me/events", _graph_body("to delete", start))
    graph_rig.run()
    other_sf = str(_pair_of(graph_rig, other["id"]).sf_id)
    api.send("DELETE", f"/v1.0/me/events/{other['id']}")
    graph_rig.run()
    assert other_sf not in graph_rig.sf_events() and sf_id in graph_rig.sf_events()


def test_salesforce_event_moved_out_of_the_window_moves_the_calendar_event(
    google_rig: Rig,
) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    sf_id = new_sf_event(google_rig)
    google_rig.run()
    provider_id = provider_id_of(google_rig, sf_id)
    far = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=90)
    _later()
    _sf_api(
        google_rig,
        "PATCH",
        f"/sobjects/Event/{sf_id}",
        {
            "StartDateTime": far.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "EndDateTime": (far + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    )
    google_rig.run()
    moved = gemu.calendars[ALICE].events[provider_id]
    assert moved["start"]["dateTime"].startswith(far.strftime("%Y-%m-%dT%H:%M"))  # no ghost
    (pair,) = [p for p in google_rig.pairs() if p.sf_id == sf_id]
    assert pair.expires_at == int((far + dt.timedelta(minutes=30, days=14)).timestamp())
    google_rig.run()
    assert sf_id in google_rig.sf_events() and provider_id in _google_events(gemu)


def test_calendar_deletion_against_a_salesforce_edit_is_a_counted_conflict(
    google_rig: Rig,
) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    event_id = _new_google_event(gemu, google_rig)
    google_rig.run()
    sf_id = str(_pair_of(google_rig, event_id).sf_id)
    _later()
    _sf_api(google_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Location": "notes added"})
    google_rig.calendar.delete(event_id)
    google_rig.run()
    assert sf_id not in google_rig.sf_events()  # a deletion wins over an edit (documented)
    assert google_rig.state().counts["conflicts"] == 1


def _sf_start(rig: Rig, sf_id: str) -> dt.datetime:
    from chalicelib.calendars import parse_instant

    value = rig.sf_events()[sf_id]["StartDateTime"]
    return value if isinstance(value, dt.datetime) else parse_instant(str(value))


def _graph_body(subject: str, start: dt.datetime, minutes: int = 60) -> dict[str, Any]:
    end = start + dt.timedelta(minutes=minutes)
    return {
        "subject": subject,
        "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"},
        "end": {"dateTime": end.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"},
    }


# -- M4: unexpected errors --------------------------------------------------------------------


def test_a_calendar_that_does_not_exist_is_an_error_in_the_status(google_rig: Rig) -> None:
    google_rig.repo.put(
        google_rig.state().__class__(ORG, USER, enabled=True, calendar_id="missing")
    )
    google_rig.calendar._events = "/calendar/v3/calendars/missing/events"
    answer = google_rig.sync.handle_batch(
        [{"messageId": "m1", "body": f'{{"org": "{ORG}", "user": "{USER}"}}'}]
    )
    assert answer == {"batchItemFailures": []}  # not redriven into the dead-letter queue
    state = google_rig.state()
    assert state.state == "error" and state.last_error is not None
    assert state.last_error["code"] == "calendar_not_found"
    assert state.next_run_at is not None  # tried again later, not at once
    assert google_rig.run() == RunOutcome("waiting", "error")


def test_an_unexpected_failure_is_recorded_not_raised(google_rig: Rig) -> None:
    google_rig.broken.append(KeyError("start"))  # type: ignore[arg-type]
    assert google_rig.run() == RunOutcome("ran", "error")
    state = google_rig.state()
    assert state.last_error is not None and state.last_error["code"] == "sync_failed"


# -- M5: the cycle's time budget -----------------------------------------------------------------


def test_a_cycle_out_of_time_stops_and_the_next_one_finishes(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.enable("google", direction="from_salesforce")
    google_rig.run()
    cursor, watermark = google_rig.state().cursor, google_rig.state().watermark
    created = google_rig.state().counts["from_salesforce"]["created"]
    made = [new_sf_event(google_rig, f"budget {i}", days=3 + i) for i in range(4)]
    _with_options(google_rig, SyncOptions(cycle_seconds=25))
    real_insert = google_rig.calendar.insert

    def slow_insert(details: Any, key: str) -> Any:
        google_rig.clock.advance(10)  # each write takes 10 s of the budget
        return real_insert(details, key)

    google_rig.calendar.insert = slow_insert
    assert google_rig.run() == RunOutcome("ran", "ok")
    state = google_rig.state()
    assert state.last_error is not None and state.last_error["code"] == "cycle_incomplete"
    assert (state.cursor, state.watermark) == (cursor, watermark)  # the next cycle resumes
    assert state.counts["from_salesforce"]["created"] == created + 3
    google_rig.calendar.insert = real_insert
    assert google_rig.run() == RunOutcome("ran", "ok")
    assert google_rig.state().counts["from_salesforce"]["created"] == created + 4
    summaries = [e["summary"] for e in _google_events(gemu).values()]
    assert sorted(s for s in summaries if s.startswith("budget")) == [
        f"budget {i}" for i in range(4)
    ]
    assert all(provider_id_of(google_rig, sf_id) for sf_id in made)


def test_users_not_started_before_the_lambda_ends_are_queued_again(google_rig: Rig) -> None:
    sent: list[tuple[dict[str, Any], int]] = []

    class Queue:
        def send(self, body: Any, *, delay_seconds: int = 0) -> str:
            sent.append((dict(body), delay_seconds))
            return "id"

        def send_batch(self, bodies: Any) -> int:
            raise AssertionError("not used")

    google_rig.sync._queue = Queue()
    body = f'{{"org": "{ORG}", "user": "{USER}"}}'
    answer = google_rig.sync.handle_batch([{"messageId": "m1", "body": body}], 10.0)
    assert answer == {"batchItemFailures": []}
    assert sent == [({"kind": "calendar_sync", "org": ORG, "user": USER}, 0)]
    assert google_rig.state().state == "never_run"


# -- M6: throttling and reauth edges -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["rate_limit_403", "user_rate_limit_403"])
def test_google_403_rate_limits_are_throttling(google_rig: Rig, kind: str) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    cursor = google_rig.state().cursor
    gemu.inject_fault(kind)
    assert google_rig.run() == RunOutcome("ran", "error")
    state = google_rig.state()
    assert state.last_error is not None and state.last_error["code"] == "provider_throttled"
    assert state.cursor == cursor
    assert state.next_run_at is not None and state.next_run_at > int(google_rig.clock.now())


def test_run_now_honours_a_stored_retry_after(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    gemu.retry_after = 300
    gemu.inject_fault("rate_limit")
    assert google_rig.run() == RunOutcome("ran", "error")
    calls = sum(gemu.counters.calls.values())
    assert google_rig.run(now_requested=True) == RunOutcome("waiting", "error")
    assert sum(gemu.counters.calls.values()) == calls
    google_rig.clock.advance(301)
    assert google_rig.run(now_requested=True) == RunOutcome("ran", "ok")


def test_revoked_salesforce_connection_is_skipped_until_it_is_back(google_rig: Rig) -> None:
    google_rig.broken.append(
        StratusError(ErrorCode.SALESFORCE_REAUTH_REQUIRED, "Sign in again.", 401)
    )
    google_rig.live["salesforce"] = False
    assert google_rig.run() == RunOutcome("ran", "reauth_required")
    google_rig.broken.clear()  # a run now would work: it must not be tried
    calls = google_rig.sf_calls()
    assert google_rig.run() == RunOutcome("waiting", "reauth_required")
    assert google_rig.run(now_requested=True) == RunOutcome("waiting", "reauth_required")
    assert google_rig.sf_calls() == calls
    google_rig.live["salesforce"] = True
    assert google_rig.run() == RunOutcome("ran", "ok")


# -- conflicts, Graph in full cycles -------------------------------------------------------------


def test_conflict_won_by_salesforce_when_its_change_is_later(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    event_id = _new_google_event(gemu, google_rig)
    google_rig.run()
    sf_id = str(_pair_of(google_rig, event_id).sf_id)
    _google_patch(google_rig, event_id, {"summary": "google first"})
    _later(9)  # Salesforce's edit is later
    _sf_api(google_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Subject": "salesforce later"})
    google_rig.run()
    assert gemu.calendars[ALICE].events[event_id]["summary"] == "salesforce later"
    assert google_rig.sf_events()[sf_id]["Subject"] == "salesforce later"
    assert google_rig.state().counts["conflicts"] == 1
    counts = google_rig.state().counts
    google_rig.run()
    assert google_rig.state().counts == counts  # settled: no echo either way


def test_graph_conflicts_in_a_full_cycle(graph_rig: Rig) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=6)
    api = graph_rig.calendar._api
    created = api.send("POST", "/v1.0/me/events", _graph_body("both", start))
    graph_rig.run()
    sf_id = str(_pair_of(graph_rig, created["id"]).sf_id)
    path = f"/v1.0/me/events/{created['id']}"
    # Salesforce later
    api.send("PATCH", path, {"subject": "outlook first"})
    _later(9)
    _sf_api(graph_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Subject": "salesforce later"})
    graph_rig.run()
    assert _graph_events(msemu)[created["id"]]["subject"] == "salesforce later"
    # Outlook later
    _later()
    _sf_api(graph_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Subject": "salesforce first"})
    msemu.clock = lambda: dt.datetime.now(dt.UTC) + dt.timedelta(seconds=60)
    api.send("PATCH", path, {"subject": "outlook later"})
    graph_rig.run()
    assert graph_rig.sf_events()[sf_id]["Subject"] == "outlook later"
    assert graph_rig.state().counts["conflicts"] == 2
    assert msemu.meeting_notices == []


def test_graph_recurring_instances_in_a_full_cycle(graph_rig: Rig) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    weekly = msemu.demo.events["alice"]["weekly"]
    instances = [
        p for p in graph_rig.pairs() if p.provider_id and p.provider_id != weekly and p.attendees
    ]
    occurrences = [
        e for e in graph_rig.calendar.changes(None, _window()).events if e.series_id == weekly
    ]
    assert len(occurrences) > 1
    ids = {e.provider_id for e in occurrences}
    assert ids <= {p.provider_id for p in instances}  # each instance paired on its own
    edited, deleted = sorted(ids)[:2]
    sf_edited = str(_pair_of(graph_rig, edited).sf_id)
    sf_deleted = str(_pair_of(graph_rig, deleted).sf_id)
    api = graph_rig.calendar._api
    api.send("PATCH", f"/v1.0/me/events/{edited}", {"subject": "this week only"})
    api.send("DELETE", f"/v1.0/me/events/{deleted}")
    msemu.meeting_notices.clear()  # the user's own edits in Outlook
    before = graph_rig.state().counts["to_salesforce"]
    calls = graph_rig.sf_calls()
    graph_rig.run()
    after = graph_rig.state().counts["to_salesforce"]
    assert graph_rig.sf_events()[sf_edited]["Subject"] == "this week only"
    assert sf_deleted not in graph_rig.sf_events()
    assert _pair_of(graph_rig, edited).sf_id == sf_edited  # still paired
    assert (after["updated"] - before["updated"], after["deleted"] - before["deleted"]) == (1, 1)
    assert after["created"] == before["created"]
    assert graph_rig.sf_calls() - calls <= 5  # query, update, stamps, delete (+ matching)
    counts = graph_rig.state().counts
    graph_rig.run()
    assert graph_rig.state().counts == counts  # no echo


def _window() -> Any:
    from chalicelib.calendars import Window

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return Window(now - dt.timedelta(days=14), now + dt.timedelta(days=60))


def test_graph_429_in_a_full_cycle_backs_off_and_resumes(graph_rig: Rig) -> None:
    assert_throttled_cycle_waits_and_resumes(graph_rig, graph_rig.emu, "throttled", 120)


def test_graph_crash_after_the_outlook_insert_makes_no_duplicate(graph_rig: Rig) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    sf_id = crash_after_calendar_insert(graph_rig, "once only")
    ours = [e for e in _graph_events(msemu).values() if e["subject"] == "once only"]
    assert len(ours) == 1 and ours[0]["id"] == provider_id_of(graph_rig, sf_id)
    # and the Outlook event the crashed insert made is recognised (its transactionId), not
    # taken for a new event of the user's and created in Salesforce a second time
    assert _sf_subjects(graph_rig, "once only") == [sf_id]
    assert [p.sf_id for p in graph_rig.pairs() if p.provider_id == ours[0]["id"]] == [sf_id]


# -- review 12b ----------------------------------------------------------------------------------


def _sf_subjects(rig: Rig, subject: str) -> list[str]:
    return [i for i, r in rig.sf_events().items() if r.get("Subject") == subject]


def test_google_crash_after_the_calendar_insert_makes_no_salesforce_duplicate(
    google_rig: Rig,
) -> None:
    # Given a cycle that dies right after it inserted a Salesforce Event into Google
    gemu: GoogleEmulator = google_rig.emu
    # When the next cycles list that event (the cursor did not move) and run again
    sf_id = crash_after_calendar_insert(google_rig, "once only")
    # Then the event is ours (its id is the insert's key), paired once, never created again
    ours = [i for i, e in _google_events(gemu).items() if e["summary"] == "once only"]
    assert _sf_subjects(google_rig, "once only") == [sf_id]
    assert len(ours) == 1 and provider_id_of(google_rig, sf_id) == ours[0]
    assert [p.sf_id for p in google_rig.pairs() if p.provider_id == ours[0]] == [sf_id]


def _at(days: float) -> tuple[str, str]:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=days)
    end = start + dt.timedelta(hours=1)
    return start.strftime("%Y-%m-%dT%H:%M:%SZ"), end.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_google_event_coming_into_the_window_by_time_is_synced(google_rig: Rig) -> None:
    # Given an event 70 days ahead: outside the 60-day window, so not synced
    gemu: GoogleEmulator = google_rig.emu
    start, end = _at(70)
    _new_google_event(
        gemu, google_rig, summary="far ahead", start={"dateTime": start}, end={"dateTime": end}
    )
    google_rig.run()
    assert not _sf_subjects(google_rig, "far ahead")
    # When 20 days pass without a change to it (it is 50 days ahead now)
    google_rig.clock.advance(20 * 86400)
    google_rig.run()
    # Then it is in Salesforce: the listing started again once the window had moved on
    assert len(_sf_subjects(google_rig, "far ahead")) == 1
    google_rig.run()
    assert len(_sf_subjects(google_rig, "far ahead")) == 1


def test_salesforce_event_coming_into_the_window_by_time_reaches_the_calendar(
    google_rig: Rig,
) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    sf_id = new_sf_event(google_rig, "far ahead in salesforce", days=70)
    _later()
    new_sf_event(google_rig, "near")  # a later change: the watermark moves past the far one's stamp
    google_rig.run()
    assert not [e for e in _google_events(gemu).values() if e["summary"].startswith("far")]
    google_rig.clock.advance(20 * 86400)
    google_rig.run()
    assert provider_id_of(google_rig, sf_id) in _google_events(gemu)
    calls = google_rig.sf_calls()
    google_rig.run()  # the window moved less than a day since: one query, as usual
    assert google_rig.sf_calls() - calls == 1


def test_graph_delta_round_starts_again_when_the_window_moves_on(graph_rig: Rig) -> None:
    # Given a delta link made for today's window
    graph_rig.run()
    graph_rig.clock.advance(70 * 86400)
    # When an event is created beyond that window's end, but inside the window 70 days on
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=100)
    graph_rig.calendar._api.send("POST", "/v1.0/me/events", _graph_body("beyond", start))
    graph_rig.run()
    graph_rig.run()
    # Then it is synced (once)
    assert len(_sf_subjects(graph_rig, "beyond")) == 1


def test_graph_old_event_edited_after_its_pair_expired_is_not_created_again(
    graph_rig: Rig,
) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    lunch = msemu.demo.events["alice"]["lunch"]
    before = set(graph_rig.sf_events())
    graph_rig.clock.advance(20 * 86400)  # lunch ended 18 days ago: its pair is forgotten
    graph_rig.run()
    api = graph_rig.calendar._api
    for n in (1, 2):  # edits of an event outside the window
        api.send("PATCH", f"/v1.0/me/events/{lunch}", {"subject": f"lunch edit {n}"})
        graph_rig.run()
    made = set(graph_rig.sf_events()) - before
    assert not [i for i in made if str(graph_rig.sf_events()[i]["Subject"]).startswith("lunch")]
    assert not [p for p in graph_rig.pairs() if p.provider_id == lunch]


def test_soql_datetime_literals_only_in_the_documented_forms(google_rig: Rig) -> None:
    # The emulator refuses what SOQL does not document (.000+0000 is the REST form of a value)
    base = "/query?q=SELECT+Id+FROM+Event+WHERE+SystemModstamp+>=+"
    for literal in ("2026-11-30T01:14:54Z", "2026-11-30T01:14:54%2B01:00"):
        _sf_api(google_rig, "GET", base + literal)
    for literal in ("2026-11-30T01:14:54.000%2B0000", "2026-11-30T01:14:54.000Z"):
        response = requests.get(
            f"{google_rig.sf.url}/services/data/v60.0{base}{literal}",  # type: ignore[attr-defined]
            headers={"Authorization": f"Bearer {google_rig.sf_token}"},
            timeout=10,
        )
        assert response.status_code == 400
        assert response.json()[0]["errorCode"] == "MALFORMED_QUERY"
    # and incremental cycles (the watermark in a literal) go on working
    google_rig.run()
    sf_id = new_sf_event(google_rig, "watermark")
    google_rig.run()
    _later()
    _sf_api(google_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Subject": "watermark 2"})
    assert google_rig.run() == RunOutcome("ran", "ok")
    gemu: GoogleEmulator = google_rig.emu
    assert _google_events(gemu)[provider_id_of(google_rig, sf_id)]["summary"] == "watermark 2"


def test_retry_after_counts_from_the_refusal_not_the_cycle_start(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    real = google_rig.calendar.changes

    def changes(cursor: Any, window: Any) -> Any:  # the 429 comes 100 s into the cycle
        google_rig.clock.advance(100)
        gemu.retry_after = 120
        gemu.inject_fault("rate_limit")
        google_rig.calendar.changes = real
        return real(cursor, window)

    google_rig.calendar.changes = changes
    assert google_rig.run() == RunOutcome("ran", "error")
    state = google_rig.state()
    assert state.next_run_at is not None
    assert state.next_run_at >= int(google_rig.clock.now()) + 120


def test_a_429_without_retry_after_backs_off_from_a_minute_and_doubles(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    gemu.retry_after = None  # Google's 429s often name no wait
    waits = []
    for _ in range(3):
        gemu.inject_fault("rate_limit")
        assert google_rig.run(now_requested=True) == RunOutcome("ran", "error")
        state = google_rig.state()
        assert state.last_error is not None and state.last_error["code"] == "provider_throttled"
        assert state.next_run_at is not None
        waits.append(state.next_run_at - int(google_rig.clock.now()))
        assert google_rig.run() == RunOutcome("waiting", "error")
        google_rig.clock.advance(waits[-1])
    assert waits == [60, 120, 240]
    assert google_rig.run() == RunOutcome("ran", "ok")
