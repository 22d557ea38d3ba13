"""The emulator: OAuth server, identity service and REST data API of one Salesforce sandbox org,
as a plain WSGI application over in-memory state guarded by one lock."""

from __future__ import annotations

import base64
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
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Request, Response

from devstack.loopback import WsgiEmulator, bounded_request

from . import sobject_collections
from .duplicates import HEADER as DUPLICATE_HEADER
from .duplicates import (
    DuplicateRule,
    DuplicatesDetected,
    ResultKey,
    ValidationRule,
    save_options,
)
from .files import UploadError, drain, is_upload, read_upload
from .ids import IdFactory, canonical_id
from .org import ApiError, Org, OrgSettings, StoredBlob, UserView, not_found, record_json
from .rules import PENDING_UPLOAD, ActivityRules
from .schema import SCHEMA, SObjectDef, lookup_type, type_for_id
from .seed import DemoOrg, seed_demo_org
from .soql import SoqlError, execute

log = logging.getLogger("devstack.sfemu")

JSON_TYPE = "application/json;charset=UTF-8"
MIN_API_VERSION = 50.0
LATEST_API_VERSION = "62.0"
MAX_COMPOSITE_SUBREQUESTS = 25
MAX_BODY_BYTES = 8 * 1024 * 1024
FAULT_KINDS = frozenset(
    {"unavailable", "server_error", "timeout", "limit_exceeded", "subrequest_error"}
)
#: Faults of the next ContentVersion uploads: "server_error" (500 UNKNOWN_EXCEPTION) or
#: "storage_limit" (the org's file storage is full: STORAGE_LIMIT_EXCEEDED, "storage limit
#: exceeded", as Salesforce's StatusCode of that name reads in DML errors).
UPLOAD_FAULT_KINDS = frozenset({"server_error", "storage_limit"})
#: What `Emulator.calls(kind=...)` counts: one per API call, by the resource it asked for.
CALL_KINDS = frozenset(
    {"composite", "query", "sobject_insert", "content_upload", "sobject", "other"}
)
#: A "subrequest_error" fault: the next Composite request answers 200 (one API call) with its
#: first subrequest failed like this; any other request answers the top-level 500.
_SUBREQUEST_ERROR = (
    500,
    [
        {
            "message": "An unexpected error occurred. Please include this ErrorId if you "
            "contact support: 1942390422-445566 (-1372290311)",
            "errorCode": "UNKNOWN_EXCEPTION",
        }
    ],
)
SUPPORTED_SCOPES = frozenset(
    {
        "api",
        "id",
        "refresh_token",
        "offline_access",
        "openid",
        "profile",
        "email",
        "address",
        "phone",
        "full",
        "web",
        "chatter_api",
        "visualforce",
        "custom_permissions",
    }
)
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
_VERSION_RE = re.compile(r"^v(\d{2,3})\.(\d)$")
_REFERENCE_RE = re.compile(r"@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}")
_REFERENCE_ID_RE = re.compile(r"^[A-Za-z0-9_]+$")
_CHALLENGE_RE = re.compile(r"^[A-Za-z0-9_-]{43,128}$")


@dataclass
class AuthCode:
    code: str
    client_id: str
    redirect_uri: str
    user_id: str
    scope: str
    challenge: str | None
    expires_at: float


@dataclass
class AccessToken:
    token: str
    user_id: str
    grant_id: str
    scope: str
    issued_at: float
    expires_at: float
    revoked: bool = False


@dataclass
class RefreshToken:
    token: str
    user_id: str
    grant_id: str
    client_id: str
    scope: str
    active: bool = True


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = Response(
        json.dumps(body, separators=(",", ":")), status=status, content_type=JSON_TYPE
    )
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _oauth_error(error: str, description: str, status: int = 400) -> Response:
    return _json(
        {"error": error, "error_description": description},
        status,
        {"Cache-Control": "no-cache,must-revalidate,max-age=0,no-store,private"},
    )


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Emulator(WsgiEmulator):
    """State of the emulated org plus the WSGI app that serves Salesforce's wire protocol."""

    def __init__(
        self,
        client_id: str = "stratus-local",
        client_secret: str = "local-secret",  # noqa: S107 - the local stack's fixed secret
        *,
        seed: bool = True,
        clock: Callable[[], dt.datetime] | None = None,
        id_start: int = IdFactory().start,
    ) -> None:
        self.client_id = client_id
        #: Where this org's record ids start: another value is another org (its own org id,
        #: user ids, records), for tests of two orgs side by side (two emulators).
        self.id_start = id_start
        self.client_secret = client_secret
        self.clock: Callable[[], dt.datetime] = clock or _utc_now
        #: Exact redirect URIs the connected app accepts; None = any http(s) URI on loopback.
        self.allowed_redirect_uris: set[str] | None = None
        #: Require PKCE on the authorize request (the connected app's "Require PKCE" setting).
        self.require_pkce = False
        #: Require the client secret on the token endpoint (web-server flow setting).
        self.require_client_secret = True
        #: Scopes granted when the authorize request names none (the connected app's scopes).
        self.default_scopes = "api id refresh_token"
        self.rotate_refresh_tokens = True
        self.access_token_ttl = 7200.0
        self.code_ttl = 900.0
        self.fault_delay = 5.0
        #: Retry-After (seconds) sent with an "unavailable" fault's 503; None: no header.
        self.fault_retry_after: int | None = None
        #: Status of the identity URL / userinfo for a bad or missing token: Salesforce answers
        #: 403 with a plain-text "Bad_OAuth_Token" / "Missing_OAuth_Token".
        self.identity_error_status = 403
        self.api_calls = 0
        self.api_calls_by_user: dict[str, int] = {}
        self._calls_by_user_kind: collections.Counter[tuple[str, str]] = collections.Counter()
        self._upload_faults: collections.deque[str] = collections.deque()
        self._duplicate_header: str | None = None  # the request being served's (held lock)
        #: Per-org knobs (Enhanced Email, permission denials) that survive a re-seed.
        self.settings = OrgSettings(rules=ActivityRules())
        self.token_refreshes = 0
        self.request_log: list[tuple[str, str, str | None, int]] = []
        self.demo: DemoOrg = DemoOrg()
        self._lock = threading.RLock()
        self._usage_used = 0
        self._usage_limit = 15000
        self._faults: collections.deque[str] = collections.deque()
        self._codes: dict[str, AuthCode] = {}
        self._access: dict[str, AccessToken] = {}
        self._refresh: dict[str, RefreshToken] = {}
        self._issued_refresh: dict[str, list[str]] = {}
        self.org = Org(IdFactory(self.id_start), self._now, self.settings)
        if seed:
            seed_demo_org(self)

    # ------------------------------------------------------------------ python control API
    def _now(self) -> dt.datetime:
        return self.clock()

    def _ts(self) -> float:
        return self.clock().timestamp()

    def reset_data(self) -> Org:
        """Drop every record (used by :func:`seed_demo_org`); tokens stay as they are."""
        with self._lock:
            self.org = Org(IdFactory(self.id_start), self._now, self.settings)
            return self.org

    # ---- email logging knobs (Stratus issue 11) ----
    @property
    def enhanced_email(self) -> bool:
        """Setup > Enhanced Email (default on); off: EmailMessage needs a Case ParentId."""
        return self.settings.enhanced_email

    @enhanced_email.setter
    def enhanced_email(self, enabled: bool) -> None:
        self.settings.enhanced_email = bool(enabled)

    def deny_create(self, user_id: str, type_name: str) -> None:
        """Take create access on an object away from one user (profile without "Create")."""
        with self._lock:
            self.settings.denied_create.add((user_id, type_name))

    def deny_field_edit(self, user_id: str, type_name: str, field_name: str) -> None:
        """Make a field read-only for one user (field-level security)."""
        with self._lock:
            self.settings.denied_fields.add((user_id, type_name, field_name))

    def add_validation_rule(self, rule: ValidationRule) -> None:
        """An admin's validation rule (duplicates.py); survives a re-seed."""
        with self._lock:
            self.settings.validation_rules.append(rule)

    def add_duplicate_rule(self, rule: DuplicateRule) -> None:
        """An active duplicate rule (duplicates.py); survives a re-seed."""
        with self._lock:
            self.settings.duplicate_rules.append(rule)

    def spell_duplicate_result(self, key: ResultKey) -> None:
        """How DUPLICATES_DETECTED names its result: `duplicateResult` (the docs) or
        `duplicateResut` (what real orgs have answered; duplicates.py); survives a re-seed."""
        with self._lock:
            self.settings.duplicate_result_key = key

    def clear_admin_rules(self) -> None:
        with self._lock:
            self.settings.validation_rules.clear()
            self.settings.duplicate_rules.clear()
            self.settings.duplicate_result_key = "duplicateResult"

    def clear_denials(self) -> None:
        with self._lock:
            self.settings.denied_create.clear()
            self.settings.denied_fields.clear()

    def fail_uploads(self, count: int = 1, kind: str = "server_error") -> None:
        """Fail the next `count` ContentVersion uploads (see UPLOAD_FAULT_KINDS)."""
        if kind not in UPLOAD_FAULT_KINDS:
            raise ValueError(f"unknown upload fault {kind!r}; one of {sorted(UPLOAD_FAULT_KINDS)}")
        with self._lock:
            self._upload_faults.extend([kind] * max(0, int(count)))

    def uploaded_file(self, content_version_id: str) -> StoredBlob | None:
        """The sha256, size (and bytes, when small) of a ContentVersion's VersionData."""
        with self._lock:
            canonical = canonical_id(content_version_id)
            return self.org.blobs.get(canonical) if canonical else None

    def calls(self, user_id: str | None = None, kind: str | None = None) -> int:
        """API calls counted since the last reset, for one user and/or one kind (CALL_KINDS)."""
        if kind is not None and kind not in CALL_KINDS:
            raise ValueError(f"unknown call kind {kind!r}; one of {sorted(CALL_KINDS)}")
        with self._lock:
            return sum(
                n
                for (user, k), n in self._calls_by_user_kind.items()
                if user_id in (None, user) and kind in (None, k)
            )

    @property
    def records(self) -> dict[str, dict[str, dict[str, Any]]]:
        """All records: type -> id -> field -> value (Python values: date, datetime, ...)."""
        return self.org.records

    @property
    def users(self) -> dict[str, dict[str, Any]]:
        """Users by username."""
        return {u["Username"]: u for u in self.org.records["User"].values()}

    def user_by_username(self, username: str) -> dict[str, Any] | None:
        lowered = username.strip().lower()
        for user in self.org.records["User"].values():
            if str(user["Username"]).lower() == lowered:
                return user
        return None

    def view(self, user_id: str) -> UserView:
        """The org as ``user_id`` sees it (``.visible_ids("Contact")`` etc.)."""
        return self.org.view(user_id)

    def visible_ids(self, user_id: str, type_name: str) -> set[str]:
        with self._lock:
            return self.org.view(user_id).visible_ids(type_name)

    def reset_counters(self) -> None:
        with self._lock:
            self.api_calls = 0
            self.api_calls_by_user = {}
            self._calls_by_user_kind.clear()
            self.token_refreshes = 0
            self.request_log = []
            self._usage_used = 0

    def reset(self) -> None:
        """Counters, pending faults, API usage and token settings back to their defaults."""
        with self._lock:
            self.reset_counters()
            self._faults.clear()
            self._upload_faults.clear()
            self.fault_retry_after = None
            self._usage_limit = 15000
            self.rotate_refresh_tokens = True
            self.access_token_ttl = 7200.0

    def set_api_usage(self, used: int, limit: int) -> None:
        with self._lock:
            self._usage_used = max(0, int(used))
            self._usage_limit = max(0, int(limit))

    @property
    def api_usage(self) -> tuple[int, int]:
        return self._usage_used, self._usage_limit

    def inject_fault(self, kind: str, count: int = 1) -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {sorted(FAULT_KINDS)}")
        with self._lock:
            self._faults.extend([kind] * max(0, int(count)))

    @property
    def pending_faults(self) -> list[str]:
        with self._lock:
            return list(self._faults)

    def expire_access_tokens(self) -> None:
        with self._lock:
            past = self._ts() - 1
            for token in self._access.values():
                token.expires_at = min(token.expires_at, past)

    def revoke_user_tokens(self, user_id: str) -> None:
        with self._lock:
            for rt in self._refresh.values():
                if rt.user_id == user_id:
                    rt.active = False
            for at in self._access.values():
                if at.user_id == user_id:
                    at.revoked = True

    def issued_refresh_tokens(self, user_id: str) -> list[str]:
        """Every refresh token ever issued to the user (active or not)."""
        with self._lock:
            return list(self._issued_refresh.get(user_id, []))

    def issued_access_tokens(self, user_id: str) -> list[str]:
        with self._lock:
            return [t.token for t in self._access.values() if t.user_id == user_id]

    def issue_tokens(self, user_id: str, scope: str | None = None) -> dict[str, str]:
        """Mint tokens for a user without the browser dance (for tests of other components)."""
        with self._lock:
            scopes = scope or self.default_scopes
            return self._issue(user_id, scopes, base_url="http://127.0.0.1", with_refresh=True)

    # ------------------------------------------------------------------ WSGI
    def wsgi_app(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        request = bounded_request(environ, MAX_BODY_BYTES)
        user_id: str | None = None
        try:
            response, user_id = self._dispatch(request)
        except HTTPException as exc:  # e.g. 413 from werkzeug's body limits
            response = _json(
                [{"message": exc.description or "Bad request", "errorCode": "JSON_PARSER_ERROR"}],
                exc.code or 400,
            )
        except Exception:
            log.exception("emulator error on %s %s", request.method, request.path)
            response = _json(
                [
                    {
                        "message": "An unexpected error occurred. Please include this ErrorId if "
                        "you contact support: 1234567890-1234 (-1234567890)",
                        "errorCode": "UNKNOWN_EXCEPTION",
                    }
                ],
                500,
            )
        with self._lock:
            self.request_log.append((request.method, request.path, user_id, response.status_code))
        return response(environ, start_response)

    def _dispatch(self, request: Request) -> tuple[Response, str | None]:
        path = request.path
        if path.startswith("/services/data"):
            return self._data_entry(request)
        with self._lock:
            if path == "/services/oauth2/authorize":
                return self._authorize(request), None
            if path == "/services/oauth2/token":
                return self._token(request)
            if path == "/services/oauth2/revoke":
                return self._revoke(request), None
            if path == "/services/oauth2/userinfo":
                return self._userinfo(request)
            if path.startswith("/id/"):
                return self._identity(request)
            if path.startswith("/_emulator/"):
                return self._control(request), None
        return _json(
            [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}], 404
        ), None

    @staticmethod
    def base_url(request: Request) -> str:
        return request.host_url.rstrip("/")

    # ------------------------------------------------------------------ OAuth: authorize
    def _redirect_allowed(self, uri: str) -> bool:
        if self.allowed_redirect_uris is not None:
            return uri in self.allowed_redirect_uris
        try:
            parts = urlsplit(uri)
        except ValueError:
            return False
        return parts.scheme in {"http", "https"} and (parts.hostname or "") in _LOOPBACK_HOSTS

    @staticmethod
    def _redirect(uri: str, params: dict[str, str]) -> Response:
        separator = "&" if "?" in uri else "?"
        response = Response(status=302)
        response.headers["Location"] = uri + separator + urlencode(params)
        response.headers["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def _error_page(error: str, description: str, status: int = 400) -> Response:
        body = (
            "<!DOCTYPE html><html><head><title>OAuth Error</title></head><body>"
            "<h1>OAuth Error</h1><p>We can't authorize you because of an OAuth error. For more "
            "information, contact your Salesforce administrator.</p>"
            f"<p>{html.escape(error)}: {html.escape(description)}</p>"
            f"<!-- error={html.escape(error)}&error_description={html.escape(description)} -->"
            "</body></html>"
        )
        return Response(body, status=status, content_type="text/html;charset=UTF-8")

    def _authorize(self, request: Request) -> Response:
        params = request.form if request.method == "POST" else request.args
        if request.method not in {"GET", "POST"}:
            return self._error_page("invalid_request", "must use HTTP GET or POST", 405)
        client_id = params.get("client_id", "")
        redirect_uri = params.get("redirect_uri", "")
        state = params.get("state")
        if client_id != self.client_id:
            return self._error_page("invalid_client_id", "client identifier invalid")
        if not redirect_uri or not self._redirect_allowed(redirect_uri):
            return self._error_page(
                "redirect_uri_mismatch", "redirect_uri must match configuration"
            )

        def answer(out: dict[str, str]) -> Response:
            if state is not None:
                out["state"] = state
            return self._redirect(redirect_uri, out)

        problem = self._authorization_problem(params)
        action = (params.get("action") or "").lower() if request.method == "POST" else None
        if problem is None and action == "deny":
            problem = ("access_denied", "end-user denied authorization")
        if problem is not None:
            return answer({"error": problem[0], "error_description": problem[1]})
        user = self._chosen_user(params, action)
        if user is None:
            notice = "Choose a user to sign in as." if action == "allow" else None
            return self._consent_page(params, notice)
        if not user.get("IsActive"):
            return answer({"error": "access_denied", "error_description": "user is inactive"})
        requested = (params.get("scope") or self.default_scopes).split()
        code = "aPrx" + secrets.token_urlsafe(48)
        self._codes[code] = AuthCode(
            code=code,
            client_id=client_id,
            redirect_uri=redirect_uri,
            user_id=user["Id"],
            scope=" ".join(dict.fromkeys(requested)),
            challenge=params.get("code_challenge") or None,
            expires_at=self._ts() + self.code_ttl,
        )
        return answer({"code": code})

    def _authorization_problem(self, params: Any) -> tuple[str, str] | None:
        """What is wrong with an authorization request (error, description), if anything."""
        if params.get("response_type") != "code":
            return "unsupported_response_type", "response type not supported"
        challenge = params.get("code_challenge") or None
        method = params.get("code_challenge_method") or "S256"
        if challenge is not None:
            if method != "S256":
                return "invalid_request", "unsupported code challenge method"
            if not _CHALLENGE_RE.match(challenge):
                return "invalid_request", "invalid code challenge"
        elif self.require_pkce:
            return "invalid_request", "missing required code challenge"
        requested = (params.get("scope") or self.default_scopes).split()
        if any(scope not in SUPPORTED_SCOPES for scope in requested):
            return "invalid_scope", "the requested scope is not allowed"
        return None

    def _chosen_user(self, params: Any, action: str | None) -> dict[str, Any] | None:
        """The user the consent names: the login hint of a GET (`action` None), the username
        of a POST that allows; nobody otherwise."""
        if action is None:
            hint = params.get("login_hint")
            return self.user_by_username(hint) if hint else None
        if action == "allow":
            return self.user_by_username(params.get("username", ""))
        return None

    def _consent_page(self, params: Any, notice: str | None) -> Response:
        keep = [
            "response_type",
            "client_id",
            "redirect_uri",
            "state",
            "scope",
            "code_challenge",
            "code_challenge_method",
            "prompt",
        ]
        hidden = "".join(
            f'<input type="hidden" name="{k}" value="{html.escape(params.get(k, ""))}">'
            for k in keep
            if params.get(k) is not None
        )
        profiles = {p["Id"]: p["Name"] for p in self.org.records["Profile"].values()}
        rows = []
        for index, user in enumerate(self.org.records["User"].values()):
            checked = " checked" if index == 0 else ""
            rows.append(
                "<li><label>"
                f'<input type="radio" name="username" value="{html.escape(user["Username"])}"'
                f"{checked}> <b>{html.escape(user['Username'])}</b> "
                f"({html.escape(str(user['Name']))}, "
                f"{html.escape(profiles.get(user['ProfileId'], ''))})</label></li>"
            )
        org_name = next(iter(self.org.records["Organization"].values()), {}).get("Name", "")
        body = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Allow Access?</title></head>"
            f"<body><h1>Salesforce sandbox emulator — {html.escape(str(org_name))}</h1>"
            + (f"<p>{html.escape(notice)}</p>" if notice else "")
            + "<p>The app <b>"
            + html.escape(self.client_id)
            + "</b> is requesting access to: "
            + html.escape(params.get("scope") or self.default_scopes)
            + "</p><form method='post' action='/services/oauth2/authorize'>"
            + hidden
            + "<ul>"
            + "".join(rows)
            + "</ul><button type='submit' name='action' value='allow'>Allow</button> "
            "<button type='submit' name='action' value='deny'>Deny</button></form></body></html>"
        )
        response = Response(body, status=200, content_type="text/html;charset=UTF-8")
        response.headers["Cache-Control"] = "no-store"
        return response

    # ------------------------------------------------------------------ OAuth: token
    def _client_credentials(self, request: Request) -> tuple[str, str | None]:
        auth = request.authorization
        if auth is not None and auth.type == "basic" and auth.username:
            return auth.username, auth.password
        return request.form.get("client_id", ""), request.form.get("client_secret")

    def _token(self, request: Request) -> tuple[Response, str | None]:
        if request.method != "POST":
            return _oauth_error("invalid_request", "must use HTTP POST"), None
        grant_type = request.form.get("grant_type", "")
        if grant_type not in {"authorization_code", "refresh_token"}:
            return _oauth_error("unsupported_grant_type", "grant type not supported"), None
        client_id, client_secret = self._client_credentials(request)
        if client_id != self.client_id:
            return _oauth_error("invalid_client_id", "client identifier invalid"), None
        if client_secret is None or client_secret == "":
            if self.require_client_secret:
                return _oauth_error("invalid_client", "invalid client credentials"), None
        elif not hmac.compare_digest(client_secret.encode(), self.client_secret.encode()):
            return _oauth_error("invalid_client", "invalid client credentials"), None
        base = self.base_url(request)
        if grant_type == "authorization_code":
            return self._grant_code(request, client_id, base)
        return self._grant_refresh(request, client_id, base)

    def _grant_code(
        self, request: Request, client_id: str, base: str
    ) -> tuple[Response, str | None]:
        code = self._codes.pop(request.form.get("code", ""), None)  # single use, whatever happens
        if code is None or code.client_id != client_id:
            return _oauth_error("invalid_grant", "invalid authorization code"), None
        if code.expires_at < self._ts():
            return _oauth_error("invalid_grant", "expired authorization code"), None
        if request.form.get("redirect_uri", "") != code.redirect_uri:
            return _oauth_error("invalid_grant", "redirect_uri mismatch"), None
        if code.challenge is not None:
            verifier = request.form.get("code_verifier", "")
            digest = hashlib.sha256(verifier.encode()).digest()
            expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if not verifier or not hmac.compare_digest(expected, code.challenge):
                return _oauth_error("invalid_grant", "invalid code verifier"), None
        user = self.org.get(code.user_id)
        if user is None or not user.get("IsActive"):
            return _oauth_error("invalid_grant", "inactive user"), None
        scopes = code.scope.split()
        with_refresh = "refresh_token" in scopes or "offline_access" in scopes
        body = self._issue(code.user_id, code.scope, base_url=base, with_refresh=with_refresh)
        return _json(body, 200, {"Cache-Control": "no-store", "Pragma": "no-cache"}), code.user_id

    def _grant_refresh(
        self, request: Request, client_id: str, base: str
    ) -> tuple[Response, str | None]:
        presented = request.form.get("refresh_token", "")
        rt = self._refresh.get(presented)
        user = self.org.get(rt.user_id) if rt else None
        if (
            rt is None
            or not rt.active
            or rt.client_id != client_id
            or not user
            or not user.get("IsActive")
        ):
            return _oauth_error("invalid_grant", "expired access/refresh token"), None
        if self.rotate_refresh_tokens:
            rt.active = False
            body = self._issue(
                rt.user_id, rt.scope, base_url=base, with_refresh=True, grant_id=rt.grant_id
            )
        else:
            body = self._issue(
                rt.user_id, rt.scope, base_url=base, with_refresh=False, grant_id=rt.grant_id
            )
        self.token_refreshes += 1
        return _json(body, 200, {"Cache-Control": "no-store", "Pragma": "no-cache"}), rt.user_id

    def _issue(
        self,
        user_id: str,
        scope: str,
        *,
        base_url: str,
        with_refresh: bool,
        grant_id: str | None = None,
    ) -> dict[str, str]:
        now = self._ts()
        grant_id = grant_id or secrets.token_hex(8)
        org15 = self.org.org_id[:15]
        access = f"{org15}!AQ" + secrets.token_urlsafe(72).replace("-", "").replace("_", "")[:96]
        self._access[access] = AccessToken(
            token=access,
            user_id=user_id,
            grant_id=grant_id,
            scope=scope,
            issued_at=now,
            expires_at=now + self.access_token_ttl,
        )
        issued_at = str(int(now * 1000))
        identity = f"{base_url}/id/{self.org.org_id}/{user_id}"
        signature = base64.b64encode(
            hmac.new(
                self.client_secret.encode(), (identity + issued_at).encode(), hashlib.sha256
            ).digest()
        ).decode()
        body: dict[str, str] = {"access_token": access}
        if with_refresh:
            refresh = "5Aep861" + secrets.token_urlsafe(60).replace("-", "").replace("_", "")[:80]
            self._refresh[refresh] = RefreshToken(
                token=refresh,
                user_id=user_id,
                grant_id=grant_id,
                client_id=self.client_id,
                scope=scope,
            )
            self._issued_refresh.setdefault(user_id, []).append(refresh)
            body["refresh_token"] = refresh
        body.update(
            {
                "signature": signature,
                "scope": scope,
                "instance_url": base_url,
                "id": identity,
                "token_type": "Bearer",
                "issued_at": issued_at,
            }
        )
        return body

    def _revoke(self, request: Request) -> Response:
        token = (
            request.form.get("token") if request.method == "POST" else None
        ) or request.args.get("token", "")
        access = self._access.get(token)
        if access is not None and not access.revoked:
            access.revoked = True
            return Response(status=200)
        refresh = self._refresh.get(token)
        if refresh is not None and refresh.active:
            for rt in self._refresh.values():
                if rt.grant_id == refresh.grant_id:
                    rt.active = False
            for at in self._access.values():
                if at.grant_id == refresh.grant_id:
                    at.revoked = True
            return Response(status=200)
        return _oauth_error("unsupported_token_type", "this token type is not supported")

    # ------------------------------------------------------------------ identity
    @staticmethod
    def _bearer(request: Request, *, allow_param: bool = False) -> str | None:
        header = request.headers.get("Authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() in {"bearer", "oauth"} and value.strip():
            return value.strip()
        if allow_param:
            return request.values.get("oauth_token") or request.values.get("access_token")
        return None

    def _valid_token(self, token: str | None) -> AccessToken | None:
        if not token:
            return None
        record = self._access.get(token)
        if record is None or record.revoked or record.expires_at <= self._ts():
            return None
        user = self.org.get(record.user_id)
        if user is None or not user.get("IsActive"):
            return None
        return record

    def _identity_denied(self, token: str | None) -> Response:
        text = "Missing_OAuth_Token" if not token else "Bad_OAuth_Token"
        return Response(text, status=self.identity_error_status, content_type="text/plain")

    def _urls(self, base: str, user_id: str, version: str) -> dict[str, str]:
        org = self.org.org_id
        return {
            "enterprise": f"{base}/services/Soap/c/{version}/{org[:15]}",
            "metadata": f"{base}/services/Soap/m/{version}/{org[:15]}",
            "partner": f"{base}/services/Soap/u/{version}/{org[:15]}",
            "rest": f"{base}/services/data/v{version}/",
            "sobjects": f"{base}/services/data/v{version}/sobjects/",
            "search": f"{base}/services/data/v{version}/search/",
            "query": f"{base}/services/data/v{version}/query/",
            "recent": f"{base}/services/data/v{version}/recent/",
            "tooling_soap": f"{base}/services/Soap/T/{version}/{org[:15]}",
            "tooling_rest": f"{base}/services/data/v{version}/tooling/",
            "profile": f"{base}/{user_id}",
            "feeds": f"{base}/services/data/v{version}/chatter/feeds",
            "groups": f"{base}/services/data/v{version}/chatter/groups",
            "users": f"{base}/services/data/v{version}/chatter/users",
            "feed_items": f"{base}/services/data/v{version}/chatter/feed-items",
            "feed_elements": f"{base}/services/data/v{version}/chatter/feed-elements",
            "custom_domain": base,
        }

    def _utc_offset_ms(self, tz_name: str) -> int:
        try:
            offset = self.clock().astimezone(zoneinfo.ZoneInfo(tz_name)).utcoffset()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return 0
        return int(offset.total_seconds() * 1000) if offset else 0

    def _identity_body(self, base: str, user: dict[str, Any], version: str) -> dict[str, Any]:
        user_id = user["Id"]
        modified = user.get("LastModifiedDate") or self.clock()
        return {
            "id": f"{base}/id/{self.org.org_id}/{user_id}",
            "asserted_user": True,
            "user_id": user_id,
            "organization_id": self.org.org_id,
            "username": user["Username"],
            "nick_name": str(user["Username"]).split("@")[0],
            "display_name": user["Name"],
            "email": user["Email"],
            "email_verified": True,
            "first_name": user["FirstName"],
            "last_name": user["LastName"],
            "timezone": user["TimeZoneSidKey"],
            "photos": {
                "picture": f"{base}/profilephoto/005/F",
                "thumbnail": f"{base}/profilephoto/005/T",
            },
            "addr_street": None,
            "addr_city": None,
            "addr_state": None,
            "addr_country": None,
            "addr_zip": None,
            "mobile_phone": None,
            "mobile_phone_verified": False,
            "is_lightning_login_user": False,
            "status": {"created_date": None, "body": None},
            "urls": self._urls(base, user_id, version),
            "active": bool(user["IsActive"]),
            "user_type": "STANDARD",
            "language": user["LanguageLocaleKey"],
            "locale": user["LocaleSidKey"],
            "utcOffset": self._utc_offset_ms(user["TimeZoneSidKey"]),
            "last_modified_date": modified.strftime("%Y-%m-%dT%H:%M:%S.000+0000"),
            "is_app_installed": True,
        }

    def _version_param(self, request: Request) -> str:
        version = request.args.get("version")
        if version == "latest":
            return LATEST_API_VERSION
        if version and re.fullmatch(r"\d{2,3}\.\d", version):
            return version
        return "{version}"

    def _identity(self, request: Request) -> tuple[Response, str | None]:
        token = self._bearer(request, allow_param=True)
        access = self._valid_token(token)
        if access is None:
            return self._identity_denied(token), None
        parts = request.path.strip("/").split("/")
        if len(parts) != 3:
            return self._identity_denied(token), access.user_id
        org_id, user_id = canonical_id(parts[1]), canonical_id(parts[2])
        if org_id != self.org.org_id or user_id != access.user_id:
            return Response("Bad_Id", status=403, content_type="text/plain"), access.user_id
        user = self.org.get(user_id)
        assert user is not None
        body = self._identity_body(self.base_url(request), user, self._version_param(request))
        return _json(body), access.user_id

    def _userinfo(self, request: Request) -> tuple[Response, str | None]:
        token = self._bearer(request, allow_param=True)
        access = self._valid_token(token)
        if access is None:
            return self._identity_denied(token), None
        user = self.org.get(access.user_id)
        assert user is not None
        base = self.base_url(request)
        ident = self._identity_body(base, user, self._version_param(request))
        body = {
            "sub": ident["id"],
            "user_id": ident["user_id"],
            "organization_id": ident["organization_id"],
            "preferred_username": ident["username"],
            "nickname": ident["nick_name"],
            "name": ident["display_name"],
            "email": ident["email"],
            "email_verified": True,
            "given_name": ident["first_name"],
            "family_name": ident["last_name"],
            "zoneinfo": ident["timezone"],
            "photos": ident["photos"],
            "profile": f"{base}/{user['Id']}",
            "picture": ident["photos"]["picture"],
            "address": {},
            "is_salesforce_integration_user": False,
            "urls": ident["urls"],
            "active": ident["active"],
            "user_type": "STANDARD",
            "language": ident["language"],
            "locale": ident["locale"],
            "utcOffset": ident["utcOffset"],
            "updated_at": ident["last_modified_date"],
            "is_app_installed": True,
        }
        return _json(body), access.user_id

    # ------------------------------------------------------------------ data API
    def _limit_header(self) -> dict[str, str]:
        return {"Sforce-Limit-Info": f"api-usage={self._usage_used}/{self._usage_limit}"}

    def _data_entry(self, request: Request) -> tuple[Response, str | None]:
        path = request.path.rstrip("/")
        if path in {"/services/data", ""}:
            versions = [
                {"label": f"v{v}", "url": f"/services/data/v{v}", "version": v}
                for v in ("58.0", "59.0", "60.0", "61.0", LATEST_API_VERSION)
            ]
            return _json(versions), None
        faulted, failing_subrequest = self._take_fault(request)
        if faulted is not None:
            return faulted, None
        with self._lock:
            access = self._valid_token(self._bearer(request))
            if access is None:
                return _json(
                    [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}],
                    401,
                    {"WWW-Authenticate": 'Token realm="Salesforce"'},
                ), None
            user_id = access.user_id
            refused = self._count_call(user_id, _call_kind(request.method, path))
            if refused is not None:
                return refused, user_id
            return self._serve(request, path, user_id, failing_subrequest), user_id

    def _take_fault(self, request: Request) -> tuple[Response | None, bool]:
        """The next injected fault: its response (None: serve the request, after a stall for
        `timeout`), and whether the request is a Composite whose first subrequest must fail."""
        with self._lock:
            fault = self._faults.popleft() if self._faults else None
        composite = request.method == "POST" and request.path.rstrip("/").endswith("/composite")
        failing_subrequest = fault == "subrequest_error" and composite
        if fault == "timeout":
            time.sleep(max(0.0, self.fault_delay))
        elif fault is not None and not failing_subrequest:
            return self._fault_response(fault), False
        return None, failing_subrequest

    def _count_call(self, user_id: str, kind: str) -> Response | None:
        """One API call against the org's daily limit (held lock); the 403 once it is spent."""
        if self._usage_used >= self._usage_limit:
            return _json(
                [
                    {
                        "message": "TotalRequests Limit exceeded.",
                        "errorCode": "REQUEST_LIMIT_EXCEEDED",
                    }
                ],
                403,
                self._limit_header(),
            )
        self.api_calls += 1
        self.api_calls_by_user[user_id] = self.api_calls_by_user.get(user_id, 0) + 1
        self._calls_by_user_kind[(user_id, kind)] += 1
        self._usage_used += 1
        return None

    def _serve(
        self, request: Request, path: str, user_id: str, failing_subrequest: bool
    ) -> Response:
        """A counted data API request (held lock): its version, body and resource."""
        rest = path[len("/services/data/") :]
        version, _, resource = rest.partition("/")
        match = _VERSION_RE.match(version)
        if match is None or float(version[1:]) < MIN_API_VERSION:
            return _json(
                [
                    {
                        "errorCode": "NOT_FOUND",
                        "message": "The requested resource does not exist",
                    }
                ],
                404,
                self._limit_header(),
            )
        view = self.org.view(user_id)
        if _call_kind(request.method, path) == "content_upload" and is_upload(request):
            status, payload, headers = self._upload(request, view, version[1:])
            headers.update(self._limit_header())
            return _json(payload, status, headers)
        body, malformed = self._json_body(request)
        if malformed is not None:
            return malformed
        args = {k: request.args.getlist(k) for k in request.args}
        self._duplicate_header = request.headers.get(DUPLICATE_HEADER)
        if resource == "composite" and request.method == "POST":
            status, payload, headers = self._composite(
                view, version[1:], body, fail_first=failing_subrequest
            )
        else:
            status, payload, headers = self._resource(
                view, request.method, version[1:], resource, args, body
            )
        headers.update(self._limit_header())
        if status == 204:
            response = Response(status=204)
            for key, value in headers.items():
                response.headers[key] = value
            return response
        return _json(payload, status, headers)

    def _json_body(self, request: Request) -> tuple[Any, Response | None]:
        """The request's JSON body (None without one), or the 400 for one that is not JSON."""
        if request.method not in {"POST", "PATCH", "PUT"}:
            return None, None
        raw = request.get_data(cache=False)
        if not raw.strip():
            return None, None
        try:
            return json.loads(raw), None
        except (ValueError, UnicodeDecodeError) as exc:
            return None, _json(
                [{"message": f"Unexpected character: {exc}", "errorCode": "JSON_PARSER_ERROR"}],
                400,
                self._limit_header(),
            )

    def _upload(
        self, request: Request, view: UserView, version: str
    ) -> tuple[int, Any, dict[str, str]]:
        """A multipart ContentVersion insert (held lock): the file is streamed and hashed."""
        if self._upload_faults:
            drain(request.stream)
            return _upload_fault(self._upload_faults.popleft())
        try:
            entity, blob = read_upload(request)
        except UploadError as exc:
            return 400, exc.body(), {}
        self.org.blobs[PENDING_UPLOAD] = blob
        try:
            record = self.org.create(view, "ContentVersion", entity)
        except ApiError as exc:
            return exc.status, exc.body(), {}
        finally:
            self.org.blobs.pop(PENDING_UPLOAD, None)
        location = f"/services/data/v{version}/sobjects/ContentVersion/{record['Id']}"
        return 201, {"id": record["Id"], "success": True, "errors": []}, {"Location": location}

    def _fault_response(self, kind: str) -> Response:
        if kind == "unavailable":
            page = (
                "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>"
                "<h1>Service Unavailable</h1><p>The server is temporarily unable to service your "
                "request due to maintenance downtime or capacity problems. Please try again later."
                "</p></body></html>"
            )
            response = Response(page, status=503, content_type="text/html;charset=UTF-8")
            if self.fault_retry_after is not None:
                response.headers["Retry-After"] = str(self.fault_retry_after)
            return response
        if kind == "limit_exceeded":
            return _json(
                [
                    {
                        "message": "TotalRequests Limit exceeded.",
                        "errorCode": "REQUEST_LIMIT_EXCEEDED",
                    }
                ],
                403,
                self._limit_header(),
            )
        return _json(
            [
                {
                    "message": "An unexpected error occurred. Please include this ErrorId if you "
                    "contact support: 1942390422-112233 (-1372290311)",
                    "errorCode": "UNKNOWN_EXCEPTION",
                }
            ],
            500,
        )

    def _resource(
        self,
        view: UserView,
        method: str,
        version: str,
        resource: str,
        args: dict[str, list[str]],
        body: Any,
    ) -> tuple[int, Any, dict[str, str]]:
        """One REST resource call; also used for composite subrequests."""
        try:
            return self._route(view, method, version, resource.strip("/"), args, body)
        except SoqlError as exc:
            return exc.status, [{"message": exc.message, "errorCode": exc.code}], {}
        except (ApiError, DuplicatesDetected) as exc:
            return exc.status, exc.body(), {}

    def _route(
        self,
        view: UserView,
        method: str,
        version: str,
        resource: str,
        args: dict[str, list[str]],
        body: Any,
    ) -> tuple[int, Any, dict[str, str]]:
        parts = resource.split("/") if resource else []

        def allow(*methods: str) -> None:
            if method not in methods and not (method == "HEAD" and "GET" in methods):
                raise ApiError(
                    405,
                    "METHOD_NOT_ALLOWED",
                    f"HTTP Method '{method}' not allowed. Allowed are {','.join(methods)}",
                )

        if not parts:
            allow("GET")
            names = ["sobjects", "query", "queryAll", "composite", "limits"]
            return 200, {n: f"/services/data/v{version}/{n}" for n in names}, {}
        head = parts[0]
        if head in {"query", "queryAll"} and len(parts) == 1:
            allow("GET")
            q = (args.get("q") or [""])[0]
            if not q:
                raise ApiError(400, "MALFORMED_QUERY", "A query string has to be specified")
            # queryAll also answers the Recycle Bin's records (IsDeleted = true).
            source = view.with_deleted() if head == "queryAll" else view
            return 200, execute(q, source, api_version=version), {}
        if head == "limits" and len(parts) == 1:
            allow("GET")
            used, limit = self._usage_used, self._usage_limit
            return (
                200,
                {
                    "DailyApiRequests": {"Max": limit, "Remaining": max(0, limit - used)},
                    "DailyBulkApiBatches": {"Max": 15000, "Remaining": 15000},
                    "DataStorageMB": {"Max": 1024, "Remaining": 1000},
                },
                {},
            )
        if head == "composite" and parts[1:] == ["sobjects"]:
            return sobject_collections.serve(self.org, view, method, args, body)
        if head == "composite":
            raise ApiError(
                405 if len(parts) == 1 else 404,
                "METHOD_NOT_ALLOWED" if len(parts) == 1 else "NOT_FOUND",
                "HTTP Method 'GET' not allowed. Allowed are POST"
                if len(parts) == 1
                else "The requested resource does not exist",
            )
        if head == "sobjects":
            return self._sobjects(view, method, version, parts[1:], args, body, allow)
        raise not_found()

    def _sobjects(
        self,
        view: UserView,
        method: str,
        version: str,
        parts: list[str],
        args: dict[str, list[str]],
        body: Any,
        allow: Callable[..., None],
    ) -> tuple[int, Any, dict[str, str]]:
        if not parts:
            allow("GET")
            listing = [
                self._describe_global(o.name, version)
                for o in SCHEMA.values()
                if view.can_read(o.name)
            ]
            return 200, {"encoding": "UTF-8", "maxBatchSize": 200, "sobjects": listing}, {}
        obj = lookup_type(parts[0])
        if obj is None:
            raise not_found()
        if len(parts) == 1 and method == "POST":
            options = save_options(self._duplicate_header, version)
            record = self.org.create(view, obj.name, body, options)  # checks create permission
            location = f"/services/data/v{version}/sobjects/{obj.name}/{record['Id']}"
            created = {"id": record["Id"], "success": True, "errors": []}
            return 201, created, {"Location": location}
        if not view.can_read(obj.name):
            raise not_found()
        if len(parts) == 1:
            allow("GET", "POST")
            describe = self._describe_global(obj.name, version)
            return 200, {"objectDescribe": describe, "recentItems": []}, {}
        if len(parts) == 2 and parts[1] == "describe":
            allow("GET")
            return 200, self._describe(obj.name, version), {}
        if len(parts) != 2:
            raise not_found()
        return self._sobject_record(view, method, version, obj, parts[1], args, body, allow)

    def _sobject_record(
        self,
        view: UserView,
        method: str,
        version: str,
        obj: SObjectDef,
        record_id: str,
        args: dict[str, list[str]],
        body: Any,
        allow: Callable[..., None],
    ) -> tuple[int, Any, dict[str, str]]:
        """/sobjects/<type>/<id>: read (with `fields`), update or delete one record."""
        if canonical_id(record_id) is None or type_for_id(canonical_id(record_id) or "") is not obj:
            raise ApiError(
                404,
                "NOT_FOUND",
                f"Provided external ID field does not exist or is not accessible: {record_id}",
            )
        allow("GET", "PATCH", "DELETE")
        if method == "PATCH":
            self.org.update(view, obj.name, record_id, body)
            return 204, None, {}
        if method == "DELETE":
            self.org.delete(view, obj.name, record_id)
            return 204, None, {}
        found = view.get_visible(record_id)
        if found is None:
            raise not_found()
        return 200, record_json(found, version, _selected_fields(obj, args)), {}

    def _describe_global(self, type_name: str, version: str) -> dict[str, Any]:
        obj = SCHEMA[type_name]
        return {
            "name": obj.name,
            "label": obj.label,
            "labelPlural": obj.label_plural,
            "keyPrefix": obj.prefix,
            "custom": False,
            "queryable": True,
            "createable": obj.object_perms or obj.sharing in {"activity", "parent"},
            "updateable": obj.object_perms or obj.sharing in {"activity", "parent"},
            "deletable": obj.object_perms or obj.sharing in {"activity", "parent"},
            "urls": {
                "sobject": f"/services/data/v{version}/sobjects/{obj.name}",
                "describe": f"/services/data/v{version}/sobjects/{obj.name}/describe",
                "rowTemplate": f"/services/data/v{version}/sobjects/{obj.name}/{{ID}}",
            },
        }

    def _describe(self, type_name: str, version: str) -> dict[str, Any]:
        obj = SCHEMA[type_name]
        soap_types = {"id": "tns:ID", "reference": "tns:ID", "boolean": "xsd:boolean"}
        out = self._describe_global(type_name, version)
        out["fields"] = [
            {
                "name": f.name,
                "label": f.label or f.name,
                "type": f.type,
                "soapType": soap_types.get(f.type, "xsd:string"),
                "createable": f.createable,
                "updateable": f.updateable,
                "nillable": not f.required and f.name != "Id",
                "referenceTo": list(f.reference_to),
                "relationshipName": f.relationship_name,
            }
            for f in obj.fields.values()
        ]
        out["childRelationships"] = [
            {"relationshipName": c.name, "childSObject": c.child_type, "field": c.field}
            for c in obj.children.values()
        ]
        return out

    # ------------------------------------------------------------------ composite
    def _composite(
        self, view: UserView, version: str, body: Any, *, fail_first: bool = False
    ) -> tuple[int, Any, dict[str, str]]:
        problem = _composite_problem(body)
        if problem is not None:
            message, code = problem
            return 400, [{"message": message, "errorCode": code}], {}
        subrequests = body["compositeRequest"]
        all_or_none = body.get("allOrNone") is True
        snapshot = self.org.snapshot() if all_or_none else None
        results: dict[str, tuple[int, Any]] = {}
        responses: list[dict[str, Any]] = []
        for index, sub in enumerate(subrequests):
            status, payload, headers = self._composite_step(
                view, sub, results, fail=fail_first and index == 0
            )
            results[sub["referenceId"]] = (status, payload)
            responses.append(
                {
                    "body": payload,
                    "httpHeaders": headers,
                    "httpStatusCode": status,
                    "referenceId": sub["referenceId"],
                }
            )
            if status >= 400 and snapshot is not None:
                self.org.restore(snapshot)
                _halt_others(responses, subrequests, failed_at=index)
                break
        return 200, {"compositeResponse": responses}, {}

    def _composite_step(
        self, view: UserView, sub: dict[str, Any], results: dict[str, tuple[int, Any]], fail: bool
    ) -> tuple[int, Any, dict[str, str]]:
        """One subrequest, its references to earlier answers resolved (`fail`: answer the
        injected subrequest error instead)."""
        try:
            url = self._substitute(sub["url"], results, in_url=True)
            sub_body = self._substitute(sub.get("body"), results, in_url=False)
        except _UnresolvedReference as exc:
            return 400, [{"errorCode": "PROCESSING_HALTED", "message": str(exc)}], {}
        if fail:
            return (*_SUBREQUEST_ERROR, {})
        # A subrequest inherits only Accept, Authorization and Content-Type from the top level;
        # other headers (the duplicate rule header) come in its own httpHeaders
        # (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite_subrequest.htm)
        raw_headers = sub.get("httpHeaders")
        sub_headers: dict[str, Any] = raw_headers if isinstance(raw_headers, dict) else {}
        self._duplicate_header = next(
            (str(v) for k, v in sub_headers.items() if k.lower() == DUPLICATE_HEADER.lower()),
            None,
        )
        return self._subrequest(view, sub["method"].upper(), url, sub_body)

    def _subrequest(
        self, view: UserView, method: str, url: str, body: Any
    ) -> tuple[int, Any, dict[str, str]]:
        parts = urlsplit(url)
        match = re.match(r"^/services/data/(v\d{2,3}\.\d)(/.*)?$", parts.path)
        if match is None or float(match.group(1)[1:]) < MIN_API_VERSION:
            return (
                404,
                [{"errorCode": "NOT_FOUND", "message": "The requested resource does not exist"}],
                {},
            )
        version = match.group(1)[1:]
        resource = (match.group(2) or "").strip("/")
        if resource.split("/")[0] == "composite":
            return (
                400,
                [
                    {
                        "errorCode": "INVALID_API_INPUT",
                        "message": "Composite subrequests cannot call the composite resource.",
                    }
                ],
                {},
            )
        args = parse_qs(parts.query, keep_blank_values=True)
        return self._resource(view, method, version, resource, args, body)

    def _substitute(self, value: Any, results: dict[str, tuple[int, Any]], *, in_url: bool) -> Any:
        if isinstance(value, dict):
            return {k: self._substitute(v, results, in_url=in_url) for k, v in value.items()}
        if isinstance(value, list):
            return [self._substitute(v, results, in_url=in_url) for v in value]
        if not isinstance(value, str) or "@{" not in value:
            return value
        whole = _REFERENCE_RE.fullmatch(value)
        if whole is not None and not in_url:
            return self._resolve_reference(whole, results)
        return _REFERENCE_RE.sub(lambda m: str(self._resolve_reference(m, results)), value)

    @staticmethod
    def _resolve_reference(match: re.Match[str], results: dict[str, tuple[int, Any]]) -> Any:
        ref_id, path = match.group(1), match.group(2)
        expression = match.group(0)[2:-1]
        problem = _UnresolvedReference(
            f"Invalid reference specified. No value for {expression} found in {ref_id}. Provided "
            f"referenceId ('{ref_id}') must be a valid referenceId from a previous subrequest in "
            "the same composite request."
        )
        if ref_id not in results or results[ref_id][0] >= 400:
            raise problem
        current: Any = results[ref_id][1]
        for token in re.findall(r"\.([A-Za-z0-9_]+)|\[(\d+)\]", path):
            key, index = token
            if key:
                if not isinstance(current, dict) or key not in current:
                    raise problem
                current = current[key]
            else:
                position = int(index)
                if not isinstance(current, list) or position >= len(current):
                    raise problem
                current = current[position]
        if current is None or isinstance(current, dict | list):
            raise problem
        return current

    # ------------------------------------------------------------------ control surface
    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "api_calls": self.api_calls,
                "api_calls_by_user": dict(self.api_calls_by_user),
                "api_calls_by_kind": {
                    kind: sum(n for (_, k), n in self._calls_by_user_kind.items() if k == kind)
                    for kind in sorted({k for _, k in self._calls_by_user_kind})
                },
                "enhanced_email": self.settings.enhanced_email,
                "pending_upload_faults": list(self._upload_faults),
                "token_refreshes": self.token_refreshes,
                "api_usage": {"used": self._usage_used, "limit": self._usage_limit},
                "pending_faults": list(self._faults),
                "rotate_refresh_tokens": self.rotate_refresh_tokens,
                "requests": len(self.request_log),
            }

    def _control(self, request: Request) -> Response:
        action = request.path[len("/_emulator/") :].strip("/")
        if request.method == "GET" and action == "stats":
            return _json(self.stats())
        if request.method == "GET" and action == "seed":
            return _json(self._seed_summary())
        command = self._commands().get(action) if request.method == "POST" else None
        if command is None:
            return _json({"error": "not found"}, 404)
        try:
            command(_control_payload(request))
        except (KeyError, TypeError, ValueError) as exc:
            return _json({"error": f"bad request: {exc}"}, 400)
        return _json(self.stats())

    def _seed_summary(self) -> dict[str, Any]:
        return {
            "org_id": self.demo.org_id,
            "users": {
                alias: {"id": uid, "username": self.demo.usernames[alias]}
                for alias, uid in self.demo.users.items()
            },
            "accounts": self.demo.accounts,
            "contacts": self.demo.contacts,
            "leads": self.demo.leads,
        }

    def _commands(self) -> dict[str, Callable[[dict[str, Any]], None]]:
        """The control surface's POST actions, each given the request's JSON object."""
        return {
            "reset": self._reset_command,
            "faults": self._faults_command,
            "usage": lambda payload: self.set_api_usage(
                int(payload["used"]), int(payload["limit"])
            ),
            "expire-tokens": lambda payload: self.expire_access_tokens(),
            "revoke-user": lambda payload: self.revoke_user_tokens(str(payload["user_id"])),
            "rotation": self._rotation_command,
            "enhanced-email": self._enhanced_email_command,
            "upload-faults": lambda payload: self.fail_uploads(
                int(payload.get("count", 1)), str(payload.get("kind", "server_error"))
            ),
            "deny-create": lambda payload: self.deny_create(
                str(payload["user_id"]), str(payload["type"])
            ),
            "deny-field": lambda payload: self.deny_field_edit(
                str(payload["user_id"]), str(payload["type"]), str(payload["field"])
            ),
            "clear-denials": lambda payload: self.clear_denials(),
        }

    def _enhanced_email_command(self, payload: dict[str, Any]) -> None:
        self.enhanced_email = bool(payload["enabled"])

    def _reset_command(self, payload: dict[str, Any]) -> None:
        self.reset()
        if payload.get("data"):
            seed_demo_org(self)

    def _faults_command(self, payload: dict[str, Any]) -> None:
        self.inject_fault(str(payload.get("kind")), int(payload.get("count", 1)))
        if "delay" in payload:
            self.fault_delay = float(payload["delay"])
        if "retry_after" in payload:
            retry_after = payload["retry_after"]
            self.fault_retry_after = None if retry_after is None else max(0, int(retry_after))

    def _rotation_command(self, payload: dict[str, Any]) -> None:
        self.rotate_refresh_tokens = bool(payload["enabled"])


def _call_kind(method: str, path: str) -> str:
    """Which kind of API call a data API request is (CALL_KINDS)."""
    parts = path.strip("/").split("/")[3:]  # after services/data/vXX.X
    head = parts[0] if parts else ""
    if head == "composite":
        return "composite"
    if head in {"query", "queryAll"}:
        return "query"
    if head != "sobjects" or len(parts) < 2:
        return "other"
    if method == "POST" and len(parts) == 2:
        return "content_upload" if parts[1].lower() == "contentversion" else "sobject_insert"
    return "sobject"


def _upload_fault(kind: str) -> tuple[int, Any, dict[str, str]]:
    if kind == "storage_limit":
        return (
            400,
            [
                {
                    "message": "storage limit exceeded",
                    "errorCode": "STORAGE_LIMIT_EXCEEDED",
                    "fields": [],
                }
            ],
            {},
        )
    return (*_SUBREQUEST_ERROR, {})


def _control_payload(request: Request) -> dict[str, Any]:
    """The control request's JSON object ({} when absent or not an object)."""
    try:
        payload = request.get_json(force=True, silent=True) or {}
    except HTTPException:
        payload = {}
    return payload if isinstance(payload, dict) else {}


def _composite_problem(body: Any) -> tuple[str, str] | None:
    """What makes a Composite request invalid as a whole (message, error code), if anything."""
    if not isinstance(body, dict) or not isinstance(body.get("compositeRequest"), list):
        return "'compositeRequest' is a required field.", "JSON_PARSER_ERROR"
    subrequests = body["compositeRequest"]
    if not subrequests:
        return "The compositeRequest must contain at least one subrequest.", "INVALID_API_INPUT"
    if len(subrequests) > MAX_COMPOSITE_SUBREQUESTS:
        return (
            f"Limit of {MAX_COMPOSITE_SUBREQUESTS} subrequests exceeded: the composite request "
            f"contains {len(subrequests)} subrequests.",
            "INVALID_API_INPUT",
        )
    seen: set[str] = set()
    for sub in subrequests:
        problem = _subrequest_problem(sub, seen)
        if problem is not None:
            return problem
    return None


def _subrequest_problem(sub: Any, seen: set[str]) -> tuple[str, str] | None:
    """What makes one subrequest invalid, if anything; adds its referenceId to `seen`."""
    if not isinstance(sub, dict):
        return "Each subrequest must be a JSON object.", "JSON_PARSER_ERROR"
    for key in ("method", "url", "referenceId"):
        if not isinstance(sub.get(key), str) or not sub.get(key):
            return f"'{key}' is a required field.", "JSON_PARSER_ERROR"
    ref = sub["referenceId"]
    if not _REFERENCE_ID_RE.match(ref):
        return (
            f"Invalid referenceId: {ref}. A referenceId may contain only letters, "
            "numbers and underscores.",
            "INVALID_API_INPUT",
        )
    if ref in seen:
        return f"Duplicate referenceId provided in the request: {ref}", "INVALID_API_INPUT"
    seen.add(ref)
    if sub["method"].upper() not in {"GET", "POST", "PATCH", "DELETE", "PUT", "HEAD"}:
        return f"Invalid HTTP method: {sub['method']}", "INVALID_API_INPUT"
    return None


def _halt_others(
    responses: list[dict[str, Any]], subrequests: list[dict[str, Any]], failed_at: int
) -> None:
    """allOrNone after subrequest `failed_at` failed: every other subrequest, before it (rolled
    back) or after it (never run), answers PROCESSING_HALTED."""
    halted = [
        {
            "errorCode": "PROCESSING_HALTED",
            "message": "The transaction was rolled back since another operation in the "
            "same transaction failed.",
        }
    ]
    for index, sub in enumerate(subrequests):
        if index == failed_at:
            continue
        entry = {
            "body": halted,
            "httpHeaders": {},
            "httpStatusCode": 400,
            "referenceId": sub["referenceId"],
        }
        if index < failed_at:
            responses[index] = entry
        else:
            responses.append(entry)


class _UnresolvedReference(Exception):
    pass


def _selected_fields(obj: SObjectDef, args: dict[str, list[str]]) -> list[str] | None:
    """The `fields` parameter of a record read, as the schema spells them (None: all)."""
    if not args.get("fields"):
        return None
    fields = [f.strip() for f in args["fields"][0].split(",") if f.strip()]
    for name in fields:
        if obj.field(name) is None:
            raise ApiError(
                400,
                "INVALID_FIELD",
                f"No such column '{name}' on sobject of type {obj.name}",
            )
    return [obj.fields[name.lower()].name for name in fields]
