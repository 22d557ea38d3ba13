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

from chalicelib.calendar.service import CalendarSync, RunOutcome
from chalicelib.calendar.sync import SyncOptions
from chalicelib.errors import ErrorCode, StratusError
from devstack.googleemu import GoogleEmulator
from devstack.msemu import MicrosoftEmulator
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


def _sf_event(rig: Rig, subject: str = "sf-born", days: int = 4, minute: int = 0) -> str:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0, minute=minute)
    start += dt.timedelta(days=days)
    fields = {
        "Subject": subject,
        "StartDateTime": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "EndDateTime": (start + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    return str(_sf_api(rig, "POST", "/sobjects/Event", fields)["id"])


def _provider_id(rig: Rig, sf_id: str) -> str:
    return str(next(p for p in rig.pairs() if p.sf_id == sf_id).provider_id)


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
    sf_id = _sf_event(google_rig)
    google_rig.run()
    provider_id = _provider_id(google_rig, sf_id)
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
    fine_sf = _sf_event(google_rig, "fine")
    _later()
    _sf_api(google_rig, "PATCH", f"/sobjects/Event/{invite_sf}", {"Subject": "not mine"})
    assert google_rig.run() == RunOutcome("ran", "ok")
    assert _google_events(gemu)[_provider_id(google_rig, fine_sf)]["summary"] == "fine"
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
    sf_id = _sf_event(google_rig)
    google_rig.run()
    provider_id = _provider_id(google_rig, sf_id)
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


# -- M3: moved out of the window ------------------------------------------------------------


def test_google_event_moved_out_of_the_window_is_deleted_in_salesforce(google_rig: Rig) -> None:
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
    assert sf_id not in google_rig.sf_events()
    assert not [p for p in google_rig.pairs() if p.provider_id == event_id]
    assert event_id in _google_events(gemu)  # the calendar keeps it


def test_graph_event_moved_out_of_the_window_is_deleted_in_salesforce(graph_rig: Rig) -> None:
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
    assert sf_id not in graph_rig.sf_events()


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
    made = [_sf_event(google_rig, f"budget {i}", days=3 + i) for i in range(4)]
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
    assert all(_provider_id(google_rig, sf_id) for sf_id in made)


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
    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    cursor = graph_rig.state().cursor
    msemu.retry_after = 120
    msemu.inject_fault("throttled")
    assert graph_rig.run() == RunOutcome("ran", "error")
    state = graph_rig.state()
    assert state.last_error is not None and state.last_error["code"] == "provider_throttled"
    assert state.next_run_at is not None and state.next_run_at >= int(graph_rig.clock.now()) + 120
    assert state.cursor == cursor
    assert graph_rig.run() == RunOutcome("waiting", "error")
    graph_rig.clock.advance(121)
    assert graph_rig.run() == RunOutcome("ran", "ok")


def test_graph_crash_after_the_outlook_insert_makes_no_duplicate(graph_rig: Rig) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    sf_id = _sf_event(graph_rig, "once only")
    graph_rig.repo.crash_after_calendar_insert = True
    with pytest.raises(Crash):
        graph_rig.run()
    assert graph_rig.run() == RunOutcome("ran", "ok")
    ours = [e for e in _graph_events(msemu).values() if e["subject"] == "once only"]
    assert len(ours) == 1 and ours[0]["id"] == _provider_id(graph_rig, sf_id)
