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
from typing import Any

from chalicelib.clock import Clock
from chalicelib.errors import ErrorCode, NotFound, StratusError
from chalicelib.idempotency import Idempotency
from chalicelib.org_settings import OrgSettings, OrgSettingsSource
from chalicelib.sessions import Principal
from chalicelib.store.tracked_messages import TrackedMessage, TrackedMessages
from chalicelib.store.tracking_events import TrackingEvent, TrackingEvents
from chalicelib.timefmt import rfc3339
from chalicelib.tracking import classifier, rewrite, tokens
from chalicelib.tracking.models import ActivityQuery, PrepareMessage
from chalicelib.usage import NOT_COUNTED, TRACKED_MESSAGES, UsageCounter
from chalicelib.user_settings import Personal

#: Lambda returns at most 6 MB (6,291,456 bytes) from a synchronous invocation, and with
#: binary types `*/*` the body travels base64-encoded (4 bytes per 3) inside a JSON envelope
#: with the status and headers: leave room for the envelope.
LAMBDA_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024
_ENVELOPE_BYTES = 16 * 1024
#: Events listed per recipient in a report (the newest); counts always cover every event.
REPORT_EVENTS_PER_RECIPIENT = 50
IDEMPOTENCY_ROUTE = "tracking_messages"  # the Idempotency-Key records' route (sk prefix)


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
            ErrorCode.MESSAGE_TOO_LARGE,
            f"The copies for all recipients would be at least {size:,} bytes once encoded, "
            f"over Lambda's response limit of {LAMBDA_RESPONSE_LIMIT_BYTES:,} bytes (6 MB): "
            "prepare fewer recipients per request.",
            400,
        )


def _configured(signing_keys: tokens.SigningKeys | None) -> tokens.SigningKeys:
    if signing_keys is None:
        raise StratusError(
            ErrorCode.TRACKING_NOT_CONFIGURED,
            "Tracking links cannot be signed on this server.",
            503,
        )
    return signing_keys


@dataclass(frozen=True)
class _Prepared:
    """A prepared answer and what a replay needs to render it again (no content: the stored
    reference names nobody, PITFALLS)."""

    answer: bytes
    message_id: str
    sender: bytes  # the preparing session's one-way tag, signed into every token
    kid: str  # the key that signed the tokens

    @property
    def reference(self) -> dict[str, Any]:
        return {"message": self.message_id, "sender": self.sender.hex(), "kid": self.kid}


#: Where the open and the click tokens' settings come from (signed into each token).
_Sources = tuple[tokens.Source, tokens.Source]


def _org_only(settings: OrgSettings) -> Personal:
    return Personal(settings, settings)


def _sources(personal: Personal) -> _Sources:
    return personal.source("email_tracking"), personal.source("link_tracking")


def _parsed(html: str) -> rewrite.ParsedHtml:
    try:
        return rewrite.parse(html)
    except rewrite.InvalidHtml as exc:
        raise StratusError(ErrorCode.INVALID_HTML, str(exc), 400) from None


@dataclass(frozen=True)
class Tracking:
    """The tracking feature behind its routes (the hot paths are `hits.HotPath`)."""

    messages: TrackedMessages
    events: TrackingEvents
    org_settings: OrgSettingsSource  # read directly: a change applies to new messages at once
    signing_keys: Callable[[], tokens.SigningKeys | None]  # per request: a secret may come back
    clock: Clock
    config: TrackingConfig
    random_bytes: Callable[[int], bytes] = secrets.token_bytes
    usage: UsageCounter = NOT_COUNTED  # the dashboard's figures (chalicelib/usage.py)

    idempotency: Idempotency | None = None  # Idempotency-Key on prepare (None: keys ignored)
    #: (org id, user id) -> the org's settings as they apply to the user (their own choices
    #: where the org allows them: chalicelib/user_settings.py) beside the org's own; None:
    #: the org's settings
    settings_for: Callable[[str, str], Personal] | None = None

    # -- preparing -----------------------------------------------------------------------------
    def prepare(
        self,
        principal: Principal,
        request: PrepareMessage,
        *,
        idempotency_key: str | None = None,
        body: Any = None,
        lambda_context: Any = None,
    ) -> bytes:
        """Each recipient's copy of the HTML, as the JSON body of the answer; once per
        Idempotency-Key: a replay renders the first answer again from the stored message."""
        if idempotency_key is None or self.idempotency is None:
            return self._prepare(principal, request).answer
        made: list[bytes] = []

        def once() -> dict[str, Any]:
            prepared = self._prepare(principal, request)
            made.append(prepared.answer)
            return prepared.reference

        reference = self.idempotency.run(
            principal.org_id,
            principal.user_id,
            IDEMPOTENCY_ROUTE,
            idempotency_key,
            body,
            once,
            lambda_context,
        )
        return made[0] if made else self._replay(principal, request, reference)

    def _prepare(self, principal: Principal, request: PrepareMessage) -> _Prepared:
        """Prepare the copies; the tracked message is stored only once the answer is known to
        fit in Lambda's response."""
        signing_keys = self.signing_keys()
        personal = (
            self.settings_for(principal.org_id, principal.user_id)
            if self.settings_for is not None
            else _org_only(self.org_settings.get(principal.org_id))
        )
        org = personal.settings
        if not (org.email_tracking or org.link_tracking):
            raise StratusError(
                ErrorCode.TRACKING_DISABLED,
                "Email and link tracking are both off for this org.",
                403,
            )
        signing_keys = _configured(signing_keys)
        parsed = _parsed(request.html)
        # Every copy holds at least the original: refuse at once what cannot fit, before rendering.
        _refuse_if_too_large(len(parsed.source.encode("utf-8")) * len(request.recipients))
        message = self._message(principal, request, org)
        sender = tokens.sender_fingerprint(principal.session_id)
        answer = self._render(
            parsed, message, request.recipients, sender, signing_keys, _sources(personal)
        )
        self.messages.create(message)
        self.usage.count(principal.org_id, principal.user_id, TRACKED_MESSAGES)
        return _Prepared(answer, message.message_id, sender, signing_keys.current_kid)

    def _replay(
        self, principal: Principal, request: PrepareMessage, reference: dict[str, Any]
    ) -> bytes:
        """The first answer again: the same body renders the same copies from the stored
        message (its id, time and settings), the first request's session tag and, while it is
        configured, the key that signed them."""
        message = self.messages.get(principal.org_id, principal.user_id, str(reference["message"]))
        if message is None:  # deleted with the account, or retention under the key's 24 hours
            raise NotFound("The tracked message this Idempotency-Key prepared has expired.")
        signing_keys = _configured(self.signing_keys())
        kid = str(reference["kid"])
        if kid in signing_keys.keys:
            signing_keys = replace(signing_keys, current_kid=kid)
        sender = bytes.fromhex(str(reference["sender"]))
        sources = _sources(_org_only(self.org_settings.get(principal.org_id)))
        return self._render(
            _parsed(request.html), message, request.recipients, sender, signing_keys, sources
        )

    def _render(
        self,
        parsed: rewrite.ParsedHtml,
        message: TrackedMessage,
        recipients: list[str],
        sender: bytes,
        signing_keys: tokens.SigningKeys,
        sources: _Sources,
    ) -> bytes:
        """The answer's JSON body: one copy per recipient with its own tokens."""
        base = tokens.Claim(
            kind="open",
            kid="",
            prepared_at=message.created_at,
            message_id=message.message_id,
            recipient=0,
            sender_fingerprint=sender,
            org_id=message.org_id,
            user_id=message.user_id,
            # links outlive the message's retention by a grace period, then answer 404
            expires_at=message.expires_at + tokens.GRACE_SECONDS,
        )
        copies = [
            {
                "email": email,
                "html": self._copy(
                    parsed, replace(base, recipient=i), message, signing_keys, sources
                ),
            }
            for i, email in enumerate(recipients)
        ]
        answer = json_body({"id": message.message_id, "recipients": copies})
        _refuse_if_too_large(len(answer))
        return answer

    def _message(
        self, principal: Principal, request: PrepareMessage, org: OrgSettings
    ) -> TrackedMessage:
        now = int(self.clock.now())
        return TrackedMessage(
            org_id=principal.org_id,
            user_id=principal.user_id,
            message_id=tokens.new_message_id(self.random_bytes(tokens.MESSAGE_ID_BYTES)),
            subject=request.subject,
            rfc_message_id=request.message_id,
            recipients=tuple(request.recipients),
            email_tracking=org.email_tracking,
            link_tracking=org.link_tracking,
            created_at=now,
            expires_at=now + self.config.retention_seconds,
        )

    def _copy(
        self,
        parsed: rewrite.ParsedHtml,
        mine: tokens.Claim,
        message: TrackedMessage,
        signing_keys: tokens.SigningKeys,
        sources: _Sources,
    ) -> str:
        """One recipient's HTML: their own pixel and links, as the org's settings said when the
        message was prepared, each token signed with where its setting came from."""
        base_url = self.config.public_base_url
        pixel = None
        if message.email_tracking:
            pixel = f"{base_url}/t/o/{tokens.sign(replace(mine, source=sources[0]), signing_keys)}"

        def link_url(link: int, url: str) -> str:
            claim = replace(mine, kind="click", link=link, url=url, source=sources[1])
            return f"{base_url}/t/c/{tokens.sign(claim, signing_keys)}"

        return rewrite.render(parsed, link_url if message.link_tracking else None, pixel)

    # -- reading -------------------------------------------------------------------------------
    def report(self, principal: Principal, message_id: str) -> dict[str, Any]:
        """Per recipient: exact counts over every event, first and last human open, location,
        and the newest REPORT_EVENTS_PER_RECIPIENT events (so the answer stays small however
        many)."""
        org_id, user_id = principal.org_id, principal.user_id
        message = None
        if tokens.is_message_id(message_id):
            message = self.messages.get(org_id, user_id, message_id)
        if message is None:  # another user's message is simply not in this user's partition
            raise NotFound("No tracked message with this id.")
        summaries = self.events.summaries(org_id, user_id, message_id)
        events = with_bursts(sorted(summaries, key=lambda e: (e.at_ms, e.event_id)))
        by_recipient: list[list[TrackingEvent]] = [[] for _ in message.recipients]
        for event in events:
            if event.recipient < len(by_recipient):
                by_recipient[event.recipient].append(event)
        urls = self.events.link_urls(_listed(by_recipient))
        return {
            "id": message_id,
            "subject": message.subject,
            "message_id": message.rfc_message_id,
            "created_at": rfc3339(message.created_at),
            "email_tracking": message.email_tracking,
            "link_tracking": message.link_tracking,
            "recipients": [
                _recipient_report(email, mine, urls)
                for email, mine in zip(message.recipients, by_recipient, strict=True)
            ],
        }

    def activity(self, principal: Principal, query: ActivityQuery) -> dict[str, Any]:
        """The user's newest events across messages, one page at a time (newest first)."""
        org_id, user_id = principal.org_id, principal.user_id
        page = self.events.activity(org_id, user_id, query.limit, query.cursor)
        events, cursor = page.items, page.cursor
        since_ms = int(query.since.timestamp() * 1000) if query.since is not None else None
        if since_ms is not None and any(e.at_ms < since_ms for e in events):
            events = [e for e in events if e.at_ms >= since_ms]
            cursor = None  # newest first: everything further is older still
        events = with_bursts(events)
        messages = {
            message_id: self.messages.get(org_id, user_id, message_id, consistent=False)
            for message_id in dict.fromkeys(e.message_id for e in events)
        }
        return {
            "events": [_activity_view(e, messages[e.message_id]) for e in events],
            "cursor": cursor,
        }


def _event_view(event: TrackingEvent) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "at": rfc3339(event.at_ms / 1000),
        "verdict": event.verdict,
        "reason": event.reason,
        "location": event.location.as_dict(),
        "link": event.link,
        "url": event.url,
    }


def _activity_view(event: TrackingEvent, message: TrackedMessage | None) -> dict[str, Any]:
    return {
        **_event_view(event),
        "message_id": event.message_id,
        "subject": message.subject if message is not None else None,
        "recipient": message.recipient(event.recipient) if message is not None else None,
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
        "first_human_open": rfc3339(human_opens[0].at_ms / 1000) if human_opens else None,
        "last_human_open": rfc3339(human_opens[-1].at_ms / 1000) if human_opens else None,
        "location": located[-1].location.as_dict() if located else None,
        "events": [_event_view(_with_url(e, urls)) for e in listed],
        "events_truncated": len(events) > len(listed),
    }


def _with_url(event: TrackingEvent, urls: dict[tuple[str, int], str]) -> TrackingEvent:
    if event.link is None or event.url is not None:
        return event
    return replace(event, url=urls.get((event.message_id, event.link)))


def _listed(per_recipient: Iterable[list[TrackingEvent]]) -> list[TrackingEvent]:
    return [e for events in per_recipient for e in events[-REPORT_EVENTS_PER_RECIPIENT:]]
