"""The Google emulator: OAuth 2.0 (authorize, token, revoke, userinfo), Gmail v1 reads and
Calendar v3 events for a few users, as one WSGI application over in-memory state guarded by
one lock, with call counters and fault knobs (the shape of ``devstack.sfemu``).

One base URL serves what Google spreads over three hosts, so ``GOOGLE_ACCOUNTS_URL``,
``GOOGLE_OAUTH_URL`` and ``GOOGLE_API_URL`` all point at :attr:`GoogleEmulator.url`:

- ``GET /o/oauth2/v2/auth`` (accounts.google.com), ``POST /token``, ``POST /revoke``
  (oauth2.googleapis.com): https://developers.google.com/identity/protocols/oauth2/web-server
- ``GET /oauth2/v3/userinfo``, ``/gmail/v1/users/...``, ``/calendar/v3/calendars/...``
  (www.googleapis.com).

The ID token is a JWT signed with **HS256 keyed by the client secret** (Google signs with RS256
and publishes its keys at https://www.googleapis.com/oauth2/v3/certs; an app that reads the
claims of an ID token it just received over TLS from the token endpoint need not verify it:
https://developers.google.com/identity/openid-connect/openid-connect#obtainuserinfo).
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import hmac
import html
import json
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Request, Response

from devstack.loopback import ServedOnLoopback

from . import calendar as cal
from .gmail import Mailbox, matches
from .seed import DemoMail, seed_demo_users
from .wire import api_error, b64url, insufficient_scope, json_response, oauth_error, unauthenticated

log = logging.getLogger("devstack.googleemu")

SCOPE_PREFIX = "https://www.googleapis.com/auth/"
GMAIL_READONLY = SCOPE_PREFIX + "gmail.readonly"
CALENDAR_EVENTS = SCOPE_PREFIX + "calendar.events"
USERINFO_EMAIL = SCOPE_PREFIX + "userinfo.email"
USERINFO_PROFILE = SCOPE_PREFIX + "userinfo.profile"
#: Short names Google accepts and reports by their URL (token responses say userinfo.email).
SCOPE_ALIASES = {"email": USERINFO_EMAIL, "profile": USERINFO_PROFILE}
#: Sign-in scopes: granted with the account, never shown as a checkbox on the consent screen.
BASIC_SCOPES = frozenset({"openid", USERINFO_EMAIL, USERINFO_PROFILE})
KNOWN_SCOPES = (
    BASIC_SCOPES
    | {
        SCOPE_PREFIX + s
        for s in (
            "gmail.readonly",
            "gmail.modify",
            "gmail.metadata",
            "calendar",
            "calendar.readonly",
            "calendar.events",
            "calendar.events.readonly",
        )
    }
    | {"https://mail.google.com/"}
)
GMAIL_READ_SCOPES = frozenset(
    {GMAIL_READONLY, SCOPE_PREFIX + "gmail.modify", "https://mail.google.com/"}
)
CALENDAR_READ_SCOPES = frozenset(
    {
        SCOPE_PREFIX + "calendar",
        SCOPE_PREFIX + "calendar.readonly",
        CALENDAR_EVENTS,
        SCOPE_PREFIX + "calendar.events.readonly",
    }
)
CALENDAR_WRITE_SCOPES = frozenset({SCOPE_PREFIX + "calendar", CALENDAR_EVENTS})
FAULT_KINDS = frozenset(
    {
        "server_error",
        "unavailable",
        "rate_limit",
        "rate_limit_403",
        "user_rate_limit_403",
        "stall",
    }
)
FAULT_TARGETS = frozenset({"api", "oauth", "any"})
ISSUER = "https://accounts.google.com"
SEND_UPDATES = frozenset({"all", "externalOnly", "none"})


@dataclass
class GoogleUser:
    email: str
    sub: str
    given_name: str
    family_name: str
    time_zone: str = "UTC"

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass
class Consent:
    """How the emulated user answers the consent screen."""

    untick: frozenset[str] = frozenset()
    deny: bool = False


@dataclass
class AuthCode:
    email: str
    redirect_uri: str
    scopes: list[str]
    challenge: str
    with_refresh: bool
    nonce: str | None
    expires_at: float


@dataclass
class Grant:
    """A user's authorization of the client: every token it issued dies with it."""

    id: str
    email: str
    scopes: list[str]
    revoked: bool = False


@dataclass
class AccessToken:
    email: str
    grant_id: str
    scopes: list[str]
    expires_at: float


@dataclass
class RefreshToken:
    email: str
    grant_id: str
    scopes: list[str]
    issued_at: float


@dataclass
class SyncToken:
    email: str
    seq: int
    issued_at: float
    generation: int


@dataclass
class PageState:
    email: str
    fingerprint: str
    items: list[dict[str, Any]]
    sync_seq: int | None


@dataclass
class Notification:
    """A write that would have mailed attendees (``recipients`` empty: nobody notified)."""

    email: str
    event_id: str
    action: str
    send_updates: str | None
    recipients: list[str]


@dataclass
class Fault:
    kind: str
    target: str


@dataclass
class Counters:
    calls: collections.Counter[str] = field(default_factory=collections.Counter)
    calls_by_user: dict[str, collections.Counter[str]] = field(default_factory=dict)
    token_refreshes: collections.Counter[str] = field(default_factory=collections.Counter)
    revocations: collections.Counter[str] = field(default_factory=collections.Counter)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _s256(verifier: str) -> str:
    return b64url(hashlib.sha256(verifier.encode("ascii", "replace")).digest())


def _normalise_scopes(raw: str) -> list[str]:
    return list(dict.fromkeys(SCOPE_ALIASES.get(s, s) for s in raw.split()))


class GoogleEmulator(ServedOnLoopback):
    """State of the emulated Google project and users, plus the WSGI app serving it.

    ``GoogleEmulator(client_id, client_secret, redirect_uris).start()``; ``.url``; ``.stop()``
    (or ``with``). The python control API (``set_consent``, ``inject_fault``, counters...) and
    the HTTP one under ``/_emulator/`` act on the same state.
    """

    server_name = "Google emulator"

    def __init__(
        self,
        client_id: str = "stratus-google-local.apps.googleusercontent.com",
        client_secret: str = "google-local-secret",  # noqa: S107 - the local stack's fixed secret
        redirect_uris: Iterable[str] = ("http://127.0.0.1:8000/connections/google/callback",),
        *,
        seed: bool = True,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uris: set[str] = set(redirect_uris)
        self.clock: Callable[[], dt.datetime] = clock or _utc_now
        #: Knobs (reset() puts them back).
        self.require_pkce = True
        self.access_token_ttl = 3599
        self.code_ttl = 600.0
        self.fault_delay = 5.0
        #: the Retry-After of a 429/503 fault; None sends none (Google's 429s often carry none)
        self.retry_after: int | None = 1
        #: Refresh tokens older than this (seconds) answer invalid_grant; 7 * 86400 emulates an
        #: app left in "Testing" publishing status
        #: (https://developers.google.com/identity/protocols/oauth2#expiration). None: never.
        self.refresh_token_ttl: float | None = None
        #: Sync tokens older than this (seconds) answer 410; None: they never age out.
        self.sync_token_ttl: float | None = None
        #: What a write without ``sendUpdates`` does: Google's reference says "the default is
        #: false" but also "some emails might still be sent" (events.insert); the team's
        #: PITFALLS assume mail goes out unless ``sendUpdates=none``. Recorded as this value.
        self.send_updates_default = "all"
        self.counters = Counters()
        self.notifications: list[Notification] = []
        self.request_log: list[tuple[str, str, str | None, int]] = []
        self.users: dict[str, GoogleUser] = {}
        self.mailboxes: dict[str, Mailbox] = {}
        self.calendars: dict[str, cal.Calendar] = {}
        #: The browser's signed-in account, used when an authorize request has no login_hint.
        self.signed_in: str | None = None
        self._consent: dict[str, Consent] = {}
        self._lock = threading.RLock()
        self._faults: collections.deque[Fault] = collections.deque()
        self._codes: dict[str, AuthCode] = {}
        self._grants: dict[str, Grant] = {}
        self._access: dict[str, AccessToken] = {}
        self._refresh: dict[str, RefreshToken] = {}
        self._sync_tokens: dict[str, SyncToken] = {}
        self._pages: dict[str, PageState] = {}
        self.demo = DemoMail()
        if seed:
            seed_demo_users(self)

    # ------------------------------------------------------------------ python control API
    def _ts(self) -> float:
        return self.clock().timestamp()

    def add_user(self, user: GoogleUser) -> None:
        with self._lock:
            self.users[user.email] = user
            self.mailboxes.setdefault(user.email, Mailbox(user.email))
            self.calendars.setdefault(user.email, cal.Calendar(user.email, user.time_zone))

    def set_consent(self, email: str, *, untick: Iterable[str] = (), deny: bool = False) -> None:
        """How ``email`` answers the consent screen from now on: ``untick`` scopes (full URLs
        or short names such as ``gmail.readonly``) are left out of the grant; ``deny`` answers
        ``error=access_denied``."""
        unticked = frozenset(
            SCOPE_ALIASES.get(s, s if ":" in s or s == "openid" else SCOPE_PREFIX + s)
            for s in untick
        )
        with self._lock:
            self._consent[email.lower()] = Consent(unticked, deny)

    def sign_in(self, email: str | None) -> None:
        """The account the emulated browser is signed in to (consents when no login_hint)."""
        with self._lock:
            self.signed_in = email.lower() if email else None

    def inject_fault(self, kind: str, count: int = 1, *, target: str = "api") -> None:
        """The next ``count`` requests to ``target`` ("api": Gmail, Calendar, userinfo;
        "oauth": token and revoke; "any") fail with ``kind``: "server_error" (500),
        "unavailable" (503), "rate_limit" (429 with Retry-After), "stall" (sleep
        ``fault_delay`` seconds, then answer normally)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {sorted(FAULT_KINDS)}")
        if target not in FAULT_TARGETS:
            raise ValueError(f"unknown fault target {target!r}; one of {sorted(FAULT_TARGETS)}")
        with self._lock:
            self._faults.extend(Fault(kind, target) for _ in range(max(0, int(count))))

    @property
    def pending_faults(self) -> list[tuple[str, str]]:
        with self._lock:
            return [(f.kind, f.target) for f in self._faults]

    def expire_access_tokens(self, email: str | None = None) -> None:
        with self._lock:
            past = self._ts() - 1
            for token in self._access.values():
                if email is None or token.email == email.lower():
                    token.expires_at = min(token.expires_at, past)

    def revoke_user_grant(self, email: str) -> None:
        """The user removes the app from their account: every token of theirs stops working."""
        with self._lock:
            for grant in self._grants.values():
                if grant.email == email.lower():
                    grant.revoked = True

    def expire_sync_tokens(self, email: str | None = None) -> None:
        """Every sync token issued so far (for one user or all) answers 410 from now on."""
        with self._lock:
            for owner, calendar in self.calendars.items():
                if email is None or owner == email.lower():
                    calendar.generation += 1

    def issue_tokens(self, email: str, scopes: Iterable[str] | None = None) -> dict[str, Any]:
        """A token response for ``email`` without the browser dance (for other components'
        tests): access, refresh and ID token with ``scopes`` (default: every known scope)."""
        with self._lock:
            granted = _normalise_scopes(" ".join(scopes or sorted(KNOWN_SCOPES)))
            return self._issue(email.lower(), granted, with_refresh=True, nonce=None)

    def issued_tokens(self, email: str | None = None) -> list[str]:
        """Every access and refresh token issued so far (to ``email``, or to anyone), live or
        not: for tests that check no token is stored or logged in plain text."""
        with self._lock:
            wanted = None if email is None else email.lower()
            records: list[tuple[str, AccessToken | RefreshToken]] = [
                *self._access.items(),
                *self._refresh.items(),
            ]
            return [token for token, record in records if wanted in {None, record.email}]

    def grant_scopes(self, email: str) -> list[str]:
        """The scopes of the user's live grant(s)."""
        with self._lock:
            out: list[str] = []
            for grant in self._grants.values():
                if grant.email == email.lower() and not grant.revoked:
                    out.extend(s for s in grant.scopes if s not in out)
            return out

    def reset_counters(self) -> None:
        with self._lock:
            self.counters = Counters()
            self.notifications = []
            self.request_log = []

    def reset(self) -> None:
        """Counters, faults, consent choices and knobs back to their defaults (data stays)."""
        with self._lock:
            self.reset_counters()
            self._faults.clear()
            self._consent.clear()
            self.signed_in = None
            self.require_pkce = True
            self.access_token_ttl = 3599
            self.sync_token_ttl = None
            self.refresh_token_ttl = None
            self.retry_after = 1
            self.fault_delay = 5.0
            self.send_updates_default = "all"

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "calls": dict(self.counters.calls),
                "calls_by_user": {u: dict(c) for u, c in self.counters.calls_by_user.items()},
                "token_refreshes": dict(self.counters.token_refreshes),
                "revocations": dict(self.counters.revocations),
                "notifications": [n.__dict__ for n in self.notifications],
                "pending_faults": self.pending_faults,
                "requests": len(self.request_log),
            }

    # ------------------------------------------------------------------ WSGI
    def wsgi_app(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        request = Request(environ)
        request.max_content_length = 8 * 1024 * 1024
        user: str | None = None
        try:
            response, user = self._dispatch(request)
        except HTTPException as exc:
            response = api_error(exc.code or 400, exc.description or "Bad Request", "badRequest")
        except Exception:
            log.exception("emulator error on %s %s", request.method, request.path)
            response = api_error(500, "Backend Error", "backendError")
        with self._lock:
            self.request_log.append((request.method, request.path, user, response.status_code))
        return response(environ, start_response)

    def _dispatch(self, request: Request) -> tuple[Response, str | None]:
        path = request.path
        if path.startswith("/_emulator/"):
            with self._lock:
                return self._control(request), None
        oauth = {"/o/oauth2/v2/auth": "authorize", "/token": "token", "/revoke": "revoke"}
        if path in oauth:
            self._count(f"oauth.{oauth[path]}", None)
            if path != "/o/oauth2/v2/auth":
                faulted = self._take_fault("oauth")
                if faulted is not None:
                    return faulted, None
            with self._lock:
                if path == "/o/oauth2/v2/auth":
                    return self._authorize(request), None
                answer, who = self._token(request) if path == "/token" else self._revoke(request)
                if who is not None:
                    self._count(f"oauth.{oauth[path]}", who, total=False)
                return answer, who
        endpoint = _api_endpoint(request.method, path)
        if endpoint is None:
            return api_error(404, "Not Found", "notFound"), None
        self._count(endpoint[0], None)
        faulted = self._take_fault("api")
        if faulted is not None:
            return faulted, None
        with self._lock:
            access = self._valid_token(request)
            if access is None:
                return unauthenticated(), None
            self._count(endpoint[0], access.email, total=False)
            return self._api(request, endpoint, access), access.email

    def _count(self, endpoint: str, email: str | None, *, total: bool = True) -> None:
        with self._lock:
            if total:
                self.counters.calls[endpoint] += 1
            if email is not None:
                self.counters.calls_by_user.setdefault(email, collections.Counter())[endpoint] += 1

    def _take_fault(self, target: str) -> Response | None:
        with self._lock:
            fault = None
            for candidate in self._faults:
                if candidate.target in {target, "any"}:
                    fault = candidate
                    break
            if fault is None:
                return None
            self._faults.remove(fault)
        if fault.kind == "stall":
            time.sleep(max(0.0, self.fault_delay))
            return None
        return _fault_response(fault.kind, target, self.retry_after)

    # ------------------------------------------------------------------ OAuth: authorize
    @staticmethod
    def _error_page(error: str, description: str, status: int = 400) -> Response:
        """Google shows these on its own page instead of redirecting (unknown client, bad
        redirect URI, malformed request)."""
        body = (
            "<!DOCTYPE html><html><head><title>Error 400</title></head><body>"
            "<h1>Access blocked: authorization error</h1>"
            f"<p>Error {status}: {html.escape(error)}</p><p>{html.escape(description)}</p>"
            f"<!-- error={html.escape(error)} -->"
            "</body></html>"
        )
        return Response(body, status=status, content_type="text/html; charset=utf-8")

    def _authorize(self, request: Request) -> Response:
        params: MultiDict[str, str] = request.form if request.method == "POST" else request.args
        if request.method not in {"GET", "POST"}:
            return self._error_page("invalid_request", "method not allowed", 405)
        if params.get("client_id") != self.client_id:
            return self._error_page("invalid_client", "The OAuth client was not found.", 401)
        redirect_uri = params.get("redirect_uri", "")
        if redirect_uri not in self.redirect_uris:
            return self._error_page(
                "redirect_uri_mismatch",
                f"You can't sign in to this app because it doesn't comply with Google's OAuth "
                f"2.0 policy. redirect_uri={redirect_uri}",
            )
        problem = _authorize_problem(params, self.require_pkce)
        if problem is not None:
            return self._error_page(*problem)
        requested = _normalise_scopes(params["scope"])
        state = params.get("state")

        def answer(out: dict[str, str]) -> Response:
            if state is not None:
                out["state"] = state
            response = Response(status=302)
            separator = "&" if "?" in redirect_uri else "?"
            response.headers["Location"] = redirect_uri + separator + urlencode(out)
            return response

        email, consent = self._consenting_user(request, params)
        if email is None:
            return self._consent_page(params)
        if consent.deny:
            return answer({"error": "access_denied"})
        granted = [s for s in requested if s in BASIC_SCOPES or s not in consent.untick]
        if params.get("include_granted_scopes") == "true":
            granted += [s for s in self.grant_scopes(email) if s not in granted]
        first_consent = not self.grant_scopes(email)
        offline = params.get("access_type") == "offline"
        prompts = set(params.get("prompt", "").split())
        code = "4/0A" + secrets.token_urlsafe(54)
        self._codes[code] = AuthCode(
            email=email,
            redirect_uri=redirect_uri,
            scopes=granted,
            challenge=params.get("code_challenge", ""),
            with_refresh=offline and ("consent" in prompts or first_consent),
            nonce=params.get("nonce"),
            expires_at=self._ts() + self.code_ttl,
        )
        return answer({"code": code, "scope": " ".join(granted)})

    def _consenting_user(
        self, request: Request, params: MultiDict[str, str]
    ) -> tuple[str | None, Consent]:
        """Who consents and how: a POST from the consent page, else the login_hint's (known)
        account, else the signed-in account; nobody (show the page) otherwise."""
        if request.method == "POST":
            email = params.get("email", "").lower()
            if email not in self.users:
                return None, Consent()
            if params.get("action") == "deny":
                return email, Consent(deny=True)
            ticked = set(params.getlist("granted"))
            untick = {s for s in _normalise_scopes(params["scope"]) if s not in ticked}
            return email, Consent(frozenset(untick))
        hint = params.get("login_hint", "").lower()
        account = hint if hint in self.users else self.signed_in
        if account is None or account not in self.users:
            return None, Consent()
        return account, self._consent.get(account, Consent())

    def _consent_page(self, params: MultiDict[str, str]) -> Response:
        keep = [k for k in params if k not in {"email", "granted", "action"}]
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(params[k])}">'
            for k in keep
        )
        accounts = "".join(
            f'<li><label><input type="radio" name="email" value="{html.escape(e)}"'
            f"{' checked' if i == 0 else ''}> {html.escape(u.name)} &lt;{html.escape(e)}&gt;"
            "</label></li>"
            for i, (e, u) in enumerate(sorted(self.users.items()))
        )
        boxes = "".join(
            f'<li><label><input type="checkbox" name="granted" value="{html.escape(s)}" checked>'
            f" {html.escape(s)}</label></li>"
            for s in _normalise_scopes(params.get("scope", ""))
            if s not in BASIC_SCOPES
        )
        body = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Sign in - Google "
            "Accounts (emulator)</title></head><body><h1>Google emulator</h1>"
            "<form method='post' action='/o/oauth2/v2/auth'>" + hidden + "<h2>Choose an account"
            "</h2><ul>" + accounts + "</ul><h2>Allow access to</h2><ul>" + boxes + "</ul>"
            "<button type='submit' name='action' value='allow'>Continue</button> "
            "<button type='submit' name='action' value='deny'>Cancel</button></form></body></html>"
        )
        return Response(body, status=200, content_type="text/html; charset=utf-8")

    # ------------------------------------------------------------------ OAuth: token
    def _token(self, request: Request) -> tuple[Response, str | None]:
        if request.method != "POST":
            return oauth_error("invalid_request", "Invalid request method.", 405), None
        form = request.form
        client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        auth = request.authorization
        if auth is not None and auth.type == "basic" and auth.username:
            client_id, secret = str(auth.username), auth.password or ""
        if client_id != self.client_id:
            return oauth_error("invalid_client", "The OAuth client was not found.", 401), None
        if not hmac.compare_digest(secret.encode(), self.client_secret.encode()):
            return oauth_error("invalid_client", "Unauthorized", 401), None
        grant_type = form.get("grant_type", "")
        if grant_type == "authorization_code":
            return self._grant_code(form)
        if grant_type == "refresh_token":
            return self._grant_refresh(form)
        return oauth_error("unsupported_grant_type", f"Invalid grant_type: {grant_type}"), None

    def _grant_code(self, form: MultiDict[str, str]) -> tuple[Response, str | None]:
        code = self._codes.pop(form.get("code", ""), None)  # single use, whatever happens next
        if code is None or code.expires_at < self._ts():
            return oauth_error("invalid_grant", "Bad Request"), None
        if form.get("redirect_uri", "") != code.redirect_uri:
            return oauth_error("redirect_uri_mismatch", "Bad Request"), None
        if code.challenge:
            verifier = form.get("code_verifier", "")
            if not verifier:
                return oauth_error("invalid_request", "Missing code verifier."), None
            if not hmac.compare_digest(_s256(verifier), code.challenge):
                return oauth_error("invalid_grant", "Invalid code verifier."), None
        body = self._issue(
            code.email, code.scopes, with_refresh=code.with_refresh, nonce=code.nonce
        )
        return json_response(body), code.email

    def _grant_refresh(self, form: MultiDict[str, str]) -> tuple[Response, str | None]:
        refresh = self._refresh.get(form.get("refresh_token", ""))
        grant = self._grants.get(refresh.grant_id) if refresh else None
        aged = (
            refresh is not None
            and self.refresh_token_ttl is not None
            and self._ts() - refresh.issued_at > self.refresh_token_ttl
        )
        if refresh is None or grant is None or grant.revoked or aged:
            return oauth_error("invalid_grant", "Token has been expired or revoked."), None
        body = self._issue(
            refresh.email, refresh.scopes, with_refresh=False, nonce=None, grant=grant
        )
        self.counters.token_refreshes[refresh.email] += 1
        return json_response(body), refresh.email

    def _issue(
        self,
        email: str,
        scopes: list[str],
        *,
        with_refresh: bool,
        nonce: str | None,
        grant: Grant | None = None,
    ) -> dict[str, Any]:
        if grant is None:
            grant = Grant(secrets.token_hex(8), email, list(scopes))
            self._grants[grant.id] = grant
        now = self._ts()
        access = "ya29.a0" + secrets.token_urlsafe(90)
        self._access[access] = AccessToken(
            email, grant.id, list(scopes), now + self.access_token_ttl
        )
        body: dict[str, Any] = {
            "access_token": access,
            "expires_in": self.access_token_ttl,
            "scope": " ".join(scopes),
            "token_type": "Bearer",
        }
        if with_refresh:
            refresh = "1//0g" + secrets.token_urlsafe(75)
            self._refresh[refresh] = RefreshToken(email, grant.id, list(scopes), now)
            body["refresh_token"] = refresh
        if "openid" in scopes:
            body["id_token"] = self._id_token(email, scopes, access, nonce, now)
        return body

    def _id_token(
        self, email: str, scopes: list[str], access: str, nonce: str | None, now: float
    ) -> str:
        user = self.users[email]
        at_hash = b64url(hashlib.sha256(access.encode()).digest()[:16])
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "azp": self.client_id,
            "aud": self.client_id,
            "sub": user.sub,
            "at_hash": at_hash,
            "iat": int(now),
            "exp": int(now) + 3600,
        }
        if USERINFO_EMAIL in scopes:
            claims.update({"email": user.email, "email_verified": True})
            claims["hd"] = user.email.rsplit("@", 1)[1]
        if USERINFO_PROFILE in scopes:
            claims.update(
                {"name": user.name, "given_name": user.given_name, "family_name": user.family_name}
            )
        if nonce is not None:
            claims["nonce"] = nonce
        return encode_jwt(claims, self.client_secret)

    def _revoke(self, request: Request) -> tuple[Response, str | None]:
        """POST /revoke with ``token`` (an access or a refresh token) revokes the whole grant
        (https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke)."""
        if request.method != "POST":
            return oauth_error("invalid_request", "Invalid request method.", 405), None
        token = request.form.get("token") or request.args.get("token", "")
        record: AccessToken | RefreshToken | None = self._access.get(token) or self._refresh.get(
            token
        )
        grant = self._grants.get(record.grant_id) if record else None
        live = isinstance(record, RefreshToken) or (
            isinstance(record, AccessToken) and record.expires_at > self._ts()
        )
        if record is None or grant is None or grant.revoked or not live:
            return oauth_error("invalid_token", "Token expired or revoked"), None
        grant.revoked = True
        self.counters.revocations[grant.email] += 1
        return json_response({}), grant.email

    def _valid_token(self, request: Request) -> AccessToken | None:
        scheme, _, value = request.headers.get("Authorization", "").partition(" ")
        token = value.strip() if scheme.lower() == "bearer" else request.args.get("access_token")
        record = self._access.get(token or "")
        if record is None or record.expires_at <= self._ts():
            return None
        grant = self._grants.get(record.grant_id)
        return None if grant is None or grant.revoked else record

    # ------------------------------------------------------------------ APIs
    def _api(
        self, request: Request, endpoint: tuple[str, list[str]], access: AccessToken
    ) -> Response:
        name, args = endpoint
        if name == "oauth.userinfo":
            return self._userinfo(access)
        if name.startswith("gmail."):
            if not GMAIL_READ_SCOPES & set(access.scopes):
                return insufficient_scope("gmail.googleapis.com")
            if args[0] not in {"me", access.email}:
                return api_error(403, f"Delegation denied for {access.email}", "forbidden")
            return self._gmail(request, name, args[1:], self.mailboxes[access.email])
        needed = CALENDAR_WRITE_SCOPES if request.method != "GET" else CALENDAR_READ_SCOPES
        if not needed & set(access.scopes):
            return insufficient_scope("calendar-json.googleapis.com")
        if args[0] not in {"primary", access.email}:
            return api_error(404, "Not Found", "notFound")
        return self._calendar(request, name, args[1:], access.email)

    def _userinfo(self, access: AccessToken) -> Response:
        """https://developers.google.com/identity/openid-connect/openid-connect#obtainuserinfo"""
        user = self.users[access.email]
        body: dict[str, Any] = {"sub": user.sub}
        if USERINFO_PROFILE in access.scopes:
            body.update(
                {"name": user.name, "given_name": user.given_name, "family_name": user.family_name}
            )
        if USERINFO_EMAIL in access.scopes:
            body.update({"email": user.email, "email_verified": True})
            body["hd"] = user.email.rsplit("@", 1)[1]
        return json_response(body)

    # ------------------------------------------------------------------ Gmail
    def _gmail(self, request: Request, name: str, args: list[str], box: Mailbox) -> Response:
        if name == "gmail.messages.list":
            return self._gmail_list(request, box)
        if name == "gmail.profile.get":
            return json_response(
                {
                    "emailAddress": box.address,
                    "messagesTotal": len(box.messages),
                    "threadsTotal": len({m.thread_id for m in box.messages.values()}),
                    "historyId": str(max((m.history_id for m in box.messages.values()), default=1)),
                }
            )
        if not _GMAIL_ID.fullmatch(args[0]):
            # Gmail ids are hex; anything else is refused before a lookup
            return api_error(400, "Invalid id value", "invalidArgument")
        message = box.messages.get(args[0])
        if message is None:
            return api_error(404, "Requested entity was not found.", "notFound")
        if name == "gmail.attachments.get":
            part = box.find_attachment(message, args[1])
            if part is None:
                return api_error(400, "Invalid attachment token", "invalidArgument")
            data = part.body()
            return json_response({"size": len(data), "data": b64url(data)})
        fmt = request.args.get("format", "full")
        if fmt not in {"full", "metadata", "minimal", "raw"}:
            return api_error(
                400, f"Invalid value at 'format' ({fmt})", "invalidArgument", location="format"
            )
        return json_response(
            box.message_json(message, fmt, request.args.getlist("metadataHeaders"))
        )

    def _gmail_list(self, request: Request, box: Mailbox) -> Response:
        try:
            size = min(500, int(request.args.get("maxResults", "100")))
            offset = int(request.args.get("pageToken") or "0")
        except ValueError:
            return api_error(400, "Invalid pageToken or maxResults", "invalidArgument")
        labels = set(request.args.getlist("labelIds"))
        query = request.args.get("q", "")
        messages = [m for m in box.ordered() if labels <= set(m.label_ids) and matches(m, query)]
        page = messages[offset : offset + max(1, size)]
        body: dict[str, Any] = {
            "messages": [{"id": m.id, "threadId": m.thread_id} for m in page],
            "resultSizeEstimate": len(page),
        }
        if offset + len(page) < len(messages):
            body["nextPageToken"] = str(offset + len(page)).zfill(20)
        if not page:
            del body["messages"]
        return json_response(body)

    # ------------------------------------------------------------------ Calendar
    def _calendar(self, request: Request, name: str, args: list[str], email: str) -> Response:
        from .calendar_api import CalendarApi

        if name == "calendar.calendars.get":
            calendar = self.calendars[email]
            return json_response(
                {
                    "kind": "calendar#calendar",
                    "etag": f'"c{calendar.seq:012d}"',
                    "id": email,
                    "summary": email,
                    "timeZone": calendar.time_zone,
                }
            )
        return CalendarApi(self, self.calendars[email], email).handle(request, name, args)

    def mint_sync_token(self, email: str, seq: int) -> str:
        token = "CP" + b64url(secrets.token_bytes(18)) + "GAU="
        self._sync_tokens[token] = SyncToken(
            email, seq, self._ts(), self.calendars[email].generation
        )
        return token

    def sync_token_state(self, token: str, email: str) -> SyncToken | str | None:
        """The token's state; ``"gone"`` when it was invalidated or aged out."""
        state = self._sync_tokens.get(token)
        if state is None or state.email != email:
            return None
        calendar = self.calendars[email]
        aged = (
            self.sync_token_ttl is not None and self._ts() - state.issued_at > self.sync_token_ttl
        )
        if state.generation != calendar.generation or aged:
            return "gone"
        return state

    def mint_page_token(self, state: PageState) -> str:
        token = b64url(secrets.token_bytes(24))
        self._pages[token] = state
        return token

    def take_page(self, token: str) -> PageState | None:
        return self._pages.get(token)

    def record_notification(
        self,
        email: str,
        event: dict[str, Any],
        action: str,
        send_updates: str | None,
    ) -> None:
        mode = send_updates or self.send_updates_default
        domain = email.rsplit("@", 1)[1]
        recipients = [
            str(a["email"])
            for a in event.get("attendees", [])
            if str(a.get("email", "")).lower() != email
            and (
                mode == "all" or (mode == "externalOnly" and not a["email"].endswith("@" + domain))
            )
        ]
        self.notifications.append(
            Notification(email, str(event["id"]), action, send_updates, recipients)
        )

    # ------------------------------------------------------------------ control surface
    def _control(self, request: Request) -> Response:
        action = request.path[len("/_emulator/") :].strip("/")
        if request.method == "GET" and action == "stats":
            return json_response(self.stats())
        if request.method == "GET" and action == "users":
            return json_response({e: {"sub": u.sub, "name": u.name} for e, u in self.users.items()})
        commands: dict[str, Callable[[dict[str, Any]], None]] = {
            "reset": lambda p: self.reset(),
            "faults": lambda p: self.inject_fault(
                str(p["kind"]), int(p.get("count", 1)), target=str(p.get("target", "api"))
            ),
            "expire-tokens": lambda p: self.expire_access_tokens(p.get("email")),
            "revoke-user": lambda p: self.revoke_user_grant(str(p["email"])),
            "expire-sync-tokens": lambda p: self.expire_sync_tokens(p.get("email")),
            "consent": lambda p: self.set_consent(
                str(p["email"]), untick=list(p.get("untick", [])), deny=bool(p.get("deny"))
            ),
            "sign-in": lambda p: self.sign_in(p.get("email")),
        }
        command = commands.get(action) if request.method == "POST" else None
        if command is None:
            return json_response({"error": "not found"}, 404)
        payload = request.get_json(force=True, silent=True) or {}
        try:
            command(payload if isinstance(payload, dict) else {})
        except (KeyError, TypeError, ValueError) as exc:
            return json_response({"error": f"bad request: {exc}"}, 400)
        return json_response(self.stats())


def encode_jwt(claims: dict[str, Any], key: str) -> str:
    header = {"alg": "HS256", "typ": "JWT", "kid": "googleemu-hs256"}
    signing_input = (
        b64url(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + b64url(json.dumps(claims, separators=(",", ":")).encode())
    )
    signature = hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url(signature)


def _authorize_problem(params: MultiDict[str, str], require_pkce: bool) -> tuple[str, str] | None:
    """(error, description) for an authorization request Google refuses on its own page."""
    if params.get("response_type") != "code":
        return "unsupported_response_type", "Invalid response_type: only 'code' is supported."
    if not params.get("scope", "").strip():
        return "invalid_request", "Missing required parameter: scope"
    unknown = [s for s in _normalise_scopes(params["scope"]) if s not in KNOWN_SCOPES]
    if unknown:
        return "invalid_scope", f"Some requested scopes were invalid: {unknown}"
    challenge = params.get("code_challenge", "")
    if not challenge:
        if require_pkce:
            return "invalid_request", "Missing required parameter: code_challenge"
        return None
    if params.get("code_challenge_method", "") != "S256":
        return "invalid_request", "Invalid code_challenge_method: only S256 is accepted."
    if not 43 <= len(challenge) <= 128:
        return "invalid_request", "Invalid code_challenge."
    return None


_RATE_LIMITS_403 = {
    "rate_limit_403": ("rateLimitExceeded", "Rate Limit Exceeded"),
    "user_rate_limit_403": ("userRateLimitExceeded", "User Rate Limit Exceeded"),
}


def _fault_response(kind: str, target: str, retry_after: int | None) -> Response:
    retry = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    if target == "oauth":
        status = {"server_error": 500, "unavailable": 503, "rate_limit": 429}[kind]
        headers = retry if status != 500 else {}
        error = "internal_failure" if status == 500 else "temporarily_unavailable"
        return oauth_error(error, "Backend Error", status, headers)
    if kind in _RATE_LIMITS_403:
        # 403 with reason rateLimitExceeded / userRateLimitExceeded, domain usageLimits, no
        # Retry-After (https://developers.google.com/calendar/api/guides/errors)
        reason, message = _RATE_LIMITS_403[kind]
        return api_error(403, message, reason, domain="usageLimits")
    if kind == "rate_limit":
        return api_error(
            429,
            "Rate Limit Exceeded",
            "rateLimitExceeded",
            domain="usageLimits",
            headers=retry,
        )
    if kind == "unavailable":
        return api_error(
            503,
            "The service is currently unavailable.",
            "backendError",
            headers=retry,
        )
    return api_error(500, "Backend Error", "backendError")


_GMAIL_ID = re.compile(r"[0-9a-f]{1,32}")


def _api_endpoint(method: str, path: str) -> tuple[str, list[str]] | None:
    """(endpoint name, path arguments) of an API request; None for an unknown path."""
    parts = [p for p in path.split("/") if p]
    if parts == ["oauth2", "v3", "userinfo"] and method in {"GET", "POST"}:
        return "oauth.userinfo", []
    if parts[:3] == ["gmail", "v1", "users"] and method == "GET":
        rest = parts[3:]
        if len(rest) == 2 and rest[1] == "messages":
            return "gmail.messages.list", [rest[0]]
        if len(rest) == 2 and rest[1] == "profile":
            return "gmail.profile.get", [rest[0]]
        if len(rest) == 3 and rest[1] == "messages":
            return "gmail.messages.get", [rest[0], rest[2]]
        if len(rest) == 5 and rest[1] == "messages" and rest[3] == "attachments":
            return "gmail.attachments.get", [rest[0], rest[2], rest[4]]
        return None
    if parts[:3] == ["calendar", "v3", "calendars"] and len(parts) == 4 and method == "GET":
        return "calendar.calendars.get", [parts[3]]
    if parts[:2] == ["calendar", "v3"] and len(parts) >= 5 and parts[2] == "calendars":
        return _calendar_endpoint(method, parts[3], parts[4:])
    return None


def _calendar_endpoint(
    method: str, calendar_id: str, rest: list[str]
) -> tuple[str, list[str]] | None:
    if rest == ["events"]:
        names = {"GET": "list", "POST": "insert"}
        return (f"calendar.events.{names[method]}", [calendar_id]) if method in names else None
    if len(rest) == 2 and rest[0] == "events":
        names = {"GET": "get", "PATCH": "patch", "PUT": "update", "DELETE": "delete"}
        if method in names:
            return f"calendar.events.{names[method]}", [calendar_id, rest[1]]
    if len(rest) == 3 and rest[0] == "events" and rest[2] == "instances" and method == "GET":
        return "calendar.events.instances", [calendar_id, rest[1]]
    return None
