"""Salesforce OAuth 2.0, web server flow with PKCE: authorize, token, refresh, revoke, identity.

Salesforce's token response has `issued_at` but no `expires_in`; an access token is refreshed
when Salesforce answers INVALID_SESSION_ID (see client.py). `signature` is verified: it is the
base64 HMAC-SHA256 of `id + issued_at` under the client secret.

No OAuth call follows redirects: a 307/308 would resend the client secret, the code or a
token to wherever the Location points. A redirect, like an answer that is not JSON, means
Salesforce is unavailable (502).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from chalicelib.connections.provider import OAuthRejected
from chalicelib.errors import ErrorCode, StratusError

TIMEOUT = (3.05, 10)
SCOPES = "id api refresh_token web"


@dataclass(frozen=True)
class TokenGrant:
    """What a token endpoint answered (secrets are repr-hidden)."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)
    instance_url: str
    identity_url: str
    issued_at: str
    scope: str


def unavailable(what: str) -> StratusError:
    return StratusError(
        ErrorCode.SALESFORCE_UNAVAILABLE, f"Salesforce did not answer ({what}).", 502
    )


def authorize_url(
    login_base: str, client_id: str, redirect_uri: str, state: str, challenge: str
) -> str:
    query = urlencode(
        {
            "response_type": "code",
            "client_id": client_id,
            "redirect_uri": redirect_uri,
            "scope": SCOPES,
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
    )
    return f"{login_base}/services/oauth2/authorize?{query}"


def _session(client_id: str) -> Any:
    from requests_oauthlib import OAuth2Session

    return OAuth2Session(client_id=client_id)


def _grant(body: dict[str, Any], client_secret: str, keep_refresh: str | None) -> TokenGrant:
    for name in ("access_token", "instance_url", "id", "issued_at"):
        if not isinstance(body.get(name), str):
            raise OAuthRejected("invalid_response", f"token response lacks {name}")
    signature = body.get("signature")
    expected = base64.b64encode(
        hmac.new(
            client_secret.encode(), (body["id"] + body["issued_at"]).encode(), hashlib.sha256
        ).digest()
    ).decode()
    if not isinstance(signature, str) or not hmac.compare_digest(signature, expected):
        raise OAuthRejected("invalid_signature", "token response signature does not verify")
    return TokenGrant(
        access_token=body["access_token"],
        refresh_token=body.get("refresh_token") or keep_refresh,
        instance_url=body["instance_url"].rstrip("/"),
        identity_url=body["id"],
        issued_at=body["issued_at"],
        scope=str(body.get("scope", "")),
    )


def _is_redirect(response: Any) -> bool:
    return 300 <= int(response.status_code) < 400


def _token_call(login_base: str, client_id: str, client_secret: str, **data: str) -> dict[str, Any]:
    import requests

    session = _session(client_id)
    try:
        response = session.post(
            f"{login_base}/services/oauth2/token",
            data={"client_id": client_id, "client_secret": client_secret, **data},
            headers={"Accept": "application/json"},
            timeout=TIMEOUT,
            allow_redirects=False,
        )
    except requests.RequestException:
        raise unavailable("token endpoint") from None
    if _is_redirect(response):
        raise unavailable(f"token endpoint redirected, HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError:  # requests' JSONDecodeError included
        body = None if response.status_code < 300 else {}
    if response.status_code >= 500 or not isinstance(body, dict):
        raise unavailable(f"token endpoint HTTP {response.status_code}")
    if response.status_code != 200 or "error" in body:
        raise OAuthRejected(str(body.get("error", "error")), str(body.get("error_description", "")))
    return body


def exchange_code(
    login_base: str,
    client_id: str,
    client_secret: str,
    code: str,
    redirect_uri: str,
    verifier: str,
) -> TokenGrant:
    """Authorization code + PKCE verifier -> tokens, at the login host that started the flow."""
    body = _token_call(
        login_base,
        client_id,
        client_secret,
        grant_type="authorization_code",
        code=code,
        redirect_uri=redirect_uri,
        code_verifier=verifier,
    )
    return _grant(body, client_secret, None)


def refresh(login_base: str, client_id: str, client_secret: str, refresh_token: str) -> TokenGrant:
    """Refresh-token grant. With rotation the answer carries a new refresh token; else keep ours."""
    body = _token_call(
        login_base,
        client_id,
        client_secret,
        grant_type="refresh_token",
        refresh_token=refresh_token,
    )
    return _grant(body, client_secret, refresh_token)


def revoke(login_base: str, client_id: str, token: str) -> bool:
    """Revoke a token at Salesforce; False (never an exception) when it could not be done."""
    return revocation_status(login_base, client_id, token) == 200  # a redirect is not one


def revocation_status(login_base: str, client_id: str, token: str) -> int | None:
    """POST the token to Salesforce's revocation endpoint: its HTTP status, None when out of
    reach."""
    import requests

    try:
        response = _session(client_id).post(
            f"{login_base}/services/oauth2/revoke",
            data={"token": token},
            timeout=TIMEOUT,
            allow_redirects=False,
        )
    except requests.RequestException:
        return None
    return int(response.status_code)


def userinfo(login_base: str, client_id: str, access_token: str) -> dict[str, Any]:
    """The OpenID Connect userinfo of the signed-in user, from the login host."""
    import requests

    session = _session(client_id)
    try:
        response = session.get(
            f"{login_base}/services/oauth2/userinfo",
            headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"},
            timeout=TIMEOUT,
            allow_redirects=False,
        )
    except requests.RequestException:
        raise unavailable("userinfo") from None
    if response.status_code != 200:
        raise unavailable(f"userinfo HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError:
        raise unavailable("userinfo answered something other than JSON") from None
    if not isinstance(body, dict) or not body.get("user_id") or not body.get("organization_id"):
        raise unavailable("userinfo without user or organization")
    return body
