"""Graph v1.0: /me, messages and attachments ($value streamed), calendarView delta, events.

Error shape per https://learn.microsoft.com/graph/errors:
``{"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}``.
Creating, updating or deleting an event with attendees sends them meeting requests, updates or
cancellations (Graph has no ``sendUpdates=none``,
https://learn.microsoft.com/graph/api/user-post-events): the emulator records each in
``MicrosoftEmulator.meeting_notices``.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import time
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from werkzeug.wrappers import Request, Response

from .mailbox import DeltaState, SkipState, UserData, parse_time
from .seed import graph_id, iso_z

if TYPE_CHECKING:
    from .emulator import MicrosoftEmulator

DEFAULT_PAGE_SIZE = 10
#: endpoint -> scopes any of which allows the call
_SCOPES: dict[str, tuple[str, ...]] = {
    "me": ("User.Read",),
    "message": ("Mail.Read",),
    "attachments": ("Mail.Read",),
    "attachment": ("Mail.Read",),
    "attachment_value": ("Mail.Read",),
    "calendar_delta": ("Calendars.Read", "Calendars.ReadWrite"),
    "events:GET": ("Calendars.Read", "Calendars.ReadWrite"),
    "events:write": ("Calendars.ReadWrite",),
}
_WRITABLE = frozenset(
    {
        "subject",
        "body",
        "start",
        "end",
        "location",
        "attendees",
        "isOnlineMeeting",
        "showAs",
        "importance",
        "sensitivity",
        "isAllDay",
        "categories",
        "recurrence",
        # "A custom identifier specified by a client app for the server to avoid redundant POST
        # operations in case of client retries to create the same event"; it cannot be changed
        # by an update (https://learn.microsoft.com/graph/api/resources/event). What Graph
        # answers to a repeat is not documented: the emulator answers the event created first.
        "transactionId",
    }
)


def graph_error(
    status: int,
    code: str,
    message: str,
    now: dt.datetime,
    headers: dict[str, str] | None = None,
) -> Response:
    request_id = str(uuid.uuid4())
    body = {
        "error": {
            "code": code,
            "message": message,
            "innerError": {
                "date": iso_z(now),
                "request-id": request_id,
                "client-request-id": request_id,
            },
        }
    }
    response = Response(json.dumps(body), status=status, content_type="application/json")
    response.headers["request-id"] = request_id
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


class GraphError(Exception):
    def __init__(self, status: int, code: str, message: str, **headers: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers

    def response(self, now: dt.datetime) -> Response:
        return graph_error(self.status, self.code, self.message, now, self.headers)


def _not_found() -> GraphError:
    return GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, content_type="application/json")


class GraphApi:
    def __init__(self, emu: MicrosoftEmulator) -> None:
        self.emu = emu

    # ------------------------------------------------------------------ entry
    def handle(self, request: Request, endpoint: str, args: Mapping[str, Any]) -> Response:
        self._fault()
        with self.emu.lock:
            user, scopes = self._authenticate(request)
            self._authorize(endpoint, request.method, scopes)
            handler = getattr(self, f"_{endpoint}")
            response: Response = handler(request, user, **args)
            return response

    def _fault(self) -> None:
        fault = self.emu.next_fault("graph")
        retry = str(self.emu.retry_after)
        if fault == "stall":
            time.sleep(self.emu.fault_delay)
        elif fault == "throttled":
            raise GraphError(
                429,
                "TooManyRequests",
                "Too many requests, retry after some time.",
                **{"Retry-After": retry},
            )
        elif fault == "unavailable":
            raise GraphError(
                503, "serviceNotAvailable", "Service unavailable.", **{"Retry-After": retry}
            )
        elif fault == "server_error":
            raise GraphError(500, "generalException", "General exception while processing.")

    def _authenticate(self, request: Request) -> tuple[UserData, tuple[str, ...]]:
        header = request.headers.get("Authorization", "")
        challenge = {
            "WWW-Authenticate": 'Bearer realm="", authorization_uri="https://login.microsoftonline'
            '.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"'
        }
        if not header.startswith("Bearer ") or not header[7:].strip():
            raise GraphError(
                401, "InvalidAuthenticationToken", "Access token is empty.", **challenge
            )
        token, why = self.emu.access_token_user(header[7:].strip())
        if token is None:
            raise GraphError(401, "InvalidAuthenticationToken", why, **challenge)
        return self.emu.data[token.user_id], token.scopes

    @staticmethod
    def _authorize(endpoint: str, method: str, scopes: tuple[str, ...]) -> None:
        key = endpoint
        if endpoint in {"events", "event"}:
            key = "events:GET" if method == "GET" else "events:write"
        if any(s in scopes for s in _SCOPES[key]):
            return
        if endpoint == "me":
            raise GraphError(
                403,
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.",
            )
        raise GraphError(
            403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."
        )

    # ------------------------------------------------------------------ me + mail
    def _me(self, request: Request, user: UserData) -> Response:
        self._method(request, "GET")
        return _json(user.as_graph())

    @staticmethod
    def _method(request: Request, *allowed: str) -> None:
        if request.method not in allowed:
            raise GraphError(
                405,
                "Request_BadRequest",
                "Specified HTTP method is not allowed for the request target.",
            )

    def _message(self, request: Request, user: UserData, mid: str) -> Response:
        """A message; ``$select`` (only those properties, plus ``id``; ``internetMessageHeaders``
        only when selected) and ``$expand=attachments`` or ``attachments($select=...)``
        (https://learn.microsoft.com/graph/query-parameters)."""
        self._method(request, "GET")
        _check_id(mid)
        selected = _selection(request.args.get("$select"), MESSAGE_PROPERTIES, "message")
        expand = _attachment_expansion(request.args.get("$expand"))
        message = user.messages.get(mid)
        if message is None:
            raise _not_found()
        context = "https://graph.microsoft.com/v1.0/$metadata#users('{}')/messages/$entity"
        shown = {k: v for k, v in message.items() if k != "internetMessageHeaders"}
        if selected is not None:
            shown = {k: v for k, v in message.items() if k in selected or k == "id"}
        body: dict[str, Any] = {"@odata.context": context.format(user.user_id), **shown}
        if expand is not None:
            body["attachments"] = [
                _selected_attachment(a.as_graph(), expand) for a in user.attachments.get(mid, [])
            ]
        return _json(body)

    def _attachment_list(self, user: UserData, mid: str) -> list[Any]:
        if mid not in user.messages:
            raise _not_found()
        return list(user.attachments.get(mid, []))

    def _attachments(self, request: Request, user: UserData, mid: str) -> Response:
        self._method(request, "GET")
        items = [a.as_graph() for a in self._attachment_list(user, mid)]
        return _json(
            {
                "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('"
                f"{user.user_id}')/messages('{mid}')/attachments",
                "value": items,
            }
        )

    def _attachment(self, request: Request, user: UserData, mid: str, aid: str) -> Response:
        self._method(request, "GET")
        for attachment in self._attachment_list(user, mid):
            if attachment.id == aid:
                return _json(attachment.as_graph())
        raise _not_found()

    def _attachment_value(self, request: Request, user: UserData, mid: str, aid: str) -> Response:
        self._method(request, "GET")
        for attachment in self._attachment_list(user, mid):
            if attachment.id == aid:
                response = Response(
                    attachment.chunks(),
                    status=200,
                    content_type=attachment.content_type,
                    direct_passthrough=True,
                )
                response.headers["Content-Length"] = str(attachment.size)
                return response
        raise _not_found()

    # ------------------------------------------------------------------ calendarView delta
    def _calendar_delta(self, request: Request, user: UserData) -> Response:
        self._method(request, "GET")
        calendar = user.calendar
        page_size = _page_size(request)
        skip, delta = request.args.get("$skiptoken"), request.args.get("$deltatoken")
        if skip is not None:
            state = calendar.skip_tokens.get(skip)  # a retried page answers again
            if state is None:
                raise _sync_reset(self.emu.delta_reset_code)
        elif delta is not None:
            window = calendar.delta_tokens.get(delta)
            if window is None:
                raise _sync_reset(self.emu.delta_reset_code)
            state = calendar.round(window)
        else:
            state = calendar.round(_first_window(request))
        return self._delta_page(request, user, state, page_size)

    def _delta_page(
        self, request: Request, user: UserData, state: SkipState, page_size: int
    ) -> Response:
        page, rest = state.items[:page_size], state.items[page_size:]
        link = f"{request.host_url.rstrip('/')}/v1.0/me/calendarView/delta?"
        body: dict[str, Any] = {
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(event)",
            "value": page,
        }
        token = secrets.token_urlsafe(24)
        if rest:
            user.calendar.skip_tokens[token] = SkipState(
                state.window, rest, state.next_since, state.next_known
            )
            body["@odata.nextLink"] = link + "$skiptoken=" + quote(token)
        else:
            window = state.window
            user.calendar.delta_tokens[token] = DeltaState(
                window.start, window.end, state.next_since, state.next_known
            )
            body["@odata.deltaLink"] = link + "$deltatoken=" + quote(token)
        response = _json(body)
        if "odata.maxpagesize" in request.headers.get("Prefer", ""):
            response.headers["Preference-Applied"] = f"odata.maxpagesize={page_size}"
        return response

    # ------------------------------------------------------------------ events
    def _events(self, request: Request, user: UserData) -> Response:
        self._method(request, "GET", "POST")
        if request.method == "POST":
            return self._create_event(request, user)
        top = int(request.args.get("$top", "10"))
        skip = int(request.args.get("$skip", "0"))
        events = list(user.calendar.events.values())
        body: dict[str, Any] = {"value": events[skip : skip + top]}
        if skip + top < len(events):
            body["@odata.nextLink"] = (
                f"{request.host_url.rstrip('/')}/v1.0/me/events?$top={top}&$skip={skip + top}"
            )
        return _json(body)

    def _event(self, request: Request, user: UserData, eid: str) -> Response:
        self._method(request, "GET", "PATCH", "DELETE")
        event = user.calendar.events.get(eid)
        if event is None:
            return self._occurrence(request, user, eid)
        if request.method == "GET":
            return _json(event)
        if request.method == "DELETE":
            user.calendar.delete(eid)
            self.emu.notice(user.user_id, event, "cancellation")
            return Response(status=204)
        changes = _event_body(request)
        if "transactionId" in changes and changes["transactionId"] != event.get("transactionId"):
            raise GraphError(400, "ErrorInvalidRequest", "transactionId cannot be changed.")
        updated = {**event, **changes, **self._stamp()}
        _check_times(updated)
        user.calendar.put(updated)
        self.emu.notice(user.user_id, updated, "update")
        return _json(updated)

    def _stamp(self) -> dict[str, str]:
        """lastModifiedDateTime and a new changeKey: every write changes an event's version
        (https://learn.microsoft.com/graph/api/resources/event, changeKey)."""
        return {"lastModifiedDateTime": iso_z(self.emu.now()), "changeKey": secrets.token_hex(8)}

    def _occurrence(self, request: Request, user: UserData, eid: str) -> Response:
        """An occurrence of a series: read, edited on its own (it becomes an exception, same
        id) or deleted (it leaves the series' instances)."""
        occurrence = user.calendar.occurrence(eid)
        if occurrence is None:
            raise _not_found()
        if request.method == "GET":
            return _json(occurrence)
        if request.method == "DELETE":
            user.calendar.put_occurrence(None, eid)
            self.emu.notice(user.user_id, occurrence, "cancellation")
            return Response(status=204)
        changes = _event_body(request)
        if "recurrence" in changes:
            raise GraphError(
                400, "ErrorInvalidRequest", "An occurrence of a series can't have a recurrence."
            )
        updated = {
            **occurrence,
            **changes,
            **self._stamp(),
            "type": "exception",
            "originalStart": occurrence.get("originalStart")
            or iso_z(parse_time(occurrence["start"]["dateTime"])),
        }
        _check_times(updated)
        user.calendar.put_occurrence(updated, eid)
        self.emu.notice(user.user_id, updated, "update")
        return _json(updated)

    def _create_event(self, request: Request, user: UserData) -> Response:
        fields = _event_body(request)
        transaction = fields.get("transactionId")
        if transaction:
            for existing in user.calendar.events.values():
                if existing.get("transactionId") == transaction:
                    return _json(existing, 201)
        now = iso_z(self.emu.now())
        key = secrets.token_hex(8)
        event: dict[str, Any] = {
            "id": graph_id(user.user_id, "event", key),
            "iCalUId": "040000008200E00074C5B7101A82E008" + key,
            "createdDateTime": now,
            "lastModifiedDateTime": now,
            "changeKey": secrets.token_hex(8),
            "subject": "",
            "body": {"contentType": "text", "content": ""},
            "isOrganizer": True,
            "isCancelled": False,
            "type": "seriesMaster" if fields.get("recurrence") else "singleInstance",
            "seriesMasterId": None,
            "recurrence": None,
            "location": {"displayName": ""},
            "attendees": [],
            "organizer": {
                "emailAddress": {"name": user.as_graph()["displayName"], "address": user.email}
            },
            **fields,
        }
        event["attendees"] = [
            {
                "type": "required",
                "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
                **a,
            }
            for a in event["attendees"]
        ]
        _check_times(event)
        user.calendar.put(event)
        self.emu.notice(user.user_id, event, "request")
        return _json(event, 201)


#: message properties a $select may name (https://learn.microsoft.com/graph/api/resources/message)
MESSAGE_PROPERTIES = frozenset(
    {
        "id",
        "createdDateTime",
        "lastModifiedDateTime",
        "changeKey",
        "categories",
        "receivedDateTime",
        "sentDateTime",
        "hasAttachments",
        "internetMessageId",
        "internetMessageHeaders",
        "subject",
        "bodyPreview",
        "importance",
        "parentFolderId",
        "conversationId",
        "conversationIndex",
        "isDeliveryReceiptRequested",
        "isReadReceiptRequested",
        "isRead",
        "isDraft",
        "webLink",
        "inferenceClassification",
        "body",
        "uniqueBody",
        "sender",
        "from",
        "toRecipients",
        "ccRecipients",
        "bccRecipients",
        "replyTo",
        "flag",
    }
)
#: attachment properties (https://learn.microsoft.com/graph/api/resources/attachment); those of
#: fileAttachment only through a type cast, as OData selects a derived type's property
ATTACHMENT_PROPERTIES = frozenset(
    {"id", "contentType", "isInline", "lastModifiedDateTime", "name", "size"}
    | {
        "microsoft.graph.fileAttachment/" + name
        for name in ("contentBytes", "contentId", "contentLocation")
    }
)


def _check_id(item_id: str) -> None:
    """Graph refuses an id that cannot be an Exchange id before looking for it."""
    if not item_id or any(not (c.isalnum() or c in "-_=+/") for c in item_id):
        raise GraphError(400, "ErrorInvalidIdMalformed", "Id is malformed.")


def _selection(raw: str | None, allowed: frozenset[str], kind: str) -> frozenset[str] | None:
    if raw is None:
        return None
    names = frozenset(n.strip() for n in raw.split(",") if n.strip())
    for name in sorted(names):
        if name not in allowed:
            raise GraphError(
                400,
                "RequestBroker--ParseUri",
                f"Could not find a property named '{name}' on type 'microsoft.graph.{kind}'.",
            )
    return names


def _attachment_expansion(raw: str | None) -> frozenset[str] | None:
    """None: no expansion; else the attachment properties to show (empty: all of them)."""
    if raw is None:
        return None
    text = raw.strip()
    if text == "attachments":
        return frozenset()
    if text.startswith("attachments(") and text.endswith(")"):
        option, _, value = text[len("attachments(") : -1].partition("=")
        if option.strip() == "$select":
            return _selection(value, ATTACHMENT_PROPERTIES, "attachment")
    raise GraphError(
        400, "BadRequest", f"Parsing OData Select and Expand failed: could not expand '{raw}'."
    )


def _selected_attachment(item: dict[str, Any], selected: frozenset[str]) -> dict[str, Any]:
    if not selected:
        return item
    names = {s.rpartition("/")[2] for s in selected} | {"id"}
    return {k: v for k, v in item.items() if k in names or k.startswith("@odata.")}


def _sync_reset(code: str = "syncStateNotFound") -> GraphError:
    # https://learn.microsoft.com/graph/delta-query-overview#synchronization-reset: 410 Gone
    # when a token cannot be served (Outlook entities: an evicted token cache,
    # learn.microsoft.com/en-us/answers/questions/649481); the code `syncStateNotFound` and this
    # text as Microsoft's own post gives them (devblogs.microsoft.com/microsoft365dev/
    # duration-of-change-tracking-tokens-for-identity-and-education-resources). Graph's error
    # codes also list `resyncRequired`, "The delta token is no longer valid, and the app must
    # reset the sync state" (https://learn.microsoft.com/graph/errors, "Code property"):
    # `emu.delta_reset_code` chooses which one a reset answers with.
    if code == "resyncRequired":
        message = "The delta token is no longer valid, and the app must reset the sync state."
    else:
        message = (
            "The sync state generation is not found. Restart the synchronization with a full sync."
        )
    return GraphError(410, code, message)


def _page_size(request: Request) -> int:
    for part in request.headers.get("Prefer", "").split(","):
        name, _, value = part.strip().partition("=")
        if name == "odata.maxpagesize" and value.isdigit() and int(value) > 0:
            return int(value)
    return DEFAULT_PAGE_SIZE


def _first_window(request: Request) -> DeltaState:
    start, end = request.args.get("startDateTime"), request.args.get("endDateTime")
    if not start or not end:
        raise GraphError(
            400,
            "ErrorInvalidParameter",
            "This request requires a time window "
            "specified by the query string parameters StartDateTime and EndDateTime.",
        )
    try:
        return DeltaState(parse_time(start), parse_time(end), 0)
    except ValueError as exc:
        raise GraphError(400, "ErrorInvalidParameter", f"Invalid date: {exc}") from None


def _event_body(request: Request) -> dict[str, Any]:
    body = request.get_json(force=True, silent=True)
    if not isinstance(body, dict):
        raise GraphError(400, "BadRequest", "Unable to read JSON request payload.")
    unknown = set(body) - _WRITABLE
    if unknown:
        raise GraphError(
            400,
            "RequestBodyRead",
            f"The property '{sorted(unknown)[0]}' does not exist on type 'microsoft.graph.event'.",
        )
    return body


def _check_times(event: dict[str, Any]) -> None:
    try:
        start = parse_time(event["start"]["dateTime"])
        end = parse_time(event["end"]["dateTime"])
    except (KeyError, TypeError, ValueError):
        raise GraphError(
            400,
            "ErrorInvalidRequest",
            "Your request can't be completed. An event needs a start and an end.",
        ) from None
    if end < start:
        raise GraphError(
            400,
            "ErrorInvalidRequest",
            "Your request can't be completed. The end time must be after the start time.",
        )
