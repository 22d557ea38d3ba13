"""Microsoft identity platform (v2.0) wire details: scopes, AADSTS errors, the ID token.

Error bodies follow https://learn.microsoft.com/entra/identity-platform/reference-error-codes
(``error``, ``error_description`` starting with ``AADSTS<n>:``, ``error_codes``, ``timestamp``,
``trace_id``, ``correlation_id``, ``error_uri``); the flow follows
https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow.

The ID token is a JWT signed with HS256 using the client secret (the emulator's documented
choice: OpenID Connect allows HMAC with the client secret; the real service signs with RS256 keys
published at its JWKS URI). Claims: ``aud``, ``iss``, ``iat``, ``nbf``, ``exp``, ``sub``, ``oid``,
``tid``, ``email``, ``preferred_username``, ``name``, ``nonce`` (when sent), ``ver`` = "2.0".
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import uuid
from typing import Any

from werkzeug.wrappers import Response

GRAPH_RESOURCE = "https://graph.microsoft.com/"
OIDC_SCOPES = ("openid", "profile", "email", "offline_access")
GRAPH_SCOPES = (
    "User.Read",
    "Mail.Read",
    "Mail.ReadBasic",
    "Calendars.Read",
    "Calendars.ReadWrite",
)
#: Scope names are case-insensitive at the identity platform; canonical spelling by lower case.
_CANONICAL = {s.lower(): s for s in (*OIDC_SCOPES, *GRAPH_SCOPES)}
TENANT_ALIASES = frozenset({"common", "organizations"})

#: AADSTS code -> (OAuth error, message) for the errors the emulator produces. Texts after the
#: reference and https://login.microsoftonline.com/error.
AADSTS: dict[int, tuple[str, str]] = {
    50011: (
        "invalid_request",
        "The redirect URI '{detail}' specified in the request does not match the redirect URIs "
        "configured for the application.",
    ),
    # the token endpoint's table: a bad PKCE verifier is invalid_grant (v2-oauth2-auth-code-flow;
    # the text as reported at metricsign.com/errors/powerbi-aadsts50148)
    50148: (
        "invalid_grant",
        "The code_verifier does not match the code_challenge supplied in the authorization "
        "request for PKCE.",
    ),
    50173: (
        "invalid_grant",
        "The provided grant has expired due to it being revoked, a fresh auth token is needed. "
        "The user might have changed or reset their password.",
    ),
    54005: (
        "invalid_grant",
        "OAuth2 Authorization code was already redeemed, please retry with a new valid code or "
        "use an existing refresh token.",
    ),
    65001: (
        "invalid_grant",
        "The user or administrator has not consented to use the application with ID "
        "'{detail}'. Send an interactive authorization request for this user and resource.",
    ),
    65004: ("access_denied", "User declined to consent to access the app."),
    # e.g. a redirect_uri at /token unlike the one at /authorize (answers/questions/193411)
    70000: ("invalid_grant", "Provided grant is invalid or malformed. {detail}"),
    70008: (
        "invalid_grant",
        "The provided authorization code or refresh token has expired due to inactivity. Send a "
        "new interactive authorization request for this user and resource.",
    ),
    70011: (
        "invalid_scope",
        "The provided value for the input parameter 'scope' isn't valid. The scope '{detail}' "
        "isn't valid.",
    ),
    90002: ("invalid_tenant", "Tenant '{detail}' not found."),
    700016: (
        "unauthorized_client",
        "Application with identifier '{detail}' was not found in the directory.",
    ),
    7000218: (
        "invalid_client",
        "The request body must contain the following parameter: 'client_assertion' or "
        "'client_secret'.",
    ),
    7000215: (
        "invalid_client",
        "Invalid client secret provided. Ensure the secret being sent in the request is the "
        "client secret value, not the client secret ID.",
    ),
    900144: (
        "invalid_request",
        "The request body must contain the following parameter: '{detail}'.",
    ),
    9002313: ("invalid_request", "Invalid request. Request is malformed or invalid. {detail}"),
    900971: ("invalid_request", "No reply address provided."),
    70003: ("unsupported_grant_type", "The app requested an unsupported grant type '{detail}'."),
    700054: (
        "unsupported_response_type",
        "response_type '{detail}' is not enabled for the application.",
    ),
    500113: ("invalid_request", "No reply address is registered for the application."),
}


def aadsts_body(
    code: int, now: dt.datetime, detail: str = "", error: str | None = None
) -> dict[str, Any]:
    """The error body; ``error`` overrides the table's OAuth error where the same AADSTS code
    comes with another one (9002313 is ``invalid_request`` at /authorize but ``invalid_grant``
    for a malformed or unknown refresh token or code at /token, as observed in
    learn.microsoft.com/en-us/answers/questions/1291600)."""
    table_error, text = AADSTS[code]
    error = error or table_error
    trace_id, correlation_id = str(uuid.uuid4()), str(uuid.uuid4())
    stamp = now.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    body: dict[str, Any] = {
        "error": error,
        "error_description": f"AADSTS{code}: {text.format(detail=detail)}\r\n"
        f"Trace ID: {trace_id}\r\nCorrelation ID: {correlation_id}\r\nTimestamp: {stamp}",
        "error_codes": [code],
        "timestamp": stamp,
        "trace_id": trace_id,
        "correlation_id": correlation_id,
        "error_uri": f"https://login.microsoftonline.com/error?code={code}",
    }
    if code == 65001:
        body["suberror"] = "consent_required"
    return body


def token_error(
    code: int, now: dt.datetime, detail: str = "", status: int = 400, error: str | None = None
) -> Response:
    body = aadsts_body(code, now, detail, error)
    return json_response(body, status, {"Cache-Control": "no-store"})


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = Response(
        json.dumps(body), status=status, content_type="application/json; charset=utf-8"
    )
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def canonical_scope(scope: str) -> str | None:
    """``Mail.Read`` / ``https://graph.microsoft.com/mail.read`` -> ``Mail.Read``; None if
    unknown to the emulator."""
    name = scope[len(GRAPH_RESOURCE) :] if scope.lower().startswith(GRAPH_RESOURCE) else scope
    return _CANONICAL.get(name.lower())


def pkce_s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign_jwt(claims: dict[str, Any], secret: str) -> str:
    header = {"typ": "JWT", "alg": "HS256", "kid": "msemu-hs256"}
    signing_input = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
    signature = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + _b64(signature)


def decode_jwt(token: str, secret: str | None = None) -> dict[str, Any]:
    """The claims of a token made by :func:`sign_jwt` (signature checked when ``secret``)."""
    head, payload, signature = token.split(".")
    if secret is not None:
        expected = hmac.new(secret.encode(), f"{head}.{payload}".encode(), hashlib.sha256)
        if not hmac.compare_digest(_b64(expected.digest()), signature):
            raise ValueError("bad signature")
    claims: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return claims
