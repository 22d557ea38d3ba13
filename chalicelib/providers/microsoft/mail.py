"""Outlook messages read through Microsoft Graph as `chalicelib.mail` messages.

One call per message: `GET /v1.0/me/messages/{id}` with `$select` (only what we log;
`internetMessageHeaders` is returned only when selected and carries In-Reply-To and References,
https://learn.microsoft.com/graph/api/resources/message) and
`$expand=attachments($select=...)` (the attachment list in the same answer, without
`contentBytes`: https://learn.microsoft.com/graph/query-parameters#expand,
https://learn.microsoft.com/en-us/answers/questions/1622182). One call per attachment:
`GET .../attachments/{id}/$value`, the raw bytes streamed
(https://learn.microsoft.com/graph/api/attachment-get).

Graph gives one body, HTML by default: `html` is it and `text` is derived from it
(`chalicelib.mail.html_to_text`); a text body gives `text` only. Attachments: file attachments
as they are; item attachments (an attached Outlook message or event) as `message/rfc822`, since
their `$value` is the item's MIME; reference attachments (links to OneDrive/SharePoint files)
are left out: they have no bytes here, and the body carries the link. A message the mailbox does
not have answers 404 `ErrorItemNotFound`, a malformed id 400 `ErrorInvalidIdMalformed` (both
`message_not_found`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote

from chalicelib import mail
from chalicelib.errors import StratusError
from chalicelib.mail import AttachmentInfo, MailMessage
from chalicelib.providers.oauth2 import JsonApi

MESSAGES = "/v1.0/me/messages"
FILE = "#microsoft.graph.fileAttachment"
ITEM = "#microsoft.graph.itemAttachment"
#: the longest id sent in a path (attachment ids run to several hundred characters)
MAX_ID = 4096
MESSAGE_FIELDS = (
    "internetMessageId",
    "subject",
    "sentDateTime",
    "receivedDateTime",
    "from",
    "sender",
    "toRecipients",
    "ccRecipients",
    "bccRecipients",
    "body",
    "internetMessageHeaders",
)
#: contentId belongs to fileAttachment, so it is selected through a type cast
ATTACHMENT_FIELDS = (
    "id",
    "name",
    "contentType",
    "size",
    "isInline",
    "microsoft.graph.fileAttachment/contentId",
)
QUERY = {
    "$select": ",".join(MESSAGE_FIELDS),
    "$expand": f"attachments($select={','.join(ATTACHMENT_FIELDS)})",
}
_MISSING = frozenset({"ErrorItemNotFound", "ErrorInvalidIdMalformed"})


def _refused(status: int, body: bytes) -> StratusError | None:
    if status == 404:
        return mail.not_found()
    if status == 400:
        try:
            code = json.loads(body)["error"]["code"]
        except (ValueError, KeyError, TypeError):
            return None
        return mail.not_found() if code in _MISSING else None
    return None


def _segment(value: str) -> str:
    if not value or len(value) > MAX_ID:
        raise mail.not_found()
    return quote(value, safe="")


def _recipients(value: Any) -> tuple[mail.Address, ...]:
    pairs = []
    for recipient in value if isinstance(value, list) else []:
        box = recipient.get("emailAddress") if isinstance(recipient, dict) else None
        if isinstance(box, dict):
            pairs.append((str(box.get("address") or ""), str(box.get("name") or "")))
    return mail.addresses(pairs)


def _time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return mail.utc(dt.datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


def _headers(body: Mapping[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for header in body.get("internetMessageHeaders") or []:
        if isinstance(header, dict):
            out.setdefault(str(header.get("name", "")).lower(), str(header.get("value", "")))
    return out


def _attachment(item: Mapping[str, Any]) -> AttachmentInfo | None:
    kind = item.get("@odata.type")
    if kind not in {FILE, ITEM}:
        return None  # a reference attachment: a link, no bytes (see the module's docstring)
    content_id = item.get("contentId")
    return AttachmentInfo(
        id=str(item.get("id") or ""),
        name=str(item.get("name") or ""),
        content_type="message/rfc822"
        if kind == ITEM
        else str(item.get("contentType") or "application/octet-stream").lower(),
        size=int(item.get("size") or 0),
        inline=bool(item.get("isInline")),
        content_id=str(content_id).strip("<>") if content_id else None,
    )


def _bodies(body: Any) -> tuple[str | None, str | None]:
    """(text, html) of Graph's one body."""
    if not isinstance(body, dict) or not isinstance(body.get("content"), str):
        return None, None
    content = str(body["content"])
    if str(body.get("contentType", "")).lower() == "html":
        return mail.html_to_text(content), content
    return content, None


def parse_message(body: Mapping[str, Any]) -> MailMessage:
    """A Graph message (selected as QUERY asks) as a MailMessage."""
    senders = _recipients([body.get("from"), body.get("sender")])
    message_id = mail.first_message_id(str(body.get("internetMessageId") or ""))
    when = _time(body.get("sentDateTime")) or _time(body.get("receivedDateTime"))
    if not senders:
        raise mail.unreadable("no valid From address")
    if message_id is None:
        raise mail.unreadable("no Message-ID")
    if when is None:
        raise mail.unreadable("no date")
    headers = _headers(body)
    text, html = _bodies(body.get("body"))
    listed = (_attachment(a) for a in body.get("attachments") or [] if isinstance(a, dict))
    return MailMessage(
        internet_message_id=message_id,
        subject=" ".join(str(body.get("subject") or "").split()),
        date=when,
        sender=senders[0],
        to=_recipients(body.get("toRecipients")),
        cc=_recipients(body.get("ccRecipients")),
        bcc=_recipients(body.get("bccRecipients")),
        text=text,
        html=html,
        in_reply_to=mail.first_message_id(headers.get("in-reply-to")),
        references=mail.message_ids(headers.get("references")),
        attachments=tuple(a for a in listed if a is not None and a.id),
    )


class GraphMailReader:
    """`chalicelib.mail.MailReader` over Microsoft Graph (see the module's docstring)."""

    def __init__(self, api: JsonApi) -> None:
        self._api = api

    def message(self, message_id: str) -> MailMessage:
        body = self._api.get(f"{MESSAGES}/{_segment(message_id)}", QUERY, refused=_refused)
        return parse_message(body)

    def attachment(self, message_id: str, attachment: AttachmentInfo) -> Iterator[bytes]:
        path = f"{MESSAGES}/{_segment(message_id)}/attachments/{_segment(attachment.id)}/$value"
        return self._api.stream(path, headers={"Accept": "*/*"}, refused=_refused)
