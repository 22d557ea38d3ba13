"""The session cookie (issue 9, finding 6): `__Host-` prefix, a tolerant reader, duplicates that
never let a planted value win, and a logout that ends every session presented."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import boto3
import pytest
from chalice.test import Client

from chalicelib.connections.browser import COOKIE_NAME as BINDING_COOKIE
from chalicelib.cookies import SESSION_COOKIE
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn

SITE = "http://127.0.0.1:8999"  # PUBLIC_BASE_URL of the sign_in fixture


def _me(client: Client, cookie: str) -> Any:
    return client.http.get("/me", headers={"Cookie": cookie})


def _user_id(response: Any) -> str:
    assert response.status_code == 200, response.body
    return str(json.loads(response.body)["user"]["email"])


def _attributes(raw: str) -> dict[str, str]:
    found = {}
    for part in raw.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        found[name.lower()] = value
    return found


def _sessions(stack: ProvisionedStack) -> int:
    client = boto3.client("dynamodb")
    pages = client.get_paginator("scan").paginate(TableName=stack.table_name)
    return sum(1 for page in pages for item in page["Items"] if item["sk"]["S"] == "SESSION")


def test_the_session_cookie_is_host_only_and_secure(sign_in: SignIn) -> None:
    # When a user signs in
    response = sign_in.callback(sign_in.consent(sign_in.authorize_url(), "alice@acme.demo"))
    # Then the session cookie has the prefix and every attribute a browser requires of it
    (raw,) = [c for c in SignIn.set_cookies(response) if c.startswith(f"{SESSION_COOKIE}=")]
    attributes = _attributes(raw)
    assert SESSION_COOKIE == "__Host-stratus_session"
    assert attributes["path"] == "/"
    assert {"secure", "httponly", "samesite", "max-age"} <= set(attributes)
    assert "domain" not in attributes


def test_the_oauth_binding_cookie_is_secure_prefixed_and_scoped_to_the_callback(
    sign_in: SignIn,
) -> None:
    response = sign_in.client.http.get("/auth/salesforce/login")
    (raw,) = SignIn.set_cookies(response)
    assert BINDING_COOKIE == "__Secure-stratus_oauth"
    assert raw.startswith(f"{BINDING_COOKIE}=")
    attributes = _attributes(raw)
    assert "secure" in attributes and "domain" not in attributes
    assert attributes["path"] == "/auth/salesforce/callback"


@pytest.mark.parametrize(
    "cookie",
    [
        'prefs={"a":1}; {name}={token}',  # JSON in a value: SimpleCookie drops the whole header
        'broken"cookie; {name}={token}',
        "{name}={token}; ga=GA1.2.3;junk;=empty; x=\\012",
        '  {name}="{token}"  ',
    ],
)
def test_a_malformed_cookie_of_another_app_does_not_hide_ours(
    sign_in: SignIn, client: Client, cookie: str
) -> None:
    token = sign_in("alice@acme.demo")
    header = cookie.replace("{name}", SESSION_COOKIE).replace("{token}", token)
    assert _user_id(_me(client, header)) == "alice@acme.demo"


def test_a_cookie_without_the_prefix_is_not_a_session(sign_in: SignIn, client: Client) -> None:
    # Given a live session token planted under the old, unprefixed name (any subdomain can)
    token = sign_in("alice@acme.demo")
    # Then it signs nobody in
    assert _me(client, f"stratus_session={token}").status_code == 401


@pytest.mark.parametrize("order", ["planted-first", "planted-last"])
def test_a_dead_or_forged_duplicate_does_not_hide_the_live_session(
    sign_in: SignIn, client: Client, order: str
) -> None:
    token = sign_in("alice@acme.demo")
    planted = f"{SESSION_COOKIE}={'A' * 43}"
    ours = f"{SESSION_COOKIE}={token}"
    header = f"{planted}; {ours}" if order == "planted-first" else f"{ours}; {planted}"
    assert _user_id(_me(client, header)) == "alice@acme.demo"


@pytest.mark.parametrize("order", ["planted-first", "planted-last"])
def test_a_planted_live_session_never_wins(sign_in: SignIn, client: Client, order: str) -> None:
    # Given the victim's session and an attacker's own live session planted beside it
    victim, attacker = sign_in("alice@acme.demo"), sign_in("bob@acme.demo")
    pair = [victim, attacker] if order == "planted-last" else [attacker, victim]
    header = "; ".join(f"{SESSION_COOKIE}={t}" for t in pair)
    # Then neither is trusted: the request is not the attacker's (nor, unprovably, the victim's)
    assert _me(client, header).status_code == 401


def test_a_flood_of_session_cookies_is_trusted_not_at_all(sign_in: SignIn, client: Client) -> None:
    token = sign_in("alice@acme.demo")
    forged = [f"{SESSION_COOKIE}={c * 43}" for c in "ABCD"]
    assert _me(client, "; ".join([*forged, f"{SESSION_COOKIE}={token}"])).status_code == 401
    assert _me(client, "; ".join([*forged[:3], f"{SESSION_COOKIE}={token}"])).status_code == 200


def test_logout_ends_the_bearer_and_the_cookie_sessions_it_presents(
    sign_in: SignIn, client: Client, stack: ProvisionedStack
) -> None:
    # Given a device with a Bearer token and a browser cookie of another session, and bystanders
    bearer, cookie = sign_in("alice@acme.demo"), sign_in("alice@acme.demo")
    duplicate, bystander = sign_in("bob@acme.demo"), sign_in("admin@acme.demo")
    assert _sessions(stack) == 4
    # When it signs out presenting all of them (the cookie twice, as with a planted duplicate)
    headers = {
        "Authorization": f"Bearer {bearer}",
        "Cookie": f"{SESSION_COOKIE}={cookie}; {SESSION_COOKIE}={duplicate}",
    }
    response = client.http.post("/auth/logout", headers=headers)
    # Then every session it presented has ended, and only those
    assert response.status_code == 204
    assert _sessions(stack) == 1
    for token in (bearer, cookie, duplicate):
        assert (
            client.http.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
        )
    assert _user_id(_me(client, f"{SESSION_COOKIE}={bystander}")) == "admin@acme.demo"
    cleared = response.headers["Set-Cookie"]
    assert cleared.startswith(f"{SESSION_COOKIE}=;") and "Max-Age=0" in cleared


def test_logout_by_cookie_from_this_site_ends_every_cookie_session(
    sign_in: SignIn, client: Client, stack: ProvisionedStack
) -> None:
    first, second = sign_in("alice@acme.demo"), sign_in("bob@acme.demo")
    cookie = f"{SESSION_COOKIE}={first}; other=1; {SESSION_COOKIE}={second}"
    response = client.http.post("/auth/logout", headers={"Cookie": cookie, "Origin": SITE})
    assert response.status_code == 204
    assert _sessions(stack) == 0


# -- the OAuth callback answers only known error codes -----------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        "<script>alert(1)</script>",
        "Please call +1 555 0100 to restore your account",
        "\u202eevil",
        "OAUTH_APP_BLOCKED",
        "x" * 5000,
    ],
)
def test_the_callback_never_reflects_an_unknown_error(sign_in: SignIn, error: str) -> None:
    response = sign_in.client.http.get(
        "/auth/salesforce/callback?"
        + urlencode({"error": error, "error_description": error[:1000]})
    )
    assert response.status_code == 400
    body = json.loads(response.body)["error"]
    assert body["code"] == "salesforce_login_failed"
    assert error[:10] not in body["message"]
    assert "unrecognised_error" in body["message"]


@pytest.mark.parametrize(
    "error",
    [
        "invalid_request",
        "unauthorized_client",
        "unsupported_response_type",
        "invalid_scope",
        "server_error",
        "temporarily_unavailable",
    ],
)
def test_the_callback_names_a_known_error(sign_in: SignIn, error: str) -> None:
    response = sign_in.client.http.get(f"/auth/salesforce/callback?error={error}")
    assert response.status_code == 400
    body = json.loads(response.body)["error"]
    assert body["code"] == "salesforce_login_failed"
    assert error in body["message"]
