"""The demo org's Google accounts (the users of ``devstack.sfemu.seed``), each with a mailbox
and a primary calendar. Everything is deterministic: ids are hashes of the address and an
index, contents are fixed, dates are relative to the emulator's clock at seed time (whole
days), so a test can name what it expects.

Every mailbox holds (``DemoMail`` names them):

- ``plain``: a customer's reply, text and HTML alternatives;
- ``big_attachment``: a ~15 MB PDF (``BIG_ATTACHMENT_SIZE`` bytes) served only through
  ``messages.attachments.get``;
- ``inline_image``: an HTML body showing a PNG by ``cid:`` (``Content-ID``), in
  ``multipart/related``;
- ``drive_link``: a body with a Google Drive sharing link (``DRIVE_LINK``);
- ``sent``: a message the user sent (label ``SENT``), with Cc and Bcc and an RFC 2047 encoded
  Subject (``SENT_SUBJECT``).

``plain`` is a reply (In-Reply-To, References) with a Cc whose name is RFC 2047 encoded
(``CUSTOMER_CC``).

Every calendar holds a weekly recurring meeting with the team (``RRULE``), a call with an
external customer tomorrow, an all-day event next week and a meeting yesterday.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import struct
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from devstack.sfemu.seed import USERS

from .calendar import rfc3339
from .gmail import Message, Part, rfc2822_date

if TYPE_CHECKING:
    from .emulator import GoogleEmulator

BIG_ATTACHMENT_SIZE = 15 * 1024 * 1024
BIG_ATTACHMENT_NAME = "Initech-Master-Agreement-scan.pdf"
DRIVE_LINK = "https://drive.google.com/file/d/1Zx9QeTdrAcmeDemoProposalV3aBcD/view?usp=sharing"
INLINE_CID = "logo-acme@acme.demo"
CUSTOMER = ("Peter Gibbons", "peter.gibbons@initech.com")
TEAM = ("alice@acme.demo", "bob@acme.demo", "maria@acme.demo")
#: a second customer contact whose name arrives as an RFC 2047 encoded word (Cc of ``plain``,
#: Bcc of ``sent``)
CUSTOMER_CC = ("José Müller", "jose.muller@initech.com")
CUSTOMER_CC_ENCODED = "=?UTF-8?B?Sm9zw6kgTcO8bGxlcg==?="
#: the subject of ``sent`` (with an en dash) as encoded words (Q encoding)
SENT_SUBJECT = "Quote for Initech \u2013 10 % off"
SENT_SUBJECT_ENCODED = "=?UTF-8?Q?Quote_for_Initech_=E2=80=93_10_=25_off?="


@dataclass
class DemoMail:
    """Message ids per user: kind -> id."""

    messages: dict[str, dict[str, str]] = field(default_factory=dict)
    events: dict[str, dict[str, str]] = field(default_factory=dict)


def _hex_id(*parts: str, length: int = 16) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:length]


def _sub(email: str) -> str:
    return "1" + str(int(_hex_id("sub", email), 16)).zfill(20)[:20]


@functools.cache
def big_attachment() -> bytes:
    """BIG_ATTACHMENT_SIZE deterministic bytes starting like a PDF (built once, shared)."""
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    blocks = []
    for index in range(BIG_ATTACHMENT_SIZE // 1024 + 1):
        blocks.append(hashlib.sha256(index.to_bytes(4, "big")).digest() * 32)
    body = head + b"".join(blocks)
    return body[: BIG_ATTACHMENT_SIZE - 6] + b"%%EOF\n"


@functools.cache
def logo_png() -> bytes:
    """A valid 16x16 PNG (solid blue)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + b"\x1a\x73\xe8" * 16 for _ in range(16))
    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _alternative(text: str, html: str) -> Part:
    return Part(
        "multipart/alternative",
        parts=[Part("text/plain", data=text.encode()), Part("text/html", data=html.encode())],
    )


def _envelope(
    message_id: str, sender: str, to: str, subject: str, when: dt.datetime
) -> list[tuple[str, str]]:
    return [
        ("MIME-Version", "1.0"),
        ("Date", rfc2822_date(when)),
        ("Message-ID", f"<{message_id}.demo@mail.gmail.com>"),
        ("Subject", subject),
        ("From", sender),
        ("To", to),
    ]


def _mail(
    emu: GoogleEmulator, email: str, kind: str, when: dt.datetime
) -> tuple[str, Part, str, list[str]]:
    """(subject, payload, snippet, labels) of one seeded message."""
    user = emu.users[email]
    me = f"{user.name} <{email}>"
    customer = f"{CUSTOMER[0]} <{CUSTOMER[1]}>"
    mid = _hex_id(email, kind)
    if kind == "plain":
        text = f"Hi {user.given_name},\n\nThanks for the call. Let's renew for Q3.\n\nPeter"
        payload = _alternative(
            text,
            f"<p>Hi {user.given_name},</p><p>Thanks for the call. "
            "Let's renew for <b>Q3</b>.</p><p>Peter</p>",
        )
        payload.headers = [
            *_envelope(mid, customer, me, "Re: Q3 renewal", when),
            ("Cc", f"{CUSTOMER_CC_ENCODED} <{CUSTOMER_CC[1]}>"),
            ("In-Reply-To", f"<{_hex_id(email, 'plain-parent')}.demo@mail.gmail.com>"),
            (
                "References",
                f"<{_hex_id(email, 'plain-root')}.demo@mail.gmail.com>\r\n "
                f"<{_hex_id(email, 'plain-parent')}.demo@mail.gmail.com>",
            ),
        ]
        return (
            "Re: Q3 renewal",
            payload,
            "Hi " + user.given_name + ", Thanks for the call.",
            [
                "INBOX",
                "CATEGORY_PERSONAL",
            ],
        )
    if kind == "big_attachment":
        text = "Please find the signed master agreement attached (scan, 15 MB)."
        pdf = Part(
            "application/pdf",
            headers=[("Content-Disposition", f'attachment; filename="{BIG_ATTACHMENT_NAME}"')],
            filename=BIG_ATTACHMENT_NAME,
            data_factory=big_attachment,
            size_hint=BIG_ATTACHMENT_SIZE,
        )
        payload = Part("multipart/mixed", parts=[_alternative(text, f"<p>{text}</p>"), pdf])
        payload.headers = _envelope(mid, customer, me, "Signed agreement", when)
        return "Signed agreement", payload, text, ["INBOX", "IMPORTANT"]
    if kind == "inline_image":
        html = (
            f'<p>Our new logo:</p><img src="cid:{INLINE_CID}" alt="Acme logo" width="16" '
            'height="16"><p>Marketing</p>'
        )
        image = Part(
            "image/png",
            headers=[
                ("Content-Disposition", 'inline; filename="logo.png"'),
                ("Content-ID", f"<{INLINE_CID}>"),
                ("X-Attachment-Id", "ii_logo"),
            ],
            filename="logo.png",
            data=logo_png(),
        )
        related = Part(
            "multipart/related",
            parts=[_alternative("Our new logo: [image: Acme logo]\n\nMarketing", html), image],
        )
        related.headers = _envelope(mid, "Marketing <marketing@acme.demo>", me, "New logo", when)
        return "New logo", related, "Our new logo: [image: Acme logo] Marketing", ["INBOX"]
    if kind == "drive_link":
        text = f"Here is the proposal draft:\n{DRIVE_LINK}\n\nComments welcome."
        html = (
            f'<p>Here is the proposal draft:</p><div class="gmail_chip"><a href="{DRIVE_LINK}">'
            "Acme proposal v3</a></div><p>Comments welcome.</p>"
        )
        payload = _alternative(text, html)
        payload.headers = _envelope(
            mid, "Bob Brown <bob@acme.demo>", me, "Proposal draft (Google Doc)", when
        )
        return "Proposal draft (Google Doc)", payload, "Here is the proposal draft:", ["INBOX"]
    text = f"Hi Peter,\n\nAttached is the quote we discussed.\n\n{user.given_name}"
    payload = Part("text/plain", data=text.encode())
    payload.headers = [
        *_envelope(mid, me, customer, SENT_SUBJECT_ENCODED, when),
        ("Cc", f"{TEAM[1].split('@')[0].title()} <{TEAM[1]}>"),
        ("Bcc", f"{CUSTOMER_CC_ENCODED} <{CUSTOMER_CC[1]}>"),
    ]
    return "Quote for Initech", payload, "Hi Peter, Attached is the quote we discussed.", ["SENT"]


MAIL_KINDS = ("plain", "big_attachment", "inline_image", "drive_link", "sent")


def _seed_mailbox(emu: GoogleEmulator, email: str, today: dt.datetime, demo: DemoMail) -> None:
    box = emu.mailboxes[email]
    ids: dict[str, str] = {}
    for index, kind in enumerate(MAIL_KINDS):
        when = today - dt.timedelta(days=len(MAIL_KINDS) - index, hours=-9)
        _subject, payload, snippet, labels = _mail(emu, email, kind, when)
        message_id = _hex_id(email, kind)
        box.add(
            Message(
                id=message_id,
                thread_id=message_id,
                label_ids=labels,
                internal_date=when,
                payload=payload,
                snippet=snippet,
                history_id=1000 + index,
            )
        )
        ids[kind] = message_id
    demo.messages[email] = ids


def _timed(when: dt.datetime, zone: str) -> dict[str, str]:
    return {"dateTime": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "timeZone": zone}


def _seed_calendar(emu: GoogleEmulator, email: str, today: dt.datetime, demo: DemoMail) -> None:
    calendar = emu.calendars[email]
    zone = calendar.time_zone
    monday = today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)
    specs: dict[str, dict[str, Any]] = {
        "weekly": {
            "summary": "Weekly pipeline review",
            "start": _timed(monday + dt.timedelta(hours=9), zone),
            "end": _timed(monday + dt.timedelta(hours=9, minutes=30), zone),
            "recurrence": ["RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=12"],
            "attendees": [{"email": e} for e in (email, *(t for t in TEAM if t != email))],
        },
        "customer_call": {
            "summary": "Call with Initech",
            "description": "Renewal terms",
            "start": _timed(today + dt.timedelta(days=1, hours=15), zone),
            "end": _timed(today + dt.timedelta(days=1, hours=16), zone),
            "attendees": [{"email": email}, {"email": CUSTOMER[1]}],
        },
        "offsite": {
            "summary": "Team offsite",
            "start": {"date": (today + dt.timedelta(days=7)).date().isoformat()},
            "end": {"date": (today + dt.timedelta(days=8)).date().isoformat()},
        },
        "demo_yesterday": {
            "summary": "Product demo for Initech",
            "location": "Zoom",
            "start": _timed(today - dt.timedelta(days=1, hours=-14), zone),
            "end": _timed(today - dt.timedelta(days=1, hours=-15), zone),
            "attendees": [{"email": email}, {"email": CUSTOMER[1]}],
        },
    }
    created = rfc3339(today - dt.timedelta(days=30))
    ids: dict[str, str] = {}
    for key, spec in specs.items():
        event_id = _hex_id("event", email, key, length=26)
        event: dict[str, Any] = {
            "kind": "calendar#event",
            "id": event_id,
            "status": "confirmed",
            "htmlLink": f"https://www.google.com/calendar/event?eid={event_id}",
            "created": created,
            "creator": {"email": email, "self": True},
            "organizer": {"email": email, "self": True},
            "iCalUID": f"{event_id}@google.com",
            "sequence": 0,
            "reminders": {"useDefault": True},
            "eventType": "default",
            **spec,
        }
        for attendee in event.get("attendees", []):
            attendee["responseStatus"] = "accepted" if attendee["email"] == email else "needsAction"
            if attendee["email"] == email:
                attendee.update({"organizer": True, "self": True})
        calendar.events[event_id] = event
        calendar.stamp(event, today - dt.timedelta(days=30))
        ids[key] = event_id
    demo.events[email] = ids


def seed_demo_users(emu: GoogleEmulator) -> DemoMail:
    """Add the demo org's accounts with their mailboxes and calendars (idempotent per user)."""
    from .emulator import GoogleUser

    today = emu.clock().astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    demo = DemoMail()
    for username, first, last, _profile, zone, *_ in USERS.values():
        emu.add_user(GoogleUser(username, _sub(username), first, last, zone))
        _seed_mailbox(emu, username, today, demo)
        _seed_calendar(emu, username, today, demo)
    emu.demo = demo
    return demo
