"""The hot paths: a pixel load and a link click (DESIGN §4).

No table read (the org's settings and revocations come from a per-container cache), no KMS,
no Salesforce; at most one write, through the injected EventRecorder; and nothing here ever
raises: the route answers the GIF or the redirect (or, for an expired or revoked link, 404)
whatever happens to the recording. What is kept of a hit: `chalicelib.store.tracking_events`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import unquote

from chalicelib.clock import Clock
from chalicelib.logs import logger
from chalicelib.metrics import TRACKING_CLICKS, TRACKING_OPENS, MetricsRecorder
from chalicelib.org_settings import OrgState, OrgStateSource
from chalicelib.store.tracking_events import NOWHERE, Location, TrackingEvent
from chalicelib.tracking import classifier, tokens

#: A 1x1 transparent GIF (42 bytes).
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
PIXEL_HEADERS = {
    "Content-Type": "image/gif",
    "Cache-Control": "no-store, no-cache, private",
    "Pragma": "no-cache",
}
_PURPOSE_HEADERS = ("purpose", "sec-purpose", "x-purpose", "x-moz")
#: The origin custom header our CloudFront distribution adds (infra/api-extras.yaml); only a
#: request carrying it with the configured value has CloudFront's viewer headers trusted.
CLOUDFRONT_ORIGIN_HEADER = "x-origin-secret"
#: ISO 3166-1 alpha-2: the officially assigned codes, and XK (Kosovo), which CloudFront uses.
_ISO_3166_ALPHA_2 = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN
HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK
LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF
NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD
SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK"""
COUNTRIES = frozenset(_ISO_3166_ALPHA_2.split())
_REGION_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
MAX_CITY_CHARS = 80
_NOT_IN_CITY = frozenset("<>&\"'\ufffd")  # markup, and what a failed decoding leaves
_IP_CHARS = frozenset("0123456789abcdefABCDEF.:")


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
    viewer: Any = None  # CloudFront's viewer headers, only from our distribution; else None

    @property
    def location(self) -> Location:
        """Where the viewer is, from the viewer headers (read only when an event is located)."""
        return location_from_headers(self.viewer) if self.viewer is not None else NOWHERE


def _code(raw: Any) -> str:
    text = str(raw or "").strip()
    return text.upper() if text.isascii() else ""


def _country(raw: Any) -> str | None:
    code = _code(raw)
    return code if code in COUNTRIES else None


def _region(raw: Any) -> str | None:
    """A subdivision code as CloudFront sends it (the part of ISO 3166-2 after the country)."""
    code = _code(raw)
    return code if 1 <= len(code) <= 3 and _REGION_CHARS.issuperset(code) else None


def _city(raw: Any) -> str | None:
    """The city, if it is a short printable name: no markup characters, no control, format
    (bidi: U+202A-202E, U+2066-2069...), separator other than space, private-use or
    unassigned character (str.isprintable), at most MAX_CITY_CHARS. Anything else is dropped
    whole, never trimmed into something else."""
    text = str(raw or "")
    if not text or len(text) > 12 * MAX_CITY_CHARS:  # 12: a percent-encoded 4-byte character
        return None
    if "%" in text:  # CloudFront percent-encodes what is not ASCII
        try:
            text = unquote(text, errors="strict")
        except UnicodeDecodeError:
            return None
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.strip(" ")
    if not 0 < len(text) <= MAX_CITY_CHARS or not text.isprintable():
        return None
    return None if _NOT_IN_CITY.intersection(text) else text


def location_from_headers(headers: Any) -> Location:
    """Coarse location from CloudFront's viewer headers (call only for a request that came
    through our distribution: `from_our_cloudfront`). Each value is kept only if well formed;
    a region only with its country."""
    country = _country(headers.get("cloudfront-viewer-country"))
    region = _region(headers.get("cloudfront-viewer-country-region")) if country else None
    return Location(
        country=country, region=region, city=_city(headers.get("cloudfront-viewer-city"))
    )


def from_our_cloudfront(headers: Any, origin_secret: bytes | None) -> bool:
    """Whether the request carries our distribution's origin header (constant-time compare);
    never without a configured secret."""
    if not origin_secret:
        return False
    presented = headers.get(CLOUDFRONT_ORIGIN_HEADER)
    if presented is None:
        return False
    return hmac.compare_digest(str(presented).encode("utf-8", "surrogatepass"), origin_secret)


def _viewer_ip(headers: Any) -> str | None:
    """The viewer's address from `CloudFront-Viewer-Address` (`ip:port`, IPv6 unbracketed);
    only its shape is checked here, the classifier parses it (and ignores what does not)."""
    host, sep, port = str(headers.get("cloudfront-viewer-address") or "").rpartition(":")
    if not sep or not port.isdigit() or not 0 < len(host) <= 45:
        return None
    return host if _IP_CHARS.issuperset(host) else None


def _no_secret() -> bytes | None:
    return None


def hit_request(request: Any, origin_secret: Callable[[], bytes | None] = _no_secret) -> HitRequest:
    """Read a Chalice request into a HitRequest (cheap: the cookie is parsed only if present).
    CloudFront's viewer headers (location, the viewer's address) count only when the request
    came through our distribution; from anyone else they are ignored. `origin_secret` is asked
    only when the request presents one."""
    from chalicelib.sessions import token_from_headers

    headers = request.headers or {}
    context = request.context or {}
    identity = context.get("identity") or {}
    purpose = " ".join(str(headers.get(name) or "") for name in _PURPOSE_HEADERS).lower()
    has_session = "cookie" in headers or "authorization" in headers
    source_ip = str(identity.get("sourceIp") or "")
    viewer = None
    if CLOUDFRONT_ORIGIN_HEADER in headers and from_our_cloudfront(headers, origin_secret()):
        source_ip = _viewer_ip(headers) or source_ip  # the API saw CloudFront's address
        viewer = headers
    return HitRequest(
        method=str(request.method or "GET").upper(),
        user_agent=str(headers.get("user-agent") or "")[:512],
        source_ip=source_ip,
        purpose=purpose.strip(),
        session_token=token_from_headers(headers) if has_session else None,
        viewer=viewer,
    )


def _from_sender(claim: tokens.Claim, session_token: str | None) -> bool:
    if not session_token or not any(claim.sender_fingerprint):
        return False
    session_id = hashlib.sha256(session_token.encode("utf-8")).hexdigest()
    return tokens.sender_fingerprint(session_id) == claim.sender_fingerprint


def tracking_on(org: OrgState, claim: tokens.Claim) -> bool:
    """Whether a hit on this token may be recorded now. The token signs where the setting that
    made it came from: an `org` token records only while the org's setting is on (its switch
    stops every message already sent), a `user` one only while the org still lets users choose
    it; and neither once its sender has turned that kind off for themselves since."""
    setting = "email_tracking" if claim.kind == "open" else "link_tracking"
    if org.opted_out_since(claim.user_id, setting, claim.prepared_at):
        return False
    if claim.source == "user":
        return setting in org.user_overrides
    return bool(getattr(org.settings, setting))


@dataclass(frozen=True)
class HotPath:
    """The collaborators of both hot paths (built by deps, or by a benchmark)."""

    keys: tokens.SigningKeys | None
    org_settings: OrgStateSource  # settings and revocations, through the per-container cache
    recorder: EventRecorder
    clock: Clock
    retention_seconds: int
    metrics: MetricsRecorder
    origin_secret: Callable[[], bytes | None] = _no_secret  # CLOUDFRONT_ORIGIN_SECRET, resolved

    @property
    def v1_lifetime(self) -> int:
        """How long a version 1 token (no expiry of its own) lives: as a new one does."""
        return self.retention_seconds + tokens.GRACE_SECONDS

    def _record(
        self, token: str, claim: tokens.Claim, request: HitRequest, org: OrgState | None
    ) -> None:
        if request.method != "GET":
            return  # HEAD: link checkers and prefetchers; answered, never recorded
        now = self.clock.now()
        if now >= claim.prepared_at + self.retention_seconds:
            return  # the message and its events have expired
        org = org or self.org_settings.state(claim.org_id)
        if org.revoked_link(claim.user_id, claim.prepared_at):
            return  # its sender's account was deleted: nothing to record it for
        if not tracking_on(org, claim):
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
        if recorded:  # the dashboard's count was added with the event (store/tracking_events)
            self.metrics.add(TRACKING_OPENS if claim.kind == "open" else TRACKING_CLICKS)

    def _record_safely(
        self, token: str, claim: tokens.Claim, request: HitRequest, org: OrgState | None = None
    ) -> None:
        try:
            self._record(token, claim, request, org)
        except Exception:  # the email must never break: log without the token, answer anyway
            logger.warning(
                "tracking event not recorded",
                extra={"kind": claim.kind, "org_id": claim.org_id},
                exc_info=True,
            )

    def _org(self, org_id: str) -> OrgState | None:
        try:
            return self.org_settings.state(org_id)
        except Exception:  # the cache serves the last known state; this is a bug, not an outage
            logger.warning("org state unavailable", extra={"org_id": org_id}, exc_info=True)
            return None

    def open(self, token: str, request: HitRequest) -> None:
        """A pixel load: record it if the token is ours and tracking is on. Never raises."""
        claim = tokens.verify(token, self.keys, "open", v1_lifetime=self.v1_lifetime)
        if claim is not None:
            self._record_safely(token, claim, request)

    def click(self, token: str, request: HitRequest) -> str | None:
        """A click: the signed destination (recorded if tracking is on), or None if the token
        is forged, expired, or revoked (its sender's account was deleted)."""
        claim = _click_claim(token, self.keys, self.clock.now(), self.v1_lifetime)
        if claim is None or claim.url is None:
            return None
        org = self._org(claim.org_id)
        if org is not None and org.revoked_link(claim.user_id, claim.prepared_at):
            return None
        self._record_safely(token, claim, request, org)
        return claim.url


def destination(
    token: str, keys: tokens.SigningKeys | None, now: float, retention_seconds: int
) -> str | None:
    """Where a click token leads, without recording anything (None if it is not ours or has
    expired). Revocations are not known here: only for when the hot path cannot be built."""
    claim = _click_claim(token, keys, now, retention_seconds + tokens.GRACE_SECONDS)
    return claim.url if claim is not None else None


def _click_claim(
    token: str, keys: tokens.SigningKeys | None, now: float, v1_lifetime: int
) -> tokens.Claim | None:
    claim = tokens.verify(token, keys, "click", v1_lifetime=v1_lifetime)
    if claim is None or claim.expired(now) or claim.url is None or not _redirectable(claim.url):
        return None
    if now >= claim.prepared_at + v1_lifetime:
        # the retention was lowered since it was signed: it dies with today's lifetime too, so
        # no revocation that today's lifetime lets go of (org_settings prunes by it) is needed
        return None
    return claim


def _redirectable(url: str) -> bool:
    """Defence in depth: only http(s) and only printable ASCII ever go into a Location."""
    return url.startswith(("https://", "http://")) and all(0x21 <= ord(c) < 0x7F for c in url)
