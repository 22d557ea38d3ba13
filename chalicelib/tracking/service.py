"""Email tracking: preparing a message per recipient, and reading what happened to it.

Preparing reads the org's settings directly (a change applies to new messages at once),
stores the tracked message in the sender's partition and returns one copy of the HTML per
recipient with its own pixel and links. Reading counts from the events themselves, so counts
are exact whatever the retries were.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from chalicelib.admin.org_settings import read_org_settings
from chalicelib.clock import Clock
from chalicelib.errors import NotFound, StratusError
from chalicelib.sessions import Principal
from chalicelib.store import keys
from chalicelib.store.table import Store
from chalicelib.tracking import classifier, rewrite, tokens
from chalicelib.tracking.events import EventLog, TrackingEvent
from chalicelib.tracking.models import PrepareMessage

#: Lambda returns at most 6 MB (6,291,456 bytes) from a synchronous invocation, and with
#: binary types `*/*` the body travels base64-encoded (4 bytes per 3) inside a JSON envelope
#: with the status and headers: leave room for the envelope.
LAMBDA_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024
_ENVELOPE_BYTES = 16 * 1024
#: Events listed per recipient in a report (the newest); counts always cover every event.
REPORT_EVENTS_PER_RECIPIENT = 50


def json_body(document: Any) -> bytes:
    """A JSON document as UTF-8 bytes (non-ASCII as itself: 3 bytes a CJK character, not 6)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class TrackingConfig:
    public_base_url: str
    retention_seconds: int


def _refuse_if_too_large(body_bytes: int) -> None:
    size = 4 * ((body_bytes + 2) // 3)  # base64
    if size + _ENVELOPE_BYTES > LAMBDA_RESPONSE_LIMIT_BYTES:
        raise StratusError(
            "message_too_large",
            f"The copies for all recipients would be at least {size:,} bytes once encoded, "
            f"over Lambda's response limit of {LAMBDA_RESPONSE_LIMIT_BYTES:,} bytes (6 MB): "
            "prepare fewer recipients per request.",
            400,
        )


def _iso(epoch_seconds: float) -> str:
    return datetime.fromtimestamp(epoch_seconds, UTC).isoformat(timespec="milliseconds")


def prepare_message(
    store: Store,
    clock: Clock,
    signing_keys: tokens.SigningKeys | None,
    config: TrackingConfig,
    principal: Principal,
    request: PrepareMessage,
    random_bytes: Callable[[int], bytes] = secrets.token_bytes,
) -> bytes:
    """Each recipient's copy of the HTML, as the JSON body of the answer; the tracked message
    is stored only once that body is known to fit in Lambda's response."""
    org = read_org_settings(store, principal.org_id)
    if not (org.email_tracking or org.link_tracking):
        raise StratusError(
            "tracking_disabled", "Email and link tracking are both off for this org.", 403
        )
    if signing_keys is None:
        raise StratusError(
            "tracking_not_configured", "Tracking links cannot be signed on this server.", 503
        )
    try:
        parsed = rewrite.parse(request.html)
    except rewrite.InvalidHtml as exc:
        raise StratusError("invalid_html", str(exc), 400) from None
    # Every copy holds at least the original: refuse at once what cannot fit, before rendering.
    _refuse_if_too_large(len(parsed.source.encode("utf-8")) * len(request.recipients))
    now = int(clock.now())
    message_id = tokens.new_message_id(random_bytes(tokens.MESSAGE_ID_BYTES))
    base = tokens.Claim(
        kind="open",
        kid="",
        prepared_at=now,
        message_id=message_id,
        recipient=0,
        sender_fingerprint=tokens.sender_fingerprint(principal.session_id),
        org_id=principal.org_id,
        user_id=principal.user_id,
    )
    copies = []
    for index, email in enumerate(request.recipients):
        mine = replace(base, recipient=index)
        pixel = None
        if org.email_tracking:
            pixel = f"{config.public_base_url}/t/o/{tokens.sign(mine, signing_keys)}"

        def link_url(link: int, url: str, mine: tokens.Claim = mine) -> str:
            claim = replace(mine, kind="click", link=link, url=url)
            return f"{config.public_base_url}/t/c/{tokens.sign(claim, signing_keys)}"

        body = rewrite.render(parsed, link_url if org.link_tracking else None, pixel)
        copies.append({"email": email, "html": body})
    answer = json_body({"id": message_id, "recipients": copies})
    _refuse_if_too_large(len(answer))
    pk, sk = keys.tracked_message_key(principal.org_id, principal.user_id, message_id)
    store.put_if_absent(
        {
            "pk": pk,
            "sk": sk,
            "subject": request.subject,
            "rfc_message_id": request.message_id,
            "recipients": request.recipients,
            "email_tracking": org.email_tracking,
            "link_tracking": org.link_tracking,
            "created_at": now,
            "expires_at": now + config.retention_seconds,
        }
    )
    return answer


# -- reading -----------------------------------------------------------------------------------


def _location(event: TrackingEvent) -> dict[str, str | None] | None:
    return event.location.as_dict()


def _event_view(event: TrackingEvent) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "at": _iso(event.at_ms / 1000),
        "verdict": event.verdict,
        "reason": event.reason,
        "location": _location(event),
        "link": event.link,
        "url": event.url,
    }


@dataclass(frozen=True)
class _Click(classifier.ClickSeen):
    position: int


def with_bursts(events: list[TrackingEvent]) -> list[TrackingEvent]:
    """Apply the burst rule (many links in one second) to the clicks among `events`."""
    clicks = [
        _Click(
            e.message_id,
            e.recipient,
            e.link or 0,
            e.at_ms / 1000,
            classifier.Verdict(e.verdict),
            e.reason,
            i,
        )
        for i, e in enumerate(events)
        if e.kind == "click"
    ]
    out = list(events)
    for click in classifier.reclassify_bursts(clicks):
        event = out[click.position]
        if click.verdict.value != event.verdict:
            out[click.position] = replace(event, verdict=click.verdict.value, reason=click.reason)
    return out


def _recipient_report(
    email: str, events: list[TrackingEvent], urls: dict[tuple[str, int], str]
) -> dict[str, Any]:
    """Counts over every event; the newest REPORT_EVENTS_PER_RECIPIENT listed (oldest first)."""
    opens = [e for e in events if e.kind == "open"]
    clicks = [e for e in events if e.kind == "click"]
    human_opens = [e for e in opens if e.verdict in classifier.HUMAN_OPEN_VERDICTS]
    located = [e for e in events if e.location.as_dict() is not None]
    listed = events[-REPORT_EVENTS_PER_RECIPIENT:]
    return {
        "email": email,
        "opens": len(opens),
        "human_opens": len(human_opens),
        "clicks": len(clicks),
        "human_clicks": sum(1 for e in clicks if e.verdict == classifier.Verdict.HUMAN),
        "first_human_open": _iso(human_opens[0].at_ms / 1000) if human_opens else None,
        "last_human_open": _iso(human_opens[-1].at_ms / 1000) if human_opens else None,
        "location": _location(located[-1]) if located else None,
        "events": [_event_view(_with_url(e, urls)) for e in listed],
        "events_truncated": len(events) > len(listed),
    }


def _with_url(event: TrackingEvent, urls: dict[tuple[str, int], str]) -> TrackingEvent:
    if event.link is None or event.url is not None:
        return event
    return replace(event, url=urls.get((event.message_id, event.link)))


def message_report(
    store: Store, event_log: EventLog, principal: Principal, message_id: str
) -> dict[str, Any]:
    """Per recipient: exact counts over every event, first and last human open, location, and
    the newest REPORT_EVENTS_PER_RECIPIENT events (so the answer stays small however many)."""
    not_found = NotFound("No tracked message with this id.")
    if not tokens.is_message_id(message_id):
        raise not_found
    key = keys.tracked_message_key(principal.org_id, principal.user_id, message_id)
    message = store.get(key)
    if message is None:
        raise not_found  # another user's message is simply not in this user's partition
    summaries = event_log.summaries(principal.org_id, principal.user_id, message_id)
    events = with_bursts(sorted(summaries, key=lambda e: (e.at_ms, e.event_id)))
    recipients = [str(r) for r in message.get("recipients", [])]
    by_recipient: dict[int, list[TrackingEvent]] = {i: [] for i in range(len(recipients))}
    for event in events:
        by_recipient.setdefault(event.recipient, []).append(event)
    listed = _listed(by_recipient.get(i, []) for i in range(len(recipients)))
    urls = event_log.link_urls(listed)
    return {
        "id": message_id,
        "subject": message.get("subject"),
        "message_id": message.get("rfc_message_id"),
        "created_at": _iso(int(message["created_at"])),
        "email_tracking": bool(message.get("email_tracking")),
        "link_tracking": bool(message.get("link_tracking")),
        "recipients": [
            _recipient_report(email, by_recipient.get(i, []), urls)
            for i, email in enumerate(recipients)
        ],
    }


def _listed(per_recipient: Iterable[list[TrackingEvent]]) -> list[TrackingEvent]:
    return [e for events in per_recipient for e in events[-REPORT_EVENTS_PER_RECIPIENT:]]


def activity(
    store: Store,
    principal: Principal,
    *,
    since: datetime | None,
    limit: int,
    cursor: str | None,
) -> dict[str, Any]:
    """The user's newest events across messages, one page at a time (newest first)."""
    pk = keys.user_pk(principal.org_id, principal.user_id)
    page = store.query(
        pk,
        index="gsi1",
        sk_prefix=keys.TRACKING_ACTIVITY_PREFIX,
        limit=limit,
        cursor=cursor,
        newest_first=True,
    )
    since_ms = int(since.timestamp() * 1000) if since is not None else None
    events = [TrackingEvent.from_item(principal.org_id, principal.user_id, i) for i in page.items]
    next_cursor = page.cursor
    if since_ms is not None and any(e.at_ms < since_ms for e in events):
        events = [e for e in events if e.at_ms >= since_ms]
        next_cursor = None  # newest first: everything further is older still
    events = with_bursts(events)
    messages: dict[str, dict[str, Any] | None] = {}
    for event in events:
        if event.message_id not in messages:
            messages[event.message_id] = store.get(
                keys.tracked_message_key(principal.org_id, principal.user_id, event.message_id),
                consistent=False,
            )
    out = []
    for event in events:
        message = messages.get(event.message_id) or {}
        recipients = message.get("recipients") or []
        out.append(
            {
                **_event_view(event),
                "message_id": event.message_id,
                "subject": message.get("subject"),
                "recipient": (
                    str(recipients[event.recipient]) if event.recipient < len(recipients) else None
                ),
            }
        )
    return {"events": out, "cursor": next_cursor}
