"""The sign-in's browser binding: a nonce cookie that ties an OAuth state to one browser.

/auth/salesforce/login sets `stratus_oauth=<nonce>` (scoped to the callback's path under
PUBLIC_BASE_URL, 10 minutes)
and stores only its SHA-256 with the state; the callback requires the same nonce, so a code and
state obtained in one browser cannot finish the sign-in in another (login CSRF, RFC 6749
§10.12). The callback clears the cookie whatever the outcome.
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import urlsplit

COOKIE_NAME = "stratus_oauth"
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
