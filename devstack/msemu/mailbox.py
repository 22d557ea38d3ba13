"""Per-user Outlook data: messages, attachments, and a calendar with change tracking."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .seed import graph_id, graph_time, iso_z

#: Attachments up to this size carry ``contentBytes`` in JSON; bigger ones only via ``$value``
#: (an emulator policy: Graph bounds what it inlines, https://learn.microsoft.com/graph/api/attachment-get).
INLINE_CONTENT_LIMIT = 3 * 1024 * 1024
_CHUNK = 64 * 1024


@dataclass
class Attachment:
    id: str
    name: str
    content_type: str
    size: int
    data: bytes | None
    seed: str
    is_inline: bool
    content_id: str | None
    last_modified: str

    def chunks(self) -> Iterator[bytes]:
        """The bytes, 64 KiB at a time (large seeded attachments are generated, never held)."""
        if self.data is not None:
            for start in range(0, len(self.data), _CHUNK):
                yield self.data[start : start + _CHUNK]
            return
        head = b"%PDF-1.4\n%msemu " + self.seed.encode() + b"\n"
        block = hashlib.sha256(self.seed.encode()).digest() * (_CHUNK // 32)
        left, index = self.size, 0
        while left > 0:
            piece = (head if index == 0 else b"") + index.to_bytes(4, "big") + block
            piece = piece[: min(_CHUNK, left)]
            left -= len(piece)
            index += 1
            yield piece

    def content(self) -> bytes:
        return b"".join(self.chunks())

    def as_graph(self, with_bytes: bool = True) -> dict[str, Any]:
        body: dict[str, Any] = {
            "@odata.type": "#microsoft.graph.fileAttachment",
            "@odata.mediaContentType": self.content_type,
            "id": self.id,
            "lastModifiedDateTime": self.last_modified,
            "name": self.name,
            "contentType": self.content_type,
            "size": self.size,
            "isInline": self.is_inline,
            "contentId": self.content_id,
            "contentLocation": None,
        }
        if with_bytes and self.size <= INLINE_CONTENT_LIMIT:
            body["contentBytes"] = base64.b64encode(self.content()).decode()
        return body


def parse_time(value: str) -> dt.datetime:
    """Graph / ISO 8601 date-time (``Z``, an offset, or none = UTC; up to 7 fraction digits)."""
    text = value.strip().replace("Z", "+00:00")
    if "." in text:
        head, _, rest = text.partition(".")
        digits = "".join(c for c in rest if c.isdigit())
        zone = rest[len(digits) :]
        text = f"{head}.{digits[:6]}{zone}"
    parsed = dt.datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def event_span(event: dict[str, Any]) -> tuple[dt.datetime, dt.datetime]:
    return parse_time(event["start"]["dateTime"]), parse_time(event["end"]["dateTime"])


def occurrences(master: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The occurrences of a weekly/daily numbered or end-dated series (what the seed uses)."""
    recurrence = master.get("recurrence") or {}
    pattern, rng = recurrence.get("pattern", {}), recurrence.get("range", {})
    step = dt.timedelta(weeks=1) if pattern.get("type") == "weekly" else dt.timedelta(days=1)
    step *= max(1, int(pattern.get("interval", 1)))
    start, end = event_span(master)
    count = int(rng.get("numberOfOccurrences") or 0) if rng.get("type") == "numbered" else 520
    until = rng.get("endDate") if rng.get("type") == "endDate" else None
    for index in range(count):
        shift = step * index
        occ_start = start + shift
        if until and occ_start.date().isoformat() > until:
            return
        occurrence = dict(master)
        occurrence.update(
            id=graph_id(master["id"], "occurrence", occ_start.date().isoformat()),
            type="occurrence",
            seriesMasterId=master["id"],
            originalStart=iso_z(occ_start),
            recurrence=None,
            start={"dateTime": graph_time(occ_start), "timeZone": "UTC"},
            end={"dateTime": graph_time(end + shift), "timeZone": "UTC"},
        )
        yield occurrence


@dataclass
class DeltaState:
    start: dt.datetime
    end: dt.datetime
    since: int
    #: instance ids in the window when the round's snapshot was taken (what the client holds)
    known: frozenset[str] = frozenset()


@dataclass
class SkipState:
    window: DeltaState
    items: list[dict[str, Any]]
    next_since: int
    next_known: frozenset[str]


@dataclass
class Calendar:
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: event id -> change sequence number of its last change
    changed: dict[str, int] = field(default_factory=dict)
    seq: int = 0
    delta_tokens: dict[str, DeltaState] = field(default_factory=dict)
    skip_tokens: dict[str, SkipState] = field(default_factory=dict)
    #: occurrence id -> its exception (an edited occurrence, type "exception"), or None when
    #: that occurrence was deleted (https://learn.microsoft.com/graph/api/resources/event: an
    #: occurrence edited on its own becomes an exception of its series, with its own id)
    overrides: dict[str, dict[str, Any] | None] = field(default_factory=dict)

    def put(self, event: dict[str, Any]) -> str:
        self.seq += 1
        self.events[event["id"]] = event
        self.changed[event["id"]] = self.seq
        return str(event["id"])

    def delete(self, event_id: str) -> dict[str, Any] | None:
        event = self.events.pop(event_id, None)
        if event is not None:
            self.seq += 1
            self.changed.pop(event_id, None)
        return event

    def in_window(self, window: DeltaState) -> list[tuple[str, dict[str, Any]]]:
        """(event id, instance) for every instance overlapping the window."""
        return [
            (event_id, instance)
            for event_id, event in self.events.items()
            for instance in self.instances(event)
            if _overlaps(instance, window)
        ]

    def instances(self, event: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """An event's instances, its edited occurrences as exceptions, deleted ones left out."""
        for instance in _instances(event):
            if instance["id"] not in self.overrides:
                yield instance
            elif (override := self.overrides[instance["id"]]) is not None:
                yield override

    def occurrence(self, occurrence_id: str) -> dict[str, Any] | None:
        """An occurrence (or exception) of a stored series, by its id."""
        for event in self.events.values():
            if event.get("type") == "seriesMaster":
                for instance in self.instances(event):
                    if instance["id"] == occurrence_id:
                        return instance
        return None

    def put_occurrence(self, occurrence: dict[str, Any] | None, occurrence_id: str) -> None:
        """Store an occurrence's exception (None: the occurrence is deleted)."""
        self.seq += 1
        self.overrides[occurrence_id] = occurrence
        self.changed[occurrence_id] = self.seq

    def round(self, window: DeltaState) -> SkipState:
        """A delta round from ``window``: every instance on a full sync (``since`` 0), else the
        instances changed since, then ``@removed`` for instances the client holds that are no
        longer in the window (deleted, or moved out of it)."""
        current = self.in_window(window)
        items = [
            inst
            for eid, inst in current
            if max(self.changed.get(eid, 0), self.changed.get(inst["id"], 0)) > window.since
        ]
        ids = frozenset(inst["id"] for _, inst in current)
        if window.since:
            items.extend(
                {
                    "@odata.type": "#microsoft.graph.event",
                    "id": gone,
                    "@removed": {"reason": "deleted"},
                }
                for gone in sorted(window.known - ids)
            )
        return SkipState(window, items, self.seq, ids)


def _instances(event: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if event.get("type") == "seriesMaster":
        yield from occurrences(event)
    else:
        yield event


def _overlaps(event: dict[str, Any], window: DeltaState) -> bool:
    start, end = event_span(event)
    return start < window.end and end > window.start


@dataclass
class UserData:
    user_id: str
    email: str
    profile: dict[str, str]
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    attachments: dict[str, list[Attachment]] = field(default_factory=dict)
    calendar: Calendar = field(default_factory=Calendar)

    def as_graph(self) -> dict[str, Any]:
        given, surname = self.profile.get("given_name", ""), self.profile.get("surname", "")
        return {
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
            "businessPhones": [],
            "displayName": f"{given} {surname}".strip(),
            "givenName": given,
            "jobTitle": self.profile.get("job_title"),
            "mail": self.email,
            "mobilePhone": None,
            "officeLocation": None,
            "preferredLanguage": self.profile.get("preferred_language"),
            "surname": surname,
            "userPrincipalName": self.email,
            "id": self.user_id,
        }
