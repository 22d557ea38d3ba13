"""A message read from a user's mailbox (Gmail or Outlook), provider-neutral.

Providers implement `MailReader` (`GoogleProvider.mail_reader`, `MicrosoftProvider.mail_reader`);
the email-logging job reads a message and streams its attachments through it. Nothing read here
is stored or logged: a `MailMessage` lives as long as the job's unit of work, and attachments
pass through in chunks of at most `CHUNK` bytes (never whole in memory, never on disk).
The helpers below are what both providers share: RFC 5322 address lists and RFC 2047 encoded
words (through the standard library's `email` package), message-id lists, a small HTML-to-text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email.headerregistry import HeaderRegistry
from html.parser import HTMLParser
from typing import Protocol

from chalicelib import addresses as address_rules
from chalicelib.errors import ErrorCode, StratusError

#: the largest chunk an attachment's bytes are handed over in
CHUNK = 64 * 1024
_MSG_ID = re.compile(r"<[^<>\s]+>")
_HEADERS = HeaderRegistry()


@dataclass(frozen=True)
class Address:
    """One mailbox: the address lower-cased (validated with chalicelib.addresses), its name."""

    email: str
    name: str = ""


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment as listed with its message; `id` is the provider's handle for its bytes.
    `inline` means the body shows it (an image referenced by `cid:`), `content_id` without
    its angle brackets."""

    id: str
    name: str
    content_type: str
    size: int
    inline: bool
    content_id: str | None
    #: whether `size` is the exact number of bytes the attachment's stream yields (Gmail's
    #: part size and a client's bytes are; Graph's `size` is not documented to be)
    exact_size: bool = False


@dataclass(frozen=True)
class MailMessage:
    """One message (repr-hidden: it holds content and recipients that must not be logged)."""

    internet_message_id: str  # the Message-ID header, with its <>
    subject: str
    date: dt.datetime  # aware, UTC
    sender: Address
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    bcc: tuple[Address, ...]
    text: str | None
    html: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    attachments: tuple[AttachmentInfo, ...]

    def __repr__(self) -> str:
        return f"MailMessage(<{len(self.attachments)} attachments>)"


class MailReader(Protocol):
    """Reads one user's mailbox through their connection."""

    def message(self, message_id: str) -> MailMessage:
        """The message (exactly one provider call); 404 `message_not_found` when the mailbox
        has no such message; the provider's busy/unavailable errors (retryable) otherwise."""
        ...

    def attachment(self, message_id: str, attachment: AttachmentInfo) -> Iterator[bytes]:
        """The attachment's raw bytes in chunks of at most CHUNK bytes (at most one provider
        call, sent before the first chunk is asked for)."""
        ...


def not_found() -> StratusError:
    return StratusError(ErrorCode.MESSAGE_NOT_FOUND, "The mailbox has no such message.", 404)


def unreadable(why: str) -> StratusError:
    """A message we cannot log as it is (retrying will not change it); `why` names no content."""
    return StratusError(ErrorCode.MESSAGE_UNREADABLE, f"The message cannot be read: {why}.", 422)


def address(email: str, name: str = "") -> Address | None:
    """The Address, or None when `email` could not be one."""
    text = email.strip()
    if not address_rules.is_valid(text):
        return None
    return Address(address_rules.normalise(text), " ".join(name.split()))


def addresses(pairs: Iterable[tuple[str, str]]) -> tuple[Address, ...]:
    """The valid ones of (email, name) pairs, in order, without repeats."""
    out: dict[str, Address] = {}
    for email, name in pairs:
        found = address(email, name)
        if found is not None and found.email not in out:
            out[found.email] = found
    return tuple(out.values())


def parse_address_list(value: str | None) -> tuple[Address, ...]:
    """An RFC 5322 address-list header (From, To, Cc, Bcc) with RFC 2047 encoded names; group
    members are included, what is not an address is left out."""
    if not value:
        return ()
    try:
        parsed = _HEADERS("To", value).addresses  # type: ignore[attr-defined]
        pairs = [(str(a.addr_spec), str(a.display_name or "")) for a in parsed]
    except Exception:  # a header too broken to parse names no one we could log it for
        return ()
    return addresses(pairs)


def decode_text(value: str | None) -> str:
    """An unstructured header (Subject) with its RFC 2047 encoded words decoded."""
    if not value:
        return ""
    try:
        return " ".join(str(_HEADERS("Subject", value)).split())
    except Exception:  # keep what was sent rather than lose the subject
        return " ".join(value.split())


def message_ids(value: str | None) -> tuple[str, ...]:
    """The `<...>` message ids of a References or In-Reply-To header, in order."""
    return tuple(_MSG_ID.findall(value or ""))


def first_message_id(value: str | None) -> str | None:
    found = message_ids(value)
    return found[0] if found else None


_SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript"})
_BLOCKS = frozenset(
    {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr"}
    | {"table", "ul", "ol", "pre", "section", "article", "header", "footer"}
)


class _TextOf(HTMLParser):
    """Text of an HTML body: no script/style, blocks on lines of their own, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body (no markup is ever interpreted: parsed, not rendered)."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def utc(when: dt.datetime) -> dt.datetime:
    """An aware datetime in UTC (a naive one is read as UTC)."""
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
