"""The calendar clients (chalicelib/providers/google/calendar.py, microsoft/calendar.py) over real
HTTP against the bundled emulators, on a user's connection held by the real vault (moto):
listing the window with each recurring instance on its own, incremental changes and deletions,
410 recovery by a full listing, writes that notify nobody (Google `sendUpdates=none` on every
write, no Graph event written with attendees), a retried Google insert that lands on the same
event, an edited Graph occurrence keeping its id, and 429 with `Retry-After`."""

# ruff: noqa: F811 - the connection fixtures are imported by name; tests take them as parameters

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chalicelib.calendars import CalendarClient, EventDetails, ShowAs, Window
from chalicelib.connections.vault import ConnectionVault
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.providers.google.provider import GoogleProvider
from chalicelib.providers.microsoft.calendar import GraphCalendar
from chalicelib.providers.microsoft.provider import MicrosoftProvider
from chalicelib.settings import Settings
from devstack.googleemu import GoogleEmulator
from devstack.msemu import MicrosoftEmulator
from tests.provider_connections import (  # noqa: F401 - fixtures used by name
    ALICE,
    connect,
    gemu,
    msemu,
    settings,
    vault,
)

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
WINDOW = Window(NOW - dt.timedelta(days=14), NOW + dt.timedelta(days=60))
KEY = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def google(vault: ConnectionVault, gemu: GoogleEmulator, settings: Settings) -> CalendarClient:
    tokens = connect(vault, "google", gemu.issue_tokens(ALICE))
    gemu.reset_counters()
    return GoogleProvider(settings, lambda s: s).calendar(tokens)


@pytest.fixture
def outlook(vault: ConnectionVault, msemu: MicrosoftEmulator, settings: Settings) -> GraphCalendar:
    tokens = connect(vault, "microsoft", msemu.issue_tokens(ALICE))
    msemu.reset_counters()
    client = MicrosoftProvider(settings, lambda s: s).calendar(tokens)
    assert isinstance(client, GraphCalendar)
    return client


def _details(**extra: Any) -> EventDetails:
    start = NOW.replace(hour=10, minute=0, second=0) + dt.timedelta(days=3)
    fields: dict[str, Any] = {
        "subject": "Pricing call",
        "start": start,
        "end": start + dt.timedelta(minutes=45),
        "location": "Room 4",
        "description": "Agenda: renewal",
        "attendees": ("peter.gibbons@initech.com",),
        **extra,
    }
    return EventDetails(**fields)


def _calls(gemu: GoogleEmulator) -> int:
    return sum(n for name, n in gemu.counters.calls.items() if name.startswith("calendar."))


# -- Google ------------------------------------------------------------------------------------


def test_google_first_listing_is_the_window_with_instances(
    google: CalendarClient, gemu: GoogleEmulator
) -> None:
    changes = google.changes(None, WINDOW)
    assert changes.full and not changes.reset and changes.cursor
    by_subject: dict[str, list[Any]] = {}
    for event in changes.events:
        by_subject.setdefault(event.details.subject, []).append(event)
    weekly = by_subject["Weekly pipeline review"]
    series = gemu.demo.events[ALICE]["weekly"]
    assert len(weekly) == len({e.provider_id for e in weekly}) > 1
    assert all(e.series_id == series and e.original_start is not None for e in weekly)
    assert all(WINDOW.overlaps(e.details.start, e.details.end) for e in changes.events)
    (offsite,) = by_subject["Team offsite"]
    assert offsite.details.all_day and offsite.details.end - offsite.details.start == (
        dt.timedelta(days=1)
    )
    (call,) = by_subject["Call with Initech"]
    assert call.details.attendees == ("peter.gibbons@initech.com",)  # the owner left out
    assert call.details.description == "Renewal terms" and call.version
    assert _calls(gemu) == 1


def test_google_incremental_sees_changes_and_deletions_only(
    google: CalendarClient, gemu: GoogleEmulator
) -> None:
    first = google.changes(None, WINDOW)
    quiet = google.changes(first.cursor, WINDOW)
    assert (quiet.events, quiet.removed, quiet.full) == ((), (), False)
    created = google.insert(_details(), KEY)
    google.delete(gemu.demo.events[ALICE]["customer_call"])
    changes = google.changes(quiet.cursor, WINDOW)
    assert [e.provider_id for e in changes.events] == [created.provider_id]
    assert changes.removed == (gemu.demo.events[ALICE]["customer_call"],)


def test_google_writes_carry_send_updates_none_and_round_trip(
    google: CalendarClient, gemu: GoogleEmulator
) -> None:
    created = google.insert(_details(show_as=ShowAs.FREE, private=True), KEY)
    assert created.provider_id == KEY
    assert created.details.attendees == ("peter.gibbons@initech.com",)
    assert (created.details.show_as, created.details.private) == (ShowAs.FREE, True)
    updated = google.update(KEY, _details(subject="Pricing call (moved)"))
    assert updated is not None and updated.version != created.version
    assert updated.details.subject == "Pricing call (moved)"
    google.delete(KEY)
    google.delete(KEY)  # already gone: no error
    assert google.update(KEY, _details()) is None
    assert [(n.action, n.send_updates, n.recipients) for n in gemu.notifications] == [
        ("insert", "none", []),
        ("patch", "none", []),
        ("delete", "none", []),
        ("patch", "none", []),  # the patch of the deleted event, which stays deleted
    ]


def test_google_retried_insert_lands_on_the_same_event(
    google: CalendarClient, gemu: GoogleEmulator
) -> None:
    first = google.insert(_details(), KEY)
    again = google.insert(_details(subject="retried"), KEY)
    assert again.provider_id == first.provider_id == KEY
    matching = [e for e in gemu.calendars[ALICE].events.values() if e["id"] == KEY]
    assert len(matching) == 1 and matching[0]["summary"] == "retried"


def test_google_all_day_event_is_written_with_dates(
    google: CalendarClient, gemu: GoogleEmulator
) -> None:
    day = (NOW + dt.timedelta(days=5)).replace(hour=0, minute=0, second=0)
    created = google.insert(_details(start=day, end=day + dt.timedelta(days=2), all_day=True), KEY)
    stored = gemu.calendars[ALICE].events[KEY]
    assert stored["start"] == {"date": day.date().isoformat()}
    assert stored["end"] == {"date": (day + dt.timedelta(days=2)).date().isoformat()}
    assert created.details.all_day and created.details.start == day


def test_google_expired_sync_token_lists_the_window_again(
    google: CalendarClient, gemu: GoogleEmulator
) -> None:
    first = google.changes(None, WINDOW)
    gemu.expire_sync_tokens(ALICE)
    again = google.changes(first.cursor, WINDOW)
    assert again.full and again.reset
    assert {e.provider_id for e in again.events} == {e.provider_id for e in first.events}
    assert _calls(gemu) == 3  # the first listing, the 410, the new listing


def test_google_429_with_a_long_retry_after_is_the_busy_error(
    google: CalendarClient, gemu: GoogleEmulator
) -> None:
    gemu.retry_after = 120
    gemu.inject_fault("rate_limit")
    with pytest.raises(StratusError) as raised:
        google.changes(None, WINDOW)
    assert raised.value.code == ErrorCode.GOOGLE_BUSY
    assert raised.value.headers["Retry-After"] == "120"


def test_google_429_with_a_short_retry_after_is_waited_for_once(
    google: CalendarClient, gemu: GoogleEmulator
) -> None:
    gemu.retry_after = 1
    gemu.inject_fault("rate_limit")
    assert google.changes(None, WINDOW).events
    assert _calls(gemu) == 2


# -- Microsoft ---------------------------------------------------------------------------------


def test_graph_first_listing_is_the_window_with_occurrences(
    outlook: GraphCalendar, msemu: MicrosoftEmulator
) -> None:
    changes = outlook.changes(None, WINDOW)
    assert changes.full and changes.cursor.startswith(msemu.url)
    weekly = [e for e in changes.events if e.details.subject == "Weekly pipeline review"]
    series = msemu.demo.events["alice"]["weekly"]
    assert len(weekly) > 1 and all(e.series_id == series for e in weekly)
    assert len({e.provider_id for e in weekly}) == len(weekly)
    assert all(e.version and e.original_start is not None for e in weekly)
    assert all(e.details.start.tzinfo == dt.UTC for e in changes.events)


def test_graph_writes_never_carry_attendees(
    outlook: GraphCalendar, msemu: MicrosoftEmulator
) -> None:
    first = outlook.changes(None, WINDOW)
    created = outlook.insert(_details(), KEY)
    assert created.details.attendees == () and created.version
    stored = msemu.data[msemu.demo.users["alice"]].calendar.events[created.provider_id]
    assert stored["attendees"] == [] and stored["location"] == {"displayName": "Room 4"}
    updated = outlook.update(created.provider_id, _details(subject="moved", private=True))
    assert updated is not None and updated.version != created.version
    assert updated.details.private and updated.details.subject == "moved"
    assert msemu.meeting_notices == []
    changes = outlook.changes(first.cursor, WINDOW)
    assert [e.provider_id for e in changes.events] == [created.provider_id]
    outlook.delete(created.provider_id)
    outlook.delete(created.provider_id)  # already gone: no error
    assert outlook.update(created.provider_id, _details()) is None
    assert outlook.changes(changes.cursor, WINDOW).removed == (created.provider_id,)


def test_graph_edited_occurrence_keeps_its_id_and_deleted_one_is_removed(
    outlook: GraphCalendar, msemu: MicrosoftEmulator
) -> None:
    first = outlook.changes(None, WINDOW)
    weekly = [e for e in first.events if e.series_id]
    edited, deleted = weekly[0], weekly[1]
    moved = _details(subject="Pipeline review (moved)", attendees=())
    answer = outlook.update(edited.provider_id, moved)
    assert answer is not None and answer.provider_id == edited.provider_id
    msemu.meeting_notices.clear()  # the seeded series has attendees: Graph notifies them
    outlook.delete(deleted.provider_id)
    changes = outlook.changes(first.cursor, WINDOW)
    assert [e.provider_id for e in changes.events] == [edited.provider_id]
    assert changes.events[0].series_id == edited.series_id
    assert changes.removed == (deleted.provider_id,)


def test_graph_refused_delta_lists_the_window_again(
    outlook: GraphCalendar, msemu: MicrosoftEmulator
) -> None:
    first = outlook.changes(None, WINDOW)
    msemu.expire_delta_tokens(ALICE)
    again = outlook.changes(first.cursor, WINDOW)
    assert again.full and again.reset
    assert {e.provider_id for e in again.events} == {e.provider_id for e in first.events}


def test_graph_delta_link_to_another_host_is_refused(outlook: GraphCalendar) -> None:
    with pytest.raises(StratusError) as raised:
        outlook.changes("https://attacker.example/v1.0/me/calendarView/delta?x=1", WINDOW)
    assert raised.value.code == ErrorCode.MICROSOFT_UNAVAILABLE


def test_graph_429_retry_after_is_the_busy_error(
    outlook: GraphCalendar, msemu: MicrosoftEmulator
) -> None:
    msemu.retry_after = 30
    msemu.inject_fault("throttled")
    with pytest.raises(StratusError) as raised:
        outlook.insert(_details(), KEY)
    assert raised.value.code == ErrorCode.MICROSOFT_BUSY
    assert raised.value.headers["Retry-After"] == "30"
    assert msemu.data[msemu.demo.users["alice"]].calendar.events  # only the seeded ones
