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
    """An Event inserted with a WhoId has that contact or lead as its parent relation."""
    who = record.get("WhoId")
    if who:
        org.insert(
            "EventRelation",
            {"EventId": record["Id"], "RelationId": who, "IsParent": True, "IsInvitee": False},
            as_user=view.user_id,
        )
