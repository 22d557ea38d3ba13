"""Calendar sync cycles (chalicelib/calendar) over real HTTP against the Salesforce, Google and
Microsoft emulators, with the real table (moto): create, update and delete in each direction,
no echo over three cycles, 410 recovery without duplicates, recurring instances paired one by
one, conflicts (the later change wins), `sendUpdates=none` on every Google write and no Graph
event written with attendees, a refused record, throttling with Retry-After, a revoked
connection, the org's API limit, a crash between the Salesforce insert and the pair write,
the lease, window expiry, and nothing of an event's content in the table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest

from chalicelib.calendar.salesforce import SalesforceEvents
from chalicelib.calendar.service import CalendarSync, RunOutcome
from chalicelib.calendar.sync import SyncOptions
from chalicelib.calendars import CalendarClient
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.providers.google.provider import GoogleProvider
from chalicelib.providers.microsoft.provider import MicrosoftProvider
from chalicelib.providers.salesforce.client import SalesforceClient
from chalicelib.settings import Settings
from chalicelib.store import keys
from chalicelib.store.calendar_sync import CalendarSyncStore, Pair, SyncState, attendee_tag
from chalicelib.store.table import Store
from devstack.googleemu import GoogleEmulator
from devstack.msemu import MicrosoftEmulator
from devstack.provision import ProvisionedStack
from devstack.sfemu import Emulator, EmulatorServer
from tests.fakes import FakeClock

ALICE = "alice@acme.demo"
ORG = "00D000000000001AAA"
USER = "005000000000001AAA"
MARKER = "Zyxwv marker 4471"  # subject, location and description of events: never stored
PETER = "peter.gibbons@initech.com"


class StaticTokens:
    """A connection's access token (the emulators' tokens outlive a test)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def current(self) -> str:
        return self._token

    def refreshed(self, stale: str) -> str:
        raise AssertionError("no refresh expected")


#: seconds the Salesforce emulator's clock runs ahead (its stamps have whole seconds: a test
#: moves it on before a user's edit, as a second passes between a sync and a person's edit)
SF_SHIFT: list[float] = [0.0]


def _later(seconds: float = 2.0) -> None:
    SF_SHIFT[0] += seconds


@pytest.fixture
def sfemu() -> Iterator[Emulator]:
    SF_SHIFT[0] = 0.0
    emu = Emulator(clock=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(seconds=SF_SHIFT[0]))
    with EmulatorServer(emu, host="127.0.0.1", port=0) as server:
        emu.url = server.url  # type: ignore[attr-defined]
        yield emu


@pytest.fixture
def gemu() -> Iterator[GoogleEmulator]:
    emu = GoogleEmulator(redirect_uris=["https://stratus.test/cb"]).start()
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture
def msemu() -> Iterator[MicrosoftEmulator]:
    emu = MicrosoftEmulator(redirect_uris=["https://stratus.test/cb"]).start()
    try:
        yield emu
    finally:
        emu.stop()


class Crash(BaseException):
    """The Lambda dying mid-cycle (a timeout, an out-of-memory): nothing catches it."""


class Repo(CalendarSyncStore):
    """The real repository, with a crash that can be injected after Salesforce inserts."""

    crash_on_completion = False
    #: crash right after the calendar insert of a Salesforce-born event
    crash_after_calendar_insert = False

    def save_pairs(self, org_id: str, user_id: str, pairs: Iterable[Pair]) -> None:
        pairs = list(pairs)
        if self.crash_on_completion and any(p.sf_id and p.key.startswith("p:") for p in pairs):
            self.crash_on_completion = False
            raise Crash("crash injected between the Salesforce insert and the pair write")
        if self.crash_after_calendar_insert and any(
            p.provider_id and p.key.startswith("s:") for p in pairs
        ):
            self.crash_after_calendar_insert = False
            raise Crash("crash injected between the calendar insert and the pair write")
        super().save_pairs(org_id, user_id, pairs)


@dataclass
class Rig:
    sync: CalendarSync
    repo: Repo
    sf: Emulator
    sf_token: str
    calendar: Any
    emu: Any
    clock: FakeClock
    live: dict[str, bool]
    broken: list[StratusError]

    @property
    def alice_sf(self) -> str:
        return self.sf.demo.users["alice"]

    def enable(self, provider: str = "google", direction: str = "both") -> None:
        self.repo.put(SyncState(ORG, USER, enabled=True, provider=provider, direction=direction))

    def run(self, **kwargs: Any) -> RunOutcome:
        return self.sync.run_user(ORG, USER, **kwargs)

    def state(self) -> SyncState:
        state = self.repo.get(ORG, USER)
        assert state is not None
        return state

    def pairs(self) -> list[Pair]:
        return self.repo.pairs(ORG, USER)

    def sf_events(self) -> dict[str, dict[str, Any]]:
        return {i: r for i, r in self.sf.records["Event"].items() if r["OwnerId"] == self.alice_sf}

    def sf_calls(self) -> int:
        return self.sf.calls(self.alice_sf)


def _rig(
    store: Store,
    envelope: Envelope,
    clock: FakeClock,
    sfemu: Emulator,
    calendar_for: Any,
    emu: Any,
) -> Rig:
    sf_token = sfemu.issue_tokens(sfemu.demo.users["alice"])["access_token"]
    client = SalesforceClient(sfemu.url, StaticTokens(sf_token), "60.0", read_timeout=10)  # type: ignore[attr-defined]
    repo = Repo(store, envelope, clock)
    live: dict[str, bool] = {"google": True, "microsoft": True, "salesforce": True}
    broken: list[StratusError] = []
    calendar = calendar_for()

    def clients(state: SyncState) -> tuple[CalendarClient, SalesforceEvents]:
        if broken:
            raise broken[0]
        return calendar, SalesforceEvents(client, sfemu.demo.users["alice"])

    sync = CalendarSync(
        repo,
        store,
        clients,
        lambda org, user, provider: live[provider],
        clock,
        SyncOptions(),
    )
    return Rig(sync, repo, sfemu, sf_token, calendar, emu, clock, live, broken)


def _provider_rig(
    store: Store, envelope: Envelope, clock: FakeClock, sfemu: Emulator, emu: Any, provider: str
) -> Rig:
    """A rig on the Google (`gemu`) or Microsoft (`msemu`) emulator, sync turned on."""
    if provider == "google":
        settings = Settings(google_api_url=emu.url, mailbox_timeout_seconds=10.0)
        make: Any = GoogleProvider(settings, lambda s: s)
    else:
        settings = Settings(microsoft_graph_url=emu.url, mailbox_timeout_seconds=10.0)
        make = MicrosoftProvider(settings, lambda s: s)
    token = emu.issue_tokens(ALICE)["access_token"]

    def calendar() -> CalendarClient:
        return make.calendar(StaticTokens(token))  # type: ignore[no-any-return]

    rig = _rig(store, envelope, clock, sfemu, calendar, emu)
    rig.enable(provider)
    return rig


@pytest.fixture
def google_rig(
    store: Store, envelope: Envelope, clock: FakeClock, sfemu: Emulator, gemu: GoogleEmulator
) -> Rig:
    return _provider_rig(store, envelope, clock, sfemu, gemu, "google")


@pytest.fixture
def graph_rig(
    store: Store, envelope: Envelope, clock: FakeClock, sfemu: Emulator, msemu: MicrosoftEmulator
) -> Rig:
    return _provider_rig(store, envelope, clock, sfemu, msemu, "microsoft")


def _google_events(gemu: GoogleEmulator) -> dict[str, dict[str, Any]]:
    return {i: e for i, e in gemu.calendars[ALICE].events.items() if e.get("status") != "cancelled"}


def _new_google_event(gemu: GoogleEmulator, rig: Rig, **extra: Any) -> str:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=2)
    body = {
        "summary": MARKER,
        "location": MARKER,
        "description": MARKER,
        "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%SZ")},
        "end": {"dateTime": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")},
        "attendees": [{"email": PETER}],
        **extra,
    }
    created = rig.calendar._api.send(
        "POST", "/calendar/v3/calendars/primary/events", body, params={"sendUpdates": "none"}
    )
    assert created is not None
    return str(created["id"])


def _pair_of(rig: Rig, provider_id: str) -> Pair:
    return next(p for p in rig.pairs() if p.provider_id == provider_id)


def _sf_api(rig: Rig, method: str, path: str, body: Any = None) -> Any:
    import requests

    response = requests.request(
        method,
        f"{rig.sf.url}/services/data/v60.0{path}",  # type: ignore[attr-defined]
        json=body,
        headers={"Authorization": f"Bearer {rig.sf_token}"},
        timeout=10,
    )
    assert response.status_code < 300, response.text
    return response.json() if response.content else None


# -- Google, both directions -------------------------------------------------------------------


def test_first_cycle_pairs_both_sides_and_notifies_nobody(google_rig: Rig) -> None:
    # Given alice's seeded Google calendar and Salesforce Events
    gemu: GoogleEmulator = google_rig.emu
    sf_before = set(google_rig.sf_events())
    # When the first cycle runs
    assert google_rig.run() == RunOutcome("ran", "ok")
    # Then every Google event of the window is a Salesforce Event owned by alice, and back
    state = google_rig.state()
    created_in_sf = set(google_rig.sf_events()) - sf_before
    assert len(created_in_sf) == state.counts["to_salesforce"]["created"] > 1
    pairs = google_rig.pairs()
    assert {p.sf_id for p in pairs} >= created_in_sf
    assert all(p.provider_id and p.sf_id and p.pending_at is None for p in pairs)
    assert state.counts["from_salesforce"]["created"] >= 1
    assert state.state == "ok" and state.cursor and state.watermark
    assert all(n.send_updates == "none" and n.recipients == [] for n in gemu.notifications)
    weekly = gemu.demo.events[ALICE]["weekly"]
    instances = [p for p in pairs if (p.provider_id or "").startswith(weekly + "_")]
    assert len(instances) > 1  # each instance of the window paired on its own


def test_no_echo_over_three_cycles(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    counts = google_rig.state().counts
    writes = len(gemu.notifications)
    for _ in range(3):
        calls_before = google_rig.sf_calls()
        google_before = sum(gemu.counters.calls.values())
        assert google_rig.run() == RunOutcome("ran", "ok")
        assert google_rig.sf_calls() - calls_before == 1  # the changed-events query
        assert sum(gemu.counters.calls.values()) - google_before == 1  # the sync-token listing
    assert google_rig.state().counts == counts
    assert len(gemu.notifications) == writes


def test_google_create_update_delete_reach_salesforce(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    # created
    event_id = _new_google_event(gemu, google_rig)
    google_rig.run()
    pair = _pair_of(google_rig, event_id)
    sf_event = google_rig.sf_events()[str(pair.sf_id)]
    assert (sf_event["Subject"], sf_event["Location"]) == (MARKER, MARKER)
    assert sf_event["WhoId"] is not None  # peter matched a Contact
    key = google_rig.state().tag_key
    assert key is not None
    assert pair.attendees == (attendee_tag(key, PETER),)  # a one-way tag, not the address
    # updated
    patch = {"summary": "moved", "start": gemu.calendars[ALICE].events[event_id]["start"]}
    google_rig.calendar._api.send(
        "PATCH", f"/calendar/v3/calendars/primary/events/{event_id}", patch
    )
    google_rig.run()
    assert google_rig.sf_events()[str(pair.sf_id)]["Subject"] == "moved"
    # deleted
    google_rig.calendar.delete(event_id)
    google_rig.run()
    assert str(pair.sf_id) not in google_rig.sf_events()
    assert not [p for p in google_rig.pairs() if p.provider_id == event_id]
    counts = google_rig.state().counts["to_salesforce"]
    assert (counts["updated"], counts["deleted"]) == (1, 1)


def test_salesforce_create_update_delete_reach_google(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=4)
    fields = {
        "Subject": MARKER,
        "StartDateTime": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "EndDateTime": (start + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    sf_id = _sf_api(google_rig, "POST", "/sobjects/Event", fields)["id"]
    google_rig.run()
    pair = next(p for p in google_rig.pairs() if p.sf_id == sf_id)
    assert _google_events(gemu)[str(pair.provider_id)]["summary"] == MARKER
    _later()
    _sf_api(google_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Subject": "renamed"})
    google_rig.run()
    assert _google_events(gemu)[str(pair.provider_id)]["summary"] == "renamed"
    _later()
    _sf_api(google_rig, "DELETE", f"/sobjects/Event/{sf_id}")
    google_rig.run()
    assert str(pair.provider_id) not in _google_events(gemu)
    counts = google_rig.state().counts["from_salesforce"]
    assert (counts["updated"], counts["deleted"]) == (1, 1)
    assert all(n.send_updates == "none" for n in gemu.notifications)


def test_expired_sync_token_recovers_without_duplicates(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    sf_count = len(google_rig.sf_events())
    pairs = len(google_rig.pairs())
    call = gemu.demo.events[ALICE]["customer_call"]
    gemu.calendars[ALICE].events[call]["status"] = "cancelled"  # gone while the token expired
    gemu.expire_sync_tokens(ALICE)
    assert google_rig.run() == RunOutcome("ran", "ok")
    assert len(google_rig.sf_events()) == sf_count - 1
    assert len(google_rig.pairs()) == pairs - 1


def test_conflict_is_won_by_the_later_change(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    event_id = _new_google_event(gemu, google_rig)
    google_rig.run()
    sf_id = str(_pair_of(google_rig, event_id).sf_id)
    _later()
    _sf_api(google_rig, "PATCH", f"/sobjects/Event/{sf_id}", {"Subject": "salesforce first"})
    gemu.clock = lambda: dt.datetime.now(dt.UTC) + dt.timedelta(seconds=9)  # Google's is later
    google_rig.calendar._api.send(
        "PATCH",
        f"/calendar/v3/calendars/primary/events/{event_id}",
        {"summary": "google later"},
        params={"sendUpdates": "none"},
    )
    google_rig.run()
    assert google_rig.sf_events()[sf_id]["Subject"] == "google later"
    assert google_rig.state().counts["conflicts"] == 1


def test_refused_record_is_marked_and_the_rest_goes_on(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=3)
    too_long = _new_google_event(
        gemu,
        google_rig,
        end={"dateTime": (start + dt.timedelta(days=20)).strftime("%Y-%m-%dT%H:%M:%SZ")},
        start={"dateTime": start.strftime("%Y-%m-%dT%H:%M:%SZ")},
    )
    fine = _new_google_event(gemu, google_rig)
    assert google_rig.run() == RunOutcome("ran", "ok")
    refused = _pair_of(google_rig, too_long)
    assert refused.sf_id is None and refused.failed == "FIELD_INTEGRITY_EXCEPTION"
    assert _pair_of(google_rig, fine).sf_id in google_rig.sf_events()
    assert google_rig.state().failed[-1] == {
        "reason": "FIELD_INTEGRITY_EXCEPTION",
        "provider_id": too_long,
    }


def test_edited_instance_stays_paired(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    weekly = gemu.demo.events[ALICE]["weekly"]
    instance = sorted(
        p.provider_id or ""
        for p in google_rig.pairs()
        if (p.provider_id or "").startswith(weekly + "_")
    )[0]
    sf_id = str(_pair_of(google_rig, instance).sf_id)
    google_rig.calendar._api.send(
        "PATCH",
        f"/calendar/v3/calendars/primary/events/{instance}",
        {"summary": "this week only"},
        params={"sendUpdates": "none"},
    )
    before = google_rig.state().counts["to_salesforce"]
    google_rig.run()
    after = google_rig.state().counts["to_salesforce"]
    assert google_rig.sf_events()[sf_id]["Subject"] == "this week only"
    assert (after["updated"] - before["updated"], after["created"] - before["created"]) == (1, 0)
    assert _pair_of(google_rig, instance).sf_id == sf_id


# -- faults ------------------------------------------------------------------------------------


def test_throttled_provider_backs_off_and_keeps_the_cursor(google_rig: Rig) -> None:
    gemu: GoogleEmulator = google_rig.emu
    google_rig.run()
    cursor = google_rig.state().cursor
    gemu.retry_after = 120
    gemu.inject_fault("rate_limit")
    assert google_rig.run() == RunOutcome("ran", "error")
    state = google_rig.state()
    assert state.last_error is not None and state.last_error["code"] == "provider_throttled"
    assert state.next_run_at is not None and state.next_run_at >= int(google_rig.clock.now()) + 120
    assert state.cursor == cursor
    assert google_rig.run() == RunOutcome("waiting", "error")  # not before Retry-After
    google_rig.clock.advance(121)
    assert google_rig.run() == RunOutcome("ran", "ok")


def test_revoked_connection_waits_for_a_reconnect(google_rig: Rig) -> None:
    google_rig.broken.append(
        StratusError(ErrorCode.GOOGLE_REAUTH_REQUIRED, "Connect Google again.", 401)
    )
    google_rig.live["google"] = False
    assert google_rig.run() == RunOutcome("ran", "reauth_required")
    calls = google_rig.sf_calls()
    assert google_rig.run() == RunOutcome("waiting", "reauth_required")
    assert google_rig.sf_calls() == calls  # skipped: no retry storm
    google_rig.broken.clear()
    google_rig.live["google"] = True
    assert google_rig.run() == RunOutcome("ran", "ok")


def test_salesforce_limit_near_pauses_and_resumes(google_rig: Rig) -> None:
    google_rig.sf.set_api_usage(14_000, 15_000)
    assert google_rig.run() == RunOutcome("ran", "paused")
    state = google_rig.state()
    assert state.last_error is not None and state.last_error["code"] == "salesforce_limit_near"
    assert google_rig.pairs() == [] and state.cursor is None
    google_rig.sf.set_api_usage(100, 15_000)
    assert google_rig.run() == RunOutcome("ran", "ok")


def test_crash_between_salesforce_insert_and_pair_write_then_rerun(google_rig: Rig) -> None:
    # Given a cycle that crashes right after Salesforce created the Events
    sf_before = set(google_rig.sf_events())
    google_rig.repo.crash_on_completion = True
    with pytest.raises(Crash):
        google_rig.run()
    created = set(google_rig.sf_events()) - sf_before
    assert created  # inserted, not recorded
    # When the next run goes
    assert google_rig.run() == RunOutcome("ran", "ok")
    # Then it finished the work without a duplicate
    assert set(google_rig.sf_events()) - sf_before == created
    assert {p.sf_id for p in google_rig.pairs()} >= created
    assert all(p.pending_at is None for p in google_rig.pairs())


def test_a_second_run_while_one_holds_the_lease_does_nothing(google_rig: Rig, store: Store) -> None:
    lease = store.acquire_lease(keys.calendar_sync_lease(ORG, USER), 60)
    assert google_rig.run() == RunOutcome("locked")
    store.release_lease(lease)
    assert google_rig.run() == RunOutcome("ran", "ok")


def test_pairs_are_forgotten_after_their_window(google_rig: Rig) -> None:
    google_rig.run()
    assert google_rig.pairs()
    google_rig.clock.advance((14 + 61) * 86400)
    assert google_rig.pairs() == []


def test_table_holds_nothing_of_an_events_content(google_rig: Rig, stack: ProvisionedStack) -> None:
    _new_google_event(google_rig.emu, google_rig)
    google_rig.run()
    assert MARKER in str(google_rig.sf_events())
    table = boto3.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    dumped = str(table)
    assert MARKER not in dumped and "Weekly pipeline review" not in dumped
    assert PETER not in dumped and "bob@acme.demo" not in dumped  # attendees: one-way tags
    assert google_rig.state().cursor not in dumped  # sealed


# -- Microsoft ---------------------------------------------------------------------------------


def test_graph_cycle_writes_no_attendees_and_leaves_meetings_alone(graph_rig: Rig) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    sf_before = set(graph_rig.sf_events())
    assert graph_rig.run() == RunOutcome("ran", "ok")
    assert set(graph_rig.sf_events()) - sf_before
    calendar = msemu.data[msemu.demo.users["alice"]].calendar
    ours = [
        e for e in calendar.events.values() if e["id"] not in msemu.demo.events["alice"].values()
    ]
    assert ours and all(e["attendees"] == [] for e in ours)
    assert msemu.meeting_notices == []
    # a Salesforce change to a paired meeting (it has attendees) is not written to Graph
    meeting = next(p for p in graph_rig.pairs() if p.attendees)
    _later()
    _sf_api(graph_rig, "PATCH", f"/sobjects/Event/{meeting.sf_id}", {"Subject": "x"})
    assert graph_rig.run() == RunOutcome("ran", "ok")
    assert msemu.meeting_notices == []
    # no echo on the next cycles
    counts = graph_rig.state().counts
    graph_rig.run()
    graph_rig.run()
    assert graph_rig.state().counts == counts


def _graph_events(msemu: MicrosoftEmulator) -> dict[str, dict[str, Any]]:
    return dict(msemu.data[msemu.demo.users["alice"]].calendar.events)


def test_graph_create_update_delete_in_both_directions(graph_rig: Rig) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=5)
    # Outlook -> Salesforce: created, updated, deleted (the user's own edits in Outlook)
    body = {
        "subject": MARKER,
        "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"},
        "end": {
            "dateTime": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S"),
            "timeZone": "UTC",
        },
    }
    api = graph_rig.calendar._api
    created = api.send("POST", "/v1.0/me/events", body)
    assert created is not None
    graph_rig.run()
    sf_id = str(_pair_of(graph_rig, created["id"]).sf_id)
    assert graph_rig.sf_events()[sf_id]["Subject"] == MARKER
    api.send("PATCH", f"/v1.0/me/events/{created['id']}", {"subject": "moved"})
    graph_rig.run()
    assert graph_rig.sf_events()[sf_id]["Subject"] == "moved"
    api.send("DELETE", f"/v1.0/me/events/{created['id']}")
    graph_rig.run()
    assert sf_id not in graph_rig.sf_events()
    # Salesforce -> Outlook: created (without attendees), updated, deleted
    fields = {
        "Subject": MARKER,
        "StartDateTime": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "EndDateTime": (start + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    new_sf = _sf_api(graph_rig, "POST", "/sobjects/Event", fields)["id"]
    graph_rig.run()
    provider_id = str(next(p for p in graph_rig.pairs() if p.sf_id == new_sf).provider_id)
    assert _graph_events(msemu)[provider_id]["subject"] == MARKER
    assert _graph_events(msemu)[provider_id]["attendees"] == []
    _later()
    _sf_api(graph_rig, "PATCH", f"/sobjects/Event/{new_sf}", {"Subject": "renamed"})
    graph_rig.run()
    assert _graph_events(msemu)[provider_id]["subject"] == "renamed"
    _later()
    _sf_api(graph_rig, "DELETE", f"/sobjects/Event/{new_sf}")
    graph_rig.run()
    assert provider_id not in _graph_events(msemu)
    counts = graph_rig.state().counts
    assert counts["to_salesforce"]["deleted"] == counts["from_salesforce"]["deleted"] == 1
    assert msemu.meeting_notices == []


def test_graph_refused_delta_recovers_without_duplicates(graph_rig: Rig) -> None:
    msemu: MicrosoftEmulator = graph_rig.emu
    graph_rig.run()
    sf_count, pairs = len(graph_rig.sf_events()), len(graph_rig.pairs())
    # while the delta link expires, lunch is deleted in Outlook and another event is added
    lunch = msemu.demo.events["alice"]["lunch"]
    lunch_sf = _pair_of(graph_rig, lunch).sf_id
    api = graph_rig.calendar._api
    api.send("DELETE", f"/v1.0/me/events/{lunch}")
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) + dt.timedelta(days=8)
    added = api.send(
        "POST",
        "/v1.0/me/events",
        {
            "subject": "added in the gap",
            "start": {"dateTime": start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"},
            "end": {
                "dateTime": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S"),
                "timeZone": "UTC",
            },
        },
    )
    msemu.expire_delta_tokens(ALICE)
    assert graph_rig.run() == RunOutcome("ran", "ok")
    # one Event gone, one new, none twice
    assert lunch_sf not in graph_rig.sf_events()
    assert _pair_of(graph_rig, added["id"]).sf_id in graph_rig.sf_events()
    assert (len(graph_rig.sf_events()), len(graph_rig.pairs())) == (sf_count, pairs)
    subjects = [e["Subject"] for e in graph_rig.sf_events().values()]
    assert subjects.count("added in the gap") == 1
