"""Google OAuth 2.0 for web server apps against the emulator over real HTTP: authorize
strictness, PKCE, single-use codes, refresh tokens only with offline + consent, granular
consent, revoke, userinfo and the ID token."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any

import pytest
import requests
from googleemu_client import (
    G_CLIENT_ID,
    G_CLIENT_SECRET,
    G_REDIRECT_URI,
    SCOPES,
    GoogleClient,
    pkce_pair,
    query_of,
)

from devstack.googleemu import GMAIL_READONLY, USERINFO_EMAIL, GoogleEmulator, b64url_decode

CAL = "https://www.googleapis.com/auth/calendar.events"


def jwt_claims(token: str, key: str) -> dict[str, Any]:
    header, payload, signature = token.split(".")
    expected = hmac.new(key.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    assert b64url_decode(signature) == expected
    assert json.loads(b64url_decode(header))["alg"] == "HS256"
    claims: dict[str, Any] = json.loads(b64url_decode(payload))
    return claims


def test_code_flow_answers_google_token_response(
    google: GoogleClient, gemu: GoogleEmulator
) -> None:
    verifier, challenge = pkce_pair()
    response = google.authorize("alice@acme.demo", challenge=challenge, state="opaque")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(G_REDIRECT_URI + "?")
    params = query_of(location)
    assert params["state"] == "opaque" and params["code"].startswith("4/")
    token = google.redeem(params["code"], verifier)
    assert token.status_code == 200, token.text
    body = token.json()
    assert set(body) == {
        "access_token",
        "expires_in",
        "refresh_token",
        "scope",
        "token_type",
        "id_token",
    }
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3599
    # "email" is reported by its URL, as Google does
    assert body["scope"].split() == ["openid", USERINFO_EMAIL, GMAIL_READONLY, CAL]
    claims = jwt_claims(body["id_token"], G_CLIENT_SECRET)
    user = gemu.users["alice@acme.demo"]
    assert claims["iss"] == "https://accounts.google.com"
    assert claims["aud"] == G_CLIENT_ID and claims["sub"] == user.sub
    assert claims["email"] == "alice@acme.demo" and claims["email_verified"] is True
    info = google.api(body["access_token"], "GET", "/oauth2/v3/userinfo")
    assert info.status_code == 200
    assert info.json()["email"] == "alice@acme.demo" and info.json()["sub"] == user.sub
    assert gemu.counters.calls["oauth.token"] == 1
    assert gemu.counters.calls_by_user["alice@acme.demo"]["oauth.token"] == 1
    assert gemu.counters.calls_by_user["alice@acme.demo"]["oauth.userinfo"] == 1


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"redirect_uri": G_REDIRECT_URI + "/"}, "redirect_uri_mismatch"),
        (
            {"redirect_uri": "http://127.0.0.1:9999/connections/google/callback"},
            "redirect_uri_mismatch",
        ),
        ({"client_id": "someone-else.apps.googleusercontent.com"}, "invalid_client"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"scope": ""}, "invalid_request"),
        ({"scope": "openid https://www.googleapis.com/auth/drive.nope"}, "invalid_scope"),
        ({"code_challenge": ""}, "invalid_request"),
        ({"code_challenge_method": "plain"}, "invalid_request"),
    ],
)
def test_authorize_refuses_on_its_own_page(
    google: GoogleClient, change: dict[str, str], error: str
) -> None:
    _, challenge = pkce_pair()
    params = {
        "response_type": "code",
        "client_id": G_CLIENT_ID,
        "redirect_uri": G_REDIRECT_URI,
        "scope": SCOPES,
        "state": "s",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "login_hint": "alice@acme.demo",
        **change,
    }
    response = google.http.get(
        f"{google.base}/o/oauth2/v2/auth", params=params, allow_redirects=False, timeout=10
    )
    assert response.status_code in {400, 401}
    assert "Location" not in response.headers
    assert f"error={error}" in response.text


def test_wrong_or_missing_verifier_and_reused_code(google: GoogleClient) -> None:
    code, verifier = google.code()
    wrong = google.redeem(code, "x" * 43)
    assert wrong.status_code == 400
    assert wrong.json() == {"error": "invalid_grant", "error_description": "Invalid code verifier."}
    # the code was spent by the failed attempt
    assert google.redeem(code, verifier).json()["error"] == "invalid_grant"
    code, verifier = google.code()
    missing = google.token(grant_type="authorization_code", code=code, redirect_uri=G_REDIRECT_URI)
    assert missing.status_code == 400 and missing.json()["error"] == "invalid_request"
    code, verifier = google.code()
    assert google.redeem(code, verifier).status_code == 200
    reused = google.redeem(code, verifier)
    assert reused.status_code == 400
    assert reused.json() == {"error": "invalid_grant", "error_description": "Bad Request"}


def test_token_endpoint_wants_exact_redirect_and_client_secret(google: GoogleClient) -> None:
    code, verifier = google.code()
    other = google.token(
        grant_type="authorization_code",
        code=code,
        redirect_uri=G_REDIRECT_URI + "?x=1",
        code_verifier=verifier,
    )
    assert other.status_code == 400 and other.json()["error"] == "redirect_uri_mismatch"
    code, verifier = google.code()
    bad_secret = google.token(
        grant_type="authorization_code",
        code=code,
        redirect_uri=G_REDIRECT_URI,
        code_verifier=verifier,
        client_secret="nope",
    )
    assert bad_secret.status_code == 401
    assert bad_secret.json() == {"error": "invalid_client", "error_description": "Unauthorized"}
    assert google.token(grant_type="password").json()["error"] == "unsupported_grant_type"


def test_refresh_token_only_with_offline_and_consent(
    google: GoogleClient, gemu: GoogleEmulator
) -> None:
    assert "refresh_token" not in google.login("bob@acme.demo", offline=False)
    # first consent with offline access: a refresh token
    assert "refresh_token" in google.login("maria@acme.demo", consent=False)
    # already granted, offline but no prompt=consent: none again
    assert "refresh_token" not in google.login("maria@acme.demo", consent=False)
    assert "refresh_token" in google.login("maria@acme.demo", consent=True)


def test_refresh_grant_and_counters(google: GoogleClient, gemu: GoogleEmulator) -> None:
    body = google.login()
    gemu.expire_access_tokens()
    expired = google.api(body["access_token"], "GET", "/oauth2/v3/userinfo")
    assert expired.status_code == 401
    assert expired.json()["error"]["status"] == "UNAUTHENTICATED"
    refreshed = google.refresh(body["refresh_token"])
    assert refreshed.status_code == 200
    fresh = refreshed.json()
    assert "refresh_token" not in fresh  # Google does not rotate refresh tokens
    assert fresh["scope"] == body["scope"] and "id_token" in fresh
    assert google.api(fresh["access_token"], "GET", "/oauth2/v3/userinfo").status_code == 200
    assert gemu.counters.token_refreshes["alice@acme.demo"] == 1
    unknown = google.refresh("1//0gnot-a-token")
    assert unknown.status_code == 400
    assert unknown.json() == {
        "error": "invalid_grant",
        "error_description": "Token has been expired or revoked.",
    }


def test_unticked_scopes_are_left_out_of_the_grant(
    google: GoogleClient, gemu: GoogleEmulator
) -> None:
    gemu.set_consent("casey@acme.demo", untick=["gmail.readonly"])
    verifier, challenge = pkce_pair()
    response = google.authorize("casey@acme.demo", challenge=challenge)
    params = query_of(response.headers["Location"])
    assert GMAIL_READONLY not in params["scope"].split()
    body = google.redeem(params["code"], verifier).json()
    assert body["scope"].split() == ["openid", USERINFO_EMAIL, CAL]
    gmail = google.api(body["access_token"], "GET", "/gmail/v1/users/me/messages")
    assert gmail.status_code == 403
    error = gmail.json()["error"]
    assert error["status"] == "PERMISSION_DENIED"
    assert error["errors"][0]["reason"] == "insufficientPermissions"
    assert error["details"][0]["reason"] == "ACCESS_TOKEN_SCOPE_INSUFFICIENT"
    calendar = google.api(body["access_token"], "GET", "/calendar/v3/calendars/primary/events")
    assert calendar.status_code == 200


def test_include_granted_scopes_adds_earlier_grants(google: GoogleClient) -> None:
    google.login("bob@acme.demo", scope="openid email " + GMAIL_READONLY)
    body = google.login("bob@acme.demo", scope="openid " + CAL, include_granted_scopes="true")
    assert set(body["scope"].split()) == {"openid", USERINFO_EMAIL, GMAIL_READONLY, CAL}


def test_denied_consent_redirects_access_denied(google: GoogleClient, gemu: GoogleEmulator) -> None:
    gemu.set_consent("alice@acme.demo", deny=True)
    _, challenge = pkce_pair()
    response = google.authorize("alice@acme.demo", challenge=challenge, state="xyz")
    assert response.status_code == 302
    assert query_of(response.headers["Location"]) == {"error": "access_denied", "state": "xyz"}


def test_consent_page_without_login_hint_and_its_form(google: GoogleClient) -> None:
    verifier, challenge = pkce_pair()
    page = google.authorize(None, challenge=challenge)
    assert page.status_code == 200 and "admin@acme.demo" in page.text
    form = {
        "response_type": "code",
        "client_id": G_CLIENT_ID,
        "redirect_uri": G_REDIRECT_URI,
        "scope": SCOPES,
        "state": "st-1",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        "access_type": "offline",
        "email": "admin@acme.demo",
        "granted": CAL,
        "action": "allow",
    }
    response = google.http.post(
        f"{google.base}/o/oauth2/v2/auth", data=form, allow_redirects=False, timeout=10
    )
    assert response.status_code == 302
    code = query_of(response.headers["Location"])["code"]
    body = google.redeem(code, verifier).json()
    assert body["scope"].split() == ["openid", USERINFO_EMAIL, CAL]


def test_revoke_kills_the_grant(google: GoogleClient, gemu: GoogleEmulator) -> None:
    body = google.login()
    revoked = google.http.post(
        f"{google.base}/revoke", data={"token": body["refresh_token"]}, timeout=10
    )
    assert revoked.status_code == 200
    assert google.api(body["access_token"], "GET", "/oauth2/v3/userinfo").status_code == 401
    assert google.refresh(body["refresh_token"]).json()["error"] == "invalid_grant"
    again = google.http.post(
        f"{google.base}/revoke", data={"token": body["refresh_token"]}, timeout=10
    )
    assert again.status_code == 400
    assert again.json() == {
        "error": "invalid_token",
        "error_description": "Token expired or revoked",
    }
    assert gemu.counters.revocations["alice@acme.demo"] == 1
    # revoking by access token revokes the refresh token too
    other = google.login("bob@acme.demo")
    by_access = google.http.post(
        f"{google.base}/revoke", params={"token": other["access_token"]}, timeout=10
    )
    assert by_access.status_code == 200
    assert google.refresh(other["refresh_token"]).status_code == 400


def test_user_removing_the_app_and_control_surface(
    google: GoogleClient, gemu: GoogleEmulator
) -> None:
    body = google.login("maria@acme.demo")
    answer = google.http.post(
        f"{google.base}/_emulator/revoke-user", json={"email": "maria@acme.demo"}, timeout=10
    )
    assert answer.status_code == 200
    assert google.refresh(body["refresh_token"]).json()["error"] == "invalid_grant"
    stats = google.http.get(f"{google.base}/_emulator/stats", timeout=10).json()
    assert stats["calls"]["oauth.token"] == 2


def test_oauth_faults(google: GoogleClient, gemu: GoogleEmulator) -> None:
    body = google.login()
    gemu.inject_fault("unavailable", target="oauth")
    failed = google.refresh(body["refresh_token"])
    assert failed.status_code == 503 and failed.headers["Retry-After"] == "1"
    assert google.refresh(body["refresh_token"]).status_code == 200
    assert gemu.counters.token_refreshes["alice@acme.demo"] == 1
    assert gemu.counters.calls["oauth.token"] == 3


class StepClock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def test_codes_and_testing_mode_refresh_tokens_expire() -> None:
    clock = StepClock()
    emu = GoogleEmulator(G_CLIENT_ID, G_CLIENT_SECRET, [G_REDIRECT_URI], clock=clock)
    with emu.start(), requests.Session() as http:
        google = GoogleClient(emu.url, http)
        code, verifier = google.code()
        clock.now += dt.timedelta(minutes=11)
        assert google.redeem(code, verifier).json()["error"] == "invalid_grant"
        body = google.login()
        emu.refresh_token_ttl = 7 * 86400
        clock.now += dt.timedelta(days=6)
        assert google.refresh(body["refresh_token"]).status_code == 200
        clock.now += dt.timedelta(days=2)
        expired = google.refresh(body["refresh_token"])
        assert expired.status_code == 400
        assert expired.json()["error"] == "invalid_grant"
