"""Cross-site request forgery defence for cookie sessions (README "Security").

`refusal` is checked by the middleware (`web.harden`) before any view runs. A request is
judged only when its method is unsafe (POST, PUT, PATCH, DELETE), it presents the session
cookie, and it does not carry `Authorization: Bearer` (a header no other site can make a
browser send without our CORS preflight's consent). Such a request passes when:

1. its `Origin` is this site's (PUBLIC_BASE_URL's) or a configured client origin. Any other
   Origin is refused, even with a token: it is the browser saying the request is cross-site.
2. it has no `Origin` and `Sec-Fetch-Site` is `same-origin` or `none` (typed, bookmarked).
   `same-site` is refused like `cross-site`: a sibling subdomain is not this site.
3. nothing says where it came from (no Fetch Metadata; `Origin: null` or stripped by a
   privacy tool) and it carries a valid token: `X-CSRF-Token`, or the `csrf_token` field of
   an `application/x-www-form-urlencoded` body (the dashboard's forms).

Reads too (`cross_site_read`, checked by `deps.signed_in`, so only for routes that use the
session): a cookie-authenticated GET that the browser marks as another site's subresource
(`Sec-Fetch-Site: cross-site`/`same-site`, and not a top-level navigation (`Sec-Fetch-Mode:
navigate` with `Sec-Fetch-Dest: document`): an `<img src=/lookup?email=...>`, a hidden iframe,
a no-cors fetch) is refused unless its Origin is trusted. It
would answer the other site nothing it can read, but it would spend the victim's Salesforce
API calls. Navigations (a link, the redirect back from sign-in) and the tracking hot paths
(which read the sender's cookie themselves, never through `signed_in`) are not affected.

Tokens: a session's CSRF key is HMAC-SHA256(session token, "stratus csrf v1"). The token is
secret (only in the HttpOnly cookie) and the store holds only its SHA-256, so the key cannot
be derived from anything stored or logged; it dies with the session, and nothing is written.
`issue` masks the key with a fresh random pad (a page compressed with attacker-chosen text
cannot leak it, BREACH); `verify` unmasks and compares in constant time.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from collections.abc import Callable, Collection
from functools import lru_cache
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from chalicelib import cookies
from chalicelib.errors import ErrorCode, StratusError

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
HEADER = "X-CSRF-Token"
FORM_FIELD = "csrf_token"
FORM_TYPE = "application/x-www-form-urlencoded"
_KEY_CONTEXT = b"stratus csrf v1"
_KEY_BYTES = 32
_SAME_ORIGIN_SITES = frozenset({"same-origin", "none"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_MAX_FORM_BYTES = 64 * 1024


class SessionBound(Protocol):
    """What a token is issued for: a signed-in principal (`sessions.Principal`)."""

    @property
    def csrf_key(self) -> bytes: ...


def session_key(session_token: str) -> bytes:
    """The session's CSRF key (never sent as is: `issue` masks it)."""
    return hmac.new(session_token.encode("utf-8"), _KEY_CONTEXT, hashlib.sha256).digest()


def issue(principal: SessionBound, random: Callable[[int], bytes] = secrets.token_bytes) -> str:
    """A CSRF token for the principal's session, to put in a form or an `X-CSRF-Token` header.

    Each call gives a different string; every one of them verifies for the session's life."""
    key = principal.csrf_key
    if len(key) != _KEY_BYTES:
        raise ValueError("the principal carries no session CSRF key")
    pad = random(_KEY_BYTES)
    masked = bytes(a ^ b for a, b in zip(pad, key, strict=True))
    return base64.urlsafe_b64encode(pad + masked).rstrip(b"=").decode("ascii")


def verify(session_token: str, token: str | None) -> bool:
    """Whether `token` was issued for the session whose token is `session_token`."""
    return verify_key(session_key(session_token), token)


def verify_key(key: bytes, token: str | None) -> bool:
    """Whether `token` was issued for the session whose CSRF key is `key` (a principal's
    `csrf_key`: the dashboard's form checks its token itself)."""
    if not token or len(token) != 86 or len(key) != _KEY_BYTES:  # 64 bytes, base64url
        return False
    try:
        raw = base64.urlsafe_b64decode(token + "==")
    except (binascii.Error, ValueError):
        return False
    pad, masked = raw[:_KEY_BYTES], raw[_KEY_BYTES:]
    found = bytes(a ^ b for a, b in zip(pad, masked, strict=True))
    return hmac.compare_digest(found, key)


def origin_of(url: str) -> str:
    """`scheme://host[:port]` as a browser serialises an Origin (default port left out);
    "" for anything that is not an http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
        scheme, host, port = parts.scheme.lower(), parts.hostname, parts.port
    except ValueError:
        return ""
    if scheme not in _DEFAULT_PORTS or not host:
        return ""
    host = f"[{host}]" if ":" in host else host
    return (
        f"{scheme}://{host}"
        if port in (None, _DEFAULT_PORTS[scheme])
        else f"{scheme}://{host}:{port}"
    )


@lru_cache(maxsize=4)
def trusted_origins(public_base_url: str, client_origins: tuple[str, ...]) -> frozenset[str]:
    """This site's origin and the configured client origins (settings.cors_origins)."""
    found = {origin_of(url) for url in (public_base_url, *client_origins)}
    return frozenset(found - {""})


def rejected(reason: str) -> StratusError:
    """403 csrf_rejected, saying why and what would be accepted."""
    return StratusError(
        ErrorCode.CSRF_REJECTED,
        f"This request was refused because {reason}: send it from this site, a configured "
        f"client origin, with the {HEADER} header, or with a Bearer token.",
        403,
    )


def _is_bearer(headers: Any) -> bool:
    return str(headers.get("authorization") or "")[:7].lower() == "bearer "


def refusal(
    method: str, headers: Any, body: Callable[[], bytes | str | None], trusted: Collection[str]
) -> str | None:
    """Why an unsafe, cookie-authenticated request must be refused (see the module), or None.

    Requests without the session cookie pass: they have no session to forge (a route that
    needs one answers 401). `body` is read only for a form token."""
    if not headers or str(method).upper() not in UNSAFE_METHODS or _is_bearer(headers):
        return None
    sessions = cookies.values(headers, cookies.SESSION_COOKIE)
    if not sessions:
        return None
    origin = str(headers.get("origin") or "").strip()
    if origin and origin != "null":
        return None if origin_of(origin) in trusted else "its Origin is not this site"
    site = str(headers.get("sec-fetch-site") or "").strip().lower()
    if site in _SAME_ORIGIN_SITES and not origin:
        return None
    if site in {"cross-site", "same-site"}:
        return "the browser says it is cross-site"
    # Nothing says where it came from: only a token for the one session presented will do
    # (with two, a planted one could carry the token while the other authenticates).
    if len(sessions) == 1 and verify(sessions[0], _presented_token(headers, body)):
        return None
    return "it names no origin and carries no valid CSRF token"


def cross_site_read(headers: Any, trusted: Collection[str]) -> str | None:
    """Why a cookie-authenticated read must be refused (see the module), or None."""
    if not headers or _is_bearer(headers) or not cookies.values(headers, cookies.SESSION_COOKIE):
        return None
    site = str(headers.get("sec-fetch-site") or "").strip().lower()
    mode = str(headers.get("sec-fetch-mode") or "").strip().lower()
    destination = str(headers.get("sec-fetch-dest") or "document").strip().lower()
    if site not in {"cross-site", "same-site"}:
        return None
    if mode == "navigate" and destination == "document":  # a top-level page, not an iframe
        return None
    origin = str(headers.get("origin") or "").strip()
    if origin and origin_of(origin) in trusted:
        return None
    return "another site's page asked for it with your session"


def _presented_token(headers: Any, body: Callable[[], bytes | str | None]) -> str | None:
    header = str(headers.get(HEADER.lower()) or "").strip()
    if header:
        return header
    content_type = str(headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    raw = body() if content_type == FORM_TYPE else None
    if not raw or len(raw) > _MAX_FORM_BYTES:
        return None
    try:
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        fields = parse_qs(text, max_num_fields=200)
    except ValueError:
        return None
    found = fields.get(FORM_FIELD) or []
    return found[0] if len(found) == 1 else None
