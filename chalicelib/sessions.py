"""Sessions: 256-bit random opaque tokens; only their SHA-256 is stored, with a TTL.

Sent as the cookie `__Host-stratus_session` (`Secure; HttpOnly; SameSite=None; Path=/`, no
Domain) and accepted as `Authorization: Bearer <token>` for mobile. `Sessions.authenticate` is
what every signed-in route calls (through `deps.signed_in`). Cross-site use of the cookie is
refused by the middleware before any route runs (chalicelib/csrf.py).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field, replace
from typing import Any

from chalicelib import cookies, csrf
from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed, ErrorCode, StratusError
from chalicelib.logs import logger
from chalicelib.store.sessions import SessionItems, SessionRecord
from chalicelib.store.table import Store

COOKIE_NAME = cookies.SESSION_COOKIE
#: The most session cookie values tried (a browser sends one; more means some were planted).
MAX_PRESENTED_COOKIES = 4


@dataclass(frozen=True)
class Principal:
    """The signed-in user of a request."""

    org_id: str
    user_id: str
    session_id: str  # SHA-256 of the token: safe to log and store
    expires_at: int
    is_admin: bool
    admin_checked_at: int = 0  # when `is_admin` was read from Salesforce (sign-in or recheck)
    # the session's CSRF key (csrf.issue masks it into a token for a form)
    csrf_key: bytes = field(default=b"", repr=False, compare=False)


@dataclass(frozen=True)
class Presented:
    """The session tokens a request presents: a Bearer token, or the session cookie's values."""

    bearer: str | None
    cookies: tuple[str, ...]
    by_bearer: bool  # `Authorization: Bearer` was sent: the cookie is not used at all


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def session_cookie(token: str, max_age: int) -> str:
    return f"{COOKIE_NAME}={token}; Max-Age={max_age}; Path=/; Secure; HttpOnly; SameSite=None"


def cleared_cookie() -> str:
    return f"{COOKIE_NAME}=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=None"


def presented(headers: Any) -> Presented:
    """What a request presents. The cookie's values are read leniently (another app's bad
    cookie hides nothing) and each distinct one is kept: a planted duplicate must not win."""
    authorization = str(headers.get("authorization") or "") if headers else ""
    if authorization[:7].lower() == "bearer ":
        return Presented(authorization[7:].strip() or None, (), by_bearer=True)
    values = cookies.values(headers, COOKIE_NAME)
    if len(values) > MAX_PRESENTED_COOKIES:  # a flood of planted values: trust none of them
        values = []
    return Presented(None, tuple(values), by_bearer=False)


def token_from_headers(headers: Any) -> str | None:
    """The request's session token: the Bearer token, else the first session cookie value."""
    found = presented(headers)
    return found.bearer if found.by_bearer else next(iter(found.cookies), None)


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
        return token, _principal(record, token)

    def resolve(self, token: str | None) -> Principal | None:
        if not token or len(token) > 200:
            return None
        record = self._items.get(token_hash(token))
        return _principal(record, token) if record is not None else None

    def authenticate(self, headers: Any) -> Principal:
        """The principal of a request's headers (Bearer, else the cookie), or 401."""
        found = presented(headers)
        principal = self._one_of((found.bearer or "",) if found.by_bearer else found.cookies)
        if principal is None:
            raise unauthenticated()
        return principal

    def _one_of(self, tokens: tuple[str, ...]) -> Principal | None:
        """The one live session among the tokens presented. A dead or forged cookie value beside
        it is ignored; two live ones mean one was planted (an old browser without cookie prefixes):
        neither is trusted, so a planted session never wins."""
        live = {p.session_id: p for p in map(self.resolve, tokens) if p is not None}
        if len(live) > 1:
            logger.warning("several live sessions in one Cookie header: none used")
        return next(iter(live.values())) if len(live) == 1 else None

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
        if token and len(token) <= 200:
            self._items.delete(token_hash(token))

    def end_presented(self, headers: Any) -> None:
        """Logout: end every session the request presents (the Bearer token and each value of
        the session cookie), whichever of them is live."""
        bearer = presented(headers).bearer
        for token in (bearer, *cookies.values(headers, COOKIE_NAME)[:MAX_PRESENTED_COOKIES]):
            self.delete(token)


def _principal(record: SessionRecord, token: str) -> Principal:
    return Principal(
        record.org_id,
        record.user_id,
        record.session_id,
        record.expires_at,
        record.is_admin,
        record.admin_checked_at,
        csrf.session_key(token),
    )


def unauthenticated() -> StratusError:
    return StratusError(ErrorCode.UNAUTHENTICATED, "Sign in first.", 401)
