"""What Salesforce checks and creates when the API inserts email activities and files.

EmailMessage (Enhanced Email on or off), its EmailMessageRelation junctions, the Task fallback,
FeedItem, and ContentVersion with the ContentDocument and ContentDocumentLink it brings along.
Sources are cited where each rule is applied.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable
from typing import Any

from .calendar_rules import after_event, after_event_relation, check_event, check_event_relation
from .org import ApiError, Org, StoredBlob, UserView
from .schema import SObjectDef, type_for_id
from .soql import Record

#: Bytes of a file kept in memory for tests to read back; larger files keep only their digest.
KEEP_BYTES_UP_TO = 1024 * 1024

#: Key in Org.blobs of the file a multipart upload is inserting (files.py sets it).
PENDING_UPLOAD = ""

#: JunctionIdList field -> EmailMessageRelation.RelationType it creates.
_JUNCTIONS = {"ToIds": "ToAddress", "CcIds": "CcAddress", "BccIds": "BccAddress"}

#: EmailMessage fields that exist only with Enhanced Email: without it the object is Email-to-
#: Case's and "case is the only object where email message records are created" (help,
#: sales.emailadmin_enhanced_email_considerations.htm).
_ENHANCED_ONLY = ("RelatedToId", "ToIds", "CcIds", "BccIds")

Check = Callable[[Org, UserView, dict[str, Any]], None]
After = Callable[[Org, UserView, Record], None]


def _required(*names: str) -> ApiError:
    return ApiError(
        400,
        "REQUIRED_FIELD_MISSING",
        f"Required fields are missing: [{', '.join(names)}]",
        list(names),
    )


def _type_name(record_id: str | None) -> str | None:
    obj = type_for_id(record_id) if record_id else None
    return obj.name if obj else None


# ---- EmailMessage -------------------------------------------------------------------------------
def check_email_message(org: Org, view: UserView, values: dict[str, Any]) -> None:
    if org.settings.enhanced_email:
        return
    # Without Enhanced Email the fields above do not exist and ParentId (a Case) is required
    # (pre-Enhanced-Email reference: ParentId "Create, Filter", not nillable;
    # http://www.salesforce.com/us/developer/docs/api/Content/sforce_api_objects_emailmessage.htm).
    for name in _ENHANCED_ONLY:
        if name in values:
            raise ApiError(
                400, "INVALID_FIELD", f"No such column '{name}' on sobject of type EmailMessage"
            )
    if not values.get("ParentId"):
        raise _required("ParentId")


def after_email_message(org: Org, view: UserView, record: Record) -> None:
    """One EmailMessageRelation per ToIds/CcIds/BccIds entry, and the Task that Enhanced Email
    creates for every EmailMessage (help, enhanced email considerations)."""
    for field_name, relation_type in _JUNCTIONS.items():
        for person_id in record.get(field_name) or []:
            _insert_relation(org, view, record["Id"], person_id, relation_type)
    if org.settings.enhanced_email:
        record["ActivityId"] = _email_task(org, view, record)


def _insert_relation(
    org: Org, view: UserView, email_id: str, person_id: str, relation_type: str
) -> None:
    person = org.get(person_id) or {}
    org.insert(
        "EmailMessageRelation",
        {
            "EmailMessageId": email_id,
            "RelationId": person_id,
            "RelationType": relation_type,
            "RelationAddress": person.get("Email"),
            "RelationObjectType": _type_name(person_id),
        },
        as_user=view.user_id,
    )


def _email_task(org: Org, view: UserView, email: Record) -> str:
    what = email.get("RelatedToId") or email.get("ParentId")
    people = [p for p in email.get("ToIds") or [] if _type_name(p) in {"Contact", "Lead"}]
    who = people[0] if people else None
    if who is not None and what is not None and _type_name(who) == "Lead":
        who = None  # a Lead cannot share a Task with a Related To record (see check_task)
    status = email.get("Status")
    task = org.insert(
        "Task",
        {
            "Subject": ("Email: " + str(email.get("Subject") or ""))[:255],
            "TaskSubtype": "Email",
            "Status": "Completed" if status != "5" else "Not Started",
            "WhoId": who,
            "WhatId": what,
            "ActivityDate": (email.get("MessageDate") or org.clock()).date(),
        },
        as_user=view.user_id,
    )
    return str(task["Id"])


# ---- EmailMessageRelation -----------------------------------------------------------------------
def check_relation(org: Org, view: UserView, values: dict[str, Any]) -> None:
    if not values.get("RelationId") and not values.get("RelationAddress"):
        raise _required("RelationId")
    if values.get("RelationId"):
        values["RelationObjectType"] = _type_name(values["RelationId"])
    email = org.get(values.get("EmailMessageId"))
    if email is not None and not org.can_access(view.access, email, "edit"):
        raise ApiError(
            400,
            "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
            "insufficient access rights on cross-reference id",
            [],
        )


# ---- Task ---------------------------------------------------------------------------------------
def check_task(org: Org, view: UserView, values: dict[str, Any]) -> None:
    # "If whoId is related to lead, Salesforce does not allow the whatId field to contain any
    # value" (https://rioeducation.com/salesforce-activity-whatid-whoid/); the API answers a
    # field integrity exception naming both fields
    # (https://www.zynbit.com/knowledgebase/what-does-field-integrity-exception-mean/).
    if _type_name(values.get("WhoId")) == "Lead" and values.get("WhatId"):
        raise ApiError(
            400,
            "FIELD_INTEGRITY_EXCEPTION",
            "field integrity exception: WhoId, WhatId (a Lead cannot be related to a record)",
            ["WhoId", "WhatId"],
        )


# ---- FeedItem -----------------------------------------------------------------------------------
def check_feed_item(org: Org, view: UserView, values: dict[str, Any]) -> None:
    kind = values.setdefault("Type", "TextPost" if not values.get("LinkUrl") else "LinkPost")
    if kind == "LinkPost" and not values.get("LinkUrl"):
        raise _required("LinkUrl")
    if kind == "TextPost" and not values.get("Body"):
        raise _required("Body")


# ---- ContentVersion -----------------------------------------------------------------------------
def blob_of(data: bytes) -> StoredBlob:
    return StoredBlob(
        sha256=hashlib.sha256(data).hexdigest(),
        md5=hashlib.md5(data, usedforsecurity=False).hexdigest(),
        size=len(data),
        data=data if len(data) <= KEEP_BYTES_UP_TO else None,
    )


def check_content_version(org: Org, view: UserView, values: dict[str, Any]) -> None:
    """PathOnClient and the file are required; the file arrives inline (base64 VersionData) or
    as the multipart upload's binary part (``_blob`` set by files.py)."""
    data = values.pop("VersionData", None)
    blob = org.blobs.pop(PENDING_UPLOAD, None)
    if isinstance(data, bytes):
        blob = blob_of(data)
    missing = [name for name in ("PathOnClient",) if not values.get(name)]
    if blob is None:
        missing.append("VersionData")
    if missing:
        raise _required(*missing)
    assert blob is not None
    extension = posixpath.splitext(str(values["PathOnClient"]))[1].lstrip(".").lower()
    values.setdefault("Title", posixpath.splitext(str(values["PathOnClient"]))[0])
    values.update(
        {
            "ContentSize": blob.size,
            "FileExtension": extension or None,
            "FileType": extension.upper() or "UNKNOWN",
            "IsLatest": True,
            "VersionNumber": "1",
            "Checksum": blob.md5,
        }
    )
    org.blobs[PENDING_UPLOAD] = blob


def after_content_version(org: Org, view: UserView, record: Record) -> None:
    """The ContentDocument a first version creates, linked to the uploader and to
    FirstPublishLocationId (ContentVersion object reference)."""
    org.blobs[record["Id"]] = org.blobs.pop(PENDING_UPLOAD)
    document = org.insert(
        "ContentDocument",
        {
            "Title": record["Title"],
            "LatestPublishedVersionId": record["Id"],
            "ContentSize": record["ContentSize"],
            "FileExtension": record["FileExtension"],
            "FileType": record["FileType"],
        },
        as_user=view.user_id,
    )
    record["ContentDocumentId"] = document["Id"]
    links = [(view.user_id, "I")]
    if record.get("FirstPublishLocationId"):
        links.append((record["FirstPublishLocationId"], "V"))
    for entity_id, share_type in links:
        org.insert(
            "ContentDocumentLink",
            {
                "ContentDocumentId": document["Id"],
                "LinkedEntityId": entity_id,
                "ShareType": share_type,
                "Visibility": "AllUsers",
            },
            as_user=view.user_id,
        )
    parent = org.get(record.get("FirstPublishLocationId"))
    if parent is not None and "HasAttachment" in parent:
        parent["HasAttachment"] = True


class ActivityRules:
    """The InsertRules the emulator installs on its org."""

    checks: dict[str, Check] = {
        "EmailMessage": check_email_message,
        "EmailMessageRelation": check_relation,
        "Task": check_task,
        "FeedItem": check_feed_item,
        "ContentVersion": check_content_version,
        "EventRelation": check_event_relation,
        "Event": check_event,
    }
    afters: dict[str, After] = {
        "EmailMessage": after_email_message,
        "ContentVersion": after_content_version,
        "Event": after_event,
        "EventRelation": after_event_relation,
    }

    def available(self, org: Org, obj: SObjectDef) -> bool:
        # EmailMessageRelation exists only with Enhanced Email (help, enhanced email).
        return org.settings.enhanced_email or obj.name != "EmailMessageRelation"

    def check(self, org: Org, view: UserView, obj: SObjectDef, values: dict[str, Any]) -> None:
        check = self.checks.get(obj.name)
        if check is not None:
            check(org, view, values)

    def after_insert(self, org: Org, view: UserView, obj: SObjectDef, record: Record) -> None:
        after = self.afters.get(obj.name)
        if after is not None:
            after(org, view, record)
