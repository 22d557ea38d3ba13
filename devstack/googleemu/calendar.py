"""Google Calendar API v3 events (https://developers.google.com/calendar/api/v3/reference/events):
one primary calendar per user with list (full and incremental sync, pages, time window,
``singleEvents`` expansion of recurring events), get, insert, patch, update, delete and
instances.

Every write bumps the calendar's change sequence and stamps the event with it; a sync token
names a sequence, and an incremental list returns the events changed after it, cancelled ones
included (https://developers.google.com/calendar/api/guides/sync). Deleted events stay as
``status: "cancelled"`` tombstones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

UTC = dt.UTC
_WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
#: How far ahead an open-ended recurrence is expanded when no timeMax bounds it.
EXPANSION_HORIZON = dt.timedelta(days=366)
MAX_INSTANCES = 1000


def rfc3339(when: dt.datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def parse_time(text: str) -> dt.datetime:
    """An RFC 3339 timestamp with an offset (Calendar requires one for timeMin/timeMax)."""
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("timestamp without an offset")
    return value


def event_bound(edge: dict[str, Any]) -> dt.datetime:
    """The instant of an event's ``start``/``end`` (all-day dates at 00:00 UTC)."""
    if "dateTime" in edge:
        return parse_time(str(edge["dateTime"]))
    day = dt.date.fromisoformat(str(edge["date"]))
    return dt.datetime(day.year, day.month, day.day, tzinfo=UTC)


@dataclass
class Rule:
    freq: str
    interval: int = 1
    count: int | None = None
    until: dt.datetime | None = None
    by_day: list[int] = field(default_factory=list)


def parse_rrule(line: str) -> Rule:
    """The RRULE subset the emulator expands: FREQ=DAILY|WEEKLY with INTERVAL, COUNT, UNTIL
    and (weekly) BYDAY. Anything else is refused with a 400 by the caller."""
    if not line.startswith("RRULE:"):
        raise ValueError(f"unsupported recurrence line {line!r}")
    parts = dict(item.split("=", 1) for item in line[len("RRULE:") :].split(";") if item)
    freq = parts.get("FREQ", "")
    if freq not in {"DAILY", "WEEKLY"}:
        raise ValueError(f"unsupported FREQ {freq!r}")
    rule = Rule(freq=freq, interval=int(parts.get("INTERVAL", "1")))
    if "COUNT" in parts:
        rule.count = int(parts["COUNT"])
    if "UNTIL" in parts:
        raw = parts["UNTIL"]
        fmt = "%Y%m%dT%H%M%SZ" if "T" in raw else "%Y%m%d"
        rule.until = dt.datetime.strptime(raw, fmt).replace(tzinfo=UTC)
    if "BYDAY" in parts:
        rule.by_day = sorted(_WEEKDAYS[d[-2:]] for d in parts["BYDAY"].split(","))
    return rule


def occurrences(start: dt.datetime, rule: Rule, horizon: dt.datetime) -> list[dt.datetime]:
    """Start instants of the series, in order, up to COUNT/UNTIL/horizon."""
    out: list[dt.datetime] = []
    step = dt.timedelta(days=rule.interval if rule.freq == "DAILY" else 7 * rule.interval)
    days = rule.by_day if rule.freq == "WEEKLY" and rule.by_day else [start.weekday()]
    period = start - dt.timedelta(days=start.weekday() if rule.freq == "WEEKLY" else 0)
    while len(out) < MAX_INSTANCES:
        candidates = (
            [period + dt.timedelta(days=d) for d in days] if rule.freq == "WEEKLY" else [period]
        )
        for when in candidates:
            if when < start:
                continue
            if (rule.until is not None and when > rule.until) or when > horizon:
                return out
            out.append(when)
            if rule.count is not None and len(out) >= rule.count:
                return out
        period += step
    return out


_ID_RE = re.compile(r"^[a-v0-9]{5,1024}$")


@dataclass
class Calendar:
    """One user's primary calendar."""

    owner: str
    time_zone: str
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    seq: int = 1
    #: Sync tokens minted in an earlier generation answer 410 (expire_sync_tokens bumps it).
    generation: int = 0

    def new_id(self, seed: str) -> str:
        digest = hashlib.sha256(f"{self.owner}|{seed}".encode()).hexdigest()
        return "".join(c for c in digest if c in "0123456789abcdef")[:26]

    def stamp(self, event: dict[str, Any], now: dt.datetime) -> None:
        self.seq += 1
        event["_seq"] = self.seq
        event["updated"] = rfc3339(now)
        event["etag"] = f'"{int(now.timestamp() * 1000)}{self.seq:06d}"'

    def instances(self, event: dict[str, Any], horizon: dt.datetime) -> list[dict[str, Any]]:
        """The instances of a recurring event (the event itself when it does not recur)."""
        recurrence = [r for r in event.get("recurrence", []) if r.startswith("RRULE:")]
        if not recurrence or event.get("status") == "cancelled":
            return [event]
        rule = parse_rrule(recurrence[0])
        start = event_bound(event["start"])
        length = event_bound(event["end"]) - start
        out = []
        for when in occurrences(start, rule, horizon):
            stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
            instance = {
                k: v for k, v in event.items() if k not in {"recurrence", "id", "start", "end"}
            }
            zone = event["start"].get("timeZone")
            instance.update(
                {
                    "id": f"{event['id']}_{stamp}",
                    "recurringEventId": event["id"],
                    "originalStartTime": _edge(when, zone),
                    "start": _edge(when, zone),
                    "end": _edge(when + length, zone),
                }
            )
            override = self.events.get(instance["id"])
            out.append(override if override is not None else instance)
        return out

    def virtual_instance(self, instance_id: str) -> dict[str, Any] | None:
        """The unmodified instance ``<recurring id>_<start as YYYYMMDDTHHMMSSZ>`` of a recurring
        event, built on demand (it is stored only once it is patched or deleted)."""
        base, _, stamp = instance_id.rpartition("_")
        parent = self.events.get(base)
        if parent is None or not parent.get("recurrence") or not stamp:
            return None
        try:
            when = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        except ValueError:
            return None
        for instance in self.instances(parent, when):
            if instance["id"] == instance_id:
                return instance
        return None


def _edge(when: dt.datetime, zone: str | None) -> dict[str, str]:
    edge = {"dateTime": when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    if zone:
        edge["timeZone"] = zone
    return edge


def valid_event_id(event_id: str) -> bool:
    """Client-chosen ids: base32hex characters (a-v, 0-9), 5 to 1024 of them."""
    return bool(_ID_RE.match(event_id))


def public(event: dict[str, Any]) -> dict[str, Any]:
    """The event as the API shows it (internal keys dropped; tombstones reduced)."""
    shown = {k: v for k, v in event.items() if not k.startswith("_")}
    if shown.get("status") == "cancelled" and "recurringEventId" not in shown:
        keep = {"kind", "etag", "id", "status", "updated", "iCalUID"}
        shown = {k: v for k, v in shown.items() if k in keep}
    return shown
