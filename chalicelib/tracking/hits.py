"""The hot paths: a pixel load and a link click (DESIGN §4).

No table read (the org's settings come from a per-container cache), no KMS, no Salesforce;
at most one write, through the injected EventRecorder; and nothing here ever raises: the
route answers the GIF or the redirect whatever happens to the recording. What is kept of a hit:
`chalicelib.store.tracking_events`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import unquote

from chalicelib.clock import Clock
from chalicelib.logs import logger
from chalicelib.metrics import TRACKING_CLICKS, TRACKING_OPENS, MetricsRecorder
from chalicelib.org_settings import OrgSettingsSource
from chalicelib.store.tracking_events import NOWHERE, Location, TrackingEvent
from chalicelib.tracking import classifier, tokens

#: A 1x1 transparent GIF (42 bytes).
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
PIXEL_HEADERS = {
    "Content-Type": "image/gif",
    "Cache-Control": "no-store, no-cache, private",
    "Pragma": "no-cache",
}
_COUNTRY = re.compile(r"[A-Z]{2}")
_REGION = re.compile(r"[A-Za-z0-9]{1,3}")
_PURPOSE_HEADERS = ("purpose", "sec-purpose", "x-purpose", "x-moz")


class EventRecorder(Protocol):
    """Where the hot path writes an event: exactly one call per recorded hit (DynamoDB in
    production, an in-memory recorder in the benchmark and tests)."""

    def record(self, event: TrackingEvent) -> bool:
        """True when the event was stored (False: a repeat of one already recorded, or its
        message is gone)."""
        ...


def event_id(token: str, at_second: int) -> str:
    """Fixed per (token, second): a token's repeats within one second (a replay flood, an SDK
    retry) share one event key, so the conditional put stores the first and refuses the rest.
    The token is canonical (tokens.verify enforces it), so it stands for its payload and MAC."""
    digest = hashlib.sha256(b"stratus/tracking-event\x00%s\x00%d" % (token.encode(), at_second))
    return digest.hexdigest()[:20]


@dataclass(frozen=True)
class HitRequest:
    """The parts of a request the hot path looks at (the IP and UA are not kept)."""

    method: str
    user_agent: str = ""
    source_ip: str = ""
    purpose: str = ""
    session_token: str | None = None
    location: Location = NOWHERE


def _clean_city(raw: str | None) -> str | None:
    if not raw:
        return None
    text = unquote(raw) if "%" in raw else raw
    text = "".join(c for c in text if c.isprintable()).strip()[:80]
    return text or None


def location_from_headers(headers: Any) -> Location:
    """Coarse location from CloudFront's viewer headers, when a distribution adds them."""
    country = str(headers.get("cloudfront-viewer-country") or "").strip().upper()
    region = str(headers.get("cloudfront-viewer-country-region") or "").strip()
    return Location(
        country=country if _COUNTRY.fullmatch(country) else None,
        region=region if _REGION.fullmatch(region) else None,
        city=_clean_city(headers.get("cloudfront-viewer-city")),
    )


def hit_request(request: Any) -> HitRequest:
    """Read a Chalice request into a HitRequest (cheap: the cookie is parsed only if present)."""
    from chalicelib.sessions import token_from_headers

    headers = request.headers or {}
    context = request.context or {}
    identity = context.get("identity") or {}
    purpose = " ".join(str(headers.get(name) or "") for name in _PURPOSE_HEADERS).lower()
    has_session = "cookie" in headers or "authorization" in headers
    return HitRequest(
        method=str(request.method or "GET").upper(),
        user_agent=str(headers.get("user-agent") or "")[:512],
        source_ip=str(identity.get("sourceIp") or ""),
        purpose=purpose.strip(),
        session_token=token_from_headers(headers) if has_session else None,
        location=location_from_headers(headers),
    )


def _from_sender(claim: tokens.Claim, session_token: str | None) -> bool:
    if not session_token or not any(claim.sender_fingerprint):
        return False
    session_id = hashlib.sha256(session_token.encode("utf-8")).hexdigest()
    return tokens.sender_fingerprint(session_id) == claim.sender_fingerprint


@dataclass(frozen=True)
class HotPath:
    """The collaborators of both hot paths (built by deps, or by a benchmark)."""

    keys: tokens.SigningKeys | None
    org_settings: OrgSettingsSource
    recorder: EventRecorder
    clock: Clock
    retention_seconds: int
    metrics: MetricsRecorder

    def _record(self, token: str, claim: tokens.Claim, request: HitRequest) -> None:
        if request.method != "GET":
            return  # HEAD: link checkers and prefetchers; answered, never recorded
        now = self.clock.now()
        if now >= claim.prepared_at + self.retention_seconds:
            return  # the message and its events have expired
        settings = self.org_settings.get(claim.org_id)
        enabled = settings.email_tracking if claim.kind == "open" else settings.link_tracking
        if not enabled:
            return
        verdict = classifier.classify(
            classifier.Hit(
                kind=claim.kind,
                user_agent=request.user_agent,
                source_ip=request.source_ip,
                seconds_since_prepared=now - claim.prepared_at,
                from_sender_session=_from_sender(claim, request.session_token),
                purpose=request.purpose,
            )
        )
        located = verdict.verdict in classifier.LOCATED_VERDICTS
        recorded = self.recorder.record(
            TrackingEvent(
                org_id=claim.org_id,
                user_id=claim.user_id,
                message_id=claim.message_id,
                recipient=claim.recipient,
                kind=claim.kind,
                at_ms=int(now * 1000),
                event_id=event_id(token, int(now)),
                verdict=verdict.verdict.value,
                reason=verdict.reason,
                expires_at=claim.prepared_at + self.retention_seconds,
                location=request.location if located else NOWHERE,
                link=claim.link,
                url=claim.url,
            )
        )
        if recorded:
            self.metrics.add(TRACKING_OPENS if claim.kind == "open" else TRACKING_CLICKS)

    def _record_safely(self, token: str, claim: tokens.Claim, request: HitRequest) -> None:
        try:
            self._record(token, claim, request)
        except Exception:  # the email must never break: log without the token, answer anyway
            logger.warning(
                "tracking event not recorded",
                extra={"kind": claim.kind, "org_id": claim.org_id},
                exc_info=True,
            )

    def open(self, token: str, request: HitRequest) -> None:
        """A pixel load: record it if the token is ours and tracking is on. Never raises."""
        claim = tokens.verify(token, self.keys, "open")
        if claim is not None:
            self._record_safely(token, claim, request)

    def click(self, token: str, request: HitRequest) -> str | None:
        """A click: the signed destination (recorded if tracking is on), or None if forged."""
        claim = _click_claim(token, self.keys)
        if claim is None or claim.url is None:
            return None
        self._record_safely(token, claim, request)
        return claim.url


def destination(token: str, keys: tokens.SigningKeys | None) -> str | None:
    """Where a click token leads, without recording anything (None if it is not ours)."""
    claim = _click_claim(token, keys)
    return claim.url if claim is not None else None


def _click_claim(token: str, keys: tokens.SigningKeys | None) -> tokens.Claim | None:
    claim = tokens.verify(token, keys, "click")
    if claim is None or claim.url is None or not _redirectable(claim.url):
        return None
    return claim


def _redirectable(url: str) -> bool:
    """Defence in depth: only http(s) and only printable ASCII ever go into a Location."""
    return url.startswith(("https://", "http://")) and all(0x21 <= ord(c) < 0x7F for c in url)
