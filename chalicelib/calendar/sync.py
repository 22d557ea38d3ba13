"""One user's sync cycle (docs/calendar.md, "One cycle").

1. Salesforce: the user's Events changed since the watermark in the window (one query; the
   org's usage read from its answer decides whether the cycle may go on).
2. The calendar: the changes since the stored cursor (a full listing of the window on the
   first run, or after a 410: then a paired event it does not name is gone).
3. Calendar -> Salesforce, then Salesforce -> calendar, each change decided against the pairs:
   a version equal to the one a pair holds is our own write coming back (no echo); a change on
   both sides since the last cycle is a conflict, won by the later modification.
4. Salesforce writes are batched (sObject Collections), their new stamps read back in one query.

Crash safety: a pair is written *before* the write that creates the other side's event
(`pending_at`), and completed after it. A rerun that finds a pending pair asks the other side
whether the event exists (Salesforce: one query for the owner's Events created since, each
matched on its subject, start and end and claimed once; Google: the insert's id is derived
from the Salesforce id, so a repeat answers 409; Graph: the same key is the insert's
`transactionId`) before creating it, and the cursor and watermark move only at the end of a
cycle. A cycle that runs out of its time (`deadline`) stops the same way: the pairs keep what
it did, the next cycle lists the same changes again and finds them done.

The watermark is the newest SystemModstamp among the changes the query *returned*, never a
stamp of our own writes: an edit made in Salesforce while a cycle runs is older than our later
writes, and would be skipped. Our own writes come back once on the next query and are
recognised by the stamp their pair holds (no echo).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from chalicelib.calendar.salesforce import SalesforceEvent, SalesforceEvents, event_fields
from chalicelib.calendars import (
    CalendarChanges,
    CalendarClient,
    CalendarEvent,
    EventRefused,
    Window,
)
from chalicelib.clock import Clock
from chalicelib.store.calendar_sync import (
    COUNT_NAMES,
    CalendarSyncStore,
    Pair,
    SyncState,
    attendee_tag,
)

#: the reason a Salesforce deletion of a Graph meeting was not carried out (status.failed)
MEETING_KEPT = "calendar_meeting_kept"
#: Salesforce's answers to a write of a record that is gone: the write is done
_GONE = frozenset({"ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY", "NOT_FOUND"})
TO_SALESFORCE, FROM_SALESFORCE = "to_salesforce", "from_salesforce"


@dataclass(frozen=True)
class SyncOptions:
    past_days: int = 14
    future_days: int = 60
    #: share of the org's daily API limit at which a cycle pauses (the lookup's guard)
    limit_share: float = 0.9
    #: the longest one user's cycle may run before it stops and resumes next time (well under
    #: the worker Lambda's timeout)
    cycle_seconds: float = 60.0


class LimitNear(Exception):
    """The org's Salesforce usage is at or above the guard: the cycle is skipped."""


class OutOfTime(Exception):
    """The cycle reached its deadline and stopped; `tally` is what it did until then."""

    def __init__(self, tally: Tally) -> None:
        super().__init__("calendar sync cycle out of time")
        self.tally = tally


@dataclass
class Tally:
    """What one cycle did."""

    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {
            TO_SALESFORCE: dict.fromkeys(COUNT_NAMES, 0),
            FROM_SALESFORCE: dict.fromkeys(COUNT_NAMES, 0),
        }
    )
    conflicts: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)

    def add(self, direction: str, what: str, n: int = 1) -> None:
        self.counts[direction][what] += n


@dataclass(frozen=True)
class CycleResult:
    cursor: str = field(repr=False)
    watermark: str | None
    tally: Tally


def insert_key(org_id: str, user_id: str, sf_id: str) -> str:
    """The calendar event id an insert for this Salesforce Event asks for (hex: Google's
    base32hex alphabet), so that a repeated insert finds the first one."""
    return hashlib.sha256(f"stratus|{org_id}|{user_id}|{sf_id}".encode()).hexdigest()[:32]


@dataclass
class _Plan:
    """The writes one cycle decided on."""

    create_sf: list[tuple[Pair, CalendarEvent]] = field(default_factory=list)
    update_sf: list[tuple[Pair, CalendarEvent]] = field(default_factory=list)
    delete_sf: list[Pair] = field(default_factory=list)
    dropped: set[str] = field(default_factory=set)
    touched_sf: set[str] = field(default_factory=set)


class Cycle:
    """One cycle for one user (see the module docstring)."""

    def __init__(
        self,
        state: SyncState,
        calendar: CalendarClient,
        salesforce: SalesforceEvents,
        repo: CalendarSyncStore,
        clock: Clock,
        options: SyncOptions,
        deadline: float | None = None,
    ) -> None:
        self._state = state
        self._deadline = deadline
        #: keys of the pairs this cycle wrote (dropped again if sync was turned off meanwhile)
        self.written: set[str] = set()
        self._calendar = calendar
        self._sf = salesforce
        self._repo = repo
        self._clock = clock
        self._options = options
        self._tally = Tally()
        self._pairs: dict[str, Pair] = {}

    # -- the cycle ------------------------------------------------------------------------------
    def run(self) -> CycleResult:
        now = dt.datetime.fromtimestamp(self._clock.now(), dt.UTC).replace(microsecond=0)
        window = Window(
            now - dt.timedelta(days=self._options.past_days),
            now + dt.timedelta(days=self._options.future_days),
        )
        sf_changes = self._sf.changed(self._state.watermark, window)
        share = self._sf.usage_share
        if share is not None and share >= self._options.limit_share:
            raise LimitNear()
        changes = self._calendar.changes(self._state.cursor, window)
        if changes.events or changes.removed or changes.outside or changes.full or sf_changes:
            self._pairs = {p.key: p for p in self._repo.pairs(*self._owner)}
            self._sync(changes, sf_changes)
        stamps = [e.stamp for e in sf_changes if e.stamp]
        watermark = max([*stamps, self._state.watermark or ""]) or None
        return CycleResult(changes.cursor, watermark, self._tally)

    def _check_time(self) -> None:
        if self._deadline is not None and self._clock.now() >= self._deadline:
            raise OutOfTime(self._tally)

    @property
    def _owner(self) -> tuple[str, str]:
        return self._state.org_id, self._state.user_id

    def _sync(self, changes: CalendarChanges, sf_changes: list[SalesforceEvent]) -> None:
        plan = _Plan()
        sf_by_id = {e.sf_id: e for e in sf_changes if not self._echo(e)}
        if self._state.direction != FROM_SALESFORCE:
            self._plan_from_calendar(changes, sf_by_id, plan)
            self._check_time()
            self._write_salesforce(plan)
        self._repo.drop_pairs(*self._owner, plan.dropped)
        if self._state.direction != TO_SALESFORCE:
            for event in sf_by_id.values():
                if event.sf_id not in plan.touched_sf:
                    self._check_time()
                    try:
                        self._to_calendar(event, plan)
                    except EventRefused as refused:  # this event only: the cycle goes on
                        self._calendar_refused(event, refused.reason)

    def _echo(self, event: SalesforceEvent) -> bool:
        pair = self._by_sf(event.sf_id)
        return pair is not None and not event.deleted and pair.sf_stamp == event.stamp

    def _by_sf(self, sf_id: str) -> Pair | None:
        return next((p for p in self._pairs.values() if p.sf_id == sf_id), None)

    def _by_provider(self, provider_id: str) -> Pair | None:
        return next((p for p in self._pairs.values() if p.provider_id == provider_id), None)

    def _expires(self, event: CalendarEvent) -> int:
        end = event.details.end + dt.timedelta(days=self._options.past_days)
        return int(end.timestamp())

    # -- calendar -> Salesforce ------------------------------------------------------------------
    def _plan_from_calendar(
        self, changes: CalendarChanges, sf_by_id: dict[str, SalesforceEvent], plan: _Plan
    ) -> None:
        for event in changes.events:
            self._plan_event(event, sf_by_id, plan)
        # moved out of the window: forgotten like a deletion, on both providers (Graph's delta
        # reports such an event as @removed, indistinguishable from a deletion)
        gone = set(changes.removed) | set(changes.outside)
        if changes.full:
            listed = {e.provider_id for e in changes.events}
            gone |= {
                p.provider_id
                for p in self._pairs.values()
                if p.provider_id and p.provider_id not in listed and p.pending_at is None
            }
        for provider_id in sorted(gone):
            pair = self._by_provider(provider_id)
            if pair is None:
                continue
            plan.dropped.add(pair.key)
            if pair.sf_id and not pair.sf_deleted:
                plan.delete_sf.append(pair)
                plan.touched_sf.add(pair.sf_id)

    def _plan_event(
        self, event: CalendarEvent, sf_by_id: dict[str, SalesforceEvent], plan: _Plan
    ) -> None:
        pair = self._by_provider(event.provider_id)
        if pair is not None and pair.sf_deleted:
            return  # deleted in Salesforce, the meeting left alone: never synced back
        if pair is not None and pair.provider_version == event.version and not pair.pending_at:
            return  # unchanged since we wrote or saw it (no echo)
        if pair is None or pair.sf_id is None:
            pair = pair or Pair(f"p:{event.provider_id}", event.provider_id, None)
            plan.create_sf.append((pair, event))
            return
        sf_event = sf_by_id.get(pair.sf_id)
        if sf_event is not None:  # changed on both sides since the last cycle
            self._tally.conflicts += 1
            if sf_event.deleted or sf_event.modified > event.updated:
                return  # Salesforce's is later: the Salesforce pass writes it
        plan.touched_sf.add(pair.sf_id)
        plan.update_sf.append((pair, event))

    def _write_salesforce(self, plan: _Plan) -> None:
        if not (plan.create_sf or plan.update_sf or plan.delete_sf):
            return
        people = self._sf.match_people(
            a for _, e in plan.create_sf + plan.update_sf for a in e.details.attendees
        )
        written: dict[str, Pair] = {}
        written.update(self._create_in_salesforce(plan.create_sf, people))
        written.update(self._update_in_salesforce(plan.update_sf, people))
        self._delete_in_salesforce(plan.delete_sf)
        plan.touched_sf.update(p.sf_id for p in written.values() if p.sf_id)
        stamps = self._sf.stamps([p.sf_id for p in written.values() if p.sf_id])
        done = [p.done(sf_stamp=stamps.get(p.sf_id or "")) for p in written.values()]
        self._remember(done)

    def _create_in_salesforce(
        self, creates: list[tuple[Pair, CalendarEvent]], people: dict[str, tuple[str, str]]
    ) -> dict[str, Pair]:
        now = int(self._clock.now())
        out: dict[str, Pair] = {}
        fresh: list[tuple[Pair, CalendarEvent]] = []
        recovered = self._recovered(creates)
        for pair, event in creates:
            found = recovered.get(pair.key)
            ready = replace(
                pair,
                provider_version=event.version,
                attendees=self._tags(event.details.attendees),
                expires_at=self._expires(event),
            )
            if found:  # an interrupted cycle created it
                out[pair.key] = replace(ready, sf_id=found)
            else:
                fresh.append((replace(ready, pending_at=now), event))
        self._remember([p for p, _ in fresh])  # pending before the insert
        records = [self._record(e, people) for _, e in fresh]
        results = self._sf.create(records) if records else []
        relations: list[dict[str, Any]] = []
        for (pair, event), result in zip(fresh, results, strict=True):
            if result.error or not result.sf_id:  # nothing created: tried again once it changes
                refused = replace(pair, pending_at=None, provider_version=event.version)
                self._refused(refused, result.error or "UNKNOWN", provider_id=event.provider_id)
                continue
            out[pair.key] = replace(pair, sf_id=result.sf_id)
            self._tally.add(TO_SALESFORCE, "created")
            relations.extend(self._relations(result.sf_id, event.details.attendees, people))
        if relations:
            self._sf.relate(relations)  # a refused relation leaves the Event as it is
        return out

    def _recovered(self, creates: list[tuple[Pair, CalendarEvent]]) -> dict[str, str]:
        """pair key -> the Salesforce Event an interrupted cycle created for it (one query for
        every pending pair; matched on subject, start and end; each Event claimed once)."""
        pending = [(p, e) for p, e in creates if p.pending_at]
        if not pending:
            return {}
        since = min(p.pending_at or 0 for p, _ in pending)
        held = {p.sf_id for p in self._pairs.values() if p.sf_id}
        found = self._sf.created_since(
            [(p.key, e.details) for p, e in pending], since, exclude=held
        )
        return found

    def _update_in_salesforce(
        self, updates: list[tuple[Pair, CalendarEvent]], people: dict[str, tuple[str, str]]
    ) -> dict[str, Pair]:
        if not updates:
            return {}
        records = [{"Id": p.sf_id, **event_fields(e.details)} for p, e in updates]
        out: dict[str, Pair] = {}
        relations: list[dict[str, Any]] = []
        for (pair, event), result in zip(updates, self._sf.update(records), strict=True):
            if result.error in _GONE:  # deleted in Salesforce meanwhile: forget the pair
                self._forget([pair.key])
                continue
            if result.error:
                self._refused(pair, result.error, provider_id=event.provider_id)
                continue
            assert pair.sf_id is not None
            new = [a for a in event.details.attendees if self._tag(a) not in pair.attendees]
            relations.extend(self._relations(pair.sf_id, new, people, who_related=True))
            out[pair.key] = replace(
                pair,
                provider_version=event.version,
                attendees=self._tags(event.details.attendees),
                expires_at=self._expires(event),
            )
            self._tally.add(TO_SALESFORCE, "updated")
        if relations:
            self._sf.relate(relations)
        return out

    def _delete_in_salesforce(self, deletes: list[Pair]) -> None:
        ids = [p.sf_id for p in deletes if p.sf_id]
        if not ids:
            return
        for pair, result in zip(deletes, self._sf.delete(ids), strict=True):
            if result.error and result.error not in _GONE:
                self._refused(pair, result.error, provider_id=pair.provider_id)
            else:
                self._tally.add(TO_SALESFORCE, "deleted")

    @staticmethod
    def _record(event: CalendarEvent, people: dict[str, tuple[str, str]]) -> dict[str, Any]:
        record = event_fields(event.details)
        matched = [people[a] for a in event.details.attendees if a in people]
        contacts = [m for m in matched if m[1] == "Contact"] or matched
        if contacts:
            record["WhoId"] = contacts[0][0]  # the first match is the Name; the rest relate
        return record

    @staticmethod
    def _relations(
        sf_id: str,
        attendees: Iterable[str],
        people: dict[str, tuple[str, str]],
        *,
        who_related: bool = False,
    ) -> list[dict[str, Any]]:
        """EventRelations for the attendees matched: contacts as parents, leads as invitees
        (an Event relates one lead or contacts); on a new Event not its WhoId, which
        Salesforce relates itself (`who_related`: none is the WhoId)."""
        matched = [people[a] for a in attendees if a in people]
        contacts = [m for m in matched if m[1] == "Contact"]
        who = "" if who_related else (contacts or matched or [("", "")])[0][0]
        return [
            {
                "EventId": sf_id,
                "RelationId": person_id,
                "IsParent": kind == "Contact",
                "IsInvitee": kind != "Contact",
            }
            for person_id, kind in matched
            if person_id != who
        ]

    # -- Salesforce -> calendar ------------------------------------------------------------------
    def _to_calendar(self, event: SalesforceEvent, plan: _Plan) -> None:
        pair = self._by_sf(event.sf_id)
        if event.deleted:
            if pair is not None and pair.key not in plan.dropped:
                self._deleted_in_salesforce(pair)
            return
        assert event.details is not None
        if pair is None or pair.provider_id is None:
            self._insert_in_calendar(event, pair)
            return
        if not self._may_write(pair):  # a meeting on Graph: leave it, keep the stamp
            self._remember([replace(pair, sf_stamp=event.stamp)])
            return
        written = self._calendar.update(pair.provider_id, event.details)
        if written is None:  # deleted in the calendar meanwhile: the next listing says so
            self._forget([pair.key])
            return
        self._remember([self._completed(pair, event, written)])
        self._tally.add(FROM_SALESFORCE, "updated")

    def _deleted_in_salesforce(self, pair: Pair) -> None:
        if pair.provider_id and not self._may_write(pair):
            # a Graph meeting stays (deleting it would notify its attendees): a tombstone keeps
            # it from coming back into Salesforce until it leaves the window
            self._remember([replace(pair, sf_id=None, sf_stamp=None, sf_deleted=True)])
            self._tally.failed.append({"provider_id": pair.provider_id, "reason": MEETING_KEPT})
            return
        if pair.provider_id:
            self._calendar.delete(pair.provider_id)
        self._forget([pair.key])
        self._tally.add(FROM_SALESFORCE, "deleted")

    def _calendar_refused(self, event: SalesforceEvent, reason: str) -> None:
        """The calendar refused this event's write: its pair says why and keeps the stamp, so
        it is tried again once it changes in Salesforce."""
        pair = self._by_sf(event.sf_id) or Pair(f"s:{event.sf_id}", None, event.sf_id)
        marked = replace(pair, sf_stamp=event.stamp, pending_at=None)
        if not marked.expires_at and event.details is not None:
            marked = replace(marked, expires_at=self._sf_expiry(event))
        self._refused(marked, reason, provider_id=pair.provider_id)

    def _may_write(self, pair: Pair) -> bool:
        """Graph notifies a meeting's attendees of a patch or delete: never touch one."""
        return not (getattr(self._calendar, "notifies_attendees", False) and pair.attendees)

    def _insert_in_calendar(self, event: SalesforceEvent, pair: Pair | None) -> None:
        assert event.details is not None
        key = insert_key(*self._owner, event.sf_id)
        pending = pair or Pair(f"s:{event.sf_id}", None, event.sf_id)
        pending = replace(
            pending, pending_at=int(self._clock.now()), expires_at=self._sf_expiry(event)
        )
        self._remember([pending])  # pending before the insert
        written = self._calendar.insert(event.details, key)
        self._remember([self._completed(pending, event, written)])
        self._tally.add(FROM_SALESFORCE, "created")

    def _completed(self, pair: Pair, event: SalesforceEvent, written: CalendarEvent) -> Pair:
        return pair.done(
            provider_id=written.provider_id,
            provider_version=written.version,
            sf_stamp=event.stamp,
            attendees=self._tags(written.details.attendees),
            expires_at=self._expires(written),
        )

    def _sf_expiry(self, event: SalesforceEvent) -> int:
        assert event.details is not None
        end = event.details.end + dt.timedelta(days=self._options.past_days)
        return int(end.timestamp())

    # -- pairs -----------------------------------------------------------------------------------
    def _tag(self, address: str) -> str:
        return attendee_tag(*self._owner, address)

    def _tags(self, addresses: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted({self._tag(a) for a in addresses}))

    def _remember(self, pairs: list[Pair]) -> None:
        if pairs:
            self._repo.save_pairs(*self._owner, pairs)
            self._pairs.update({p.key: p for p in pairs})
            self.written.update(p.key for p in pairs)

    def _forget(self, pair_keys: list[str]) -> None:
        self._repo.drop_pairs(*self._owner, pair_keys)
        for key in pair_keys:
            self._pairs.pop(key, None)

    def _refused(self, pair: Pair, reason: str, *, provider_id: str | None) -> None:
        """A side refused this record: the pair says why; the cycle goes on."""
        self._remember([replace(pair, failed=reason)])
        failure = {"reason": reason}
        if provider_id:
            failure["provider_id"] = provider_id
        if pair.sf_id:
            failure["salesforce_id"] = pair.sf_id
        self._tally.failed.append(failure)


CycleFactory = Callable[[SyncState], Cycle]
