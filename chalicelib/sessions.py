"""Sessions: 256-bit random opaque tokens; only their SHA-256 is stored, with a TTL.

Sent as a cookie (`Secure; HttpOnly; SameSite=None; Path=/`) and accepted as
`Authorization: Bearer <token>` for mobile. `authenticate` is what every signed-in route calls.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, replace
from http.cookies import CookieError, SimpleCookie
from typing import Any

from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed, StratusError
from chalicelib.store import keys
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
        self._store = store
        self._clock = clock
        self.ttl_seconds = ttl_seconds

    def create(self, org_id: str, user_id: str, *, is_admin: bool) -> tuple[str, Principal]:
        token = new_token()
        session_id = token_hash(token)
        now = int(self._clock.now())
        expires_at = now + self.ttl_seconds
        pk, sk = keys.session_key(session_id)
        ref_pk, ref_sk = keys.session_ref_key(org_id, user_id, session_id)
        self._store.put_new(
            [
                {
                    "pk": pk,
                    "sk": sk,
                    "gsi1pk": keys.user_pk(org_id, user_id),
                    "gsi1sk": f"SESSION#{now}#{session_id[:16]}",
                    "org_id": org_id,
                    "user_id": user_id,
                    "is_admin": is_admin,
                    "admin_checked_at": now,
                    "created_at": now,
                    "expires_at": expires_at,
                },
                {
                    "pk": ref_pk,
                    "sk": ref_sk,
                    keys.REF_PK: pk,
                    keys.REF_SK: sk,
                    "expires_at": expires_at,
                },
            ]
        )
        return token, Principal(org_id, user_id, session_id, expires_at, is_admin, now)

    def resolve(self, token: str | None) -> Principal | None:
        if not token or len(token) > 200:
            return None
        session_id = token_hash(token)
        item = self._store.get(keys.session_key(session_id))
        if item is None:
            return None
        return Principal(
            str(item["org_id"]),
            str(item["user_id"]),
            session_id,
            int(item["expires_at"]),
            bool(item.get("is_admin", False)),
            int(item.get("admin_checked_at") or item.get("created_at") or 0),
        )

    def record_admin_check(self, principal: Principal, is_admin: bool) -> Principal:
        """Keep a fresh reading of the user's admin rights on this session."""
        now = int(self._clock.now())
        try:
            self._store.update(
                keys.session_key(principal.session_id),
                "SET is_admin = :admin, admin_checked_at = :now",
                {":admin": is_admin, ":now": now},
                condition="attribute_exists(pk)",
            )
        except ConditionFailed:  # the session ended meanwhile (logout, deletion)
            raise unauthenticated() from None
        return replace(principal, is_admin=is_admin, admin_checked_at=now)

    def delete(self, token: str | None) -> None:
        """End a session (logout): the session and the user's reference to it."""
        if not token:
            return
        session_id = token_hash(token)
        gone = self._store.take(keys.session_key(session_id))
        if gone is not None:
            org_id, user_id = str(gone["org_id"]), str(gone["user_id"])
            self._store.delete(keys.session_ref_key(org_id, user_id, session_id))


def unauthenticated() -> StratusError:
    return StratusError("unauthenticated", "Sign in first.", 401)


def authenticate(request: Any) -> Principal:
    """The request's principal, or 401 `unauthenticated`."""
    from chalicelib import deps

    principal = deps.sessions().resolve(token_from_headers(request.headers))
    if principal is None:
        raise unauthenticated()
    return principal
