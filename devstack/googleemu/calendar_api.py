"""Calendar v3 events methods over one user's :class:`~.calendar.Calendar` (held lock).

Reference: https://developers.google.com/calendar/api/v3/reference/events and, for sync tokens,
https://developers.google.com/calendar/api/guides/sync; error bodies as in
https://developers.google.com/calendar/api/guides/errors (400 ``timeRangeEmpty``, 410
``fullSyncRequired`` on ``syncToken``, 410 ``deleted``).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from werkzeug.wrappers import Request, Response

from . import calendar as cal
from .wire import api_error, json_response

if TYPE_CHECKING:
    from .emulator import GoogleEmulator

#: Fields a client may write (insert, patch, update); the rest are the server's.
WRITABLE = frozenset(
    {
        "summary",
        "description",
        "location",
        "start",
        "end",
        "attendees",
        "recurrence",
        "status",
        "transparency",
        "visibility",
        "reminders",
        "colorId",
        "extendedProperties",
        "guestsCanModify",
        "guestsCanInviteOthers",
        "guestsCanSeeOtherGuests",
        "conferenceData",
        "source",
        "eventType",
    }
)
MAX_RESULTS = 2500
DEFAULT_RESULTS = 250


def _bad(message: str, reason: str = "invalid", location: str | None = None) -> Response:
    return api_error(400, message, reason, location=location)


def _gone_sync() -> Response:
    return api_error(
        410,
        "Sync token is no longer valid, a full sync is required.",
        "fullSyncRequired",
        location="syncToken",
    )


class CalendarApi:
    def __init__(self, emu: GoogleEmulator, calendar: cal.Calendar, email: str) -> None:
        self.emu = emu
        self.calendar = calendar
        self.email = email

    def now(self) -> dt.datetime:
        return self.emu.clock()

    def handle(self, request: Request, name: str, args: list[str]) -> Response:
        method = name.rsplit(".", 1)[1]
        if method == "list":
            return self.list_events(request)
        if method == "insert":
            return self.insert(request)
        event = self.calendar.events.get(args[0]) or self.calendar.virtual_instance(args[0])
        if event is None:
            return api_error(404, "Not Found", "notFound")
        if method == "get":
            return json_response(cal.public(event))
        if method == "instances":
            return self.instances(request, event)
        if method == "delete":
            return self.delete(request, event)
        return self.write(request, event, replace=method == "update")

    # ------------------------------------------------------------------ list
    def list_events(self, request: Request) -> Response:
        params = request.args
        problem = self._list_problem(request)
        if problem is not None:
            return problem
        size = min(MAX_RESULTS, int(params.get("maxResults", DEFAULT_RESULTS)))
        page_token = params.get("pageToken")
        if page_token:
            state = self.emu.take_page(page_token)
            if (
                state is None
                or state.email != self.email
                or state.fingerprint != _fingerprint(request)
            ):
                return _bad("Invalid page token value.", location="pageToken")
            items, sync_seq = state.items, state.sync_seq
        else:
            sync_token = params.get("syncToken")
            since = 0
            if sync_token:
                found = self.emu.sync_token_state(sync_token, self.email)
                if found is None:
                    return _bad("Invalid sync token value.", location="syncToken")
                if found == "gone":
                    return _gone_sync()
                assert not isinstance(found, str)
                since = found.seq
            items = self._select(request, since, incremental=bool(sync_token))
            sync_seq = self.calendar.seq
        page, rest = items[:size], items[size:]
        body = self._envelope()
        body["items"] = [cal.public(e) for e in page]
        if rest:
            body["nextPageToken"] = self.emu.mint_page_token(
                _page_state(self.email, request, rest, sync_seq)
            )
        elif sync_seq is not None:
            body["nextSyncToken"] = self.emu.mint_sync_token(self.email, sync_seq)
        return json_response(body)

    def _list_problem(self, request: Request) -> Response | None:
        params = request.args
        if params.get("syncToken"):
            clash = [p for p in (*_SYNC_CLASH,) if p in params]
            if clash:
                return _bad(
                    f"The parameter {clash[0]} cannot be used together with syncToken.",
                    location=clash[0],
                )
        try:
            size = int(params.get("maxResults", DEFAULT_RESULTS))
            bounds = [cal.parse_time(params[p]) for p in ("timeMin", "timeMax") if p in params]
            if "updatedMin" in params:
                cal.parse_time(params["updatedMin"])
        except ValueError as exc:
            return _bad(f"Bad Request: {exc}")
        if size < 1:
            return _bad("Invalid value for maxResults", location="maxResults")
        if len(bounds) == 2 and bounds[0] >= bounds[1]:
            return _bad("The specified time range is empty.", "timeRangeEmpty", "timeMax")
        order = params.get("orderBy")
        if order not in {None, "startTime", "updated"}:
            return _bad(f"Invalid value for orderBy: {order}", location="orderBy")
        if order == "startTime" and params.get("singleEvents") != "true":
            return _bad(
                "The requested ordering is not available for the particular query.",
                location="orderBy",
            )
        return None

    def _select(self, request: Request, since: int, *, incremental: bool) -> list[dict[str, Any]]:
        """The events (or, with singleEvents, instances) a list answers, before paging."""
        params = request.args
        single = params.get("singleEvents") == "true"
        show_cancelled = incremental or params.get("showDeleted") == "true"
        changed = [e for e in self.calendar.events.values() if e["_seq"] > since]
        if "updatedMin" in params:
            floor = cal.parse_time(params["updatedMin"])
            changed = [e for e in changed if cal.parse_time(e["updated"]) >= floor]
        q = params.get("q", "").lower()
        if q:
            changed = [e for e in changed if q in _text(e)]
        low = cal.parse_time(params["timeMin"]) if "timeMin" in params else None
        high = cal.parse_time(params["timeMax"]) if "timeMax" in params else None
        horizon = high or (self.now() + cal.EXPANSION_HORIZON)
        out: dict[str, dict[str, Any]] = {}
        for event in sorted(changed, key=lambda e: int(e["_seq"])):
            recurring = bool(event.get("recurrence")) and event.get("status") != "cancelled"
            candidates = (
                self.calendar.instances(event, horizon) if single and recurring else [event]
            )
            for item in candidates:
                if item.get("status") == "cancelled" and not show_cancelled:
                    continue
                if not self._in_window(item, low, high, horizon, expanded=single):
                    continue
                out.setdefault(item["id"], item)
        items = list(out.values())
        if params.get("orderBy") == "startTime":
            items.sort(key=lambda e: (cal.event_bound(e["start"]), e["id"]))
        elif params.get("orderBy") == "updated":
            items.sort(key=lambda e: (e["updated"], e["id"]))
        return items

    def _in_window(
        self,
        item: dict[str, Any],
        low: dt.datetime | None,
        high: dt.datetime | None,
        horizon: dt.datetime,
        *,
        expanded: bool,
    ) -> bool:
        """Whether an item overlaps [timeMin, timeMax); an unexpanded series does when one of
        its instances does."""
        if not expanded and item.get("recurrence") and item.get("status") != "cancelled":
            return any(_overlaps(i, low, high) for i in self.calendar.instances(item, horizon))
        return _overlaps(item, low, high)

    def _envelope(self) -> dict[str, Any]:
        return {
            "kind": "calendar#events",
            "etag": f'"p{self.calendar.seq:012d}"',
            "summary": self.email,
            "description": "",
            "updated": cal.rfc3339(self.now()),
            "timeZone": self.calendar.time_zone,
            "accessRole": "owner",
            "defaultReminders": [{"method": "popup", "minutes": 10}],
        }

    def instances(self, request: Request, event: dict[str, Any]) -> Response:
        if not event.get("recurrence"):
            return _bad("The event is not a recurring event.")
        high = request.args.get("timeMax")
        horizon = cal.parse_time(high) if high else self.now() + cal.EXPANSION_HORIZON
        low = cal.parse_time(request.args["timeMin"]) if "timeMin" in request.args else None
        show = request.args.get("showDeleted") == "true"
        items = [
            i
            for i in self.calendar.instances(event, horizon)
            if _overlaps(i, low, None) and (show or i.get("status") != "cancelled")
        ]
        body = self._envelope()
        body["items"] = [cal.public(i) for i in items]
        return json_response(body)

    # ------------------------------------------------------------------ writes
    def _send_updates(self, request: Request) -> tuple[str | None, Response | None]:
        value = request.args.get("sendUpdates")
        if value is not None and value not in {"all", "externalOnly", "none"}:
            return None, _bad(f"Invalid value for sendUpdates: {value}", location="sendUpdates")
        return value, None

    def _body(self, request: Request) -> dict[str, Any] | Response:
        try:
            body = json.loads(request.get_data(as_text=True) or "null")
        except ValueError:
            return _bad("Parse Error", "parseError")
        if not isinstance(body, dict):
            return _bad("Parse Error", "parseError")
        return body

    def insert(self, request: Request) -> Response:
        send_updates, problem = self._send_updates(request)
        body = self._body(request)
        if problem is not None or isinstance(body, Response):
            return problem or body  # type: ignore[return-value]
        event_id = str(body.get("id") or self.calendar.new_id(f"{self.calendar.seq}|{body}"))
        if not cal.valid_event_id(event_id):
            return _bad("Invalid resource id value.", location="id")
        if event_id in self.calendar.events:
            return api_error(409, "The requested identifier already exists.", "duplicate")
        now = self.now()
        event: dict[str, Any] = {
            "kind": "calendar#event",
            "id": event_id,
            "status": "confirmed",
            "htmlLink": f"https://www.google.com/calendar/event?eid={event_id}",
            "created": cal.rfc3339(now),
            "creator": {"email": self.email, "self": True},
            "organizer": {"email": self.email, "self": True},
            "iCalUID": f"{event_id}@google.com",
            "sequence": 0,
            "reminders": {"useDefault": True},
            "eventType": "default",
        }
        event.update({k: copy.deepcopy(v) for k, v in body.items() if k in WRITABLE})
        invalid = _event_problem(event)
        if invalid is not None:
            return invalid
        self.calendar.events[event_id] = event
        self.calendar.stamp(event, now)
        self.emu.record_notification(self.email, event, "insert", send_updates)
        return json_response(cal.public(event))

    def write(self, request: Request, event: dict[str, Any], *, replace: bool) -> Response:
        send_updates, problem = self._send_updates(request)
        body = self._body(request)
        if problem is not None or isinstance(body, Response):
            return problem or body  # type: ignore[return-value]
        refused = _organizer_only(event, body)
        if refused is not None:
            return refused
        updated = copy.deepcopy(event)
        if replace:
            for key in WRITABLE:
                updated.pop(key, None)
            updated["status"] = "confirmed"
        updated.update({k: copy.deepcopy(v) for k, v in body.items() if k in WRITABLE})
        invalid = _event_problem(updated)
        if invalid is not None:
            return invalid
        if any(updated.get(k) != event.get(k) for k in ("start", "end", "recurrence")):
            updated["sequence"] = int(event.get("sequence", 0)) + 1
        self.calendar.events[event["id"]] = updated
        self.calendar.stamp(updated, self.now())
        self.emu.record_notification(
            self.email, updated, "update" if replace else "patch", send_updates
        )
        return json_response(cal.public(updated))

    def delete(self, request: Request, event: dict[str, Any]) -> Response:
        send_updates, problem = self._send_updates(request)
        if problem is not None:
            return problem
        if event.get("status") == "cancelled":
            return api_error(410, "Resource has been deleted", "deleted")
        event["status"] = "cancelled"
        self.calendar.events[event["id"]] = event  # an instance becomes a stored exception
        self.calendar.stamp(event, self.now())
        self.emu.record_notification(self.email, event, "delete", send_updates)
        return Response(status=204)


#: what only the organizer may change (an attendee's copy keeps its own reminders, colour...)
_ORGANIZER_FIELDS = frozenset(
    {"summary", "description", "location", "start", "end", "recurrence", "attendees", "status"}
)


def _organizer_only(event: dict[str, Any], body: dict[str, Any]) -> Response | None:
    """403 `forbiddenForNonOrganizer` when an attendee's copy of someone else's event is
    changed where only the organizer may change it (Calendar errors guide, "403: Forbidden for
    non-organizer": https://developers.google.com/calendar/api/guides/errors; the answer as a
    client saw it for an attendee's edit: https://github.com/kewisch/gdata-provider/issues/426).
    Which fields count as shared is our reading, not a documented list."""
    organizer = event.get("organizer") or {}
    if organizer.get("self") or event.get("guestsCanModify"):
        return None
    if any(k in _ORGANIZER_FIELDS and body[k] != event.get(k) for k in body):
        return api_error(
            403,
            "Shared properties can only be changed by the organizer of the event.",
            "forbiddenForNonOrganizer",
            domain="calendar",
        )
    return None


_SYNC_CLASH = (
    "timeMin",
    "timeMax",
    "orderBy",
    "q",
    "updatedMin",
    "iCalUID",
    "privateExtendedProperty",
    "sharedExtendedProperty",
)


def _fingerprint(request: Request) -> str:
    pairs = sorted(
        (k, v)
        for k, values in request.args.lists()
        for v in values
        if k not in {"pageToken", "maxResults"}
    )
    return json.dumps(pairs)


def _page_state(
    email: str, request: Request, rest: list[dict[str, Any]], sync_seq: int | None
) -> Any:
    from .emulator import PageState

    return PageState(email, _fingerprint(request), rest, sync_seq)


def _text(event: dict[str, Any]) -> str:
    return " ".join(str(event.get(k, "")) for k in ("summary", "description", "location")).lower()


def _overlaps(event: dict[str, Any], low: dt.datetime | None, high: dt.datetime | None) -> bool:
    if event.get("status") == "cancelled" and "start" not in event:
        return True
    start, end = cal.event_bound(event["start"]), cal.event_bound(event["end"])
    return (low is None or end > low) and (high is None or start < high)


def _event_problem(event: dict[str, Any]) -> Response | None:
    for edge in ("start", "end"):
        value = event.get(edge)
        if not isinstance(value, dict) or not ({"date", "dateTime"} & set(value)):
            return _bad(f"Missing {edge} time.", "required")
        try:
            cal.event_bound(value)
        except (ValueError, TypeError):
            return _bad(f"Invalid {edge} time.", location=edge)
    if cal.event_bound(event["end"]) < cal.event_bound(event["start"]):
        return _bad("The specified time range is empty.", "timeRangeEmpty")
    for line in event.get("recurrence", []) or []:
        try:
            if str(line).startswith("RRULE:"):
                cal.parse_rrule(str(line))
        except (ValueError, KeyError):
            return _bad("Invalid recurrence rule.", location="recurrence")
    return None
