"""Calendar sync: one service object for the settings routes, the schedule and the worker
(docs/calendar.md). Collaborators come in through the constructor (`deps.calendar_sync`)."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from typing import Any, Protocol

from chalicelib.calendar.salesforce import SalesforceEvents
from chalicelib.calendar.sync import (
    FROM_SALESFORCE,
    TO_SALESFORCE,
    Cycle,
    CycleResult,
    LimitNear,
    OutOfTime,
    SyncOptions,
    Tally,
)
from chalicelib.calendars import CalendarClient, CalendarNotFound
from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed, ErrorCode, LeaseHeld, StratusError, Unavailable
from chalicelib.logs import logger
from chalicelib.store import keys
from chalicelib.store.calendar_sync import COUNT_NAMES, CalendarSyncStore, SyncState
from chalicelib.store.table import Item, Store
from chalicelib.timefmt import rfc3339
from chalicelib.usage import (
    EVENTS_FROM_SALESFORCE,
    EVENTS_TO_SALESFORCE,
    NOT_COUNTED,
    UsageCounter,
)

#: how long one user's cycle may hold its lease (a Lambda's run ends well before)
LEASE_SECONDS = 300.0
#: the wait after an error that names none
DEFAULT_RETRY_SECONDS = RETRY = 600
#: the part of the worker Lambda's remaining time kept free (the batch's answer, the flush)
SAFETY_SECONDS = 15.0
THROTTLED = "provider_throttled"
#: the least wait after throttling, doubled while the provider keeps throttling, up to the most:
#: a 429 without Retry-After arrives as a wait of 1 s (oauth2.JsonApi), and Google asks for
#: exponential backoff (https://developers.google.com/calendar/api/guides/errors)
THROTTLE_BACKOFF_SECONDS = 60
THROTTLE_BACKOFF_MAX_SECONDS = 3600
#: SQS's longest message delay
MAX_DELAY_SECONDS = 900
_BUSY = frozenset({ErrorCode.GOOGLE_BUSY, ErrorCode.MICROSOFT_BUSY, ErrorCode.SALESFORCE_BUSY})
_REAUTH = frozenset(
    {
        ErrorCode.GOOGLE_REAUTH_REQUIRED,
        ErrorCode.MICROSOFT_REAUTH_REQUIRED,
        ErrorCode.SALESFORCE_REAUTH_REQUIRED,
        ErrorCode.CONNECTION_REQUIRED,
    }
)

#: (the user's state) -> their calendar and their Salesforce Events
Clients = Callable[[SyncState], tuple[CalendarClient, SalesforceEvents]]
#: (org, user, provider) -> whether the user has a live connection to it with the calendar scope
ConnectionReady = Callable[[str, str, str], bool]
#: (org, user) -> `calendar_sync` as it applies to the user: the org's setting, or the user's
#: own choice where the org lets users choose it (/me/settings)
OrgAllows = Callable[[str, str], bool]
#: what the schedule asks for: how often each user is synced (docs/calendar.md)
SCHEDULE_SECONDS = 600
#: users read per page of the fan-out's index
FAN_OUT_PAGE = 1000
MESSAGE_KIND = "calendar_sync"


class Connections(Protocol):
    """The vault's batched read of a user's connections (ConnectionVault)."""

    def connection_keys(self, org_id: str, user_id: str) -> tuple[keys.Key, ...]: ...

    def prefetched(
        self, org_id: str, user_id: str, found: Mapping[keys.Key, Item]
    ) -> AbstractContextManager[None]: ...


class Queue(Protocol):
    def send(self, body: Mapping[str, Any], *, delay_seconds: int = 0) -> str: ...

    def send_batch(self, bodies: Sequence[Mapping[str, Any]]) -> int: ...


@dataclass(frozen=True)
class FanOut:
    users: int
    pages: int


@dataclass(frozen=True)
class RunOutcome:
    """What a run did: `ran`, `locked` (another run holds the lease), `disabled`, `waiting`
    (not before next_run_at or until reconnected), or the state it ended in."""

    outcome: str
    state: str | None = None


def _empty_counts() -> dict[str, Any]:
    return {
        TO_SALESFORCE: dict.fromkeys(COUNT_NAMES, 0),
        FROM_SALESFORCE: dict.fromkeys(COUNT_NAMES, 0),
        "conflicts": 0,
    }


def _added(counts: dict[str, Any], tally: Any) -> dict[str, Any]:
    out = _empty_counts()
    for direction in (TO_SALESFORCE, FROM_SALESFORCE):
        for name in COUNT_NAMES:
            before = int(counts.get(direction, {}).get(name, 0))
            out[direction][name] = before + tally.counts[direction][name]
    out["conflicts"] = int(counts.get("conflicts", 0)) + tally.conflicts
    return out


class CalendarSync:
    """Settings, status and cycles of every user's calendar sync."""

    def __init__(
        self,
        repo: CalendarSyncStore,
        store: Store,
        clients: Clients,
        connection_ready: ConnectionReady,
        clock: Clock,
        options: SyncOptions,
        queue: Queue | None = None,
        org_allows: OrgAllows | None = None,
        usage: UsageCounter = NOT_COUNTED,
        connections: Connections | None = None,
    ) -> None:
        # `connections`: the cycle reads its state and the user's connections in one request
        # (docs/calendar.md, Figures); without it, `clients` reads the connections itself
        self._connections = connections
        self._usage = usage  # the dashboard's figures: events synced each way
        self._repo = repo
        self._store = store
        self._clients = clients
        self._connection_ready = connection_ready
        self._clock = clock
        self._options = options
        self._queue = queue
        self._org_allows = org_allows or (lambda org_id, user_id: True)

    # -- settings and status (the routes) --------------------------------------------------------
    def view(self, org_id: str, user_id: str) -> dict[str, Any]:
        """GET /me/calendar-sync."""
        state = self._repo.get(org_id, user_id, with_cursor=False) or SyncState(org_id, user_id)
        return _view(state)

    def connection_deleted(self, org_id: str, user_id: str, provider: str) -> None:
        """The user disconnected `provider`: a sync through it ends (state and pairs go)."""
        state = self._repo.get(org_id, user_id, with_cursor=False)
        if state is not None and state.provider == provider:
            self._repo.forget(org_id, user_id)

    def configure(
        self,
        org_id: str,
        user_id: str,
        *,
        enabled: bool,
        provider: str,
        calendar_id: str | None,
        direction: str,
    ) -> dict[str, Any]:
        """PUT /me/calendar-sync: turning it off forgets the state and every pair."""
        if not enabled:
            self._repo.forget(org_id, user_id)
            return _view(SyncState(org_id, user_id, provider=provider, direction=direction))
        if not self._org_allows(org_id, user_id):
            raise StratusError(
                ErrorCode.CALENDAR_SYNC_DISABLED,
                "Calendar sync is turned off for your organization.",
                403,
            )
        if not self._connection_ready(org_id, user_id, provider):
            raise StratusError(
                ErrorCode.CONNECTION_REQUIRED,
                f"Connect your {provider} calendar first: /connections/{provider}/start.",
                409,
            )
        calendar_id = default_calendar(provider, calendar_id)
        current = self._repo.get(org_id, user_id, with_cursor=False)  # no KMS to compare
        if (
            current is not None
            and current.enabled
            and current.provider == provider
            and default_calendar(provider, current.calendar_id) == calendar_id
        ):  # the same calendar: the sealed cursor and tag key stay as they are
            if current.direction == direction:
                return _view(current)
            return _view(self._repo.set_direction(current, direction))
        state = SyncState(
            org_id,
            user_id,
            True,
            provider,
            calendar_id,
            direction,
            generation=secrets.token_hex(8),
            version=current.version if current is not None else 0,
        )  # no tag key yet: the first cycle makes one (turning sync on needs no KMS)
        self._repo.forget(org_id, user_id)  # another calendar: start afresh
        self._repo.put(state)
        return _view(state)

    def request_run(self, org_id: str, user_id: str) -> None:
        """POST /me/calendar-sync/run: the user's sync is queued now (409 when it is off)."""
        state = self._repo.get(org_id, user_id, with_cursor=False)
        if state is None or not state.enabled:
            raise StratusError(
                ErrorCode.CALENDAR_SYNC_DISABLED, "Calendar sync is off: turn it on first.", 409
            )
        assert self._queue is not None
        wait = 0
        throttled = (state.last_error or {}).get("code") == THROTTLED
        if throttled and state.next_run_at is not None:  # the provider's Retry-After holds
            wait = min(MAX_DELAY_SECONDS, max(0, state.next_run_at - int(self._clock.now())))
        self._queue.send(_message(org_id, user_id, now=True), delay_seconds=wait)

    # -- the schedule and the worker -------------------------------------------------------------
    def fan_out(self, page_size: int = FAN_OUT_PAGE) -> FanOut:
        """One message per user with sync on, found through the index (never a scan), sent
        ten to a request."""
        assert self._queue is not None
        cursor: str | None = None
        users = pages = 0
        while True:
            found, cursor = self._repo.enabled_users(cursor, page_size)
            pages += 1
            if found:
                self._queue.send_batch([_message(org, user) for org, user in found])
                users += len(found)
            if cursor is None:
                return FanOut(users, pages)

    def handle_batch(
        self, records: Sequence[Mapping[str, Any]], remaining_seconds: float | None = None
    ) -> dict[str, Any]:
        """The worker: one user per message; a message that failed is reported (SQS redrives
        it, then dead-letters it), the others are done. `remaining_seconds` (the Lambda's):
        each cycle ends before it, and a user not started in time is queued again as a new
        message (not redriven: that would count towards the dead-letter queue)."""
        end = None
        if remaining_seconds is not None:
            end = self._clock.now() + remaining_seconds - SAFETY_SECONDS
        failures = []
        for record in records:
            try:
                body = json.loads(str(record.get("body") or "{}"))
                org_id, user_id, now = str(body["org"]), str(body["user"]), bool(body.get("now"))
                if end is not None and self._clock.now() >= end:
                    assert self._queue is not None
                    self._queue.send(_message(org_id, user_id, now=now))
                    continue
                self.run_user(org_id, user_id, now_requested=now, deadline=end)
            except Exception:  # one user's failure never fails the batch
                logger.exception("calendar sync message failed")
                failures.append({"itemIdentifier": str(record.get("messageId", ""))})
        return {"batchItemFailures": failures}

    # -- the worker's unit of work ---------------------------------------------------------------
    def run_user(
        self,
        org_id: str,
        user_id: str,
        *,
        now_requested: bool = False,
        deadline: float | None = None,
    ) -> RunOutcome:
        """One cycle for the user under their lease; a second run meanwhile does nothing.
        The cycle stops at `deadline` (epoch seconds) or after `cycle_seconds`."""
        try:
            lease = self._store.acquire_lease(
                keys.calendar_sync_lease(org_id, user_id), LEASE_SECONDS
            )
        except LeaseHeld:
            return RunOutcome("locked")
        own = self._clock.now() + self._options.cycle_seconds
        try:
            return self._run(org_id, user_id, now_requested, min(own, deadline or own))
        finally:
            self._store.release_lease(lease)

    def _run(self, org_id: str, user_id: str, now_requested: bool, deadline: float) -> RunOutcome:
        if self._connections is None:
            state = self._repo.get(org_id, user_id)
            return self._cycle(state, now_requested, deadline)
        wanted = self._connections.connection_keys(org_id, user_id)
        state, found = self._repo.get_with(org_id, user_id, wanted)
        with self._connections.prefetched(org_id, user_id, found) if state else nullcontext():
            return self._cycle(state, now_requested, deadline)

    def _allowed(self, state: SyncState) -> bool | None:
        """Whether the org lets the user sync; None when its settings cannot be read now
        (a cycle never runs on the defaults a failed read would give: calendar sync is on by
        default, and the org may have turned it off)."""
        try:
            return self._org_allows(state.org_id, state.user_id)
        except Unavailable:
            logger.warning("org settings unavailable: calendar sync cycle skipped")
            return None

    def _held(self, state: SyncState, now: int, now_requested: bool) -> RunOutcome | None:
        """Why the cycle does not run now (None: it runs)."""
        try:
            allowed = self._allowed(state)
        except Exception:  # not an outage (a malformed item, a bug): recorded, never a wait
            logger.exception("org settings unreadable: calendar sync cycle failed")
            return self._ended(state, now, "error", "sync_failed", now + RETRY)
        if allowed is None:  # unknown: the next cycle asks again
            return self._unknown(state, now)
        if not allowed:  # the admin turned calendar sync off
            if state.last_error and state.last_error.get("code") == ORG_DISABLED:
                return RunOutcome("waiting", state.state)
            return self._ended(state, now, "paused", ORG_DISABLED, None)
        if self._waiting(state, now_requested):
            return RunOutcome("waiting", state.state)
        return None

    def _unknown(self, state: SyncState, now: int) -> RunOutcome:
        """The org's settings cannot be read (an outage): the cycle is skipped with the state
        unchanged, unless no cycle has run for ORG_SETTINGS_PATIENCE_SECONDS (or ever), when
        the status says so once (`org_settings_unavailable`) rather than wait in silence."""
        code = (state.last_error or {}).get("code")
        quiet = now - state.last_run_at if state.last_run_at is not None else None
        if code == ORG_UNKNOWN or (quiet is not None and quiet < ORG_SETTINGS_PATIENCE_SECONDS):
            return RunOutcome("waiting", state.state)
        return self._ended(state, now, "paused", ORG_UNKNOWN, None)

    def _cycle(self, state: SyncState | None, now_requested: bool, deadline: float) -> RunOutcome:
        if state is None or not state.enabled:
            return RunOutcome("disabled")
        now = int(self._clock.now())
        held = self._held(state, now, now_requested)
        if held is not None:
            return held
        cycle: Cycle | None = None
        try:
            calendar, salesforce = self._clients(state)
            cycle = Cycle(
                state, calendar, salesforce, self._repo, self._clock, self._options, deadline
            )
            return self._succeeded(state, now, cycle, cycle.run())
        except LimitNear:
            return self._ended(state, now, "paused", "salesforce_limit_near", None, cycle)
        except OutOfTime as stopped:
            return self._stopped(state, now, cycle, stopped.tally)
        except StratusError as exc:
            return self._failed(state, now, exc, cycle)
        except CalendarNotFound:
            return self._ended(state, now, "error", "calendar_not_found", now + RETRY, cycle)
        except Exception:  # recorded in the status: never a poison message in the DLQ
            logger.exception("calendar sync cycle failed")
            return self._ended(state, now, "error", "sync_failed", now + RETRY, cycle)

    def _succeeded(
        self, state: SyncState, now: int, cycle: Cycle, result: CycleResult
    ) -> RunOutcome:
        done = replace(
            state,
            cursor=result.cursor,
            watermark=result.watermark,
            window_end=result.window_end,
            watermark_seen=result.watermark_seen,
            state="ok",
            last_run_at=now,
            last_success_at=now,
            next_run_at=None,
            last_error=None,
            counts=_added(state.counts, result.tally),
            failed=tuple(state.failed) + tuple(result.tally.failed),
            tag_key=cycle.tag_key,  # a state from before tag keys gets the cycle's new one
        )
        self._count_synced(state, result.tally)
        return self._finish(state, done, cycle)

    def _stopped(self, state: SyncState, now: int, cycle: Cycle | None, tally: Tally) -> RunOutcome:
        """Out of time: the counts of what was done are kept; the cursor and watermark stay,
        so the next cycle lists the same changes and finds the done ones done (their pairs)."""
        error = {"code": "cycle_incomplete", "message": _MESSAGES["cycle_incomplete"]}
        partial = replace(
            state,
            state="ok",
            last_run_at=now,
            next_run_at=now,
            last_error=error,
            counts=_added(state.counts, tally),
            failed=tuple(state.failed) + tuple(tally.failed),
            tag_key=cycle.tag_key if cycle is not None else state.tag_key,
        )
        self._count_synced(state, tally)
        return self._finish(state, partial, cycle)

    def _count_synced(self, state: SyncState, tally: Tally) -> None:
        """Events created, updated or deleted on each side, for the dashboard."""
        for direction, feature in (
            (TO_SALESFORCE, EVENTS_TO_SALESFORCE),
            (FROM_SALESFORCE, EVENTS_FROM_SALESFORCE),
        ):
            synced = sum(tally.counts[direction][name] for name in COUNT_NAMES)
            self._usage.count(state.org_id, state.user_id, feature, synced)

    def _finish(self, read: SyncState, ended: SyncState, cycle: Cycle | None) -> RunOutcome:
        """Write a cycle's end only if nobody changed the state meanwhile. If the user turned
        sync off (or onto another calendar), the pairs this cycle wrote are dropped and sync
        stays as they left it; if only the direction changed, the end is applied to it."""
        try:
            self._repo.put(ended, if_unchanged=True)
            return RunOutcome("ran", ended.state)
        except ConditionFailed:
            pass
        fresh = self._repo.get(read.org_id, read.user_id)
        if fresh is None or not fresh.enabled or fresh.generation != read.generation:
            if cycle is not None and cycle.written:
                self._repo.drop_pairs(read.org_id, read.user_id, cycle.written)
            return RunOutcome("disabled")
        mine = replace(
            ended, direction=fresh.direction, version=fresh.version, generation=fresh.generation
        )
        try:
            self._repo.put(mine, if_unchanged=True)
        except ConditionFailed:  # changed again: the next cycle redoes this one's end
            return RunOutcome("locked")
        return RunOutcome("ran", ended.state)

    def _waiting(self, state: SyncState, now_requested: bool) -> bool:
        """Skip a user who must reconnect (until they have) or who was asked to wait: a
        provider's Retry-After holds even for a run the user asked for."""
        code = (state.last_error or {}).get("code")
        if state.state == "reauth_required":
            provider = "salesforce" if code == ErrorCode.SALESFORCE_REAUTH_REQUIRED else None
            return not self._connection_ready(
                state.org_id, state.user_id, provider or state.provider
            )
        if state.next_run_at is None or (now_requested and code != THROTTLED):
            return False
        return self._clock.now() < state.next_run_at

    def _failed(
        self, state: SyncState, now: int, exc: StratusError, cycle: Cycle | None
    ) -> RunOutcome:
        if exc.code in _BUSY:  # counted from the refusal, not from the cycle's start
            throttled_at = int(self._clock.now())
            wait = max(_retry_after(exc), _backoff(state))
            return self._ended(state, now, "error", THROTTLED, throttled_at + wait, cycle)
        if exc.code in _REAUTH:
            return self._ended(state, now, "reauth_required", str(exc.code), None, cycle)
        logger.warning("calendar sync failed", extra={"code": str(exc.code)})
        retry = now + DEFAULT_RETRY_SECONDS
        return self._ended(state, now, "error", str(exc.code), retry, cycle)

    def _ended(
        self,
        state: SyncState,
        now: int,
        status: str,
        code: str,
        next_run_at: int | None,
        cycle: Cycle | None = None,
    ) -> RunOutcome:
        """A cycle that did not finish: the cursor and watermark stay (the next one resumes).
        The tag key a first cycle made is kept: the pairs it wrote are tagged under it."""
        error = {"code": code, "message": _MESSAGES.get(code, "The sync did not finish.")}
        ended = replace(
            state,
            state=status,
            last_run_at=now,
            next_run_at=next_run_at,
            last_error=error,
            tag_key=cycle.tag_key if cycle is not None else state.tag_key,
        )
        return self._finish(state, ended, cycle)


ORG_DISABLED = "calendar_sync_disabled"
ORG_UNKNOWN = "org_settings_unavailable"
#: how long cycles are skipped in silence while the org's settings cannot be read
ORG_SETTINGS_PATIENCE_SECONDS = 3600
_MESSAGES = {
    THROTTLED: "The calendar asked us to slow down; the sync resumes by itself.",
    ORG_DISABLED: "Calendar sync is turned off for your organization; it resumes once an "
    "administrator turns it on again.",
    ORG_UNKNOWN: "Your organization's settings cannot be read right now; the sync resumes "
    "by itself once they can.",
    "calendar_not_found": "The calendar chosen for the sync does not exist: choose another.",
    "sync_failed": "The sync failed unexpectedly; it is tried again later.",
    "cycle_incomplete": "The sync had more to do than one run allows; it goes on next time.",
    "salesforce_limit_near": "The org is close to its daily Salesforce API limit; the sync "
    "resumes by itself once usage is back under the guard.",
    ErrorCode.GOOGLE_REAUTH_REQUIRED: "Connect Google again to resume the sync.",
    ErrorCode.MICROSOFT_REAUTH_REQUIRED: "Connect Microsoft 365 again to resume the sync.",
    ErrorCode.SALESFORCE_REAUTH_REQUIRED: "Sign in with Salesforce again to resume the sync.",
    ErrorCode.CONNECTION_REQUIRED: "Connect your calendar to resume the sync.",
}


def _retry_after(exc: StratusError) -> int:
    raw = str(exc.headers.get("Retry-After", "0") or "0")
    return int(raw) if raw.isdigit() else 0


def _backoff(state: SyncState) -> int:
    """The least wait after a throttled cycle: 60 s, then double the last wait while the
    provider keeps throttling (up to an hour), whatever Retry-After it sent."""
    code = (state.last_error or {}).get("code")
    if code != THROTTLED or state.next_run_at is None or state.last_run_at is None:
        return THROTTLE_BACKOFF_SECONDS
    last = state.next_run_at - state.last_run_at
    return min(THROTTLE_BACKOFF_MAX_SECONDS, max(THROTTLE_BACKOFF_SECONDS, 2 * last))


def _message(org_id: str, user_id: str, *, now: bool = False) -> dict[str, Any]:
    """A queue message: references only."""
    body: dict[str, Any] = {"kind": MESSAGE_KIND, "org": org_id, "user": user_id}
    if now:
        body["now"] = True
    return body


def _time(value: int | None) -> str | None:
    return rfc3339(value) if value is not None else None


def default_calendar(provider: str, calendar_id: str | None) -> str | None:
    """The calendar id as stored: None for the provider's default calendar, however it was
    named, so that saving the same settings again never starts afresh. Google's alias is
    `primary` ("If you want to access the primary calendar of the currently logged in user,
    use the "primary" keyword", https://developers.google.com/calendar/v3/reference/calendars/get);
    Graph's default calendar is `/me/calendar`, with no alias among the ids of
    `/me/calendars/{id}`, so a Microsoft id is kept as given."""
    if provider == "google" and calendar_id == "primary":
        return None
    return calendar_id


def shown_calendar(provider: str, calendar_id: str | None) -> str | None:
    """The calendar as answered: Google's default by its name, `primary` (the issue's default);
    Graph's default calendar has no id of its own to show, so none."""
    if calendar_id is None and provider == "google":
        return "primary"
    return calendar_id


def _view(state: SyncState) -> dict[str, Any]:
    counts = _empty_counts()
    for key, value in state.counts.items():
        counts[key] = value
    shown = "disabled" if not state.enabled else state.state
    next_run = state.next_run_at
    if state.enabled and next_run is None and state.last_run_at is not None:
        next_run = state.last_run_at + SCHEDULE_SECONDS
    status: dict[str, Any] = {
        "state": shown,
        "last_run_at": _time(state.last_run_at),
        "last_success_at": _time(state.last_success_at),
        "next_run_at": _time(next_run),
        "counts": counts,
        "failed": [dict(f) for f in state.failed],
    }
    if state.last_error:
        status["last_error"] = dict(state.last_error)
    return {
        "enabled": state.enabled,
        "provider": state.provider,
        "calendar_id": shown_calendar(state.provider, state.calendar_id),
        "direction": state.direction,
        "status": status,
    }
