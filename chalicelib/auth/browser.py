"""The sign-in's browser binding: a nonce cookie that ties an OAuth state to one browser.

/auth/salesforce/login sets `stratus_oauth=<nonce>` (scoped to the callback path, 10 minutes)
and stores only its SHA-256 with the state; the callback requires the same nonce, so a code and
state obtained in one browser cannot finish the sign-in in another (login CSRF, RFC 6749
§10.12). The callback clears the cookie whatever the outcome.
"""

from __future__ import annotations

import hashlib
import hmac

COOKIE_NAME = "stratus_oauth"
COOKIE_PATH = "/auth/salesforce/callback"
MAX_AGE_SECONDS = 600  # the state's lifetime


def nonce_hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode("utf-8")).hexdigest()


def same_browser(nonce: str | None, stored_hash: object) -> bool:
    """Whether the callback's cookie nonce is the one stored (as a hash) with the state."""
    if not nonce or not isinstance(stored_hash, str) or not stored_hash:
        return False
    return hmac.compare_digest(nonce_hash(nonce), stored_hash)


def binding_cookie(nonce: str) -> str:
    # SameSite=Lax: sent on Salesforce's top-level redirect back to the callback (a GET)
    return (
        f"{COOKIE_NAME}={nonce}; Max-Age={MAX_AGE_SECONDS}; Path={COOKIE_PATH}; "
        "Secure; HttpOnly; SameSite=Lax"
    )


def cleared_binding_cookie() -> str:
    return f"{COOKIE_NAME}=; Max-Age=0; Path={COOKIE_PATH}; Secure; HttpOnly; SameSite=Lax"
