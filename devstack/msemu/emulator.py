"""The Microsoft emulator: identity platform v2.0 (authorize, token) and the Graph v1.0 calls
Stratus uses, as a WSGI app over in-memory state guarded by one lock.

Wire references (Microsoft Learn):
- auth code flow: https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
- refresh tokens (rotation: a new one on every refresh, keep the newest):
  https://learn.microsoft.com/entra/identity-platform/refresh-tokens
- Graph errors: https://learn.microsoft.com/graph/errors
- throttling (429 + Retry-After): https://learn.microsoft.com/graph/throttling
- calendarView delta: https://learn.microsoft.com/graph/delta-query-events and
  https://learn.microsoft.com/graph/api/event-delta; resets (410 Gone):
  https://learn.microsoft.com/graph/delta-query-overview#synchronization-reset
- attachments / $value: https://learn.microsoft.com/graph/api/attachment-get
"""

from __future__ import annotations

import collections
import datetime as dt
import hmac
import html
import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from devstack.loopback import ServedOnLoopback, bounded_request

from .graph import GraphApi, GraphError, graph_error
from .identity import (
    GRAPH_RESOURCE,
    OIDC_SCOPES,
    TENANT_ALIASES,
    aadsts_body,
    canonical_scope,
    json_response,
    pkce_s256,
    sign_jwt,
    token_error,
)
from .mailbox import Attachment, UserData
from .seed import DEMO_DOMAIN, DEMO_TENANT_ID, DemoMailboxes, seed_demo_mailboxes

log = logging.getLogger("devstack.msemu")

#: fault kinds: applied to the next Graph request (or token request, ``target="token"``)
FAULT_KINDS = frozenset({"server_error", "unavailable", "throttled", "stall"})
MAX_BODY_BYTES = 4 * 1024 * 1024

_ROUTES = Map(
    [
        Rule("/<tenant>/oauth2/v2.0/authorize", endpoint="authorize"),
        Rule("/<tenant>/oauth2/v2.0/token", endpoint="token"),
        Rule("/v1.0/me", endpoint="me"),
        Rule("/v1.0/me/messages/<mid>", endpoint="message"),
        Rule("/v1.0/me/messages/<mid>/attachments", endpoint="attachments"),
        Rule("/v1.0/me/messages/<mid>/attachments/<aid>", endpoint="attachment"),
        Rule("/v1.0/me/messages/<mid>/attachments/<aid>/$value", endpoint="attachment_value"),
        Rule("/v1.0/me/calendarView/delta", endpoint="calendar_delta"),
        Rule("/v1.0/me/events", endpoint="events"),
        Rule("/v1.0/me/events/<eid>", endpoint="event"),
        Rule("/_emulator/<action>", endpoint="control"),
    ],
    strict_slashes=False,
)


@dataclass
class AuthCode:
    client_id: str
    redirect_uri: str
    user_id: str
    scopes: tuple[str, ...]
    challenge: str
    nonce: str | None
    expires_at: float


@dataclass
class AccessToken:
    user_id: str
    grant_id: str
    scopes: tuple[str, ...]
    expires_at: float


@dataclass
class RefreshToken:
    user_id: str
    grant_id: str
    scopes: tuple[str, ...]
    #: when a newer refresh token replaced this one (None: it is the newest)
    superseded_at: float | None = None


@dataclass
class Grant:
    """One user's consent to the client: refresh tokens chain under it."""

    user_id: str
    #: AADSTS code every refresh answers once the grant is revoked (None: live)
    revoked_code: int | None = None


@dataclass
class Counters:
    calls: collections.Counter[str] = field(default_factory=collections.Counter)
    token_refreshes: int = 0
    refresh_rotations: int = 0
    code_redemptions: int = 0
    request_log: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass
class MeetingNotice:
    """A meeting request / update / cancellation Graph would have sent to attendees."""

    user_id: str
    event_id: str
    kind: str  # "request" | "update" | "cancellation"
    recipients: list[str]


def _granted_scope(scopes: tuple[str, ...]) -> str:
    """The token response's ``scope``: the OIDC scopes, then the Graph scopes fully qualified
    (the documented example answers ``https://graph.microsoft.com/mail.read``); no
    ``offline_access``. Clients must compare scopes by their Graph name, not literally."""
    oidc = [s for s in scopes if s in OIDC_SCOPES and s != "offline_access"]
    graph = [GRAPH_RESOURCE + s for s in scopes if s not in OIDC_SCOPES]
    return " ".join(oidc + graph)


def _now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class MicrosoftEmulator(ServedOnLoopback):
    """State of one emulated tenant + the WSGI app serving login.microsoftonline.com and
    graph.microsoft.com paths on one origin.

    ``MicrosoftEmulator(client_id, client_secret, redirect_uris, tenant).start()``; ``.url``;
    ``.stop()`` (or ``with``).
    """

    server_name = "Microsoft emulator"

    def __init__(
        self,
        client_id: str = "stratus-local-ms",
        client_secret: str = "local-ms-secret",  # noqa: S107 - the local stack's fixed secret
        redirect_uris: Iterable[str] = ("http://127.0.0.1:8000/connections/microsoft/callback",),
        tenant: str = DEMO_TENANT_ID,
        *,
        seed: bool = True,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uris = set(redirect_uris)
        self.tenant = tenant
        self.clock: Callable[[], dt.datetime] = clock or _now_utc
        self.require_pkce = True
        #: the documented examples answer expires_in=3599
        self.access_token_ttl = 3599.0
        self.code_ttl = 600.0
        #: Seconds a rotated-out refresh token keeps working (the race window). Microsoft
        #: documents that "refresh tokens aren't revoked when used to acquire new access tokens.
        #: You're expected to discard the old refresh token" (v2-oauth2-auth-code-flow#refresh-
        #: the-access-token): the emulator is stricter by default so that a client which keeps
        #: an old token fails here; None keeps superseded tokens valid like production.
        self.refresh_grace: float | None = 60.0
        self.fault_delay = 5.0
        self.retry_after = 3
        #: the code of the 410 a delta link Graph cannot serve answers with: `syncStateNotFound`
        #: or `resyncRequired` (graph.py, `_sync_reset`)
        self.delta_reset_code = "syncStateNotFound"
        self.counters = Counters()
        self.meeting_notices: list[MeetingNotice] = []
        self.demo = DemoMailboxes()
        self.data: dict[str, UserData] = {}
        self._lock = threading.RLock()
        self._faults: dict[str, collections.deque[str]] = {
            "graph": collections.deque(),
            "token": collections.deque(),
        }
        self._codes: dict[str, AuthCode] = {}
        self._redeemed: set[str] = set()
        self._access: dict[str, AccessToken] = {}
        self._refresh: dict[str, RefreshToken] = {}
        self._grants: dict[str, Grant] = {}
        self._signed_in: str | None = None
        self._consent: dict[str, str] = {}
        self._withheld: dict[str, frozenset[str]] = {}
        self.graph = GraphApi(self)
        if seed:
            seed_demo_mailboxes(self)

    # ------------------------------------------------------------------ data
    def now(self) -> dt.datetime:
        return self.clock()

    def ts(self) -> float:
        return self.clock().timestamp()

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    def reset_data(self) -> None:
        with self._lock:
            self.data = {}

    def add_user(self, *, user_id: str, email: str, **profile: str) -> None:
        with self._lock:
            self.data[user_id] = UserData(user_id=user_id, email=email, profile=dict(profile))

    def user_by_email(self, email: str) -> UserData | None:
        lowered = email.strip().lower()
        return next((u for u in self.data.values() if u.email.lower() == lowered), None)

    def user_id(self, email: str) -> str:
        user = self.user_by_email(email)
        if user is None:
            raise KeyError(email)
        return user.user_id

    def add_message(self, user_id: str, message: dict[str, Any]) -> str:
        with self._lock:
            self.data[user_id].messages[message["id"]] = message
            return str(message["id"])

    def add_attachment(
        self,
        user_id: str,
        message_id: str,
        *,
        attachment_id: str,
        name: str,
        content_type: str,
        data: bytes | None = None,
        size: int | None = None,
        seed: str = "",
        is_inline: bool = False,
        content_id: str | None = None,
    ) -> str:
        attachment = Attachment(
            id=attachment_id,
            name=name,
            content_type=content_type,
            size=len(data) if data is not None else int(size or 0),
            data=data,
            seed=seed or attachment_id,
            is_inline=is_inline,
            content_id=content_id,
            last_modified=self.data[user_id].messages[message_id]["lastModifiedDateTime"],
        )
        with self._lock:
            self.data[user_id].attachments.setdefault(message_id, []).append(attachment)
        return attachment_id

    def add_event(self, user_id: str, event: dict[str, Any]) -> str:
        with self._lock:
            return self.data[user_id].calendar.put(event)

    # ------------------------------------------------------------------ test knobs
    def sign_in_as(self, email: str | None) -> None:
        """The browser's signed-in account: used by /authorize when there is no login_hint."""
        with self._lock:
            self._signed_in = email

    def set_consent(self, email: str, decision: str) -> None:
        """What the user answers on the consent screen: "allow" (default), "deny" (redirect
        with error=access_denied, AADSTS65004) or "consent_required" (error=consent_required,
        AADSTS65001, as for prompt=none without consent)."""
        if decision not in {"allow", "deny", "consent_required"}:
            raise ValueError(decision)
        with self._lock:
            self._consent[email.lower()] = decision

    def withhold_scopes(self, email: str, scopes: Iterable[str]) -> None:
        """The platform grants ``email`` everything asked except ``scopes`` from now on: the
        token response's ``scope`` lacks them, without an error. This happens for real when a
        permission does not apply to the account (a personal Microsoft account is not given
        some Graph scopes; learn.microsoft.com/en-us/answers/questions/43462, accepted answer)
        or a tenant's admin-granted permissions lack one. RFC 6749 section 5.1: the issued
        scope may differ from the requested one."""
        names = frozenset(s for s in map(canonical_scope, scopes) if s)
        with self._lock:
            self._withheld[email.lower()] = names

    def inject_fault(self, kind: str, count: int = 1, *, target: str = "graph") -> None:
        if kind not in FAULT_KINDS or target not in self._faults:
            raise ValueError(f"unknown fault {kind!r} / target {target!r}")
        with self._lock:
            self._faults[target].extend([kind] * max(0, count))

    def pending_faults(self, target: str = "graph") -> list[str]:
        with self._lock:
            return list(self._faults[target])

    def next_fault(self, target: str) -> str | None:
        with self._lock:
            queue = self._faults[target]
            return queue.popleft() if queue else None

    def expire_access_tokens(self, email: str | None = None) -> None:
        with self._lock:
            past = self.ts() - 1
            for token in self._access.values():
                if email is None or self.data[token.user_id].email == email.lower():
                    token.expires_at = min(token.expires_at, past)

    def revoke_grant(self, email: str, code: int = 50173) -> None:
        """Every refresh token of the user then fails with AADSTS``code`` (70008 expired,
        50173 revoked, 65001 consent withdrawn); their access tokens stop working."""
        with self._lock:
            user_id = self.user_id(email)
            for grant in self._grants.values():  # access tokens die with their grant
                if grant.user_id == user_id:
                    grant.revoked_code = code

    def expire_delta_tokens(self, email: str | None = None) -> None:
        with self._lock:
            for user in self.data.values():
                if email is None or user.email == email.lower():
                    user.calendar.delta_tokens.clear()
                    user.calendar.skip_tokens.clear()

    def issue_tokens(
        self,
        email: str,
        scopes: str = "openid email offline_access User.Read Mail.Read Calendars.ReadWrite",
    ) -> dict[str, Any]:
        """Mint tokens without the browser dance (for tests of other components)."""
        with self._lock:
            user_id = self.user_id(email)
            granted = tuple(s for s in (canonical_scope(x) for x in scopes.split()) if s)
            grant_id = secrets.token_hex(8)
            self._grants[grant_id] = Grant(user_id)
            return self._token_body(user_id, grant_id, granted, None)

    def reset_counters(self) -> None:
        with self._lock:
            self.counters = Counters()
            self.meeting_notices = []

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "calls": dict(self.counters.calls),
                "token_refreshes": self.counters.token_refreshes,
                "refresh_rotations": self.counters.refresh_rotations,
                "code_redemptions": self.counters.code_redemptions,
                "meeting_notices": len(self.meeting_notices),
                "pending_faults": {k: list(v) for k, v in self._faults.items()},
            }

    def access_token_user(self, token: str) -> tuple[AccessToken | None, str]:
        """The live access token, or None and the Graph message saying why."""
        at = self._access.get(token)
        if at is None:
            return None, "IDX14100: JWT is not well formed, there are no dots (.)."
        if at.expires_at <= self.ts():
            return None, "Lifetime validation failed, the token is expired."
        grant = self._grants.get(at.grant_id)
        if grant is None or grant.revoked_code is not None:
            return None, "Access token has expired or is not yet valid."
        return at, ""

    # ------------------------------------------------------------------ WSGI
    def wsgi_app(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        request = bounded_request(environ, MAX_BODY_BYTES)
        endpoint = "unknown"
        try:
            endpoint, args = _ROUTES.bind_to_environ(environ).match(return_rule=False)
            response = self._dispatch(request, endpoint, args)
        except NotFound:
            response = graph_error(404, "UnknownError", "", self.now())
        except HTTPException as exc:
            response = graph_error(exc.code or 400, "BadRequest", exc.description or "", self.now())
        except GraphError as exc:
            response = exc.response(self.now())
        except Exception:
            log.exception("msemu error on %s %s", request.method, request.path)
            response = graph_error(500, "generalException", "General exception.", self.now())
        with self._lock:
            self.counters.calls[f"{request.method} {endpoint}"] += 1
            self.counters.request_log.append((request.method, request.path, response.status_code))
        return response(environ, start_response)

    def _dispatch(self, request: Request, endpoint: str, args: Mapping[str, Any]) -> Response:
        if endpoint == "authorize":
            with self._lock:
                return self._authorize(request, args["tenant"])
        if endpoint == "token":
            return self._token_entry(request, args["tenant"])
        if endpoint == "control":
            with self._lock:
                return self._control(request, args["action"])
        return self.graph.handle(request, endpoint, args)

    # ------------------------------------------------------------------ control surface
    def _control(self, request: Request, action: str) -> Response:
        """``GET /_emulator/stats|seed``; ``POST /_emulator/<command>`` with a JSON object, for
        tests that drive the running stack over HTTP (same knobs as the Python API)."""
        if request.method == "GET" and action == "stats":
            return json_response(self.stats())
        if request.method == "GET" and action == "seed":
            return json_response(self.seed_summary())
        command = self._commands().get(action) if request.method == "POST" else None
        if command is None:
            return json_response({"error": "not found"}, 404)
        payload = request.get_json(force=True, silent=True)
        try:
            command(payload if isinstance(payload, dict) else {})
        except (KeyError, TypeError, ValueError) as exc:
            return json_response({"error": f"bad request: {exc}"}, 400)
        return json_response(self.stats())

    def seed_summary(self) -> dict[str, Any]:
        return {
            "tenant": self.tenant,
            "users": {
                alias: {"id": uid, "email": self.data[uid].email}
                for alias, uid in self.demo.users.items()
            },
            "messages": self.demo.messages,
            "attachments": self.demo.attachments,
            "events": self.demo.events,
        }

    def _reseed(self, payload: dict[str, Any]) -> None:
        seed_demo_mailboxes(self)

    def _commands(self) -> dict[str, Callable[[dict[str, Any]], None]]:
        return {
            "reset-counters": lambda p: self.reset_counters(),
            "reseed": self._reseed,
            "faults": lambda p: self.inject_fault(
                str(p["kind"]), int(p.get("count", 1)), target=str(p.get("target", "graph"))
            ),
            "expire-tokens": lambda p: self.expire_access_tokens(p.get("email")),
            "revoke-grant": lambda p: self.revoke_grant(str(p["email"]), int(p.get("code", 50173))),
            "consent": lambda p: self.set_consent(str(p["email"]), str(p["decision"])),
            "sign-in": lambda p: self.sign_in_as(p.get("email")),
            "expire-delta-tokens": lambda p: self.expire_delta_tokens(p.get("email")),
        }

    # ------------------------------------------------------------------ authorize
    def _tenant_known(self, tenant: str) -> bool:
        return tenant in TENANT_ALIASES or tenant in {self.tenant, DEMO_DOMAIN}

    @staticmethod
    def _error_page(body: dict[str, Any], status: int = 400) -> Response:
        """Errors the identity platform shows to the user instead of redirecting."""
        text = html.escape(str(body["error_description"]).split("\r\n")[0])
        page = f"<!DOCTYPE html><html><body><h1>Sign in</h1><p>{text}</p></body></html>"
        return Response(page, status=status, content_type="text/html; charset=utf-8")

    def _authorize(self, request: Request, tenant: str) -> Response:
        params = request.args
        now = self.now()
        if not self._tenant_known(tenant):
            return self._error_page(aadsts_body(90002, now, tenant))
        client_id = params.get("client_id", "")
        if client_id != self.client_id:
            return self._error_page(aadsts_body(700016, now, client_id))
        redirect_uri = params.get("redirect_uri", "")
        if redirect_uri not in self.redirect_uris:
            return self._error_page(aadsts_body(50011, now, redirect_uri))
        state = params.get("state")

        def answer(out: dict[str, str]) -> Response:
            if state is not None:
                out["state"] = state
            response = Response(status=302)
            response.headers["Location"] = f"{redirect_uri}?{urlencode(out)}"
            return response

        problem = self._authorize_problem(params)
        if problem is not None:
            body = aadsts_body(problem[0], now, problem[1])
            return answer({"error": body["error"], "error_description": body["error_description"]})
        email = params.get("login_hint") or self._signed_in
        user = self.user_by_email(email) if email else None
        if user is None:
            return self._account_picker(request)
        refusal = self._consent_refusal(user.email, now)
        if refusal is not None:
            return answer(refusal)
        code = "1.AQ" + secrets.token_urlsafe(64)
        self._codes[code] = AuthCode(
            client_id=client_id,
            redirect_uri=redirect_uri,
            user_id=user.user_id,
            scopes=self._grantable(user.email, params["scope"]),
            challenge=params.get("code_challenge", ""),
            nonce=params.get("nonce"),
            expires_at=self.ts() + self.code_ttl,
        )
        return answer({"code": code, "session_state": user.user_id})

    def _grantable(self, email: str, asked: str) -> tuple[str, ...]:
        """The asked scopes, canonical and de-duplicated, less those withheld from ``email``."""
        withheld = self._withheld.get(email.lower(), frozenset())
        names = (s for s in map(canonical_scope, asked.split()) if s and s not in withheld)
        return tuple(dict.fromkeys(names))

    def _authorize_problem(self, params: Any) -> tuple[int, str] | None:
        if params.get("response_type") != "code":
            return 700054, params.get("response_type", "")
        if params.get("response_mode", "query") != "query":
            return 9002313, "The emulator answers with response_mode=query only."
        scope = params.get("scope", "")
        if not scope.strip():
            return 900144, "scope"
        unknown = [s for s in scope.split() if canonical_scope(s) is None]
        if unknown:
            return 70011, unknown[0]
        challenge = params.get("code_challenge")
        if challenge is None:
            return (900144, "code_challenge") if self.require_pkce else None
        if params.get("code_challenge_method") != "S256":
            return 9002313, "code_challenge_method must be S256."
        if not 43 <= len(challenge) <= 128:
            return 9002313, "Invalid size of Code_Challenge parameter."
        return None

    def _consent_refusal(self, email: str, now: dt.datetime) -> dict[str, str] | None:
        decision = self._consent.get(email.lower(), "allow")
        if decision == "allow":
            return None
        code = 65004 if decision == "deny" else 65001
        body = aadsts_body(code, now, self.client_id)
        error = "access_denied" if decision == "deny" else "consent_required"
        return {"error": error, "error_description": body["error_description"]}

    def _account_picker(self, request: Request) -> Response:
        rows = []
        for user in self.data.values():
            query = request.args.copy()
            query["login_hint"] = user.email
            href = html.escape(f"{request.path}?{urlencode(list(query.items(multi=True)))}")
            rows.append(f'<li><a href="{href}">{html.escape(user.email)}</a></li>')
        page = (
            "<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>"
            "<h1>Microsoft emulator: pick an account</h1><ul>"
            + "".join(rows)
            + "</ul></body></html>"
        )
        return Response(page, status=200, content_type="text/html; charset=utf-8")

    # ------------------------------------------------------------------ token
    def _token_entry(self, request: Request, tenant: str) -> Response:
        fault = self.next_fault("token")
        if fault == "stall":
            time.sleep(self.fault_delay)
        elif fault is not None:
            return json_response(
                {
                    "error": "temporarily_unavailable",
                    "error_description": "AADSTS90033: A "
                    "transient error has occurred. Please try again.",
                },
                503,
                {"Retry-After": str(self.retry_after)},
            )
        with self._lock:
            return self._token(request, tenant)

    def _token(self, request: Request, tenant: str) -> Response:
        now = self.now()
        if request.method != "POST":
            return token_error(9002313, now, "The token endpoint accepts POST only.", 405)
        if not self._tenant_known(tenant):
            return token_error(90002, now, tenant)
        form = request.form
        auth = request.authorization
        client_id = auth.username if auth and auth.username else form.get("client_id", "")
        secret = auth.password if auth and auth.username else form.get("client_secret")
        if client_id != self.client_id:
            return token_error(700016, now, client_id)
        if not secret:
            return token_error(7000218, now, status=401)
        if not hmac.compare_digest(secret.encode(), self.client_secret.encode()):
            return token_error(7000215, now, status=401)
        grant_type = form.get("grant_type", "")
        if grant_type == "authorization_code":
            return self._redeem_code(form, now)
        if grant_type == "refresh_token":
            return self._redeem_refresh(form, now)
        if not grant_type:
            return token_error(900144, now, "grant_type")
        return token_error(70003, now, grant_type)

    def _redeem_code(self, form: Any, now: dt.datetime) -> Response:
        raw = form.get("code", "")
        if not raw:
            return token_error(900144, now, "code")
        if raw in self._redeemed:
            return token_error(54005, now)
        code = self._codes.pop(raw, None)
        if code is None:
            return token_error(
                9002313, now, "The authorization code is malformed.", error="invalid_grant"
            )
        self._redeemed.add(raw)  # single use, whatever happens next
        if code.expires_at <= self.ts():
            return token_error(70008, now)
        if not form.get("redirect_uri"):
            return token_error(900144, now, "redirect_uri")
        if form.get("redirect_uri") != code.redirect_uri:
            return token_error(
                70000,
                now,
                "The redirect_uri does not match the one used to obtain the authorization code.",
            )
        if code.challenge:
            verifier = form.get("code_verifier", "")
            if not verifier:
                return token_error(900144, now, "code_verifier")
            if pkce_s256(verifier) != code.challenge:
                return token_error(50148, now)
        grant_id = secrets.token_hex(8)
        self._grants[grant_id] = Grant(code.user_id)
        self.counters.code_redemptions += 1
        return json_response(
            self._token_body(code.user_id, grant_id, code.scopes, code.nonce),
            200,
            {"Cache-Control": "no-store", "Pragma": "no-cache"},
        )

    def _refresh_problem(self, rt: RefreshToken | None) -> int | None:
        if rt is None:
            return 9002313
        grant = self._grants.get(rt.grant_id)
        if grant is None:
            return 70008
        if grant.revoked_code is not None:
            return grant.revoked_code
        if (
            rt.superseded_at is not None
            and self.refresh_grace is not None
            and self.ts() - rt.superseded_at > self.refresh_grace
        ):
            return 70008
        return None

    def _redeem_refresh(self, form: Any, now: dt.datetime) -> Response:
        presented = form.get("refresh_token", "")
        if not presented:
            return token_error(900144, now, "refresh_token")
        rt = self._refresh.get(presented)
        problem = self._refresh_problem(rt)
        if problem is not None or rt is None:
            detail = self.client_id if problem == 65001 else "The refresh token is unknown."
            return token_error(problem or 9002313, now, detail, error="invalid_grant")
        scopes = rt.scopes
        if form.get("scope"):
            asked = tuple(s for s in map(canonical_scope, form["scope"].split()) if s)
            if not set(asked) <= set(scopes):
                return token_error(65001, now, self.client_id)
            scopes = tuple(dict.fromkeys((*asked, "offline_access")))
        self.counters.token_refreshes += 1
        # rotation: every refresh answers a new refresh token; older ones live out the grace
        for other in self._refresh.values():
            if other.grant_id == rt.grant_id and other.superseded_at is None:
                other.superseded_at = self.ts()
        self.counters.refresh_rotations += 1
        body = self._token_body(rt.user_id, rt.grant_id, scopes, None)
        return json_response(body, 200, {"Cache-Control": "no-store", "Pragma": "no-cache"})

    def _token_body(
        self, user_id: str, grant_id: str, scopes: tuple[str, ...], nonce: str | None
    ) -> dict[str, Any]:
        access = "EwB" + secrets.token_urlsafe(96)
        ttl = int(self.access_token_ttl)
        self._access[access] = AccessToken(user_id, grant_id, scopes, self.ts() + ttl)
        body: dict[str, Any] = {
            "token_type": "Bearer",
            "scope": _granted_scope(scopes),
            "expires_in": ttl,
            "ext_expires_in": ttl,
            "access_token": access,
        }
        if "offline_access" in scopes:
            refresh = "1.AQ" + secrets.token_urlsafe(120)
            self._refresh[refresh] = RefreshToken(user_id, grant_id, scopes)
            body["refresh_token"] = refresh
        if "openid" in scopes:
            body["id_token"] = self._id_token(user_id, scopes, nonce)
        return body

    def _id_token(self, user_id: str, scopes: tuple[str, ...], nonce: str | None) -> str:
        user = self.data[user_id]
        issued = int(self.ts())
        claims: dict[str, Any] = {
            "aud": self.client_id,
            "iss": f"https://login.microsoftonline.com/{self.tenant}/v2.0",
            "iat": issued,
            "nbf": issued,
            "exp": issued + 3600,
            "sub": user_id.replace("-", "")[::-1],
            "oid": user_id,
            "tid": self.tenant,
            "preferred_username": user.email,
            "ver": "2.0",
        }
        if "email" in scopes:
            claims["email"] = user.email
        if "profile" in scopes:
            claims["name"] = (
                f"{user.profile.get('given_name', '')} {user.profile.get('surname', '')}"
            )
        if nonce:
            claims["nonce"] = nonce
        return sign_jwt(claims, self.client_secret)

    # ------------------------------------------------------------------ tokens for tests
    def issued_tokens(self, email: str | None = None) -> list[str]:
        """Every access and refresh token issued so far (to ``email``, or to anyone), live or
        not: for tests that check no token is stored or logged in plain text."""
        with self._lock:
            wanted = None if email is None else self.user_id(email)
            records: list[tuple[str, Any]] = [*self._access.items(), *self._refresh.items()]
            return [token for token, record in records if wanted in {None, record.user_id}]

    def refresh_tokens(self, email: str) -> list[str]:
        """Every refresh token issued to the user, oldest first."""
        with self._lock:
            user_id = self.user_id(email)
            return [k for k, v in self._refresh.items() if v.user_id == user_id]

    def notice(self, user_id: str, event: dict[str, Any], kind: str) -> None:
        recipients = [a["emailAddress"]["address"] for a in event.get("attendees") or []]
        if recipients and event.get("isOrganizer", True):
            self.meeting_notices.append(MeetingNotice(user_id, event["id"], kind, recipients))
