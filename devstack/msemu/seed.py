"""Deterministic demo mailboxes and calendars for the demo org's users.

Ids come from the user's alias and a fixed key (the same on every seed); dates are relative to
midnight UTC of the emulator's clock at seed time. Every user gets:

- ``proposal``: a message with a ~15 MB PDF attachment (its bytes only through ``$value``),
- ``photos``: an HTML message with an inline image (``cid:`` reference, ``isInline``),
- ``drive_link``: a message whose body links a OneDrive/SharePoint document (no attachment),
- ``intro``: a plain reply from an external contact, with To and Cc recipients and
  ``internetMessageHeaders`` (In-Reply-To, References);
- ``sent``: an HTML message the user sent, with a Bcc recipient;
- a weekly recurring meeting (``weekly``: seriesMaster + occurrences in calendarView), and
  single events (``initech_call`` with an external attendee, ``lunch`` without attendees,
  ``globex_review`` online).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .emulator import MicrosoftEmulator

#: Tenant id of the demo organisation (a fixed GUID).
DEMO_TENANT_ID = "4d6f636b-0000-4000-8000-61636d656465"
DEMO_DOMAIN = "acme.demo"
LARGE_ATTACHMENT_SIZE = 15 * 1024 * 1024 + 4321
EXTERNAL_CONTACT = "peter.gibbons@initech.com"
#: A 1x1 transparent PNG, used as the inline image.
PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

#: alias -> (email, given name, surname, job title, preferred language); the same people as the
#: Salesforce emulator's demo org (devstack/sfemu/seed.py).
USERS: dict[str, tuple[str, str, str, str, str]] = {
    "admin": ("admin@acme.demo", "Ada", "Admin", "Salesforce Administrator", "en-US"),
    "alice": ("alice@acme.demo", "Alice", "Anders", "Account Executive", "en-GB"),
    "bob": ("bob@acme.demo", "Bob", "Brown", "Account Executive", "en-US"),
    "maria": ("maria@acme.demo", "Maria", "Martinez", "Sales Manager", "es-ES"),
    "casey": ("casey@acme.demo", "Casey", "Contractor", "Implementation Contractor", "ja-JP"),
}


def stable_uuid(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "msemu:" + "/".join(parts)))


def graph_id(*parts: str) -> str:
    """An Outlook-style opaque id (``AAMkAG...``), stable for the same parts."""
    digest = hashlib.sha256("/".join(parts).encode()).digest() * 2
    return "AAMkAG" + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def graph_time(value: dt.datetime) -> str:
    """Graph's dateTimeTimeZone.dateTime: local time, seven fractional digits, no offset."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000")


def iso_z(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class DemoMailboxes:
    """What the seed created: alias -> user id, and alias -> key -> message / event id."""

    users: dict[str, str] = field(default_factory=dict)
    messages: dict[str, dict[str, str]] = field(default_factory=dict)
    events: dict[str, dict[str, str]] = field(default_factory=dict)
    attachments: dict[str, dict[str, str]] = field(default_factory=dict)


def _address(email: str, name: str) -> dict[str, Any]:
    return {"emailAddress": {"name": name, "address": email}}


def _name(alias: str) -> str:
    _, given, surname, _, _ = USERS[alias]
    return f"{given} {surname}"


def seed_demo_mailboxes(emu: MicrosoftEmulator, now: dt.datetime | None = None) -> DemoMailboxes:
    """Create the demo users, mailboxes and calendars on ``emu`` (replacing what was there)."""
    base = (now or emu.now()).astimezone(dt.UTC)
    day = base.replace(hour=0, minute=0, second=0, microsecond=0)
    demo = DemoMailboxes()
    emu.reset_data()
    for alias, (email, given, surname, title, language) in USERS.items():
        user_id = stable_uuid("user", alias)
        emu.add_user(
            user_id=user_id,
            email=email,
            given_name=given,
            surname=surname,
            job_title=title,
            preferred_language=language,
        )
        demo.users[alias] = user_id
        demo.messages[alias], demo.attachments[alias] = _seed_mail(emu, alias, user_id, day)
        demo.events[alias] = _seed_calendar(emu, alias, user_id, day)
    emu.demo = demo
    return demo


def _message(
    alias: str, key: str, day: dt.datetime, age_hours: int, **fields: Any
) -> dict[str, Any]:
    received = day - dt.timedelta(hours=age_hours)
    email = USERS[alias][0]
    message: dict[str, Any] = {
        "id": graph_id(alias, "message", key),
        "createdDateTime": iso_z(received),
        "lastModifiedDateTime": iso_z(received),
        "changeKey": "CQAAABYAAAB" + hashlib.sha1(key.encode()).hexdigest()[:20],  # noqa: S324
        "categories": [],
        "receivedDateTime": iso_z(received),
        "sentDateTime": iso_z(received - dt.timedelta(minutes=1)),
        "hasAttachments": False,
        "internetMessageId": f"<{key}.{alias}.{stable_uuid('imid', alias, key)[:8]}@acme.demo>",
        "subject": "",
        "bodyPreview": "",
        "importance": "normal",
        "parentFolderId": graph_id(alias, "folder", "inbox"),
        "conversationId": graph_id(alias, "conversation", key),
        "isRead": False,
        "isDraft": False,
        "webLink": f"https://outlook.office365.com/owa/?ItemID={key}&exvsurl=1&viewmodel=ReadMessageItem",
        "body": {"contentType": "text", "content": ""},
        "sender": _address(EXTERNAL_CONTACT, "Peter Gibbons"),
        "from": _address(EXTERNAL_CONTACT, "Peter Gibbons"),
        "toRecipients": [_address(email, _name(alias))],
        "ccRecipients": [],
        "bccRecipients": [],
        "replyTo": [],
    }
    message.update(fields)
    content = str(message["body"]["content"])
    message["bodyPreview"] = " ".join(content.replace("<", " <").split())[:255]
    return message


def _seed_mail(
    emu: MicrosoftEmulator, alias: str, user_id: str, day: dt.datetime
) -> tuple[dict[str, str], dict[str, str]]:
    email = USERS[alias][0]
    colleague = "bob" if alias != "bob" else "alice"
    keys: dict[str, str] = {}
    attachments: dict[str, str] = {}

    proposal = _message(
        alias,
        "proposal",
        day,
        30,
        subject="Proposal deck for Initech renewal",
        hasAttachments=True,
        body={"contentType": "text", "content": "Hi, the full proposal deck is attached."},
    )
    keys["proposal"] = emu.add_message(user_id, proposal)
    attachments["proposal_pdf"] = emu.add_attachment(
        user_id,
        proposal["id"],
        attachment_id=graph_id(alias, "attachment", "proposal_pdf"),
        name="initech-proposal.pdf",
        content_type="application/pdf",
        size=LARGE_ATTACHMENT_SIZE,
        seed=f"{alias}/proposal_pdf",
    )

    photos = _message(
        alias,
        "photos",
        day,
        20,
        subject="Site visit photos",
        hasAttachments=False,  # Outlook reports only non-inline attachments here
        sender=_address(USERS[colleague][0], _name(colleague)),
        **{"from": _address(USERS[colleague][0], _name(colleague))},
        body={
            "contentType": "html",
            "content": '<html><body><p>Logo from the site visit:</p><img src="cid:logo@acme.demo"'
            ' alt="logo"></body></html>',
        },
    )
    keys["photos"] = emu.add_message(user_id, photos)
    attachments["photos_logo"] = emu.add_attachment(
        user_id,
        photos["id"],
        attachment_id=graph_id(alias, "attachment", "photos_logo"),
        name="logo.png",
        content_type="image/png",
        data=PNG_1X1,
        is_inline=True,
        content_id="logo@acme.demo",
    )

    link = f"https://acmedemo-my.sharepoint.com/:w:/g/personal/{alias}_acme_demo/EcontractDraft01"
    keys["drive_link"] = emu.add_message(
        user_id,
        _message(
            alias,
            "drive_link",
            day,
            10,
            subject="Contract draft (OneDrive)",
            body={
                "contentType": "html",
                "content": f'<html><body><p>The draft is on OneDrive: <a href="{link}">'
                "Contract draft.docx</a></p></body></html>",
            },
        ),
    )
    keys["intro"] = emu.add_message(
        user_id,
        _message(
            alias,
            "intro",
            day,
            5,
            subject="Re: Introduction",
            toRecipients=[_address(email, _name(alias))],
            ccRecipients=[_address(USERS[colleague][0], _name(colleague))],
            body={"contentType": "text", "content": "Thanks for the intro. Talk soon, Peter"},
            internetMessageHeaders=_reply_headers(alias, "intro", "introduction"),
        ),
    )
    sent = _message(
        alias,
        "sent",
        day,
        2,
        subject="Pricing for Initech",
        parentFolderId=graph_id(alias, "folder", "sentitems"),
        isRead=True,
        sender=_address(email, _name(alias)),
        **{"from": _address(email, _name(alias))},
        toRecipients=[_address(EXTERNAL_CONTACT, "Peter Gibbons")],
        bccRecipients=[_address(USERS[colleague][0], _name(colleague))],
        body={"contentType": "html", "content": "<p>Hi Peter,</p><p>Pricing &amp; terms.</p>"},
    )
    keys["sent"] = emu.add_message(user_id, sent)
    return keys, attachments


def _reply_headers(alias: str, key: str, parent: str) -> list[dict[str, str]]:
    """internetMessageHeaders of a reply (Graph returns them only when selected)."""
    parent_id = f"<{parent}.{alias}.{stable_uuid('imid', alias, parent)[:8]}@acme.demo>"
    return [
        {
            "name": "Message-ID",
            "value": f"<{key}.{alias}.{stable_uuid('imid', alias, key)[:8]}@acme.demo>",
        },
        {"name": "In-Reply-To", "value": parent_id},
        {"name": "References", "value": f"<thread-start.{alias}@acme.demo> {parent_id}"},
    ]


def _event(alias: str, key: str, start: dt.datetime, minutes: int, **fields: Any) -> dict[str, Any]:
    email = USERS[alias][0]
    end = start + dt.timedelta(minutes=minutes)
    event: dict[str, Any] = {
        "id": graph_id(alias, "event", key),
        "createdDateTime": iso_z(start - dt.timedelta(days=30)),
        "lastModifiedDateTime": iso_z(start - dt.timedelta(days=30)),
        "changeKey": "DwAAABYAAAB" + hashlib.sha256(key.encode()).hexdigest()[:20],
        "iCalUId": "040000008200E00074C5B7101A82E008" + hashlib.sha256(key.encode()).hexdigest(),
        "subject": "",
        "bodyPreview": "",
        "body": {"contentType": "text", "content": ""},
        "importance": "normal",
        "sensitivity": "normal",
        "isAllDay": False,
        "isCancelled": False,
        "isOrganizer": True,
        "isOnlineMeeting": False,
        "onlineMeeting": None,
        "showAs": "busy",
        "type": "singleInstance",
        "seriesMasterId": None,
        "recurrence": None,
        "start": {"dateTime": graph_time(start), "timeZone": "UTC"},
        "end": {"dateTime": graph_time(end), "timeZone": "UTC"},
        "location": {"displayName": ""},
        "organizer": _address(email, _name(alias)),
        "attendees": [],
        "responseStatus": {"response": "organizer", "time": "0001-01-01T00:00:00Z"},
        "webLink": f"https://outlook.office365.com/owa/?itemid={key}&exvsurl=1&path=/calendar/item",
    }
    event.update(fields)
    return event


def _attendee(email: str, name: str) -> dict[str, Any]:
    return {
        "type": "required",
        "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
        **_address(email, name),
    }


def _seed_calendar(
    emu: MicrosoftEmulator, alias: str, user_id: str, day: dt.datetime
) -> dict[str, str]:
    others = [a for a in ("alice", "bob", "maria") if a != alias][:2]
    team = [_attendee(USERS[a][0], _name(a)) for a in others]
    monday = day - dt.timedelta(days=day.weekday()) - dt.timedelta(weeks=4)
    first = monday.replace(hour=9)
    keys: dict[str, str] = {}
    keys["weekly"] = emu.add_event(
        user_id,
        _event(
            alias,
            "weekly",
            first,
            30,
            subject="Weekly pipeline review",
            type="seriesMaster",
            attendees=team,
            recurrence={
                "pattern": {
                    "type": "weekly",
                    "interval": 1,
                    "month": 0,
                    "dayOfMonth": 0,
                    "daysOfWeek": ["monday"],
                    "firstDayOfWeek": "sunday",
                    "index": "first",
                },
                "range": {
                    "type": "numbered",
                    "startDate": first.date().isoformat(),
                    "endDate": "0001-01-01",
                    "recurrenceTimeZone": "UTC",
                    "numberOfOccurrences": 12,
                },
            },
        ),
    )
    keys["initech_call"] = emu.add_event(
        user_id,
        _event(
            alias,
            "initech_call",
            day + dt.timedelta(days=1, hours=15),
            45,
            subject="Call with Initech",
            attendees=[_attendee(EXTERNAL_CONTACT, "Peter Gibbons")],
            location={"displayName": "Phone"},
        ),
    )
    keys["lunch"] = emu.add_event(
        user_id,
        _event(alias, "lunch", day + dt.timedelta(days=2, hours=12), 60, subject="Lunch"),
    )
    keys["globex_review"] = emu.add_event(
        user_id,
        _event(
            alias,
            "globex_review",
            day - dt.timedelta(days=3, hours=-14),
            60,
            subject="Contract review with Globex",
            isOnlineMeeting=True,
            onlineMeetingProvider="teamsForBusiness",
            onlineMeeting={"joinUrl": "https://teams.microsoft.com/l/meetup-join/globex"},
            attendees=[_attendee("hank.scorpio@globex.example", "Hank Scorpio"), *team[:1]],
        ),
    )
    return keys
