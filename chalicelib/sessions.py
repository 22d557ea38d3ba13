"""Sessions: 256-bit random opaque tokens; only their SHA-256 is stored, with a TTL.

Sent as a cookie (`Secure; HttpOnly; SameSite=None; Path=/`) and accepted as
`Authorization: Bearer <token>` for mobile. `Sessions.authenticate` is what every signed-in
route calls (through `deps.signed_in`).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from http.cookies import CookieError, SimpleCookie
from typing import Any

from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed, ErrorCode, StratusError
from chalicelib.store.sessions import SessionItems, SessionRecord
from chalicelib.store.table import Store

COOKIE_NAME = "stratus_session"


@dataclass(frozen=True)
class Principal:
    """The signed-in user of a request."""

    org_id: str
    user_id: str
    session_id: str  # SHA-256 of the token: safe to log and store
    expires_at: int
    is_admin: bool
    admin_checked_at: int = 0  # when `is_admin` was read from Salesforce (sign-in or recheck)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def session_cookie(token: str, max_age: int) -> str:
    return f"{COOKIE_NAME}={token}; Max-Age={max_age}; Path=/; Secure; HttpOnly; SameSite=None"


def cleared_cookie() -> str:
    return f"{COOKIE_NAME}=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=None"


def cookie_value(headers: Any, name: str) -> str | None:
    """The value of cookie `name` in a request's Cookie header, or None (absent, empty, bad)."""
    raw = headers.get("cookie")
    if not raw:
        return None
    try:
        jar: SimpleCookie = SimpleCookie()
        jar.load(str(raw))
    except CookieError:
        return None
    morsel = jar.get(name)
    return morsel.value or None if morsel is not None else None


def token_from_headers(headers: Any) -> str | None:
    """The session token of a request: `Authorization: Bearer` first, else the cookie."""
    authorization = str(headers.get("authorization") or "")
    if authorization[:7].lower() == "bearer ":
        token = authorization[7:].strip()
        return token or None
    return cookie_value(headers, COOKIE_NAME)


class Sessions:
    def __init__(self, store: Store, clock: Clock, ttl_seconds: int) -> None:
        self._items = SessionItems(store)
        self._clock = clock
        self.ttl_seconds = ttl_seconds

    def create(self, org_id: str, user_id: str, *, is_admin: bool) -> tuple[str, Principal]:
        token = new_token()
        now = int(self._clock.now())
        record = SessionRecord(
            token_hash(token), org_id, user_id, is_admin, now, now, now + self.ttl_seconds
        )
        self._items.create(record)
        return token, _principal(record)

    def resolve(self, token: str | None) -> Principal | None:
        if not token or len(token) > 200:
            return None
        record = self._items.get(token_hash(token))
        return _principal(record) if record is not None else None

    def authenticate(self, headers: Any) -> Principal:
        """The principal of a request's headers (Bearer, else the cookie), or 401."""
        principal = self.resolve(token_from_headers(headers))
        if principal is None:
            raise unauthenticated()
        return principal

    def record_admin_check(self, principal: Principal, is_admin: bool) -> Principal:
        """Keep a fresh reading of the user's admin rights on this session."""
        now = int(self._clock.now())
        try:
            self._items.record_admin_check(principal.session_id, is_admin, now)
        except ConditionFailed:  # the session ended meanwhile (logout, deletion)
            raise unauthenticated() from None
        return replace(principal, is_admin=is_admin, admin_checked_at=now)

    def delete(self, token: str | None) -> None:
        """End a session (logout): the session and the user's reference to it."""
        if token:
            self._items.delete(token_hash(token))


def _principal(record: SessionRecord) -> Principal:
    return Principal(
        record.org_id,
        record.user_id,
        record.session_id,
        record.expires_at,
        record.is_admin,
        record.admin_checked_at,
    )


def unauthenticated() -> StratusError:
    return StratusError(ErrorCode.UNAUTHENTICATED, "Sign in first.", 401)
