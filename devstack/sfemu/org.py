"""The org's data, its permission model (profiles, permission sets, object permissions, sharing)
and the DML the REST API exposes (create / read / update / delete), as one user sees them."""

from __future__ import annotations

import base64
import binascii
import copy
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .duplicates import (
    DuplicateRule,
    ResultKey,
    SaveOptions,
    ValidationRule,
    check_duplicates,
    validation_error,
)
from .ids import IdFactory, canonical_id
from .schema import (
    ID_TYPES,
    SCHEMA,
    STRING_TYPES,
    FieldDef,
    SObjectDef,
    lookup_type,
    type_for_id,
)
from .soql import Record, format_datetime, to_json_value

_EMAIL_RE = re.compile(
    r"^[^@\s,;<>()\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$"
)

#: System permissions that bypass sharing.
VIEW_ALL = "PermissionsViewAllData"
MODIFY_ALL = "PermissionsModifyAllData"

#: Types that activities (Task, Event, EmailMessage) hang off for sharing.
_ACTIVITY_LINKS = (
    "WhoId",
    "WhatId",
    "RelatedToId",
    "ParentId",
    "FirstPublishLocationId",
    "LinkedEntityId",
)

_OPP_STAGES: dict[str, tuple[float, bool, bool, str]] = {
    # stage: (probability, closed, won, forecast category)
    "Prospecting": (10.0, False, False, "Pipeline"),
    "Qualification": (10.0, False, False, "Pipeline"),
    "Needs Analysis": (20.0, False, False, "Pipeline"),
    "Value Proposition": (50.0, False, False, "Pipeline"),
    "Id. Decision Makers": (60.0, False, False, "Pipeline"),
    "Perception Analysis": (70.0, False, False, "Pipeline"),
    "Proposal/Price Quote": (75.0, False, False, "Pipeline"),
    "Negotiation/Review": (90.0, False, False, "Pipeline"),
    "Closed Won": (100.0, True, True, "Closed"),
    "Closed Lost": (0.0, True, False, "Omitted"),
}


class ApiError(Exception):
    """An error answered in Salesforce's REST error format."""

    def __init__(
        self, status: int, code: str, message: str, fields: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields

    def body(self) -> list[dict[str, Any]]:
        item: dict[str, Any] = {"message": self.message, "errorCode": self.code}
        if self.fields is not None:
            item["fields"] = self.fields
        return [item]


def not_found() -> ApiError:
    return ApiError(404, "NOT_FOUND", "The requested resource does not exist")


@dataclass(frozen=True)
class Access:
    """A user's effective permissions, computed once per request."""

    user_id: str
    system: frozenset[str]  # system permission field names that are true
    objects: dict[str, frozenset[str]]  # sobject type -> true ObjectPermissions flags
    denied_create: frozenset[str] = frozenset()  # types the user may not create (a knob)
    denied_fields: frozenset[tuple[str, str]] = frozenset()  # (type, field) not editable

    @property
    def view_all(self) -> bool:
        return VIEW_ALL in self.system or MODIFY_ALL in self.system

    @property
    def modify_all(self) -> bool:
        return MODIFY_ALL in self.system

    def object_flag(self, obj: SObjectDef, flag: str) -> bool:
        if flag == "PermissionsCreate" and obj.name in self.denied_create:
            return False
        if not obj.object_perms:
            if flag in {"PermissionsViewAllRecords", "PermissionsModifyAllRecords"}:
                return self.modify_all or (self.view_all and flag == "PermissionsViewAllRecords")
            if obj.sharing in {"activity", "parent"}:
                return True  # activities (and their junctions) have no object permissions
            return flag == "PermissionsRead"  # setup objects: readable, not writable by API
        if self.modify_all:
            return True
        if self.view_all and flag in {"PermissionsRead", "PermissionsViewAllRecords"}:
            return True
        return flag in self.objects.get(obj.name, frozenset())


class InsertRules(Protocol):
    """Type-specific checks and side effects of an insert through the API (see rules.py)."""

    def available(self, org: Org, obj: SObjectDef) -> bool:
        """Whether the org has the object at all (a feature may be off)."""

    def check(self, org: Org, view: UserView, obj: SObjectDef, values: dict[str, Any]) -> None:
        """Raise ApiError when Salesforce refuses the values; may rewrite them."""

    def after_insert(self, org: Org, view: UserView, obj: SObjectDef, record: Record) -> None:
        """Create what Salesforce creates with the record (junctions, documents, links)."""


@dataclass
class OrgSettings:
    """Per-org knobs that survive a re-seed: features and per-user permission denials."""

    #: Enhanced Email (Setup > Enhanced Email); off: EmailMessage lives on Cases only.
    enhanced_email: bool = True
    denied_create: set[tuple[str, str]] = field(default_factory=set)  # (user id, type)
    denied_fields: set[tuple[str, str, str]] = field(default_factory=set)  # (user, type, field)
    rules: InsertRules | None = None
    #: the admin's validation and duplicate rules (duplicates.py)
    validation_rules: list[ValidationRule] = field(default_factory=list)
    duplicate_rules: list[DuplicateRule] = field(default_factory=list)
    #: how DUPLICATES_DETECTED spells its result key (duplicates.py: real orgs answer both)
    duplicate_result_key: ResultKey = "duplicateResult"


@dataclass(frozen=True)
class StoredBlob:
    """An uploaded file's fingerprint, and its bytes when small (tests read them back)."""

    sha256: str
    md5: str  # ContentVersion.Checksum is the file's MD5
    size: int
    data: bytes | None


class Org:
    """All records of the org, indexed by type and ID, plus the permission model."""

    def __init__(
        self,
        ids: IdFactory,
        clock: Callable[[], dt.datetime],
        settings: OrgSettings | None = None,
    ) -> None:
        self.ids = ids
        self.clock = clock
        self.settings = settings or OrgSettings()
        self.records: dict[str, dict[str, Record]] = {name: {} for name in SCHEMA}
        #: The Recycle Bin: deleted records (IsDeleted true), which only queryAll answers.
        self.deleted: dict[str, dict[str, Record]] = {name: {} for name in SCHEMA}
        #: ContentVersion id -> the uploaded VersionData's fingerprint
        self.blobs: dict[str, StoredBlob] = {}
        self.org_id = ""
        self._case_number = 1000

    # ---- raw storage (no permission checks) ------------------------------------------------
    def get(self, record_id: str | None) -> Record | None:
        if not record_id:
            return None
        canonical = canonical_id(record_id)
        obj = type_for_id(canonical) if canonical else None
        if obj is None or canonical is None:
            return None
        return self.records[obj.name].get(canonical)

    def insert(
        self, type_name: str, values: dict[str, Any], *, as_user: str | None = None
    ) -> Record:
        """Store a record as given (seeding): defaults and derived fields are filled in."""
        obj = SCHEMA[type_name]
        now = self.stamp()
        record: Record = {f.name: None for f in obj.fields.values()}
        record["Id"] = self.ids.new(obj.prefix)
        for name in ("CreatedDate", "LastModifiedDate", "SystemModstamp"):
            if name in record:
                record[name] = now
        for name in ("CreatedById", "LastModifiedById"):
            if name in record:
                record[name] = as_user
        if "OwnerId" in record:
            record["OwnerId"] = as_user
        self._defaults(obj, record)
        for key, value in values.items():
            record[obj.fields[key.lower()].name] = value
        given = frozenset(obj.fields[key.lower()].name for key in values)
        self._derive(obj, record, created=True, changed=given)
        self.records[type_name][record["Id"]] = record
        return record

    def stamp(self) -> dt.datetime:
        """Now, as CreatedDate, LastModifiedDate and SystemModstamp hold it: whole seconds
        (PITFALLS; they serialise as ``...:SS.000+0000``)."""
        return self.clock().astimezone(dt.UTC).replace(microsecond=0)

    def snapshot(self) -> OrgSnapshot:
        return copy.deepcopy((self.records, self.deleted))

    def restore(self, snapshot: OrgSnapshot) -> None:
        self.records, self.deleted = snapshot

    # ---- permissions -------------------------------------------------------------------------
    def permission_set_ids(self, user_id: str) -> list[str]:
        return [
            a["PermissionSetId"]
            for a in self.records["PermissionSetAssignment"].values()
            if a["AssigneeId"] == user_id and a.get("IsActive", True) is not False
        ]

    def access(self, user_id: str) -> Access:
        system: set[str] = set()
        objects: dict[str, set[str]] = {}
        for ps_id in self.permission_set_ids(user_id):
            ps = self.records["PermissionSet"].get(ps_id)
            if ps is None:
                continue
            system.update(k for k, v in ps.items() if k.startswith("Permissions") and v is True)
        ps_ids = set(self.permission_set_ids(user_id))
        for perm in self.records["ObjectPermissions"].values():
            if perm["ParentId"] in ps_ids:
                flags = objects.setdefault(perm["SobjectType"], set())
                flags.update(k for k, v in perm.items() if k.startswith("Permissions") and v)
        denied = self.settings
        return Access(
            user_id=user_id,
            system=frozenset(system),
            objects={k: frozenset(v) for k, v in objects.items()},
            denied_create=frozenset(t for u, t in denied.denied_create if u == user_id),
            denied_fields=frozenset((t, f) for u, t, f in denied.denied_fields if u == user_id),
        )

    def can_access(
        self, access: Access, record: Record, mode: str = "read", depth: int = 0
    ) -> bool:
        """Record-level access (sharing), assuming object-level access was checked."""
        obj = type_for_id(record["Id"])
        if obj is None or depth > 4:
            return False
        if _sees_all(access, obj, mode):
            return True
        user = access.user_id
        if obj.sharing == "public":
            return mode == "read"
        if obj.sharing == "assignee":
            return mode == "read" and record.get("AssigneeId") == user
        if record.get("OwnerId") == user:
            return True
        if obj.sharing == "parent" and obj.sharing_parent:
            parent = self._sharing_parent(record, obj.sharing_parent)
            return parent is not None and self.can_access(access, parent, mode, depth + 1)
        if obj.sharing == "activity":
            return self._can_access_activity(access, record, mode, depth)
        return False

    def _sharing_parent(self, record: Record, field_name: str) -> Record | None:
        """The record a child's access follows; a deleted child's parent is in the bin too."""
        parent_id = record.get(field_name)
        parent = self.get(parent_id)
        if parent is None and record.get("IsDeleted") is True and parent_id:
            obj = type_for_id(parent_id)
            parent = self.deleted[obj.name].get(parent_id) if obj else None
        return parent

    def _can_access_activity(self, access: Access, record: Record, mode: str, depth: int) -> bool:
        """A Task or Event without an owner of its own: its creator, or whoever may access a
        record it is linked to."""
        if record.get("CreatedById") == access.user_id and "OwnerId" not in record:
            return True
        if record.get("IsPrivate") is True:
            return False  # a private Event is its owner's alone (Event.IsPrivate)
        for link in _ACTIVITY_LINKS:
            related = self.get(record.get(link)) if link in record else None
            if related is not None and self.can_access(access, related, mode, depth + 1):
                return True
        return False

    def view(self, user_id: str) -> UserView:
        return UserView(self, self.access(user_id))

    # ---- defaults and derived fields ---------------------------------------------------------
    def _defaults(self, obj: SObjectDef, record: Record) -> None:
        defaults: dict[str, dict[str, Any]] = {
            "Task": {"Status": "Not Started", "Priority": "Normal"},
            "Lead": {"Status": "Open - Not Contacted"},
            "Case": {"Status": "New", "Priority": "Medium"},
            "EmailMessage": {"Status": "3"},
            "User": {"IsActive": True, "UserType": "Standard"},
            "PermissionSetAssignment": {"IsActive": True},
        }
        for key, value in defaults.get(obj.name, {}).items():
            if record.get(key) is None:
                record[key] = value
        for f in obj.fields.values():
            if f.type == "boolean" and record.get(f.name) is None:
                record[f.name] = False

    def _derive(
        self, obj: SObjectDef, record: Record, *, created: bool, changed: frozenset[str]
    ) -> None:
        """Fields Salesforce computes; `changed`: the fields this write sets."""
        name = obj.name
        if name in {"Contact", "Lead", "User"}:
            parts = [record.get("FirstName"), record.get("LastName")]
            record["Name"] = " ".join(p for p in parts if p) or None
        elif name == "Opportunity":
            stage = _OPP_STAGES.get(record.get("StageName") or "", (10.0, False, False, "Pipeline"))
            if created and record.get("Probability") is None:
                record["Probability"] = stage[0]
            record["IsClosed"], record["IsWon"], record["ForecastCategory"] = stage[1:]
        elif name == "Case":
            self._derive_case(record, created=created)
        elif name == "Task":
            record["IsClosed"] = record.get("Status") == "Completed"
            record["IsHighPriority"] = record.get("Priority") == "High"
            record["AccountId"] = self._activity_account(record)
        elif name == "Event":
            derive_event_times(record, changed)
            record["AccountId"] = self._activity_account(record)

    def _derive_case(self, record: Record, *, created: bool) -> None:
        if created and not record.get("CaseNumber"):
            self._case_number += 1
            record["CaseNumber"] = f"{self._case_number:08d}"
        closed = record.get("Status") == "Closed"
        if closed and not record.get("IsClosed"):
            record["ClosedDate"] = self.clock()
        if not closed:
            record["ClosedDate"] = None
        record["IsClosed"] = closed

    def _activity_account(self, record: Record) -> str | None:
        what = self.get(record.get("WhatId"))
        if what is not None:
            what_type = type_for_id(what["Id"])
            if what_type is not None and what_type.name == "Account":
                return str(what["Id"])
            if what.get("AccountId"):
                return str(what["AccountId"])
        who = self.get(record.get("WhoId"))
        if who is not None and who.get("AccountId"):
            return str(who["AccountId"])
        return None

    # ---- DML through the API -----------------------------------------------------------------
    def _coerce(self, view: UserView, f: FieldDef, value: Any, label: str) -> Any:
        if value is None or (value == "" and f.type not in STRING_TYPES):
            return None
        if f.type in STRING_TYPES:
            return _coerce_text(f, value)
        if f.type in ID_TYPES:
            return self._coerce_id(view, f, value, label)
        if f.type == "junction":
            return self._coerce_junction(view, f, value, label)
        if f.type == "base64":
            return _coerce_base64(f, value)
        return _coerce_scalar(f, value)

    def _coerce_junction(self, view: UserView, f: FieldDef, value: Any, label: str) -> list[str]:
        """A JunctionIdList (ToIds, CcIds, BccIds): a JSON array of person IDs; see
        https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_emailmessage.htm"""
        if not isinstance(value, list):
            raise _parse_error(f, value)
        return list(dict.fromkeys(self._coerce_id(view, f, item, label) for item in value))

    def _coerce_id(self, view: UserView, f: FieldDef, value: Any, label: str) -> str:
        """A reference the user may set: a well-formed id of an allowed type, visible to them."""
        canonical = canonical_id(value) if isinstance(value, str) else None
        if canonical is None:
            raise ApiError(
                400,
                "MALFORMED_ID",
                f"{label}: id value of incorrect type: {value}",
                [f.name],
            )
        target = type_for_id(canonical)
        if target is None or target.name not in f.reference_to:
            raise ApiError(
                400,
                "FIELD_INTEGRITY_EXCEPTION",
                f"{label}: id value of incorrect type: {value}",
                [f.name],
            )
        related = self.get(canonical)
        if related is None:
            raise ApiError(
                400,
                "INVALID_CROSS_REFERENCE_KEY",
                f"invalid cross reference id: {value}",
                [f.name],
            )
        if view.get_visible(canonical) is None:
            raise ApiError(
                400,
                "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                f"insufficient access rights on cross-reference id: {value}",
                [],
            )
        return canonical

    def _values(
        self, view: UserView, obj: SObjectDef, body: Any, *, create: bool
    ) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise ApiError(
                400,
                "JSON_PARSER_ERROR",
                "Cannot deserialize instance of " + obj.name + " from non-object value",
            )
        values: dict[str, Any] = {}
        for key, value in body.items():
            if key == "attributes":
                continue
            f = obj.field(str(key))
            if f is None:
                raise ApiError(
                    400,
                    "INVALID_FIELD",
                    f"No such column '{key}' on sobject of type {obj.name}",
                )
            denied = (obj.name, f.name) in view.access.denied_fields
            if denied or (create and not f.createable) or (not create and not f.updateable):
                raise ApiError(
                    400,
                    "INVALID_FIELD_FOR_INSERT_UPDATE",
                    f"Unable to create/update fields: {f.name}. Please check the security "
                    "settings of this field and verify that it is read/write for your profile or "
                    "permission set.",
                    [f.name],
                )
            label = f.name[:-2] + " ID" if f.name.endswith("Id") else f.name
            values[f.name] = self._coerce(view, f, value, label)
        return values

    def create(
        self, view: UserView, type_name: str, body: Any, options: SaveOptions | None = None
    ) -> Record:
        rules = self.settings.rules
        known = lookup_type(type_name)
        if rules is not None and known is not None and not rules.available(self, known):
            raise not_found()
        obj = self._writable_type(view, type_name, "PermissionsCreate")
        values = self._values(view, obj, body, create=True)
        if rules is not None:
            rules.check(self, view, obj, values)
        missing = [
            f.name for f in obj.fields.values() if f.required and values.get(f.name) in (None, "")
        ]
        if obj.name == "Event":
            missing.extend(_missing_event_times(values))
        if missing:
            raise ApiError(
                400,
                "REQUIRED_FIELD_MISSING",
                f"Required fields are missing: [{', '.join(missing)}]",
                missing,
            )
        self._admin_rules(view, obj, values, options or SaveOptions())
        if values.get("OwnerId") is None:
            values.pop("OwnerId", None)  # defaults to the creating user
        record = self.insert(obj.name, values, as_user=view.user_id)
        if rules is not None:
            rules.after_insert(self, view, obj, record)
        return record

    def _admin_rules(
        self, view: UserView, obj: SObjectDef, values: dict[str, Any], options: SaveOptions
    ) -> None:
        """Validation rules, then duplicate rules (duplicates.py)."""
        failed = validation_error(self.settings.validation_rules, obj.name, values)
        if failed is not None:
            raise failed
        check_duplicates(
            self,
            view,
            obj.name,
            values,
            options,
            self.settings.duplicate_rules,
            self.settings.duplicate_result_key,
        )

    def _writable_type(self, view: UserView, type_name: str, flag: str) -> SObjectDef:
        obj = lookup_type(type_name)
        if obj is None:
            raise ApiError(404, "NOT_FOUND", "The requested resource does not exist")
        if not view.access.object_flag(obj, flag):
            verb = {"PermissionsCreate": "create", "PermissionsEdit": "edit"}.get(flag, "delete")
            raise ApiError(
                403,
                "INSUFFICIENT_ACCESS_OR_READONLY",
                f"insufficient access rights on object id: you cannot {verb} {obj.name} records",
            )
        return obj

    def _record_for_write(self, view: UserView, obj: SObjectDef, record_id: str) -> Record:
        record = self.get(record_id)
        if record is None or type_for_id(record["Id"]) is not obj:
            raise not_found()
        if not self.can_access(view.access, record, "read"):
            raise not_found()
        if not self.can_access(view.access, record, "edit"):
            raise ApiError(
                403, "INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id"
            )
        return record

    def update(self, view: UserView, type_name: str, record_id: str, body: Any) -> None:
        obj = self._writable_type(view, type_name, "PermissionsEdit")
        record = self._record_for_write(view, obj, record_id)
        values = self._values(view, obj, body, create=False)
        for f in obj.fields.values():
            if f.required and f.name in values and values[f.name] in (None, ""):
                raise ApiError(
                    400,
                    "REQUIRED_FIELD_MISSING",
                    f"Required fields are missing: [{f.name}]",
                    [f.name],
                )
        # Derived on a copy first: a refused update (an Event ending before it starts) leaves
        # the record as it was.
        updated = {**record, **values}
        self._derive(obj, updated, created=False, changed=frozenset(values))
        record.update(updated)
        record["LastModifiedDate"] = record["SystemModstamp"] = self.stamp()
        record["LastModifiedById"] = view.user_id

    def delete(self, view: UserView, type_name: str, record_id: str) -> None:
        obj = self._writable_type(view, type_name, "PermissionsDelete")
        record = self._record_for_write(view, obj, record_id)
        self._cascade_delete(record["Id"], view.user_id)
        if obj.name == "EventRelation":  # the Event's WhoId follows (calendar_rules.py)
            from .calendar_rules import relation_deleted

            relation_deleted(self, record)

    def _cascade_delete(self, record_id: str, user_id: str | None = None) -> None:
        """Move a record and what hangs off it to the Recycle Bin (IsDeleted, a new stamp)."""
        obj = type_for_id(record_id)
        if obj is None:
            return
        removed = self.records[obj.name].pop(record_id, None)
        if removed is not None and "IsDeleted" in removed:
            removed["IsDeleted"] = True
            removed["LastModifiedDate"] = removed["SystemModstamp"] = self.stamp()
            removed["LastModifiedById"] = user_id or removed.get("LastModifiedById")
            self.deleted[obj.name][record_id] = removed
        for child_type in SCHEMA.values():
            for child in list(self.records[child_type.name].values()):
                parent_field = child_type.sharing_parent
                is_activity = child_type.sharing == "activity"
                owned = bool(parent_field) and child.get(parent_field or "") == record_id
                linked = is_activity and any(
                    child.get(link) == record_id for link in ("WhatId", "RelatedToId", "ParentId")
                )
                if owned or linked:
                    self._cascade_delete(child["Id"], user_id)
                elif child_type.sharing == "activity" and child.get("WhoId") == record_id:
                    child["WhoId"] = None


def parse_api_datetime(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    text = value.strip().replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", text):
        text = text[:-2] + ":" + text[-2:]
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


class UserView:
    """The org as one user sees it: the SOQL engine's data source."""

    def __init__(self, org: Org, access: Access, *, include_deleted: bool = False) -> None:
        self.org = org
        self.access = access
        self.user_id = access.user_id
        #: queryAll: the Recycle Bin's records are answered too.
        self.include_deleted = include_deleted

    def with_deleted(self) -> UserView:
        return UserView(self.org, self.access, include_deleted=True)

    def can_read(self, type_name: str) -> bool:
        obj = lookup_type(type_name)
        return obj is not None and self.access.object_flag(obj, "PermissionsRead")

    def visible_records(self, type_name: str) -> Iterable[Record]:
        obj = lookup_type(type_name)
        if obj is None or not self.can_read(obj.name):
            return []
        records = list(self.org.records[obj.name].values())
        if self.include_deleted:
            records.extend(self.org.deleted[obj.name].values())
        return [r for r in records if self.org.can_access(self.access, r)]

    def get_visible(self, record_id: str) -> Record | None:
        record = self.org.get(record_id)
        if record is None:
            return None
        obj = type_for_id(record["Id"])
        if obj is None or not self.can_read(obj.name):
            return None
        return record if self.org.can_access(self.access, record) else None

    def now(self) -> dt.datetime:
        return self.org.clock()

    def visible_ids(self, type_name: str) -> set[str]:
        return {r["Id"] for r in self.visible_records(type_name)}


def record_json(
    record: Record, api_version: str, fields: list[str] | None = None
) -> dict[str, Any]:
    """A record as GET sobjects/Type/Id answers it."""
    obj = type_for_id(record["Id"])
    assert obj is not None
    out: dict[str, Any] = {
        "attributes": {
            "type": obj.name,
            "url": f"/services/data/v{api_version}/sobjects/{obj.name}/{record['Id']}",
        }
    }
    selected = [obj.fields[n.lower()] for n in fields] if fields else list(obj.fields.values())
    for f in selected:
        out[f.name] = to_json_value(f.type, record.get(f.name))
    return out


OrgSnapshot = tuple[dict[str, dict[str, Record]], dict[str, dict[str, Record]]]

__all__ = [
    "Access",
    "ApiError",
    "InsertRules",
    "Org",
    "OrgSettings",
    "StoredBlob",
    "UserView",
    "format_datetime",
    "not_found",
    "parse_api_datetime",
    "record_json",
]


# ---- record-level access and field values (module helpers of Org) --------------------------------
def _sees_all(access: Access, obj: SObjectDef, mode: str) -> bool:
    """View All / Modify All, system-wide or on the object: sharing does not apply."""
    if mode == "read":
        return bool(access.view_all or access.object_flag(obj, "PermissionsViewAllRecords"))
    return bool(
        access.modify_all
        or (obj.object_perms and access.object_flag(obj, "PermissionsModifyAllRecords"))
    )


#: Longest Event: "An event can't last longer than 14 days" (Salesforce Help, Considerations for
#: events, https://help.salesforce.com/s/articleView?id=sf.events_considerations.htm).
MAX_EVENT_MINUTES = 14 * 24 * 60
_DAY_MINUTES = 24 * 60


def _missing_event_times(values: dict[str, Any]) -> list[str]:
    """Required on create: a start (an all-day Event may give its ActivityDate instead) and an
    end or duration (optional for an all-day Event: one day)."""
    missing: list[str] = []
    all_day = values.get("IsAllDayEvent") is True
    start = values.get("StartDateTime") or values.get("ActivityDateTime")
    if start is None and not (all_day and values.get("ActivityDate") is not None):
        missing.append("StartDateTime")
    if (
        not all_day
        and values.get("DurationInMinutes") is None
        and values.get("EndDateTime") is None
    ):
        missing.append("DurationInMinutes")
    return missing


def derive_event_times(record: Record, changed: frozenset[str]) -> None:
    """An Event's start in both its fields, its date, and its end or duration from the other.

    Event object reference: for an all-day Event (IsAllDayEvent) the times are dates at midnight
    UTC, EndDateTime is the last day and DurationInMinutes a whole number of days (1,440 per
    day); otherwise EndDateTime and DurationInMinutes follow each other, whichever was written.
    """
    if record.get("IsAllDayEvent") is True:
        _derive_all_day(record, changed)
    else:
        _derive_timed(record, changed)
    _check_event_span(record)


def _derive_timed(record: Record, changed: frozenset[str]) -> None:
    start = record.get("StartDateTime")
    if "ActivityDateTime" in changed and "StartDateTime" not in changed:
        start = record.get("ActivityDateTime")
    start = start or record.get("ActivityDateTime")
    if not isinstance(start, dt.datetime):
        return
    record["StartDateTime"] = record["ActivityDateTime"] = start
    record["ActivityDate"] = start.astimezone(dt.UTC).date()
    end = record.get("EndDateTime")
    minutes = record.get("DurationInMinutes")
    if "EndDateTime" in changed and isinstance(end, dt.datetime):
        record["DurationInMinutes"] = int((end - start).total_seconds() // 60)
    elif isinstance(minutes, int):
        record["EndDateTime"] = start + dt.timedelta(minutes=minutes)
    elif isinstance(end, dt.datetime):
        record["DurationInMinutes"] = int((end - start).total_seconds() // 60)


def _first_day(record: Record, changed: frozenset[str]) -> dt.date | None:
    day = record.get("ActivityDate") if "ActivityDate" in changed else None
    start = record.get("StartDateTime") or record.get("ActivityDateTime")
    if day is None and isinstance(start, dt.datetime):
        day = start.astimezone(dt.UTC).date()
    day = day or record.get("ActivityDate")
    return day if isinstance(day, dt.date) else None


def _derive_all_day(record: Record, changed: frozenset[str]) -> None:
    first = _first_day(record, changed)
    if first is None:
        return
    end = record.get("EndDateTime")
    minutes = record.get("DurationInMinutes")
    if "EndDateTime" in changed and isinstance(end, dt.datetime):
        days = (end.astimezone(dt.UTC).date() - first).days + 1
    elif isinstance(minutes, int) and minutes > 0:
        days = -(-minutes // _DAY_MINUTES)
    else:
        days = 1
    midnight = dt.datetime.combine(first, dt.time(), dt.UTC)
    record["ActivityDate"] = first
    record["StartDateTime"] = record["ActivityDateTime"] = midnight
    record["EndDateTime"] = midnight + dt.timedelta(days=max(days, 1) - 1)
    record["DurationInMinutes"] = days * _DAY_MINUTES


def _check_event_span(record: Record) -> None:
    """Salesforce refuses an Event that ends before it starts or lasts more than 14 days
    (FIELD_INTEGRITY_EXCEPTION naming the field; the wording here is ours)."""
    minutes = record.get("DurationInMinutes")
    if not isinstance(minutes, int):
        return
    if minutes < 0:
        raise ApiError(
            400,
            "FIELD_INTEGRITY_EXCEPTION",
            "End Date Time: the event's end can't be before its start",
            ["EndDateTime"],
        )
    if minutes > MAX_EVENT_MINUTES:
        raise ApiError(
            400,
            "FIELD_INTEGRITY_EXCEPTION",
            "Duration: an event can't last longer than 14 days",
            ["DurationInMinutes"],
        )


def _parse_error(f: FieldDef, value: Any) -> ApiError:
    kind = {"int": "int", "double": "double", "currency": "double", "percent": "double"}
    return ApiError(
        400,
        "JSON_PARSER_ERROR",
        f"Cannot deserialize instance of {kind.get(f.type, f.type)} from "
        f"{type(value).__name__} value {value!r} or request may be missing a required "
        f"field",
    )


def _coerce_text(f: FieldDef, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _parse_error(f, value)
    text = str(value)
    limit = f.length or 131_072
    if len(text) > limit:
        # The real message quotes the value; it is left out here so no content reaches a log.
        raise ApiError(
            400,
            "STRING_TOO_LONG",
            f"{f.label or f.name}: data value too large (max length={limit})",
            [f.name],
        )
    if f.values and text and text not in f.values:
        raise ApiError(
            400,
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
            f"{f.label or f.name}: bad value for restricted picklist field: {text}",
            [f.name],
        )
    if f.type == "email" and text and not _EMAIL_RE.match(text):
        raise ApiError(
            400,
            "INVALID_EMAIL_ADDRESS",
            f"{f.name}: invalid email address: {text}",
            [f.name],
        )
    return text or None


def _coerce_base64(f: FieldDef, value: Any) -> bytes:
    """A base64 field's JSON value (a blob sent inline, up to 37.5 MB base64-encoded)."""
    if not isinstance(value, str):
        raise _parse_error(f, value)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise _parse_error(f, value) from None


def _number(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`convert`, refusing booleans (JSON true is not 1)."""

    def parse(value: Any) -> Any:
        if isinstance(value, bool):
            raise TypeError("a boolean is not a number")
        return convert(value)

    return parse


def _date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError("a date is a string")
    return dt.date.fromisoformat(value[:10])


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    raise ValueError("not a boolean")


def _datetime(value: Any) -> dt.datetime:
    parsed = parse_api_datetime(value)
    if parsed is None:
        raise ValueError("not a datetime")
    return parsed


# How the API reads a JSON value of each non-text, non-reference field type (TypeError or
# ValueError: the value does not fit).
_SCALAR_PARSERS: dict[str, Callable[[Any], Any]] = {
    "boolean": _boolean,
    "int": _number(int),
    "double": _number(float),
    "currency": _number(float),
    "percent": _number(float),
    "date": _date,
    "datetime": _datetime,
}


def _coerce_scalar(f: FieldDef, value: Any) -> Any:
    parse = _SCALAR_PARSERS.get(f.type)
    if parse is None:
        raise _parse_error(f, value)  # pragma: no cover
    try:
        return parse(value)
    except (TypeError, ValueError):
        raise _parse_error(f, value) from None
