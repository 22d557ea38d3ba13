"""One user's sync cycle (docs/calendar.md, "One cycle").

1. Salesforce: the user's Events changed since the watermark in the window (one query; the
   org's usage read from its answer decides whether the cycle may go on).
2. The calendar: the changes since the stored cursor (a full listing of the window on the
   first run, after a 410 and once a day: then a paired event it does not name is asked for,
   deleted or moved out; the first listing after sync is turned on matches the records an
   earlier sync paired).
3. Calendar -> Salesforce, then Salesforce -> calendar, each change decided against the pairs:
   a version equal to the one a pair holds is our own write coming back (no echo); a change on
   both sides since the last cycle is a conflict, won by the later modification. An event
   moved out of the window keeps its pair (expiring at its new end + the past window), so a
   full listing that finds it back in the window matches it by id.
4. Salesforce writes are batched (sObject Collections), their new stamps read back in one query.

Crash safety: a pair is written *before* the write that creates the other side's event
(`pending_at`), and completed after it. A rerun that finds a pending pair asks the other side
whether the event exists (Salesforce: one query for the owner's Events created since, each
matched on its subject, start and end and claimed once; Google: the insert's id is derived
from the Salesforce id, so a repeat answers 409; Graph: the same key is the insert's
`transactionId`) before creating it; a listed calendar event that carries such a key (our
crashed insert) completes its pending pair and is never created in Salesforce. The cursor and
watermark move only at the end of a cycle. A cycle that runs out of its time (`deadline`)
stops the same way: the pairs keep what it did, the next cycle lists the same changes again
and finds them done.

The watermark is the newest SystemModstamp among the changes the query *returned*, never a
stamp of our own writes: an edit made in Salesforce while a cycle runs is older than our later
writes, and would be skipped. Our own writes come back once on the next query and are
recognised by the stamp their pair holds (no echo).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from chalicelib.calendar.salesforce import (
    SalesforceEvent,
    SalesforceEvents,
    event_fields,
    match_key,
)
from chalicelib.calendars import (
    CalendarChanges,
    CalendarClient,
    CalendarEvent,
    EventDetails,
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
    new_tag_key,
    relation_tag,
)

#: the reason a Salesforce deletion of a Graph meeting was not carried out (status.failed)
MEETING_KEPT = "calendar_meeting_kept"
#: Salesforce's answers to a write of a record that is gone: the write is done
_GONE = frozenset({"ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY", "NOT_FOUND"})
TO_SALESFORCE, FROM_SALESFORCE = "to_salesforce", "from_salesforce"
#: how far the window moves on before the listing starts again (docs/calendar.md, "The window")
DAY = 86400
WINDOW_STEP = DAY
#: the most paired events a full listing leaves out that one cycle asks the calendar for (one
#: `get` each); the others are asked at the next full listing (docs/calendar.md, step 3)
GET_LIMIT = 100


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
    #: the end of the window the cursor's listing round started with (SyncState.window_end)
    window_end: int | None = None
    #: SyncState.watermark_seen for `watermark`
    watermark_seen: str | None = None


def _instant(epoch: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.UTC)


def seen_digest(events: Iterable[SalesforceEvent], watermark: str | None, key: bytes) -> str | None:
    """A digest of the rows read at the watermark's own second, their content included (id,
    deletion, stamps, the fields synced): a row changed within that second after the query
    (deleted, moved, edited, even with the same stamp) differs, so it is never taken for the
    same answer again. Keyed with the user's sealed tag key, 16 hex; None: no such row."""
    rows = sorted(_row_text(e) for e in events if watermark and e.stamp == watermark)
    if not rows:
        return None
    return hmac.new(key, "\n".join(rows).encode(), hashlib.sha256).hexdigest()[:16]


def _row_text(event: SalesforceEvent) -> str:
    parts: list[object] = [event.sf_id, event.deleted, event.stamp, event.modified.isoformat()]
    details = event.details
    if details is not None:
        parts += [
            details.subject,
            details.start.isoformat(),
            details.end.isoformat(),
            details.all_day,
            details.location,
            details.show_as,
            details.private,
            details.description,
            "|".join(details.attendees),
        ]
    return json.dumps([str(p) for p in parts])


def insert_key(org_id: str, user_id: str, sf_id: str) -> str:
    """The calendar event id an insert for this Salesforce Event asks for (hex: Google's
    base32hex alphabet), so that a repeated insert finds the first one."""
    return hashlib.sha256(f"stratus|{org_id}|{user_id}|{sf_id}".encode()).hexdigest()[:32]


class PairIndex:
    """A cycle's pairs by key, by Salesforce id and by provider id: each event of a listing is
    looked up in O(1), so a cycle is O(changes + pairs), never O(changes x pairs)."""

    def __init__(self, pairs: Iterable[Pair] = ()) -> None:
        self._by_key: dict[str, Pair] = {}
        self._sf: dict[str, str] = {}
        self._provider: dict[str, str] = {}
        for pair in pairs:
            self.put(pair)

    def put(self, pair: Pair) -> None:
        self.pop(pair.key)
        self._by_key[pair.key] = pair
        if pair.sf_id:
            self._sf[pair.sf_id] = pair.key
        if pair.provider_id:
            self._provider[pair.provider_id] = pair.key

    def pop(self, key: str) -> None:
        old = self._by_key.pop(key, None)
        if old is None:
            return
        if old.sf_id and self._sf.get(old.sf_id) == key:
            del self._sf[old.sf_id]
        if old.provider_id and self._provider.get(old.provider_id) == key:
            del self._provider[old.provider_id]

    def by_sf(self, sf_id: str) -> Pair | None:
        key = self._sf.get(sf_id)
        return self._by_key[key] if key is not None else None

    def by_provider(self, provider_id: str) -> Pair | None:
        key = self._provider.get(provider_id)
        return self._by_key[key] if key is not None else None

    def values(self) -> Iterable[Pair]:
        return self._by_key.values()


@dataclass
class _Plan:
    """The writes one cycle decided on."""

    create_sf: list[tuple[Pair, CalendarEvent]] = field(default_factory=list)
    update_sf: list[tuple[Pair, CalendarEvent]] = field(default_factory=list)
    delete_sf: list[Pair] = field(default_factory=list)
    dropped: set[str] = field(default_factory=set)
    touched_sf: set[str] = field(default_factory=set)


def _details_of(event: SalesforceEvent | None) -> EventDetails | None:
    return event.details if event is not None and not event.deleted else None


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
        self._pairs = PairIndex()
        self._window: Window | None = None
        #: the key of the pairs' tags (a state from before tag keys: a new one, kept at the end)
        self.tag_key = state.tag_key or new_tag_key()

    # -- the cycle ------------------------------------------------------------------------------
    def run(self) -> CycleResult:
        now = dt.datetime.fromtimestamp(self._clock.now(), dt.UTC).replace(microsecond=0)
        window = Window(
            now - dt.timedelta(days=self._options.past_days),
            now + dt.timedelta(days=self._options.future_days),
        )
        listed_to = self._state.window_end
        moved = listed_to is None or abs(window.end.timestamp() - listed_to) >= WINDOW_STEP
        entered = None  # where the Events that came into the window since the last round start
        if moved:  # a state from before window_end: the whole window, once
            entered = window.start if listed_to is None else _instant(listed_to)
        self._window = window
        sf_changes = self._sf.changed(self._state.watermark, window, entered)
        share = self._sf.usage_share
        if share is not None and share >= self._options.limit_share:
            raise LimitNear()
        # the window moved on by a day: the listing starts again (a Graph delta link keeps its
        # first range; events that came into the window by time passing were never changes)
        changes = self._calendar.changes(None if moved else self._state.cursor, window)
        news = self._news(sf_changes)
        if changes.events or changes.removed or changes.outside or changes.full or news:
            self._pairs = PairIndex(self._repo.pairs(*self._owner))
            self._sync(changes, news)
        stamps = [e.stamp for e in sf_changes if e.stamp]
        watermark = max([*stamps, self._state.watermark or ""]) or None
        window_end = int(window.end.timestamp()) if moved else listed_to
        seen = seen_digest(sf_changes, watermark, self.tag_key)
        return CycleResult(changes.cursor, watermark, self._tally, window_end, seen)

    def _news(self, sf_changes: list[SalesforceEvent]) -> list[SalesforceEvent]:
        """The Salesforce rows to sync: none when the query answered only the rows of the
        watermark's own second that the last cycle read, unchanged (`>=` reads them again; an
        Event changed since has a later stamp, and one changed within that second after the
        query, deleted, moved or edited, changes the content digest), so that a no-change
        cycle reads no pair."""
        watermark = self._state.watermark
        if (
            self._state.watermark_seen
            and all(e.stamp == watermark for e in sf_changes)
            and seen_digest(sf_changes, watermark, self.tag_key) == self._state.watermark_seen
        ):
            return []
        return sf_changes

    def _check_time(self) -> None:
        if self._deadline is not None and self._clock.now() >= self._deadline:
            raise OutOfTime(self._tally)

    @property
    def _owner(self) -> tuple[str, str]:
        return self._state.org_id, self._state.user_id

    def _sync(self, changes: CalendarChanges, sf_changes: list[SalesforceEvent]) -> None:
        plan = _Plan()
        sf_by_id = {e.sf_id: e for e in sf_changes if not self._echo(e)}
        # whatever the direction: an event an earlier sync (or a crashed insert) paired is
        # never created a second time on either side; only the writes depend on the direction
        matched = self._match_unpaired(changes, sf_by_id, plan)
        if self._state.direction != FROM_SALESFORCE:
            self._plan_from_calendar(changes, sf_by_id, plan, matched)
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
        return self._pairs.by_sf(sf_id)

    def _by_provider(self, provider_id: str) -> Pair | None:
        return self._pairs.by_provider(provider_id)

    def _expires(self, event: CalendarEvent) -> int:
        end = event.details.end + dt.timedelta(days=self._options.past_days)
        return int(end.timestamp())

    # -- calendar -> Salesforce ------------------------------------------------------------------
    def _plan_from_calendar(
        self,
        changes: CalendarChanges,
        sf_by_id: dict[str, SalesforceEvent],
        plan: _Plan,
        matched: set[str],
    ) -> None:
        for event in changes.events:
            if event.provider_id not in matched:
                self._plan_event(event, sf_by_id, plan)
        for event in changes.outside:  # Google lists an event moved out (Graph: `_gone`)
            self._plan_outside(event, sf_by_id, plan)
        for provider_id in sorted(self._gone(changes, sf_by_id, plan)):
            pair = self._by_provider(provider_id)
            if pair is None:
                continue
            plan.dropped.add(pair.key)
            if pair.sf_id and not pair.sf_deleted:
                if pair.sf_id in sf_by_id:  # edited in Salesforce too: the deletion wins
                    self._tally.conflicts += 1
                plan.delete_sf.append(pair)
                plan.touched_sf.add(pair.sf_id)

    def _gone(
        self, changes: CalendarChanges, sf_by_id: dict[str, SalesforceEvent], plan: _Plan
    ) -> set[str]:
        """The provider ids of paired events deleted in the calendar. Google's cancelled ones
        are. A Graph `@removed` is a deletion or a move out of the delta's range, and a paired
        event a full listing (first run, 410, daily restart) does not name was deleted or moved
        out: each of those is asked for (one `get`): None is a deletion; an event in the
        window is an ordinary update (a delta link keeps its round's older range); one outside
        is a move (`_plan_outside`). Pairs held for events ahead of the window (and detached
        meetings) are asked for too: a deletion, or a move into the window or the past that a
        Graph delta's range never shows, is seen at the next full listing; `_unlisted` bounds
        the full listing's share."""
        gone = set(changes.removed)
        ask: list[str] = []
        if getattr(self._calendar, "removal_may_be_a_move", False):
            ask = sorted(i for i in gone if self._by_provider(i) is not None)
        if changes.full:
            ask += self._unlisted(changes, set(ask))
        gone -= set(ask)
        for provider_id in ask:
            event = self._calendar.get(provider_id)
            if event is None:
                gone.add(provider_id)
            elif self._in_window(event.details):
                self._plan_event(event, sf_by_id, plan)
            else:
                self._plan_outside(event, sf_by_id, plan)
        return gone

    def _unlisted(self, changes: CalendarChanges, asked: set[str]) -> list[str]:
        """The paired events a full listing does not name, at most GET_LIMIT of them (the
        rest are asked at the next full listing): those expected in the window first, then
        those held ahead of it, in an order that changes daily, so a long list of pairs held
        ahead is gone through over the days rather than its first GET_LIMIT asked every time."""
        listed = {e.provider_id for e in (*changes.events, *changes.outside)} | asked
        day = str(int(self._clock.now()) // DAY)

        def order(pair: Pair) -> tuple[bool, str]:
            turn = hashlib.sha256(f"{day}|{pair.provider_id}".encode()).hexdigest()
            return self._ahead(pair), turn

        unlisted = [
            p
            for p in self._pairs.values()
            if p.provider_id and p.provider_id not in listed and p.pending_at is None
        ]
        return [str(p.provider_id) for p in sorted(unlisted, key=order)[:GET_LIMIT]]

    def _plan_outside(
        self, event: CalendarEvent, sf_by_id: dict[str, SalesforceEvent], plan: _Plan
    ) -> None:
        """A paired event now outside the window. The change that takes it out (a move) is
        an ordinary update of its Salesforce Event (a conflict like any other), and the pair
        stays, expiring at the new end + the past window: a move into the past is forgotten at
        once, one ahead of the window is found by id when time brings it back (a full listing
        would otherwise create it again). While it stays ahead, its edits are synced all the same
        (conflicts counted), so that a later move back by the other side never overwrites them;
        a move from ahead into the past is an ordinary move. An unpaired event outside is none
        of the sync's business."""
        pair = self._by_provider(event.provider_id)
        if pair is None or (pair.sf_id is None and not pair.sf_deleted):
            return
        if pair.sf_deleted:  # a tombstone goes with its meeting (kept from coming back)
            self._remember([replace(pair, expires_at=max(pair.expires_at, self._expires(event)))])
            return
        self._plan_event(event, sf_by_id, plan)

    def _in_window(self, details: EventDetails) -> bool:
        return self._window is None or self._window.overlaps(details.start, details.end)

    def _ahead(self, pair: Pair) -> bool:
        """The pair's event ends after the window (its expiry is that end + the past window):
        a pair held for an event moved ahead of the window (`_unlisted` asks for those
        last)."""
        if self._window is None:
            return False
        end = pair.expires_at - self._options.past_days * DAY
        return end > self._window.end.timestamp()

    def _match_unpaired(
        self, changes: CalendarChanges, sf_by_id: dict[str, SalesforceEvent], plan: _Plan
    ) -> set[str]:
        """Listed events with no pair that already have their Salesforce Event: an event our
        crashed insert made (a pending pair without a provider id), or, on the first listing
        after sync is turned on (again), an event paired by an earlier sync. Such an event
        completes its pair and is never created in Salesforce. The provider ids matched."""
        candidates = self._candidates(changes, sf_by_id)
        if not candidates:
            return set()
        unpaired = [e for e in changes.events if self._by_provider(e.provider_id) is None]
        matches = self._matches(unpaired, candidates, sf_by_id)
        # No looser pass (a subject alone, or a time slot alone): on a first enable it paired
        # unrelated records and the later one overwrote the other (review 12f); an event moved
        # or renamed while sync was off is copied instead (docs/calendar.md, "Known limits").
        for event in unpaired:
            pair = matches.get(event.provider_id)
            if pair is None:
                continue
            if pair.pending_at is None:
                plan.touched_sf.add(str(pair.sf_id))  # an earlier sync's pair: as it left them
            self._remember(
                [
                    pair.done(
                        provider_id=event.provider_id,
                        provider_version=event.version,
                        attendees=self._tags(event.details.attendees),
                        expires_at=self._expires(event),
                    )
                ]
            )
        return set(matches)

    def _candidates(
        self, changes: CalendarChanges, sf_by_id: dict[str, SalesforceEvent]
    ) -> list[Pair]:
        """Salesforce Events a listed event may be the counterpart of: the pending inserts of
        a crashed cycle (its Salesforce pass then patches the event to the Event's current
        state), and on the first full listing of a sync (no watermark yet) every live Event
        listed that has no pair."""
        found = [
            p
            for p in self._pairs.values()
            if p.sf_id and not p.provider_id and p.pending_at is not None
        ]
        if self._state.watermark is None and changes.full:
            found += [
                Pair(f"s:{e.sf_id}", None, e.sf_id, sf_stamp=e.stamp)
                for e in sf_by_id.values()
                if not e.deleted and self._by_sf(e.sf_id) is None
            ]
        return found

    def _matches(
        self,
        events: list[CalendarEvent],
        candidates: list[Pair],
        sf_by_id: dict[str, SalesforceEvent],
    ) -> dict[str, Pair]:
        """provider id -> the candidate it is the counterpart of. By the key our inserts carry
        (Google's chosen id, Graph's transactionId) across the whole listing first, so that a
        user's own event with the same subject and times never takes our insert's place; then
        by subject, start and end (a provider that does not answer the key, an event the
        earlier sync created in Salesforce). Each side's record is claimed once."""
        by_key = {insert_key(*self._owner, str(p.sf_id)): p for p in candidates}
        by_same: dict[Hashable, list[Pair]] = {}
        for pair in candidates:
            sf_event = sf_by_id.get(str(pair.sf_id))
            if sf_event is not None and sf_event.details is not None:
                by_same.setdefault(match_key(sf_event.details), []).append(pair)
        out: dict[str, Pair] = {}
        taken: set[str] = set()
        for keyed in (True, False):
            for event in events:
                if event.provider_id in out:
                    continue
                if keyed:
                    mine = by_key.get(event.client_key or "")
                    pool = [mine] if mine is not None else []
                else:
                    pool = by_same.get(match_key(event.details), [])
                free = next((p for p in pool if p.sf_id not in taken), None)
                if free is not None:
                    taken.add(str(free.sf_id))
                    out[event.provider_id] = free
        return out

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
            # LastModifiedDate has whole seconds: within one second the calendar wins
            if sf_event.deleted or sf_event.modified > event.updated:
                # Salesforce's is later: the Salesforce pass writes it, and must see the
                # attendees the event has now (a Graph meeting that gained some is left alone)
                tags = self._tags(event.details.attendees)
                if tags != pair.attendees:
                    self._remember([replace(pair, attendees=tags)])
                return
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
        relations: list[tuple[str, dict[str, Any]]] = []
        for (pair, event), record, result in zip(fresh, records, results, strict=True):
            if result.error or not result.sf_id:  # nothing created: tried again once it changes
                refused = replace(pair, pending_at=None, provider_version=event.version)
                self._refused(refused, result.error or "UNKNOWN", provider_id=event.provider_id)
                continue
            who = record.get("WhoId")  # Salesforce relates it itself
            related = (self._person_tag(who),) if who else ()
            out[pair.key] = replace(pair, sf_id=result.sf_id, related=related)
            self._tally.add(TO_SALESFORCE, "created")
            relations.extend(
                (pair.key, r)
                for r in self._relations(result.sf_id, event.details.attendees, people)
            )
        return self._with_relations(out, relations)

    def _with_relations(
        self, pairs: dict[str, Pair], relations: list[tuple[str, dict[str, Any]]]
    ) -> dict[str, Pair]:
        """Relate these (pair key, EventRelation) in Collections; each pair remembers the
        people related (a refused relation leaves the Event as it is; one that is there
        already, DUPLICATE_VALUE, counts as related)."""
        if not relations:
            return pairs
        added: dict[str, set[str]] = {}
        results = self._sf.relate([r for _, r in relations])
        for (key, relation), result in zip(relations, results, strict=True):
            if result.error in (None, "DUPLICATE_VALUE"):
                added.setdefault(key, set()).add(self._person_tag(relation["RelationId"]))
        out = dict(pairs)
        for key, tags in added.items():
            pair = out[key]
            out[key] = replace(pair, related=tuple(sorted(set(pair.related) | tags)))
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
        for (pair, event), result in zip(updates, self._sf.update(records), strict=True):
            if result.error in _GONE:  # deleted in Salesforce meanwhile: forget the pair
                self._forget([pair.key])
                continue
            if result.error:
                self._refused(pair, result.error, provider_id=event.provider_id)
                continue
            out[pair.key] = replace(
                pair,
                provider_version=event.version,
                attendees=self._tags(event.details.attendees),
                expires_at=self._expires(event),
            )
            self._tally.add(TO_SALESFORCE, "updated")
        attendees = {p.key: e.details.attendees for p, e in updates if p.key in out}
        out = self._unrelate_removed(out, attendees, people)
        relations = [
            (key, relation)
            for key, pair in out.items()
            for relation in self._relations(
                str(pair.sf_id),
                self._unrelated(pair, attendees[key], people),
                people,
                who_related=True,
            )
        ]
        return self._with_relations(out, relations)

    def _unrelated(
        self, pair: Pair, addresses: Iterable[str], people: dict[str, tuple[str, str]]
    ) -> list[str]:
        """The matched attendees this sync has not related to the pair's Event yet."""
        return [
            a
            for a in addresses
            if a in people and self._person_tag(people[a][0]) not in pair.related
        ]

    def _unrelate_removed(
        self,
        pairs: dict[str, Pair],
        attendees: dict[str, tuple[str, ...]],
        people: dict[str, tuple[str, str]],
    ) -> dict[str, Pair]:
        """Remove the EventRelations this sync made for attendees no longer on the event (one
        query for all the Events concerned, deletes in Collections); a relation made by hand
        (never tagged as ours) stays. Salesforce keeps WhoId consistent itself: "If you delete
        the EventRelation record representing the WhoId on an event, then another Who, if any,
        from the event's EventWhoIds field will be promoted to the WhoId" (EventRelation object
        reference, https://developer.salesforce.com/docs/atlas.en-us.214.0.object_reference.meta/object_reference/sforce_api_objects_eventattendee.htm)."""
        gone: dict[str, set[str]] = {}  # sf id -> tags of the people to unrelate
        for key, pair in pairs.items():
            still = {self._person_tag(people[a][0]) for a in attendees[key] if a in people}
            removed = set(pair.related) - still
            if removed and pair.sf_id:
                gone[pair.sf_id] = removed
        if not gone:
            return pairs
        doomed = [
            (relation_id, event_id, self._person_tag(person_id))
            for relation_id, event_id, person_id in self._sf.relations_of(sorted(gone))
            if self._person_tag(person_id) in gone[event_id]
        ]
        results = self._sf.delete([d[0] for d in doomed]) if doomed else []
        dropped: dict[str, set[str]] = {}
        for (_, event_id, tag), result in zip(doomed, results, strict=True):
            if result.error is None or result.error in _GONE:
                dropped.setdefault(event_id, set()).add(tag)
        out = dict(pairs)
        for key, pair in pairs.items():
            # a tag whose relation is not there any more (removed by hand) is forgotten too
            stale = gone.get(str(pair.sf_id), set())
            kept = {t for t in stale if t not in dropped.get(str(pair.sf_id), set())}
            found = {d[2] for d in doomed if d[1] == pair.sf_id}
            keep = (set(pair.related) - stale) | (kept & found)
            out[key] = replace(pair, related=tuple(sorted(keep)))
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
        if self._left_window(event, pair):
            return
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

    def _left_window(self, event: SalesforceEvent, pair: Pair | None) -> bool:
        """An Event outside the window (the query reads changes wherever the Events are now).
        Unpaired: none of the sync's business. Paired and last seen in the window (a move
        out): the calendar event gets the new times and the pair is kept, expiring at the new
        end + the past window, so that neither record comes back as new when a full listing
        finds it (`_plan_outside`); a Graph meeting is left where its organizer put it, and
        its pair is kept (detached, like a tombstone) for as long as either record needs it.
        Paired and held ahead of the window: its edits are synced all the same (a later move
        back by the other side would otherwise overwrite them); moved from ahead into the past,
        it is an ordinary move (the pair then expires)."""
        assert event.details is not None
        if self._in_window(event.details):
            return False
        if pair is None:
            return True
        if pair.provider_id is None:  # its insert never completed: nothing to move
            self._forget([pair.key])
            return True
        if not self._may_write(pair):
            expires = max(pair.expires_at, self._sf_expiry(event))
            self._remember([replace(pair, sf_stamp=event.stamp, expires_at=expires)])
            return True
        written = self._calendar.update(pair.provider_id, event.details)
        if written is None:  # deleted in the calendar meanwhile: the next listing says so
            self._forget([pair.key])
            return True
        self._remember([self._completed(pair, event, written)])
        self._tally.add(FROM_SALESFORCE, "updated")
        return True

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
        return attendee_tag(self.tag_key, address)

    def _person_tag(self, person_id: str) -> str:
        return relation_tag(self.tag_key, person_id)

    def _tags(self, addresses: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted({self._tag(a) for a in addresses}))

    def _remember(self, pairs: list[Pair]) -> None:
        if pairs:
            self._repo.save_pairs(*self._owner, pairs)
            for pair in pairs:
                self._pairs.put(pair)
            self.written.update(p.key for p in pairs)

    def _forget(self, pair_keys: list[str]) -> None:
        self._repo.drop_pairs(*self._owner, pair_keys)
        for key in pair_keys:
            self._pairs.pop(key)

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
