"""Gmail's messages read as `chalicelib.mail` messages (users.messages.get with format=full,
users.messages.attachments.get), on one user's connection.

https://developers.google.com/gmail/api/reference/rest/v1/users.messages/get: the payload is
the MIME tree as `MessagePart`s; headers arrive as sent (RFC 2047 encoded words included);
bodies are base64url, often unpadded. A part with a filename (or a large body) carries only
`body.attachmentId`; its bytes come from
https://developers.google.com/gmail/api/reference/rest/v1/users.messages.attachments/get as
JSON `{"size", "data": "<base64url>"}` (a `MessagePartBody`), which `DataMember` decodes as it
streams in, so a 25 MB attachment never sits in memory. A part whose `body.data` is already in
the message needs no call: its id is `part:<partId>` and the reader keeps such small bodies
from the messages it read (bounded), else reads the message again (still one call).
A message id the mailbox does not have answers 404, a malformed one 400 `Invalid id value`
(both `message_not_found`).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import email.message
import email.utils
import json
import re
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from chalicelib import mail
from chalicelib.errors import StratusError
from chalicelib.mail import AttachmentInfo, MailMessage
from chalicelib.providers.oauth2 import JsonApi

MESSAGES = "/gmail/v1/users/me/messages"
PART_PREFIX = "part:"
#: the longest id sent in a path (attachment ids run to several hundred characters)
MAX_ID = 4096
#: the most bytes of in-message part bodies a reader keeps for attachment() (a few images)
KEPT_BYTES = 2 * 1024 * 1024
_MAX_DEPTH = 64
_MAX_PARTS = 1000  # parts of one MIME node looked at (a message of more is not mail)
_B64_TO_STANDARD = bytes.maketrans(b"-_", b"+/")
_BODY_TYPES = ("text/plain", "text/html")


class StreamError(ValueError):
    """The streamed JSON is not an object whose `data` member is a base64url string."""


# -- the incremental decoder ----------------------------------------------------------------------

_WS = b" \t\r\n"
_SIMPLE_ESCAPES = {
    ord('"'): b'"',
    ord("\\"): b"\\",
    ord("/"): b"/",
    ord("b"): b"\b",
    ord("f"): b"\f",
    ord("n"): b"\n",
    ord("r"): b"\r",
    ord("t"): b"\t",
}
_NAME_LIMIT = 256
_STRING_STOP = re.compile(rb'["\\]')


class DataMember:
    """Decodes the base64 string of a JSON object's top-level member `name` ("data") as the
    document arrives in chunks of any size, whatever the members' order, whitespace or
    escapes (RFC 8259: `\\/` and `\\uXXXX` may spell any character). base64url, padded or
    not; the standard alphabet is accepted too (the two cannot be confused). Memory is
    bounded by the chunk size: other values are skipped without being kept, and at most three
    base64 characters wait for the next chunk. `feed` returns the bytes decoded so far;
    `close` checks the document ended well (and `size`, when given, matches)."""

    def __init__(self, name: str = "data") -> None:
        self._name = name
        self._state = self._before_object
        self._depth = 0  # nesting inside a skipped value
        self._in_string = self._escaped = False
        self._key = bytearray()
        self._key_escaped = False
        self._pending = b""  # base64 characters waiting for a multiple of four
        self._escape = b""  # an escape split across chunks, in the data string
        self._pad = 0
        self._found = False
        self._number = bytearray()
        self._current_key = ""
        self.size: int | None = None
        self.decoded = 0

    # -- feeding --------------------------------------------------------------------------
    def feed(self, chunk: bytes) -> bytes:
        out: list[bytes] = []
        view = memoryview(chunk)
        index = 0
        while index < len(view):
            index = self._state(view, index, out)
        return b"".join(out)

    def close(self) -> bytes:
        if self._state != self._after_object:
            raise StreamError("the JSON document ended early")
        if not self._found:
            raise StreamError(f"no {self._name!r} member")
        if self.size is not None and self.size != self.decoded:
            raise StreamError("the decoded size differs from the answered size")
        return b""

    # -- structure ------------------------------------------------------------------------
    @staticmethod
    def _skip_ws(view: memoryview, index: int) -> int:
        while index < len(view) and view[index] in _WS:
            index += 1
        return index

    def _expect(self, view: memoryview, index: int, allowed: bytes) -> tuple[int, int | None]:
        index = self._skip_ws(view, index)
        if index >= len(view):
            return index, None
        if view[index] not in allowed:
            raise StreamError("unexpected character in the JSON document")
        return index + 1, view[index]

    def _before_object(self, view: memoryview, index: int, out: list[bytes]) -> int:
        index, found = self._expect(view, index, b"{")
        if found is not None:
            self._state = self._before_key_or_end
        return index

    def _before_key_or_end(self, view: memoryview, index: int, out: list[bytes]) -> int:
        index, found = self._expect(view, index, b'"}')
        if found == ord("}"):
            self._state = self._after_object
        elif found == ord('"'):
            self._key.clear()
            self._state = self._in_key
        return index

    def _before_key(self, view: memoryview, index: int, out: list[bytes]) -> int:
        index, found = self._expect(view, index, b'"')
        if found is not None:
            self._key.clear()
            self._state = self._in_key
        return index

    def _in_key(self, view: memoryview, index: int, out: list[bytes]) -> int:
        while index < len(view):
            byte = view[index]
            index += 1
            if byte == ord('"') and not self._key_escaped:
                self._current_key = self._key_name()
                self._state = self._before_colon
                return index
            self._key_escaped = byte == ord("\\") and not self._key_escaped
            self._key.append(byte)
            if len(self._key) > _NAME_LIMIT:
                raise StreamError("a member name is too long")
        return index

    def _key_name(self) -> str:
        try:
            return str(json.loads(b'"' + bytes(self._key) + b'"'))
        except ValueError:
            raise StreamError("a member name is not a JSON string") from None

    def _before_colon(self, view: memoryview, index: int, out: list[bytes]) -> int:
        index, found = self._expect(view, index, b":")
        if found is not None:
            self._state = self._before_value
        return index

    def _before_value(self, view: memoryview, index: int, out: list[bytes]) -> int:
        index = self._skip_ws(view, index)
        if index >= len(view):
            return index
        if self._current_key == self._name:
            if view[index] != ord('"') or self._found:
                raise StreamError(f"{self._name!r} is not one base64 string")
            self._found = True
            self._state = self._in_data
            return index + 1
        self._depth, self._in_string, self._escaped = 0, False, False
        self._number.clear()
        self._state = self._in_other_value
        return index

    def _after_value(self, view: memoryview, index: int, out: list[bytes]) -> int:
        index, found = self._expect(view, index, b",}")
        if found == ord(","):
            self._state = self._before_key
        elif found == ord("}"):
            self._state = self._after_object
        return index

    def _after_object(self, view: memoryview, index: int, out: list[bytes]) -> int:
        index = self._skip_ws(view, index)
        if index < len(view):
            raise StreamError("text after the JSON document")
        return index

    # -- a value we do not need (kept only as far as `size` is concerned) -------------------
    def _in_other_value(self, view: memoryview, index: int, out: list[bytes]) -> int:
        while index < len(view):
            if self._in_string:
                index = self._skip_string(view, index)
                continue
            byte = view[index]
            if self._depth == 0 and (byte in b",}" or byte in _WS):
                self._end_other_value()
                return index
            index += 1
            if byte == ord('"'):
                self._in_string = True
            elif byte in b"[{":
                self._depth += 1
            elif byte in b"]}":
                self._depth -= 1
            elif self._depth == 0 and len(self._number) < 32:
                self._number.append(byte)
        return index

    def _skip_string(self, view: memoryview, index: int) -> int:
        if self._escaped:
            self._escaped = False
            return index + 1
        found = _STRING_STOP.search(view, index)
        if found is None:
            return len(view)
        if view[found.start()] == ord("\\"):
            self._escaped = True
        else:
            self._in_string = False
        return found.start() + 1

    def _end_other_value(self) -> None:
        if self._current_key == "size" and self._number:
            text = bytes(self._number).decode("ascii", "replace")
            self.size = int(text) if text.isdigit() else None
        self._state = self._after_value

    # -- the data string --------------------------------------------------------------------
    def _in_data(self, view: memoryview, index: int, out: list[bytes]) -> int:
        if self._escape:
            return self._continue_escape(view, index, out)
        found = _STRING_STOP.search(view, index)
        end = len(view) if found is None else found.start()
        self._take(bytes(view[index:end]), out)
        if found is None:
            return end
        if view[end] == ord('"'):
            self._finish_data(out)
            self._state = self._after_value
        else:
            self._escape = b"\\"
        return end + 1

    def _continue_escape(self, view: memoryview, index: int, out: list[bytes]) -> int:
        """An escape in the data string, perhaps split across chunks (`\\x`, `\\uXXXX`)."""
        need = 6 if len(self._escape) > 1 and self._escape[1] == ord("u") else 2
        if len(self._escape) == 1 and view[index] == ord("u"):
            need = 6
        take = min(need - len(self._escape), len(view) - index)
        self._escape += bytes(view[index : index + take])
        if len(self._escape) == need:
            self._take(_unescape(self._escape), out)
            self._escape = b""
        return index + take

    def _take(self, text: bytes, out: list[bytes]) -> None:
        if not text:
            return
        if self._pad:
            if text.strip(b"="):
                raise StreamError("base64 padding before the end of the data")
            self._pad += len(text)
            return
        stripped = text.rstrip(b"=")
        self._pad = len(text) - len(stripped)
        joined = self._pending + stripped
        whole = len(joined) - len(joined) % 4
        self._pending = joined[whole:]
        if whole:
            out.append(self._decode(joined[:whole]))

    def _finish_data(self, out: list[bytes]) -> None:
        rest = len(self._pending) % 4
        if rest == 1 or (self._pad and (rest + self._pad) % 4 != 0) or self._pad > 2:
            raise StreamError("the base64 data has a wrong length")
        if self._pending:
            out.append(self._decode(self._pending + b"=" * (-len(self._pending) % 4)))
            self._pending = b""

    def _decode(self, text: bytes) -> bytes:
        try:
            data = binascii.a2b_base64(text.translate(_B64_TO_STANDARD), strict_mode=True)
        except binascii.Error:
            raise StreamError("the data is not base64") from None
        self.decoded += len(data)
        return data


def _unescape(escape: bytes) -> bytes:
    """A JSON escape (`\\/`, `\\u002D`...) as the character it spells, UTF-8."""
    if len(escape) == 2:
        simple = _SIMPLE_ESCAPES.get(escape[1])
        if simple is None:
            raise StreamError("an invalid JSON escape")
        return simple
    try:
        return chr(int(escape[2:].decode("ascii"), 16)).encode("utf-8", "replace")
    except ValueError:
        raise StreamError("an invalid JSON \\u escape") from None


def decode_data(chunks: Iterator[bytes], *, chunk: int = mail.CHUNK) -> Iterator[bytes]:
    """The decoded `data` of a streamed MessagePartBody, in chunks of at most `chunk` bytes."""
    member = DataMember()
    for piece in chunks:
        decoded = member.feed(piece)
        for start in range(0, len(decoded), chunk):
            yield decoded[start : start + chunk]
    member.close()


# -- the message ---------------------------------------------------------------------------------


def _b64url(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _headers(part: Mapping[str, Any]) -> dict[str, str]:
    """The part's headers by lower-case name (the first of repeated ones)."""
    out: dict[str, str] = {}
    for header in part.get("headers") or []:
        if isinstance(header, dict):
            out.setdefault(str(header.get("name", "")).lower(), str(header.get("value", "")))
    return out


def _parameter(value: str, name: str) -> str | None:
    message = email.message.Message()
    message["Content-Type"] = value
    found = message.get_param(name)
    return found if isinstance(found, str) else None


@dataclass
class _Walk:
    """What a walk over the MIME tree found."""

    bodies: dict[str, tuple[str, bytes]]  # mime type -> (charset, bytes)
    attachments: list[tuple[Mapping[str, Any], dict[str, str]]]
    kept: dict[str, bytes]  # partId -> in-message body of an attachment


def _walk(part: Mapping[str, Any], found: _Walk, depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        return
    headers = _headers(part)
    body = part.get("body") or {}
    children = part.get("parts") or []
    if children and not part.get("filename"):
        for child in children:
            if isinstance(child, dict):
                _walk(child, found, depth + 1)
        return
    mime = str(part.get("mimeType") or "").lower()
    disposition = headers.get("content-disposition", "").split(";")[0].strip().lower()
    is_body = mime in _BODY_TYPES and not part.get("filename") and disposition != "attachment"
    if is_body and mime not in found.bodies and isinstance(body.get("data"), str):
        charset = _parameter(headers.get("content-type", ""), "charset") or "utf-8"
        found.bodies[mime] = (charset, _b64url(body["data"]))
        return
    if part.get("filename") or body.get("attachmentId"):
        found.attachments.append((part, headers))
        if isinstance(body.get("data"), str):
            found.kept[str(part.get("partId", ""))] = _b64url(body["data"])


def _text(found: _Walk, mime: str) -> str | None:
    if mime not in found.bodies:
        return None
    charset, data = found.bodies[mime]
    try:
        return data.decode(charset, "replace")
    except LookupError:  # a charset Python does not know
        return data.decode("utf-8", "replace")


def _attachment(part: Mapping[str, Any], headers: dict[str, str], html: str) -> AttachmentInfo:
    body = part.get("body") or {}
    raw_cid = headers.get("content-id", "").strip()
    content_id = raw_cid[1:-1] if raw_cid.startswith("<") and raw_cid.endswith(">") else raw_cid
    disposition = headers.get("content-disposition", "").split(";")[0].strip().lower()
    referenced = bool(content_id) and f"cid:{content_id}".lower() in html.lower()
    # Gmail answers a new attachmentId at every read of a message (the part id is stable):
    # the attachment's identity is its part (google_workspace_mcp#237, dust-tt/dust#27314)
    return AttachmentInfo(
        id=f"{PART_PREFIX}{part.get('partId', '')}",
        name=str(part.get("filename") or ""),
        content_type=str(part.get("mimeType") or "application/octet-stream").lower(),
        size=int(body.get("size") or 0),
        inline=referenced or (disposition == "inline" and bool(content_id)),
        content_id=content_id or None,
        # body.size: the part's bytes, decoded (users.messages MessagePartBody), checked by
        # the stream's decoder against the answered size
        exact_size=True,
    )


def _date(headers: dict[str, str], body: Mapping[str, Any]) -> dt.datetime:
    """The Date header; Gmail's internalDate when it is missing or unreadable."""
    try:
        return mail.utc(email.utils.parsedate_to_datetime(headers.get("date", "")))
    except (TypeError, ValueError, IndexError):
        pass
    millis = str(body.get("internalDate") or "")
    if not millis.isdigit():
        raise mail.unreadable("no date")
    return dt.datetime.fromtimestamp(int(millis) / 1000, dt.UTC)


def parse_message(body: Mapping[str, Any]) -> tuple[MailMessage, dict[str, bytes]]:
    """A users.messages.get (format=full) answer as a MailMessage, and the in-message bodies
    of its attachments by partId (`attachment_ids` gives this read's attachmentIds)."""
    payload = body.get("payload")
    if not isinstance(payload, dict):
        raise mail.unreadable("no payload")
    headers = _headers(payload)
    found = _Walk({}, [], {})
    _walk(payload, found)
    html = _text(found, "text/html")
    senders = mail.parse_address_list(headers.get("from")) or mail.parse_address_list(
        headers.get("sender")
    )
    message_id = mail.first_message_id(headers.get("message-id"))
    if not senders:
        raise mail.unreadable("no valid From address")
    if message_id is None:
        raise mail.unreadable("no Message-ID")
    message = MailMessage(
        internet_message_id=message_id,
        subject=mail.decode_text(headers.get("subject")),
        date=_date(headers, body),
        sender=senders[0],
        to=mail.parse_address_list(headers.get("to")),
        cc=mail.parse_address_list(headers.get("cc")),
        bcc=mail.parse_address_list(headers.get("bcc")),
        text=_text(found, "text/plain"),
        html=html,
        in_reply_to=mail.first_message_id(headers.get("in-reply-to")),
        references=mail.message_ids(headers.get("references")),
        attachments=tuple(_attachment(p, h, html or "") for p, h in found.attachments),
    )
    return message, found.kept


def _refused(status: int, body: bytes) -> StratusError | None:
    """404 (no such message or attachment) and 400 (a malformed id: `Invalid id value`, an
    attachment token that is not this message's) mean the item is not there."""
    return mail.not_found() if status in {400, 404} else None


def _segment(value: str) -> str:
    if not value or len(value) > MAX_ID:
        raise mail.not_found()
    return quote(value, safe="")


def attachment_ids(payload: Mapping[str, Any]) -> dict[str, str]:
    """partId -> attachmentId of one read of a message (every part, at any depth)."""
    found: dict[str, str] = {}
    stack: list[Any] = [payload]
    while stack:
        part = stack.pop()
        if not isinstance(part, dict):
            continue
        token = (part.get("body") or {}).get("attachmentId")
        if token:
            found[str(part.get("partId", ""))] = str(token)
        stack.extend((part.get("parts") or [])[:_MAX_PARTS])
    return found


class GmailReader:
    """`chalicelib.mail.MailReader` over Gmail (see the module's docstring). An attachment is
    named by its part (`part:<partId>`); the attachmentId of this reader's own read of the
    message fetches it (Gmail's ids change at every read)."""

    def __init__(self, api: JsonApi) -> None:
        self._api = api
        self._kept: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._tokens: dict[tuple[str, str], str] = {}

    def message(self, message_id: str) -> MailMessage:
        body = self._read(message_id)
        message, kept = parse_message(body)
        for part_id, data in kept.items():
            self._keep((message_id, part_id), data)
        return message

    def _read(self, message_id: str) -> dict[str, Any]:
        body = self._api.get(
            f"{MESSAGES}/{_segment(message_id)}", {"format": "full"}, refused=_refused
        )
        payload = body.get("payload")
        if isinstance(payload, dict):
            for part_id, token in attachment_ids(payload).items():
                self._tokens[(message_id, part_id)] = token
        return body

    def attachment(self, message_id: str, attachment: AttachmentInfo) -> Iterator[bytes]:
        if not attachment.id.startswith(PART_PREFIX):
            raise mail.not_found()
        part_id = attachment.id[len(PART_PREFIX) :]
        if (message_id, part_id) in self._kept:
            return self._in_message(message_id, part_id)
        token = self._tokens.get((message_id, part_id))
        if token is None:  # not read by this reader yet: one read for a current id
            self._read(message_id)
            token = self._tokens.get((message_id, part_id))
            if token is None:
                return self._in_message(message_id, part_id)
        path = f"{MESSAGES}/{_segment(message_id)}/attachments/{_segment(token)}"
        return self._decoded(self._api.stream(path, refused=_refused))

    def _decoded(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        try:
            yield from decode_data(chunks)
        except StreamError as problem:
            raise self._api.unavailable(f"attachment data unreadable ({problem})") from None

    def _in_message(self, message_id: str, part_id: str) -> Iterator[bytes]:
        data = self._kept.pop((message_id, part_id), None)
        if data is None:
            body = self._api.get(
                f"{MESSAGES}/{_segment(message_id)}", {"format": "full"}, refused=_refused
            )
            data = parse_message(body)[1].get(part_id)
            if data is None:
                raise mail.not_found()
        return iter([data[i : i + mail.CHUNK] for i in range(0, len(data), mail.CHUNK)] or [])

    def _keep(self, key: tuple[str, str], data: bytes) -> None:
        self._kept[key] = data
        while sum(len(v) for v in self._kept.values()) > KEPT_BYTES and self._kept:
            self._kept.popitem(last=False)
