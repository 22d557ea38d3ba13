"""Emails logged into Salesforce as the user: Enhanced Email or a Task, Chatter link posts, and
Files streamed in (REST API, the user's own token: sharing, FLS and validation rules apply).

- Enhanced Email: one Composite request (allOrNone) inserts the `EmailMessage` (its people in
  `ToIds`/`CcIds`/`BccIds`: Salesforce relates each, so the email shows on each one's
  timeline), an `EmailMessageRelation` of type `FromAddress` for a matched sender, and any
  Chatter `FeedItem` link posts. Object reference: developer.salesforce.com/docs/atlas.en-us.
  object_reference.meta/object_reference/sforce_api_objects_emailmessage.htm and
  .../sforce_api_objects_emailmessagerelation.htm.
- Task: the same request with a completed `Task` (`TaskSubtype` Email) instead.
- Files: `ContentVersion` inserted as multipart/form-data (`entity_content` JSON +
  `VersionData` bytes: "Insert or Update Blob Data", REST API Developer Guide), streamed with a
  bounded buffer and `FirstPublishLocationId` = the logged record.

Long text is cut to Salesforce's field lengths with a marker saying so.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from chalicelib.errors import ErrorCode, StratusError
from chalicelib.providers.salesforce import soql
from chalicelib.providers.salesforce.client import SalesforceClient

# Field lengths: EmailMessage.Subject 4,000 (Salesforce help 000385928); TextBody and HtmlBody
# 131,072 and ToAddress/CcAddress/BccAddress 4,000 (help 000386950); Task.Subject 255 and
# Task.Description 32,000 (object reference). Address lists are semicolon-separated.
EMAIL_SUBJECT_MAX = 4000
EMAIL_BODY_MAX = 131_072
ADDRESS_LIST_MAX = 4000
TASK_SUBJECT_MAX = 255
TASK_DESCRIPTION_MAX = 32_000
TRUNCATED = "\n[truncated by Stratus to fit Salesforce]"
#: EmailMessage.Status: '1' Read (a received email), '3' Sent
STATUS_SENT, STATUS_READ = "3", "1"
#: Composite allows 25 subrequests: the activity, its sender relation, the rest link posts
MAX_LINK_POSTS = 20
#: errors that mean "the user may not do this" (the field or object named in the message)
ACCESS_DENIED_CODES = frozenset(
    {
        "INSUFFICIENT_ACCESS",
        "INSUFFICIENT_ACCESS_OR_READONLY",
        "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
        "INVALID_FIELD_FOR_INSERT_UPDATE",
        "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
        "NOT_FOUND",  # an object the profile cannot see at all: sobjects/<Type> answers 404
        "INVALID_TYPE",
    }
)


@dataclass(frozen=True)
class Person:
    """A matched participant: a Contact, a Lead or a User of the org."""

    email: str
    id: str
    type: str  # Contact | Lead | User


@dataclass(frozen=True)
class LinkPost:
    url: str
    title: str | None


@dataclass(frozen=True)
class Activity:
    """What to write for one email (content passes through; nothing of it is kept)."""

    subject: str
    text: str | None = field(repr=False)
    html: str | None = field(repr=False)
    date: datetime
    message_identifier: str
    thread_identifier: str | None
    incoming: bool
    from_address: str
    from_name: str
    to_addresses: Sequence[str]
    cc_addresses: Sequence[str]
    bcc_addresses: Sequence[str]
    to_people: Sequence[Person]
    cc_people: Sequence[Person]
    bcc_people: Sequence[Person]
    sender: Person | None
    related_to: str | None
    link_posts: Sequence[LinkPost] = ()
    link_post_parent: str | None = None


class ActivityRefused(StratusError):
    """Salesforce refused the activity; `sf_code` and `fields` say why."""

    def __init__(self, code: ErrorCode, message: str, sf_code: str, fields: Sequence[str]) -> None:
        super().__init__(code, message, 422)
        self.sf_code = sf_code
        self.fields = tuple(fields)


def cut(text: str | None, limit: int) -> str | None:
    """`text` within `limit` characters, with the marker when it had to be cut."""
    if text is None or len(text) <= limit:
        return text
    return text[: limit - len(TRUNCATED)] + TRUNCATED


def _addresses(values: Sequence[str]) -> str | None:
    joined = "; ".join(values)
    if not joined:
        return None
    if len(joined) <= ADDRESS_LIST_MAX:
        return joined
    kept: list[str] = []
    for value in values:  # whole addresses only
        if len("; ".join([*kept, value])) > ADDRESS_LIST_MAX:
            break
        kept.append(value)
    return "; ".join(kept)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000+0000")


def _ids(people: Iterable[Person]) -> list[str]:
    return list(dict.fromkeys(p.id for p in people))


# -- the Composite request -----------------------------------------------------------------------
def _post(client: SalesforceClient, sobject: str, ref: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "method": "POST",
        "url": f"{client.data_path}/sobjects/{sobject}",
        "referenceId": ref,
        "body": {k: v for k, v in body.items() if v is not None and v != []},
    }


def email_message_requests(client: SalesforceClient, activity: Activity) -> list[dict[str, Any]]:
    """The EmailMessage, its sender relation and link posts (reference `activity`)."""
    body = {
        "Subject": cut(activity.subject, EMAIL_SUBJECT_MAX),
        "TextBody": cut(activity.text, EMAIL_BODY_MAX),
        "HtmlBody": cut(activity.html, EMAIL_BODY_MAX),
        "MessageDate": _iso(activity.date),
        "MessageIdentifier": activity.message_identifier,
        "ThreadIdentifier": activity.thread_identifier,
        "Status": STATUS_READ if activity.incoming else STATUS_SENT,
        "Incoming": activity.incoming,
        "FromAddress": activity.from_address,
        "FromName": activity.from_name or None,
        "ToAddress": _addresses(activity.to_addresses),
        "CcAddress": _addresses(activity.cc_addresses),
        "BccAddress": _addresses(activity.bcc_addresses),
        "ToIds": _ids(activity.to_people),
        "CcIds": _ids(activity.cc_people),
        "BccIds": _ids(activity.bcc_people),
        "RelatedToId": activity.related_to,
    }
    requests = [_post(client, "EmailMessage", "activity", body)]
    if activity.sender is not None:
        relation = {
            "EmailMessageId": "@{activity.id}",
            "RelationId": activity.sender.id,
            "RelationType": "FromAddress",
            "RelationAddress": activity.from_address,
        }
        requests.append(_post(client, "EmailMessageRelation", "sender", relation))
    return requests + _link_posts(client, activity)


def who_for_task(activity: Activity) -> Person | None:
    """The Task's WhoId: the first Contact or Lead in To, then Cc order, then the sender. A Lead
    cannot be the WhoId of a Task with a WhatId (Salesforce refuses it), so with `related_to`
    the first Contact is taken."""
    people = [
        p
        for p in (*activity.to_people, *activity.cc_people, activity.sender)
        if p is not None and p.type in {"Contact", "Lead"}
    ]
    if activity.related_to:
        people = [p for p in people if p.type == "Contact"]
    return people[0] if people else None


def task_subject(subject: str) -> str:
    """The Subject of an email's Task."""
    return cut(f"Email: {subject}", TASK_SUBJECT_MAX) or ""


def task_requests(client: SalesforceClient, activity: Activity) -> list[dict[str, Any]]:
    """A completed email Task (reference `activity`) and link posts."""
    who = who_for_task(activity)
    header = [
        f"From: {activity.from_name} <{activity.from_address}>".replace("From:  <", "From: <"),
        f"To: {', '.join(activity.to_addresses)}",
    ]
    if activity.cc_addresses:
        header.append(f"Cc: {', '.join(activity.cc_addresses)}")
    description = "\n".join(header) + "\n\n" + (activity.text or "")
    body = {
        "Subject": task_subject(activity.subject),
        "Description": cut(description, TASK_DESCRIPTION_MAX),
        "TaskSubtype": "Email",
        "Status": "Completed",
        "Priority": "Normal",
        "ActivityDate": activity.date.astimezone(UTC).strftime("%Y-%m-%d"),
        "WhoId": who.id if who else None,
        "WhatId": activity.related_to,
    }
    return [_post(client, "Task", "activity", body), *_link_posts(client, activity)]


def _link_posts(client: SalesforceClient, activity: Activity) -> list[dict[str, Any]]:
    if not activity.link_posts or not activity.link_post_parent:
        return []
    return [
        _post(
            client,
            "FeedItem",
            f"link{i}",
            {
                "ParentId": activity.link_post_parent,
                "Type": "LinkPost",
                "LinkUrl": post.url,
                "Title": (post.title or "Google Drive")[:255],
                "Body": "Shared in an email logged by Stratus",
            },
        )
        for i, post in enumerate(activity.link_posts[:MAX_LINK_POSTS])
    ]


def insert(client: SalesforceClient, requests: list[dict[str, Any]]) -> str:
    """Run the Composite request (allOrNone); the new activity's id, or ActivityRefused."""
    replies = client.composite(requests, all_or_none=True)
    by_ref = {str(r.get("referenceId")): r for r in replies}
    activity = by_ref.get("activity", {})
    if all(int(r.get("httpStatusCode") or 500) < 300 for r in replies):
        created = activity.get("body") or {}
        if isinstance(created, dict) and created.get("id"):
            return str(created["id"])
    raise refused(_first_real_error(replies))


def _first_real_error(replies: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The error that stopped an allOrNone request (the others say PROCESSING_HALTED)."""
    errors: list[dict[str, Any]] = []
    for reply in replies:
        if int(reply.get("httpStatusCode") or 500) < 300:
            continue
        body = reply.get("body")
        listed = body if isinstance(body, list) else [body or {}]
        errors.extend(e for e in listed if isinstance(e, dict))
    real = [e for e in errors if e.get("errorCode") != "PROCESSING_HALTED"]
    return (real or errors or [{"errorCode": "UNKNOWN", "message": "no answer"}])[0]


def refused(error: dict[str, Any]) -> ActivityRefused:
    """An error of Salesforce's, as the job reports it: access denied names the object or
    field; others keep Salesforce's own message (it names fields, never data)."""
    sf_code = str(error.get("errorCode") or "UNKNOWN")
    message = str(error.get("message") or sf_code)[:300]
    fields = [str(f) for f in error.get("fields") or []]
    named = f" ({', '.join(fields)})" if fields else ""
    if sf_code in ACCESS_DENIED_CODES:
        return ActivityRefused(
            ErrorCode.SALESFORCE_ACCESS_DENIED,
            f"Salesforce does not let this user do that: {message}{named}",
            sf_code,
            fields,
        )
    return ActivityRefused(
        ErrorCode.SALESFORCE_REJECTED, f"Salesforce refused: {message}{named}", sf_code, fields
    )


# -- Files ---------------------------------------------------------------------------------------
def multipart(
    boundary: str, entity: dict[str, Any], filename: str, chunks: Iterable[bytes]
) -> Iterator[bytes]:
    """The multipart/form-data body of a ContentVersion insert, produced as it is sent."""
    safe_name = filename.replace('"', "'").replace("\r", " ").replace("\n", " ")
    yield (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="entity_content"\r\n'
        "Content-Type: application/json\r\n\r\n"
        f"{json.dumps(entity)}\r\n"
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="VersionData"; filename="{safe_name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    for chunk in chunks:
        if chunk:
            yield chunk
    yield f"\r\n--{boundary}--\r\n".encode()


def upload_file(
    client: SalesforceClient,
    parent_id: str,
    filename: str,
    chunks: Callable[[], Iterable[bytes]],
    size: int | None = None,
) -> str:
    """Insert a ContentVersion published to `parent_id`, its bytes streamed from `chunks()`
    (called again if the upload must be sent again after a token renewal); its id. With the
    file's exact `size`, the request has a Content-Length; without, chunked transfer."""
    entity = {
        "Title": filename.rsplit(".", 1)[0][:255] or filename[:255] or "attachment",
        "PathOnClient": filename[:255] or "attachment",
        "FirstPublishLocationId": parent_id,
    }
    boundary = "stratus-" + secrets.token_hex(16)

    def body() -> Iterator[bytes]:
        return multipart(boundary, entity, filename or "attachment", chunks())

    length = None
    if size is not None:
        framing = sum(len(p) for p in multipart(boundary, entity, filename or "attachment", []))
        length = framing + size
    created = client.upload(
        f"{client.data_path}/sobjects/ContentVersion",
        f'multipart/form-data; boundary="{boundary}"',
        body,
        length,
    )
    if not created.get("id"):
        raise refused({"errorCode": "UNKNOWN", "message": "no id for the file"})
    return str(created["id"])


def existing_files(client: SalesforceClient, parent_id: str) -> list[tuple[str, int]]:
    """(PathOnClient, ContentSize) of the files already published to `parent_id`."""
    reply = client.query(
        "SELECT PathOnClient, ContentSize FROM ContentVersion"
        f" WHERE FirstPublishLocationId = {soql.literal(parent_id)} AND IsLatest = true"
    )
    return [
        (str(r.get("PathOnClient") or ""), int(r.get("ContentSize") or 0))
        for r in reply.get("records") or []
        if isinstance(r, dict)
    ]
