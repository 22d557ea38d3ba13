"""The provider-neutral calendar model: what calendar sync reads from and writes to a Google or
Microsoft calendar (`providers/google/calendar.py`, `providers/microsoft/calendar.py`).

An event's details (subject, location, description) pass through these objects and are never
stored; what calendar sync keeps is the ids, the versions, the attendees' addresses and the
times that decide its expiry (docs/calendar.md).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Protocol


class ShowAs(enum.StrEnum):
    """How the time shows to others (Google transparency/eventType, Graph showAs, Salesforce
    ShowAs)."""

    BUSY = "busy"
    FREE = "free"
    TENTATIVE = "tentative"
    OUT_OF_OFFICE = "out_of_office"
    WORKING_ELSEWHERE = "working_elsewhere"


@dataclass(frozen=True)
class Window:
    """The sync window [start, end)."""

    start: dt.datetime
    end: dt.datetime

    def overlaps(self, start: dt.datetime, end: dt.datetime) -> bool:
        return start < self.end and end > self.start


@dataclass(frozen=True)
class EventDetails:
    """What is written to either side. Times are UTC; an all-day event's are midnights and its
    end is exclusive (the day after its last day)."""

    subject: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool = False
    location: str = ""
    show_as: ShowAs = ShowAs.BUSY
    private: bool = False
    #: passes through to the other side, never stored
    description: str = field(default="", repr=False)
    #: lower-case addresses (written to Google only: Graph would invite them)
    attendees: tuple[str, ...] = ()


@dataclass(frozen=True)
class CalendarEvent:
    """One event (or one instance of a recurring event) as a provider answers it."""

    provider_id: str
    #: Google `etag`, Graph `changeKey`: changes with every write
    version: str
    #: Google `updated`, Graph `lastModifiedDateTime`
    updated: dt.datetime
    details: EventDetails
    #: the recurring event this is an instance of (Google recurringEventId, Graph seriesMasterId)
    series_id: str | None = None
    #: the instance's original start (an edited instance keeps it)
    original_start: dt.datetime | None = None
    #: the key its creator chose on insert (Google: the id itself; Graph: `transactionId`):
    #: how a rerun recognises an event our crashed insert created
    client_key: str | None = None


@dataclass(frozen=True)
class CalendarChanges:
    """A listing: the events changed (or, when `full`, every event of the window), the ids of
    events cancelled or removed, the changed events now outside the window (as listed: a move
    out needs no second read), and the cursor to list from next time (Google nextSyncToken,
    Graph deltaLink)."""

    events: tuple[CalendarEvent, ...]
    removed: tuple[str, ...]
    outside: tuple[CalendarEvent, ...]
    cursor: str = field(repr=False)
    #: a full listing of the window (first run, or the stored cursor was refused with 410):
    #: an event it does not name is gone
    full: bool
    #: the stored cursor was refused (410) and the listing started again
    reset: bool = False


class EventRefused(Exception):
    """The provider refused a write to one event (Google 403 `forbiddenForNonOrganizer`, a 400,
    Graph `ErrorAccessDenied`...): that event is marked failed, the cycle goes on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EventGone(Exception):
    """The event a write names does not exist (404; Google also 410 `deleted`)."""


def refuse_event_write(
    status: int, reason: str, *, gone: frozenset[int] = frozenset({404})
) -> None:
    """What a provider's 4xx to a write of one event means, for both providers: gone (404)
    raises EventGone; any other 4xx but 401 (the token: refreshed by the client) and 429
    (throttling: the client's Retry-After) raises EventRefused with the provider's reason
    (Google `reason`, Graph `error.code`), so that this event is marked failed and the cycle
    goes on. Other statuses return: the client's own handling."""
    if status in gone:
        raise EventGone()
    if 400 <= status < 500 and status not in {401, 429}:
        raise EventRefused(reason or f"http_{status}")


def refuse_listing(status: int) -> None:
    """A listing's 404: the calendar itself is not there (CalendarNotFound)."""
    if status == 404:
        raise CalendarNotFound()


class CalendarNotFound(Exception):
    """The calendar itself is not there (a listing answered 404): the user's settings name a
    calendar that does not exist, or no longer."""


class CalendarClient(Protocol):
    """One user's calendar on one provider."""

    #: "google" or "microsoft"
    provider: str

    def changes(self, cursor: str | None, window: Window) -> CalendarChanges:
        """The changes since `cursor` (None: a full listing of `window`); a refused cursor
        (410) starts a full listing instead (`reset`)."""

    def insert(self, details: EventDetails, key: str) -> CalendarEvent:
        """Create an event; `key` (hex) makes a retried insert land on the same event where the
        provider allows a client-chosen id."""

    def update(self, event_id: str, details: EventDetails) -> CalendarEvent | None:
        """Patch an event; None when it no longer exists."""

    def delete(self, event_id: str) -> None:
        """Delete an event; an event already gone is not an error."""

    def get(self, event_id: str) -> CalendarEvent | None:
        """The event as it is now; None when it no longer exists (deleted or cancelled)."""


def as_utc(value: dt.datetime) -> dt.datetime:
    """`value` in UTC (a naive value is taken to be UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def parse_instant(text: str) -> dt.datetime:
    """An RFC 3339 / ISO 8601 date-time (`Z`, an offset, or none: UTC), to UTC. Graph answers
    up to seven decimal places, which Python 3.11 does not read: they are cut to six."""
    value = text.strip().replace("Z", "+00:00")
    head, dot, rest = value.partition(".")
    if dot:
        digits = "".join(c for c in rest if c.isdigit())
        zone = rest[len(digits) :]
        value = f"{head}.{digits[:6]}{zone}"
    return as_utc(dt.datetime.fromisoformat(value))


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.UTC)
