"""A Microsoft 365 calendar over Graph as `chalicelib.calendars` events, on one user's connection.

- Listing (https://learn.microsoft.com/graph/api/event-delta): `calendarView/delta` with
  `startDateTime`/`endDateTime` on the first request only; `@odata.nextLink` is followed and the
  last page's `@odata.deltaLink` is the cursor. The view answers instances (single events,
  occurrences and exceptions of a series, each with its own id), deletions as `@removed`. A
  token Graph can no longer serve answers 410 (`syncStateNotFound`, `resyncRequired`): the
  window is listed again (`reset`). `Prefer: outlook.timezone="UTC"` makes every time UTC.
- Writes (https://learn.microsoft.com/graph/api/user-post-events, event-update, event-delete)
  never carry attendees: creating or updating an event with attendees sends them meeting
  requests (Graph has no `sendUpdates=none`), and patching or deleting a meeting that has
  attendees sends them updates or cancellations: `notifies_attendees` tells the sync to leave
  such events alone (docs/calendar.md).
- showAs free / tentative / busy / oof / workingElsewhere; sensitivity private or confidential
  is private. All-day events (`isAllDay`) run from midnight to midnight, the end exclusive.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from chalicelib.calendars import (
    CalendarChanges,
    CalendarEvent,
    EventDetails,
    EventGone,
    ShowAs,
    Window,
    parse_instant,
    refuse_event_write,
    refuse_listing,
)
from chalicelib.errors import StratusError
from chalicelib.providers.oauth2 import JsonApi

PAGE_SIZE = 100
_PREFER = {"Prefer": f'outlook.timezone="UTC", odata.maxpagesize={PAGE_SIZE}'}
_SHOW_AS = {
    "free": ShowAs.FREE,
    "tentative": ShowAs.TENTATIVE,
    "busy": ShowAs.BUSY,
    "oof": ShowAs.OUT_OF_OFFICE,
    "workingElsewhere": ShowAs.WORKING_ELSEWHERE,
}
_GRAPH_SHOW_AS = {value: key for key, value in _SHOW_AS.items()}
#: the 410 codes of a delta token Graph cannot serve any more
_RESYNC_CODES = frozenset({"syncstatenotfound", "resyncrequired", "syncstateinvalid"})


class DeltaGone(Exception):
    """The delta link was refused with 410: list the window again."""


def _code(body: bytes) -> str:
    try:
        return str(json.loads(body or b"{}").get("error", {}).get("code", ""))
    except (ValueError, AttributeError):
        return ""


def _listing_refused(status: int, body: bytes) -> StratusError | None:
    """410 on a delta link: resync; 404: the calendar is not there."""
    if status == 410 and (_code(body).lower() in _RESYNC_CODES or not _code(body)):
        raise DeltaGone()
    refuse_listing(status)
    return None


def _refused(status: int, body: bytes) -> StratusError | None:
    """A write: as for every provider (`refuse_event_write`: 404 gone, another 4xx refuses
    this one event, its Graph error code the reason). Raised as exceptions the client or the
    cycle catches."""
    refuse_event_write(status, _code(body))
    return None


def _time(edge: Mapping[str, Any]) -> Any:
    return parse_instant(str(edge["dateTime"]))


def _attendees(item: Mapping[str, Any]) -> tuple[str, ...]:
    found = [
        str(a["emailAddress"]["address"]).lower()
        for a in item.get("attendees") or []
        if isinstance(a, dict)
        and a.get("type") != "resource"
        and isinstance(a.get("emailAddress"), dict)
        and a["emailAddress"].get("address")
    ]
    return tuple(dict.fromkeys(found))  # the event's order: the first match is the WhoId


def parse_event(item: Mapping[str, Any]) -> CalendarEvent:
    location = item.get("location") or {}
    body = item.get("body") or {}
    series = item.get("seriesMasterId")
    original = item.get("originalStart")
    return CalendarEvent(
        provider_id=str(item["id"]),
        version=str(item.get("changeKey") or item.get("lastModifiedDateTime") or ""),
        updated=parse_instant(str(item["lastModifiedDateTime"])),
        details=EventDetails(
            subject=str(item.get("subject") or ""),
            start=_time(item["start"]),
            end=_time(item["end"]),
            all_day=bool(item.get("isAllDay")),
            location=str(location.get("displayName") or "") if isinstance(location, dict) else "",
            show_as=_SHOW_AS.get(str(item.get("showAs")), ShowAs.BUSY),
            private=item.get("sensitivity") in {"private", "confidential"},
            description=str(body.get("content") or "") if isinstance(body, dict) else "",
            attendees=_attendees(item),
        ),
        series_id=str(series) if series else None,
        original_start=parse_instant(str(original)) if original else None,
        client_key=str(item["transactionId"]) if item.get("transactionId") else None,
    )


def event_body(details: EventDetails) -> dict[str, Any]:
    """The writable fields of an event, without attendees (see the module docstring)."""
    return {
        "subject": details.subject,
        "body": {"contentType": "text", "content": details.description},
        "start": {"dateTime": details.start.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"},
        "end": {"dateTime": details.end.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"},
        "isAllDay": details.all_day,
        "location": {"displayName": details.location},
        "showAs": _GRAPH_SHOW_AS[details.show_as],
        "sensitivity": "private" if details.private else "normal",
    }


def _sort(
    item: Mapping[str, Any],
    window: Window,
    events: list[CalendarEvent],
    removed: list[str],
    outside: list[CalendarEvent],
) -> None:
    """One item of a delta page: removed, an event in the window, or one outside it (a series
    master is not an event of the view: its occurrences are)."""
    if "@removed" in item or item.get("isCancelled"):
        removed.append(str(item["id"]))
    elif item.get("type") != "seriesMaster":
        event = parse_event(item)
        if window.overlaps(event.details.start, event.details.end):
            events.append(event)
        else:
            outside.append(event)


class GraphCalendar:
    """`chalicelib.calendars.CalendarClient` over Microsoft Graph (see the module docstring)."""

    provider = "microsoft"
    #: patching or deleting a meeting with attendees notifies them
    notifies_attendees = True
    #: a delta's `@removed` is a deletion or a move out of the range: `get` tells them apart
    removal_may_be_a_move = True

    def __init__(self, api: JsonApi, calendar_id: str | None = None) -> None:
        self._api = api
        mine = f"/v1.0/me/calendars/{quote(calendar_id, safe='')}" if calendar_id else "/v1.0/me"
        self._view = f"{mine}/calendarView/delta"
        self._create = f"{mine}/events"

    # -- listing -------------------------------------------------------------------------------
    def changes(self, cursor: str | None, window: Window) -> CalendarChanges:
        if cursor:
            try:
                return self._list(self._relative(cursor), None, window, full=False)
            except DeltaGone:
                return self._first(window, reset=True)
        return self._first(window, reset=False)

    def _first(self, window: Window, *, reset: bool) -> CalendarChanges:
        params = {
            "startDateTime": window.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "endDateTime": window.end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        return self._list(self._view, params, window, full=True, reset=reset)

    def _relative(self, link: str) -> str:
        """A next/delta link as a path on the Graph base (never another host)."""
        base = self._api.base_url
        if not link.startswith(base + "/"):
            raise self._api.unavailable("a delta link to another host")
        return link[len(base) :]

    def _list(
        self,
        path: str,
        params: dict[str, str] | None,
        window: Window,
        *,
        full: bool,
        reset: bool = False,
    ) -> CalendarChanges:
        """A delta round's pages. A delta link keeps the date range of the round's first request
        ("specific to a calendar and date/time range",
        https://learn.microsoft.com/graph/delta-query-events), so the events are sorted against
        the current `window` here: one the round's older range still reports is `outside`."""
        events: list[CalendarEvent] = []
        removed: list[str] = []
        outside: list[CalendarEvent] = []
        while True:
            page = self._api.get(path, params, headers=_PREFER, refused=_listing_refused)
            for item in page.get("value") or []:
                _sort(item, window, events, removed, outside)
            if page.get("@odata.nextLink"):
                path, params = self._relative(str(page["@odata.nextLink"])), None
                continue
            cursor = page.get("@odata.deltaLink")
            if not isinstance(cursor, str) or not cursor:
                raise self._api.unavailable("calendarView/delta without a deltaLink")
            return CalendarChanges(
                tuple(events), tuple(removed), tuple(outside), cursor, full, reset
            )

    # -- writes --------------------------------------------------------------------------------
    def insert(self, details: EventDetails, key: str) -> CalendarEvent:
        """`transactionId` = `key`: Graph's guard against a retried POST creating a second
        event (https://learn.microsoft.com/graph/api/resources/event, transactionId)."""
        body = {**event_body(details), "transactionId": key}
        answer = self._api.send("POST", self._create, body, refused=_refused)
        return self._parsed(answer)

    def update(self, event_id: str, details: EventDetails) -> CalendarEvent | None:
        path = f"/v1.0/me/events/{quote(event_id, safe='')}"
        try:
            answer = self._api.send("PATCH", path, event_body(details), refused=_refused)
        except EventGone:
            return None
        return self._parsed(answer)

    def get(self, event_id: str) -> CalendarEvent | None:
        """The event now; None when it is gone or cancelled: a cancelled meeting can still be
        read, with `isCancelled` true (a property of the event resource,
        https://learn.microsoft.com/graph/api/resources/event; Exchange's IsCancelled "returns
        true if the appointment or meeting has been canceled",
        https://learn.microsoft.com/previous-versions/office/developer/exchange-server-2010/bb409023(v=exchg.140)),
        and the delta's `_sort` takes it as removed already."""
        try:
            answer = self._api.get(f"/v1.0/me/events/{quote(event_id, safe='')}", refused=_refused)
        except EventGone:
            return None
        if answer is not None and answer.get("isCancelled"):
            return None
        return self._parsed(answer)

    def delete(self, event_id: str) -> None:
        try:
            self._api.send(
                "DELETE", f"/v1.0/me/events/{quote(event_id, safe='')}", refused=_refused
            )
        except EventGone:
            return

    def _parsed(self, answer: Mapping[str, Any] | None) -> CalendarEvent:
        if answer is None or "id" not in answer:
            raise self._api.unavailable("an event write without the event")
        return parse_event(answer)
