"""What Salesforce checks and creates when the API inserts Events' attendees (EventRelation).

EventRelation object reference
(https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_eventrelation.htm):
a Contact, Lead or User related to an Event; with Shared Activities a Contact or Lead may be
related as a "parent" (IsParent: one of the event's Name records, up to 50 contacts or one lead)
and any of them as an invitee (IsInvitee, the default when IsParent is not set). A User is only
ever an invitee. The event's WhoId is its primary contact or lead: inserting an Event with a
WhoId creates that parent relation, and the first parent relation of an Event without one
becomes its WhoId.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .org import ApiError, Org, UserView
from .schema import type_for_id
from .soql import Record

#: "You can add up to 50 contacts to an event" (Shared Activities).
MAX_PARENT_CONTACTS = 50


def _integrity(message: str, fields: list[str]) -> ApiError:
    return ApiError(400, "FIELD_INTEGRITY_EXCEPTION", message, fields)


def _kind(record_id: Any) -> str | None:
    obj = type_for_id(record_id) if isinstance(record_id, str) else None
    return obj.name if obj else None


def _relations(org: Org, event_id: str) -> list[Record]:
    return [r for r in org.records["EventRelation"].values() if r.get("EventId") == event_id]


def check_event_relation(org: Org, view: UserView, values: dict[str, Any]) -> None:
    """Defaults (an invitee unless IsParent), a User never a parent, no duplicate, the parent
    limits, and edit access on the Event."""
    event_id, relation_id = values.get("EventId"), values.get("RelationId")
    event = org.get(event_id)
    if event is not None and not org.can_access(view.access, event, "edit"):
        raise ApiError(
            400,
            "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
            "insufficient access rights on cross-reference id",
            [],
        )
    if values.get("IsParent") is not True and values.get("IsInvitee") is None:
        values["IsInvitee"] = True
    kind = _kind(relation_id)
    if kind == "User" and values.get("IsParent") is True:
        raise _integrity("A user can't be a parent of an event", ["IsParent"])
    if values.get("IsInvitee") is True and values.get("Status") is None:
        values["Status"] = "New"
    existing = _relations(org, str(event_id))
    if any(r.get("RelationId") == relation_id for r in existing):
        raise ApiError(
            400,
            "DUPLICATE_VALUE",
            f"duplicate value found: RelationId duplicates value on record with id: {relation_id}",
            ["RelationId"],
        )
    if values.get("IsParent") is True:
        _check_parents(existing, kind)


def _check_parents(existing: list[Record], kind: str | None) -> None:
    parents = [r for r in existing if r.get("IsParent") is True]
    parent_kinds = {_kind(r.get("RelationId")) for r in parents}
    if (kind == "Lead" and parents) or "Lead" in parent_kinds:
        raise _integrity("An event can be related to one lead, or to contacts", ["RelationId"])
    if len(parents) >= MAX_PARENT_CONTACTS:
        raise _integrity(
            f"An event can be related to at most {MAX_PARENT_CONTACTS} contacts", ["RelationId"]
        )


def after_event_relation(org: Org, view: UserView, record: Record) -> None:
    """The first parent contact or lead of an Event without a WhoId becomes its WhoId."""
    event = org.get(record.get("EventId"))
    if event is not None and record.get("IsParent") is True and not event.get("WhoId"):
        event["WhoId"] = record["RelationId"]


def after_event(org: Org, view: UserView, record: Record) -> None:
    """An Event inserted with a WhoId has that contact or lead as its parent relation; a
    series record gets its occurrences."""
    if record.get("IsRecurrence") is True:
        insert_occurrences(org, view, record)
    who = record.get("WhoId")
    if who:
        org.insert(
            "EventRelation",
            {"EventId": record["Id"], "RelationId": who, "IsParent": True, "IsInvitee": False},
            as_user=view.user_id,
        )


# ------------------------------------------------------------------------------ recurring Events
# Salesforce Classic keeps a recurring series as a series record (IsRecurrence = true, the
# pattern in the Recurrence* fields) and one Event per occurrence, whose RecurrenceActivityId
# is the series record (Event field reference, "Create Recurring Series of Events",
# https://developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Event.htm).
# A query returns both; `IsRecurrence = false` leaves the series record out.

#: RecurrenceDayOfWeekMask bits, Sunday first (Event object reference)
_WEEKDAY_BITS = {6: 1, 0: 2, 1: 4, 2: 8, 3: 16, 4: 32, 5: 64}  # date.weekday() -> bit
_GENERATED = ("RecursDaily", "RecursWeekly")
_PATTERN = ("RecurrenceStartDateTime", "RecurrenceEndDateOnly", "RecurrenceType")


def check_event(org: Org, view: UserView, values: dict[str, Any]) -> None:
    """A series names its pattern; the emulator generates daily and weekly series only (a
    limit of the emulator, said so in its answer, not Salesforce's)."""
    if values.get("IsRecurrence") is not True:
        return
    missing = [name for name in _PATTERN if values.get(name) is None]
    if missing:
        raise ApiError(
            400, "REQUIRED_FIELD_MISSING", f"Required fields are missing: {missing}", missing
        )
    if values["RecurrenceType"] not in _GENERATED:
        raise ApiError(
            400,
            "FIELD_INTEGRITY_EXCEPTION",
            f"RecurrenceType {values['RecurrenceType']}: not modelled by the emulator",
            ["RecurrenceType"],
        )


def _occurrence_days(series: Record) -> list[dt.date]:
    first = series["RecurrenceStartDateTime"].astimezone(dt.UTC).date()
    last = series["RecurrenceEndDateOnly"]
    every = max(1, int(series.get("RecurrenceInterval") or 1))
    days: list[dt.date] = []
    day = first
    if series["RecurrenceType"] == "RecursDaily":
        while day <= last:
            days.append(day)
            day += dt.timedelta(days=every)
        return days
    mask = int(series.get("RecurrenceDayOfWeekMask") or _WEEKDAY_BITS[first.weekday()])
    week_start = first - dt.timedelta(days=first.weekday())
    while day <= last:
        weeks = (day - week_start).days // 7
        if weeks % every == 0 and mask & _WEEKDAY_BITS[day.weekday()]:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


_COPIED = ("Subject", "Location", "Description", "ShowAs", "IsPrivate", "Type", "WhatId")


def insert_occurrences(org: Org, view: UserView, series: Record) -> None:
    """One Event per occurrence of a new series record, each pointing at it."""
    start: dt.datetime = series["RecurrenceStartDateTime"].astimezone(dt.UTC)
    minutes = int(series.get("DurationInMinutes") or 60)
    for day in _occurrence_days(series):
        begin = dt.datetime.combine(day, start.time(), dt.UTC)
        values = {name: series.get(name) for name in _COPIED}
        values.update(
            {
                "StartDateTime": begin,
                "DurationInMinutes": minutes,
                "WhoId": series.get("WhoId"),
                "RecurrenceActivityId": series["Id"],
            }
        )
        occurrence = org.insert("Event", values, as_user=view.user_id)
        occurrence["OwnerId"] = series.get("OwnerId")


def relation_deleted(org: Org, record: Record) -> None:
    """The Event's WhoId after a relation is deleted: "If you delete the EventRelation record
    representing the WhoId on an event, then another Who, if any, ... will be promoted to the
    WhoId" (EventRelation object reference,
    https://developer.salesforce.com/docs/atlas.en-us.214.0.object_reference.meta/object_reference/sforce_api_objects_eventattendee.htm);
    none left: the WhoId is cleared."""
    event = org.get(record.get("EventId"))
    if event is None or event.get("WhoId") != record.get("RelationId"):
        return
    parents = [
        r["RelationId"]
        for r in _relations(org, str(event["Id"]))
        if r.get("IsParent") is True and _kind(r.get("RelationId")) in ("Contact", "Lead")
    ]
    event["WhoId"] = parents[0] if parents else None
