"""Gmail API v1 (https://developers.google.com/gmail/api/reference/rest): mailboxes of MIME
messages and the read methods Stratus uses: ``users.messages.list``, ``users.messages.get``
(``format=full|metadata|minimal|raw``) and ``users.messages.attachments.get``.

A message is a tree of :class:`Part`; ``raw`` is that tree serialised as RFC 5322/2045 text and
``payload`` the same tree as Gmail's ``MessagePart`` JSON. Bodies are base64url encoded
(unpadded). A part with a filename, or a body over ``Mailbox.inline_limit``, carries only
``body.attachmentId`` and ``body.size``: its bytes come only from ``attachments.get``
(https://developers.google.com/gmail/api/reference/rest/v1/users.messages.attachments).
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .wire import b64url

#: Bodies larger than this go through attachments.get even without a filename.
INLINE_LIMIT = 256 * 1024


@dataclass
class Part:
    """One MIME part: a leaf with ``data`` (or ``data_factory`` for big bodies) or a
    multipart container with ``parts``."""

    mime_type: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    data: bytes = b""
    filename: str = ""
    parts: list[Part] = field(default_factory=list)
    data_factory: Callable[[], bytes] | None = None
    size_hint: int | None = None

    def body(self) -> bytes:
        return self.data_factory() if self.data_factory is not None else self.data

    def size(self) -> int:
        if self.size_hint is not None:
            return self.size_hint
        return len(self.body())


@dataclass
class Message:
    id: str
    thread_id: str
    label_ids: list[str]
    internal_date: dt.datetime
    payload: Part
    snippet: str
    history_id: int

    def header(self, name: str) -> str | None:
        for key, value in self.payload.headers:
            if key.lower() == name.lower():
                return value
        return None


def attachment_id(message_id: str, part_id: str, read: int = 0) -> str:
    """An attachment's id as one read of its message answers it. Gmail gives a part a new
    attachmentId at every read of the message (the old ones keep working): clients must not
    use it as the attachment's identity (google_workspace_mcp#237, dust-tt/dust#27314: ids that
    "change each time the message is fetched"). `read` numbers the reads."""
    digest = hashlib.sha256(f"{message_id}/{part_id}/{read}".encode()).digest()
    return "ANGjdJ" + b64url(digest * 2)


def walk(part: Part, part_id: str = "") -> list[tuple[str, Part]]:
    """Every part with Gmail's ``partId`` ("" for the root, then "0", "0.1", ...)."""
    out = [(part_id, part)]
    for index, child in enumerate(part.parts):
        child_id = str(index) if part_id == "" else f"{part_id}.{index}"
        out.extend(walk(child, child_id))
    return out


def _boundary(message_id: str, part_id: str) -> str:
    return "000000000000" + hashlib.sha256(f"{message_id}|{part_id}".encode()).hexdigest()[:16]


def _headers_with_type(part: Part, boundary: str | None) -> list[tuple[str, str]]:
    headers = [(k, v) for k, v in part.headers if k.lower() != "content-type"]
    content_type = part.mime_type
    if boundary is not None:
        content_type += f'; boundary="{boundary}"'
    elif part.mime_type.startswith("text/"):
        content_type += '; charset="UTF-8"'
    if part.filename:
        content_type += f'; name="{part.filename}"'
    return [*headers, ("Content-Type", content_type)]


def serialise(message_id: str, part: Part, part_id: str = "") -> bytes:
    """The part as MIME text (leaves in base64 with 76-character lines)."""
    boundary = _boundary(message_id, part_id) if part.parts else None
    headers = _headers_with_type(part, boundary)
    if boundary is None:
        headers.append(("Content-Transfer-Encoding", "base64"))
    head = "".join(f"{k}: {v}\r\n" for k, v in headers).encode()
    if boundary is None:
        encoded = base64.encodebytes(part.body()).replace(b"\n", b"\r\n")
        return head + b"\r\n" + encoded
    chunks = [head, b"\r\n"]
    for index, child in enumerate(part.parts):
        child_id = str(index) if part_id == "" else f"{part_id}.{index}"
        chunks += [f"--{boundary}\r\n".encode(), serialise(message_id, child, child_id), b"\r\n"]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks)


class Mailbox:
    """One user's messages, newest first in ``list``."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.messages: dict[str, Message] = {}
        self.inline_limit = INLINE_LIMIT
        self._raw_cache: dict[str, bytes] = {}
        self._reads: dict[str, int] = {}  # message id -> how often its parts were listed

    def add(self, message: Message) -> None:
        self.messages[message.id] = message
        self._raw_cache.pop(message.id, None)

    def raw(self, message: Message) -> bytes:
        if message.id not in self._raw_cache:
            self._raw_cache[message.id] = serialise(message.id, message.payload)
        return self._raw_cache[message.id]

    def size_estimate(self, message: Message) -> int:
        return sum(p.size() for _, p in walk(message.payload)) + 1024

    def ordered(self) -> list[Message]:
        return sorted(self.messages.values(), key=lambda m: (m.internal_date, m.id), reverse=True)

    def is_external(self, part: Part) -> bool:
        return not part.parts and (bool(part.filename) or part.size() > self.inline_limit)

    def find_attachment(self, message: Message, attachment: str) -> Part | None:
        """The part an attachmentId of any earlier read names."""
        for read in range(self._reads.get(message.id, 0) + 1):
            for part_id, part in walk(message.payload):
                issued = attachment_id(message.id, part_id, read)
                if self.is_external(part) and issued == attachment:
                    return part
        return None

    def part_json(self, message: Message, part: Part, part_id: str) -> dict[str, Any]:
        body: dict[str, Any] = {"size": 0 if part.parts else part.size()}
        if not part.parts:
            if self.is_external(part):
                read = self._reads.get(message.id, 0)
                body["attachmentId"] = attachment_id(message.id, part_id, read)
            else:
                body["data"] = b64url(part.body())
        boundary = _boundary(message.id, part_id) if part.parts else None
        out: dict[str, Any] = {
            "partId": part_id,
            "mimeType": part.mime_type,
            "filename": part.filename,
            "headers": [{"name": k, "value": v} for k, v in _headers_with_type(part, boundary)],
            "body": body,
        }
        if part.parts:
            out["parts"] = [
                self.part_json(message, child, str(i) if part_id == "" else f"{part_id}.{i}")
                for i, child in enumerate(part.parts)
            ]
        return out

    def message_json(
        self, message: Message, fmt: str, metadata_headers: list[str] | None = None
    ) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": message.id,
            "threadId": message.thread_id,
            "labelIds": list(message.label_ids),
            "snippet": message.snippet,
            "sizeEstimate": self.size_estimate(message),
            "historyId": str(message.history_id),
            "internalDate": str(int(message.internal_date.timestamp() * 1000)),
        }
        if fmt == "raw":
            out["raw"] = b64url(self.raw(message))
        elif fmt == "full":
            self._reads[message.id] = self._reads.get(message.id, 0) + 1
            out["payload"] = self.part_json(message, message.payload, "")
        elif fmt == "metadata":
            wanted = {h.lower() for h in metadata_headers or []}
            headers = [
                {"name": k, "value": v}
                for k, v in _headers_with_type(message.payload, None)
                if not wanted or k.lower() in wanted
            ]
            out["payload"] = {
                "partId": "",
                "mimeType": message.payload.mime_type,
                "filename": "",
                "headers": headers,
                "body": {"size": 0},
            }
        return out


def rfc2822_date(when: dt.datetime) -> str:
    return email.utils.format_datetime(when)


def matches(message: Message, query: str) -> bool:
    """Whether a message matches a Gmail search ``q``: the operators ``from:``, ``to:``,
    ``subject:``, ``rfc822msgid:``, ``label:``/``in:`` and ``has:attachment``
    (https://support.google.com/mail/answer/7190), other words matched in the subject and
    snippet; every term must match. Quoting and OR are not supported."""
    subject = (message.header("Subject") or "").lower()
    text = subject + " " + message.snippet.lower()
    labels = {label.lower() for label in message.label_ids}
    message_id = (message.header("Message-ID") or "").lower().strip("<>")
    operators: dict[str, Callable[[str], bool]] = {
        "from": lambda v: v in (message.header("From") or "").lower(),
        "to": lambda v: v in (message.header("To") or "").lower(),
        "subject": lambda v: v in subject,
        "rfc822msgid": lambda v: v.strip("<>") == message_id,
        "label": lambda v: v in labels,
        "in": lambda v: v in labels,
        "has": lambda v: v == "attachment" and any(p.filename for _, p in walk(message.payload)),
    }
    for term in query.lower().split():
        key, colon, value = term.partition(":")
        operator = operators.get(key) if colon else None
        if not (operator(value) if operator is not None else term in text):
            return False
    return True
