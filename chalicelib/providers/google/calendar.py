"""Google Calendar v3 events as `chalicelib.calendars` events, on one user's connection.

- Listing (https://developers.google.com/calendar/api/guides/sync): the first run lists the
  window (`timeMin`/`timeMax`, `singleEvents=true`, so each instance of a recurring event is an
  event of its own) and keeps `nextSyncToken`; later runs send only `syncToken` (with the same
  `singleEvents`): it cannot be combined with `timeMin`/`timeMax`, so the window is applied
  here. Incremental results carry deletions as `status: "cancelled"`. An expired token answers
  410 `fullSyncRequired`: the window is listed again (`reset`).
- Writes (https://developers.google.com/calendar/api/v3/reference/events/insert, patch,
  delete) always carry `sendUpdates=none`: a sync never notifies attendees. An insert chooses
  its id (base32hex, 5-1024 characters) from the caller's key, so a retried insert answers 409
  `duplicate` instead of creating a second event; that one is then patched.
- Transparency `transparent` is free time, eventType `outOfOffice` out of office, visibility
  `private`/`confidential` private. All-day events use `date` with an exclusive end.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from chalicelib.calendars import (
    CalendarChanges,
    CalendarEvent,
    EventDetails,
    EventGone,
    EventRefused,
    ShowAs,
    Window,
    midnight,
    parse_instant,
    refuse_event_write,
    refuse_listing,
)
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.providers.oauth2 import JsonApi

PAGE_SIZE = "250"
_NO_NOTICE = {"sendUpdates": "none"}


class SyncTokenGone(Exception):
    """The sync token was refused with 410 (`fullSyncRequired`)."""


class DuplicateId(Exception):
    """An insert's chosen id exists already (409 `duplicate`)."""


def _reason(body: bytes) -> str:
    try:
        errors = json.loads(body or b"{}").get("error", {}).get("errors", [])
        return str(errors[0].get("reason", "")) if errors else ""
    except (ValueError, AttributeError, TypeError):
        return ""


#: 403s that mean "slow down" (https://developers.google.com/calendar/api/guides/errors:
#: 403 rateLimitExceeded / userRateLimitExceeded, "use exponential backoff"); they carry no
#: Retry-After, so the next cycle waits this long
_RATE_LIMITS = frozenset({"rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded"})
RATE_LIMIT_WAIT = 60


def _throttled(status: int, reason: str) -> StratusError | None:
    if status == 403 and reason in _RATE_LIMITS:
        return StratusError(
            ErrorCode.GOOGLE_BUSY,
            "Google asked us to slow down; retry.",
            503,
            {"Retry-After": str(RATE_LIMIT_WAIT)},
        )
    return None


def _listing_refused(status: int, body: bytes) -> StratusError | None:
    """410 `fullSyncRequired`: the sync token is gone; 404: the calendar is; a rate limit."""
    reason = _reason(body)
    if status == 410 and reason == "fullSyncRequired":
        raise SyncTokenGone()
    refuse_listing(status)
    return _throttled(status, reason)


def _refused(status: int, body: bytes) -> StratusError | None:
    """A write: 409 `duplicate` the chosen id exists; a rate limit throttles; else as for
    every provider (`refuse_event_write`: 404/410 gone, another 4xx refuses this one event,
    `forbiddenForNonOrganizer`, a 400...). Raised as exceptions the client or the cycle
    catches (they never reach a user)."""
    reason = _reason(body)
    if status == 409 and reason == "duplicate":
        raise DuplicateId()
    throttled = _throttled(status, reason)
    if throttled is not None:
        return throttled
    refuse_event_write(status, reason, gone=frozenset({404, 410}))
    return None


def _edge(value: Mapping[str, Any]) -> tuple[dt.datetime, bool]:
    if "date" in value:
        return midnight(dt.date.fromisoformat(str(value["date"]))), True
    return parse_instant(str(value["dateTime"])), False


def _show_as(item: Mapping[str, Any]) -> ShowAs:
    if item.get("eventType") == "outOfOffice":
        return ShowAs.OUT_OF_OFFICE
    return ShowAs.FREE if item.get("transparency") == "transparent" else ShowAs.BUSY


def _attendees(item: Mapping[str, Any]) -> tuple[str, ...]:
    """The guests' addresses: not the calendar's owner (`self`), not rooms (`resource`)."""
    found = [
        str(a["email"]).lower()
        for a in item.get("attendees") or []
        if isinstance(a, dict) and a.get("email") and not a.get("self") and not a.get("resource")
    ]
    return tuple(dict.fromkeys(found))  # the event's order: the first match is the WhoId


def parse_event(item: Mapping[str, Any]) -> CalendarEvent:
    """A confirmed (or tentative) event of a listing."""
    start, all_day = _edge(item["start"])
    end, _ = _edge(item["end"])
    original = item.get("originalStartTime")
    location = item.get("location")
    return CalendarEvent(
        provider_id=str(item["id"]),
        version=str(item.get("etag") or item.get("updated") or ""),
        updated=parse_instant(str(item["updated"])),
        details=EventDetails(
            subject=str(item.get("summary") or ""),
            start=start,
            end=end,
            all_day=all_day,
            location=str(location or ""),
            show_as=_show_as(item),
            private=item.get("visibility") in {"private", "confidential"},
            description=str(item.get("description") or ""),
            attendees=_attendees(item),
        ),
        series_id=str(item["recurringEventId"]) if item.get("recurringEventId") else None,
        original_start=_edge(original)[0] if isinstance(original, dict) else None,
        client_key=str(item["id"]),  # an insert chooses the id (`insert`)
    )


def event_body(details: EventDetails) -> dict[str, Any]:
    """The writable fields of an event. A patch overwrites each field it names, arrays whole
    ("array fields, if specified, overwrite existing arrays",
    https://developers.google.com/calendar/api/v3/reference/events/patch): `attendees` is
    never in it, or a Salesforce edit would wipe a meeting's guests; an insert adds them."""
    if details.all_day:
        start: dict[str, str] = {"date": details.start.date().isoformat()}
        end: dict[str, str] = {"date": details.end.date().isoformat()}
    else:
        start = {"dateTime": details.start.strftime("%Y-%m-%dT%H:%M:%SZ")}
        end = {"dateTime": details.end.strftime("%Y-%m-%dT%H:%M:%SZ")}
    return {
        "summary": details.subject,
        "location": details.location,
        "description": details.description,
        "start": start,
        "end": end,
        "transparency": "transparent" if details.show_as is ShowAs.FREE else "opaque",
        "visibility": "private" if details.private else "default",
    }


class GoogleCalendar:
    """`chalicelib.calendars.CalendarClient` over Google Calendar (see the module docstring)."""

    provider = "google"

    def __init__(self, api: JsonApi, calendar_id: str = "primary") -> None:
        self._api = api
        self._events = f"/calendar/v3/calendars/{quote(calendar_id, safe='')}/events"

    # -- listing -------------------------------------------------------------------------------
    def changes(self, cursor: str | None, window: Window) -> CalendarChanges:
        if cursor:
            try:
                return self._list({"syncToken": cursor}, window, full=False)
            except SyncTokenGone:
                return self._full(window, reset=True)
        return self._full(window, reset=False)

    def _full(self, window: Window, *, reset: bool) -> CalendarChanges:
        params = {
            "timeMin": window.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "timeMax": window.end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        return self._list(params, window, full=True, reset=reset)

    def _list(
        self, params: dict[str, str], window: Window, *, full: bool, reset: bool = False
    ) -> CalendarChanges:
        events: list[CalendarEvent] = []
        removed: list[str] = []
        outside: list[CalendarEvent] = []
        query = {**params, "singleEvents": "true", "maxResults": PAGE_SIZE}
        while True:
            page = self._api.get(self._events, query, refused=_listing_refused)
            for item in page.get("items") or []:
                self._sort(item, window, events, removed, outside)
            if page.get("nextPageToken"):
                query = {**query, "pageToken": str(page["nextPageToken"])}
                continue
            cursor = page.get("nextSyncToken")
            if not isinstance(cursor, str) or not cursor:
                raise self._api.unavailable("events.list without nextSyncToken")
            return CalendarChanges(
                tuple(events), tuple(removed), tuple(outside), cursor, full, reset
            )

    @staticmethod
    def _sort(
        item: Mapping[str, Any],
        window: Window,
        events: list[CalendarEvent],
        removed: list[str],
        outside: list[CalendarEvent],
    ) -> None:
        if item.get("status") == "cancelled":
            removed.append(str(item["id"]))
            return
        event = parse_event(item)
        if window.overlaps(event.details.start, event.details.end):
            events.append(event)
        else:
            outside.append(event)

    # -- writes --------------------------------------------------------------------------------
    def insert(self, details: EventDetails, key: str) -> CalendarEvent:
        body = {**event_body(details), "id": key}
        if details.attendees:
            body["attendees"] = [{"email": address} for address in details.attendees]
        try:
            answer = self._api.send("POST", self._events, body, params=_NO_NOTICE, refused=_refused)
        except DuplicateId:
            updated = self.update(key, details)
            if updated is None:  # inserted, then deleted by the user: the id is a tombstone
                updated = self.update(key, details, restore=True)
            if updated is None:
                raise EventRefused("deleted") from None
            return updated
        return self._parsed(answer)

    def update(
        self, event_id: str, details: EventDetails, *, restore: bool = False
    ) -> CalendarEvent | None:
        """Patch an event (None: it is gone). `restore`: a cancelled (deleted) event becomes
        confirmed again, which Google allows for the event's id."""
        path = f"{self._events}/{quote(event_id, safe='')}"
        body = {**event_body(details), **({"status": "confirmed"} if restore else {})}
        try:
            answer = self._api.send("PATCH", path, body, params=_NO_NOTICE, refused=_refused)
        except EventGone:
            return None
        if answer is not None and answer.get("status") == "cancelled":
            return None  # a deleted event stays deleted: a patch without `status` keeps it so
        return self._parsed(answer)

    def get(self, event_id: str) -> CalendarEvent | None:
        path = f"{self._events}/{quote(event_id, safe='')}"
        try:
            answer = self._api.get(path, refused=_refused)
        except EventGone:
            return None
        return None if answer.get("status") == "cancelled" else self._parsed(answer)

    def delete(self, event_id: str) -> None:
        path = f"{self._events}/{quote(event_id, safe='')}"
        try:
            self._api.send("DELETE", path, params=_NO_NOTICE, refused=_refused)
        except EventGone:
            return

    def _parsed(self, answer: Mapping[str, Any] | None) -> CalendarEvent:
        if answer is None or "id" not in answer:
            raise self._api.unavailable("an event write without the event")
        return parse_event(answer)
