"""The user's Salesforce Events as calendar sync sees them (docs/calendar.md).

One query a cycle reads the user's Events changed since the watermark inside the window,
deletions included (`queryAll`, IsDeleted); writes go through sObject Collections (200 records
a call, allOrNone false, one result per record); a write's new SystemModstamp is read back in
one query so that the next cycle does not take it for a change (no echo). Attendees' addresses
are matched to Contacts and Leads in one Composite call for the whole cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from chalicelib.calendars import EventDetails, ShowAs, Window, as_utc, midnight, parse_instant
from chalicelib.providers.salesforce.client import (
    COLLECTION_MAX,
    COMPOSITE_MAX,
    SalesforceClient,
)
from chalicelib.providers.salesforce.soql import id_literal, literal

#: the most changed Events one cycle reads (the rest: the next cycle, from the watermark)
MAX_CHANGES = 2000
_FIELDS = (
    "Id, Subject, Location, Description, StartDateTime, EndDateTime, IsAllDayEvent, "
    "ActivityDate, ShowAs, IsPrivate, IsDeleted, SystemModstamp, LastModifiedDate, "
    "GroupEventType"
)
#: Recurring Events are synced occurrence by occurrence, never as a series. Salesforce keeps a
#: series as one series record plus one Event per occurrence (RecurrenceActivityId: the series
#: record). Salesforce Classic's series record has IsRecurrence = true (Event field reference,
#: "Create Recurring Series of Events", https://developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Event.htm);
#: a Lightning event series (Recurrence2) record has IsRecurrence false, GroupEventType "3" and
#: the pattern in Recurrence2PatternText (Change Data Capture, "Recurring Activities",
#: https://developer.salesforce.com/docs/atlas.en-us.234.0.change_data_capture.meta/change_data_capture/cdc_standard_objects_task_event_recurring.htm).
#: The first is filtered out by the query, the second by `_is_series`.
_NOT_A_SERIES = "IsRecurrence = false"
_SERIES_GROUP_TYPE = "3"
_TO_SF_SHOW_AS = {ShowAs.FREE: "Free", ShowAs.OUT_OF_OFFICE: "OutOfOffice"}
_FROM_SF_SHOW_AS = {"Free": ShowAs.FREE, "OutOfOffice": ShowAs.OUT_OF_OFFICE}
#: Salesforce's field lengths (Event object reference)
_LENGTHS = {"Subject": 255, "Location": 255, "Description": 32_000}


@dataclass(frozen=True)
class SalesforceEvent:
    sf_id: str
    stamp: str  # SystemModstamp as Salesforce wrote it
    modified: dt.datetime  # LastModifiedDate (whole seconds)
    deleted: bool
    details: EventDetails | None = field(default=None, repr=False)


@dataclass(frozen=True)
class SaveResult:
    sf_id: str | None
    error: str | None  # Salesforce's statusCode when refused


def soql_time(value: dt.datetime) -> str:
    """A SOQL dateTime literal in the documented form `YYYY-MM-DDThh:mm:ssZ` (whole seconds;
    the REST form of a stamp, `.000+0000`, is not among them: "Date Formats and Date Literals
    in WHERE", https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-select-dateformats.md)."""
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def _api_time(value: dt.datetime) -> str:
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def _details(row: dict[str, Any]) -> EventDetails:
    all_day = bool(row.get("IsAllDayEvent"))
    start = parse_instant(str(row["StartDateTime"]))
    end = parse_instant(str(row["EndDateTime"]))
    if all_day:  # dates; Salesforce's EndDateTime is the last day, ours the day after
        first = dt.date.fromisoformat(str(row.get("ActivityDate") or start.date().isoformat()))
        start, end = midnight(first), midnight(end.date()) + dt.timedelta(days=1)
    return EventDetails(
        subject=str(row.get("Subject") or ""),
        start=start,
        end=end,
        all_day=all_day,
        location=str(row.get("Location") or ""),
        show_as=_FROM_SF_SHOW_AS.get(str(row.get("ShowAs")), ShowAs.BUSY),
        private=bool(row.get("IsPrivate")),
        description=str(row.get("Description") or ""),
    )


def event_fields(details: EventDetails) -> dict[str, Any]:
    """An Event's fields from a calendar event (text cut to Salesforce's lengths)."""
    fields: dict[str, Any] = {
        "Subject": details.subject,
        "Location": details.location,
        "Description": details.description,
        "IsAllDayEvent": details.all_day,
        "ShowAs": _TO_SF_SHOW_AS.get(details.show_as, "Busy"),
        "IsPrivate": details.private,
    }
    if details.all_day:
        last = max(details.start, details.end - dt.timedelta(days=1))
        fields["ActivityDate"] = details.start.date().isoformat()
        fields["StartDateTime"] = _api_time(details.start)
        fields["EndDateTime"] = _api_time(last)
    else:
        fields["StartDateTime"] = _api_time(details.start)
        fields["EndDateTime"] = _api_time(details.end)
    for name, limit in _LENGTHS.items():
        fields[name] = str(fields[name])[:limit]
    return fields


def _is_series(row: dict[str, Any]) -> bool:
    """A Lightning event series record (see `_NOT_A_SERIES`): its occurrences are synced."""
    return str(row.get("GroupEventType") or "") == _SERIES_GROUP_TYPE


def match_key(details: EventDetails) -> tuple[str, dt.datetime, dt.datetime]:
    """What identifies an Event we created: its subject (as Salesforce keeps it), start, end."""
    return details.subject[: _LENGTHS["Subject"]], details.start, details.end


def _chunks(items: Sequence[Any], size: int = COLLECTION_MAX) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _results(replies: list[dict[str, Any]]) -> list[SaveResult]:
    out = []
    for reply in replies:
        errors = reply.get("errors") or []
        code = str(errors[0].get("statusCode", "UNKNOWN")) if errors else None
        ok = bool(reply.get("success"))
        out.append(SaveResult(str(reply["id"]) if reply.get("id") else None, None if ok else code))
    return out


class SalesforceEvents:
    """One user's Events (their own token: sharing and field-level security apply)."""

    def __init__(self, client: SalesforceClient, owner_id: str) -> None:
        self._salesforce = client
        self._owner = owner_id

    @property
    def usage_share(self) -> float | None:
        """The org's API usage as the last answer reported it."""
        usage = self._salesforce.last_usage
        return usage.share if usage is not None else None

    def changed(
        self, since: str | None, window: Window, entered: dt.datetime | None = None
    ) -> list[SalesforceEvent]:
        """The owner's Events changed at or after `since` (a SystemModstamp: whole seconds, so
        an edit in the watermark's second is not missed), deletions included, wherever they
        are now (one moved out of the window included); every live one in the window when
        `since` is None. `entered`: the window's
        end when it was last listed; the live Events starting from there on came into the
        window by time passing and are listed too, whatever their stamp."""
        where = [f"OwnerId = {id_literal(self._owner)}", _NOT_A_SERIES]
        in_window = (
            f"EndDateTime >= {soql_time(window.start)} AND StartDateTime < {soql_time(window.end)}"
        )
        if since:
            # changes at any time: an Event moved out of the window is seen and its move
            # synced, its pair kept (sync.py `_left_window`; unpaired ones outside are skipped)
            changed = f"SystemModstamp >= {soql_time(parse_instant(since))}"
            if entered is not None:
                start = soql_time(entered)
                changed = (
                    f"({changed} OR ({in_window} AND StartDateTime >= {start} "
                    "AND IsDeleted = false))"
                )
            where.append(changed)
        else:
            where.append(f"{in_window} AND IsDeleted = false")
        soql = (
            f"SELECT {_FIELDS} FROM Event WHERE {' AND '.join(where)} "
            f"ORDER BY SystemModstamp LIMIT {MAX_CHANGES}"
        )
        rows = self._salesforce.query_all(soql).get("records", [])
        return [self._event(row) for row in rows if not _is_series(row)]

    @staticmethod
    def _event(row: dict[str, Any]) -> SalesforceEvent:
        deleted = bool(row.get("IsDeleted"))
        return SalesforceEvent(
            sf_id=str(row["Id"]),
            stamp=str(row["SystemModstamp"]),
            modified=parse_instant(str(row["LastModifiedDate"])),
            deleted=deleted,
            details=None if deleted else _details(row),
        )

    def stamps(self, sf_ids: Sequence[str]) -> dict[str, str]:
        """The SystemModstamp of each of these Events now (after our writes)."""
        found: dict[str, str] = {}
        for chunk in _chunks(list(sf_ids)):
            ids = ", ".join(id_literal(i) for i in chunk)
            soql = f"SELECT Id, SystemModstamp FROM Event WHERE Id IN ({ids})"
            for row in self._salesforce.query(soql).get("records", []):
                found[str(row["Id"])] = str(row["SystemModstamp"])
        return found

    def created_since(
        self, wanted: Sequence[tuple[str, EventDetails]], since: int, *, exclude: set[str]
    ) -> dict[str, str]:
        """key -> the Event of the owner created at or after `since` (epoch second) with that
        subject, start and end: the ones an interrupted cycle inserted before it could record
        them. One query for all; each Event is claimed once, none of `exclude` (held by other
        pairs), so two events that start together never end up on one Event."""
        # minutes of margin: the Lambda's clock and Salesforce's may differ by more than a
        # second; the match on subject, start and end (each claimed once) does the rest
        created = dt.datetime.fromtimestamp(since, dt.UTC) - dt.timedelta(minutes=5)
        soql = (
            f"SELECT {_FIELDS} FROM Event WHERE "
            f"OwnerId = {id_literal(self._owner)} "
            f"AND CreatedDate >= {soql_time(created)} ORDER BY CreatedDate LIMIT {MAX_CHANGES}"
        )
        rows = self._salesforce.query(soql).get("records", [])
        candidates = [(str(r["Id"]), match_key(_details(r))) for r in rows]
        found: dict[str, str] = {}
        claimed = set(exclude)
        for key, details in wanted:
            match = match_key(details)
            sf_id = next((i for i, k in candidates if k == match and i not in claimed), None)
            if sf_id is not None:
                claimed.add(sf_id)
                found[key] = sf_id
        return found

    def match_people(self, addresses: Iterable[str]) -> dict[str, tuple[str, str]]:
        """address -> (Contact or Lead id, type), for all of a cycle's addresses in one
        Composite call per 1,200 addresses (Contacts first: they win over Leads with the same
        address)."""
        wanted = sorted({a.lower() for a in addresses})
        if not wanted:
            return {}
        queries: list[tuple[str, str]] = []  # (kind, SOQL): 100 addresses each
        for chunk in _chunks(wanted, 100):
            quoted = ", ".join(literal(a) for a in chunk)
            queries += [
                (kind, f"SELECT Id, Email FROM {kind} WHERE Email IN ({quoted})")
                for kind in ("Contact", "Lead")
            ]
        found: dict[str, tuple[str, str]] = {}
        # a Composite holds up to 25 subrequests (one API call): 12 pairs of queries
        for batch in _chunks(queries, COMPOSITE_MAX - COMPOSITE_MAX % 2):
            subs = [  # referenceIds are unique within a Composite
                self._salesforce.query_subrequest(f"{kind}{i}", soql)
                for i, (kind, soql) in enumerate(batch)
            ]
            replies = self._salesforce.composite(subs)
            for (kind, _), reply in zip(batch, replies, strict=True):
                for row in (reply.get("body") or {}).get("records", []):
                    address = str(row.get("Email") or "").lower()
                    if address and address not in found:  # a Contact's pair comes first
                        found[address] = (str(row["Id"]), kind)
        return found

    def relations_of(self, event_ids: Sequence[str]) -> list[tuple[str, str, str]]:
        """(EventRelation id, Event id, Contact/Lead/User id) of these Events (one query per 200
        Events)."""
        found: list[tuple[str, str, str]] = []
        for chunk in _chunks(list(event_ids)):
            ids = ", ".join(id_literal(i) for i in chunk)
            soql = f"SELECT Id, EventId, RelationId FROM EventRelation WHERE EventId IN ({ids})"
            for row in self._salesforce.query(soql).get("records", []):
                found.append((str(row["Id"]), str(row["EventId"]), str(row["RelationId"])))
        return found

    # -- writes ---------------------------------------------------------------------------------
    def create(self, records: Sequence[dict[str, Any]]) -> list[SaveResult]:
        return self._write("POST", [{**r, "OwnerId": self._owner} for r in records], "Event")

    def update(self, records: Sequence[dict[str, Any]]) -> list[SaveResult]:
        return self._write("PATCH", records, "Event")

    def relate(self, relations: Sequence[dict[str, Any]]) -> list[SaveResult]:
        return self._write("POST", relations, "EventRelation")

    def delete(self, sf_ids: Sequence[str]) -> list[SaveResult]:
        out: list[SaveResult] = []
        for chunk in _chunks(list(sf_ids)):
            out.extend(_results(self._salesforce.collection("DELETE", ids=chunk)))
        return out

    def _write(self, method: str, records: Sequence[dict[str, Any]], kind: str) -> list[SaveResult]:
        out: list[SaveResult] = []
        typed = [{"attributes": {"type": kind}, **r} for r in records]
        for chunk in _chunks(typed):
            out.extend(_results(self._salesforce.collection(method, records=chunk)))
        return out
