"""The browser side of an OAuth flow: the binding cookie, and where the browser may return.

Starting a flow (e.g. /auth/salesforce/login) sets `__Secure-stratus_oauth=<nonce>` (scoped to
the callback's path under PUBLIC_BASE_URL, 10 minutes) and stores only its SHA-256 with the state;
the callback requires the same nonce, so a code and state obtained in one browser cannot finish
the flow in another (login CSRF, RFC 6749 §10.12). The callback clears the cookie whatever the
outcome. `return_to` is only ever a relative path on this site (never an open redirect).
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import unquote, urlsplit

#: `__Secure-`: a browser keeps it only if set with Secure from an https page, so a network
#: attacker cannot plant one over plain http. (`__Host-` would also stop a sibling subdomain,
#: but requires Path=/, and this cookie is scoped to the callback's path.)
COOKIE_NAME = "__Secure-stratus_oauth"
MAX_AGE_SECONDS = 600  # the state's lifetime


def cookie_path(redirect_uri: str) -> str:
    """The callback's path as the browser sees it: PUBLIC_BASE_URL may carry a prefix (an API
    Gateway stage such as `/api`, a reverse proxy's mount point) that the route table does not."""
    return urlsplit(redirect_uri).path or "/"


def nonce_hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode("utf-8")).hexdigest()


def same_browser(nonce: str | None, stored_hash: object) -> bool:
    """Whether the callback's cookie nonce is the one stored (as a hash) with the state."""
    if not nonce or not isinstance(stored_hash, str) or not stored_hash:
        return False
    return hmac.compare_digest(nonce_hash(nonce), stored_hash)


def binding_cookie(nonce: str, redirect_uri: str) -> str:
    # SameSite=Lax: sent on Salesforce's top-level redirect back to the callback (a GET)
    return (
        f"{COOKIE_NAME}={nonce}; Max-Age={MAX_AGE_SECONDS}; Path={cookie_path(redirect_uri)}; "
        "Secure; HttpOnly; SameSite=Lax"
    )


def cleared_binding_cookie(redirect_uri: str) -> str:
    path = cookie_path(redirect_uri)
    return f"{COOKIE_NAME}=; Max-Age=0; Path={path}; Secure; HttpOnly; SameSite=Lax"


def is_safe_return_path(value: str) -> bool:
    """A same-site relative path: `/x`, never `//x`, `/\\x`, a scheme, or an encoded variant.

    Only printable ASCII without spaces: the path goes back in a Location header, where
    anything else is either unsafe (controls, U+2028) or not Latin-1 and fails the response.
    Non-ASCII characters must come percent-encoded (`/caf%C3%A9`).
    """
    if not value.startswith("/") or len(value) > 512:
        return False
    if not all(0x21 <= ord(c) <= 0x7E for c in value):
        return False
    decoded = value
    for _ in range(4):  # undo layers of percent-encoding, checking each
        if (
            decoded.startswith("//")
            or "\\" in decoded
            or any(ord(c) < 0x21 or ord(c) == 0x7F for c in decoded)
            or not decoded.startswith("/")
        ):
            return False
        once = unquote(decoded)
        if once == decoded:
            return True
        decoded = once
    return False
