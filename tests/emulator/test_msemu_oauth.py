"""Identity platform v2.0 against the Microsoft emulator over real HTTP: authorize strictness,
PKCE, single-use codes, refresh-token rotation with grace, AADSTS error bodies."""

from __future__ import annotations

import secrets
import threading
from typing import Any

import pytest
import requests
from msemu_client import MS_CLIENT_SECRET, MS_REDIRECT_URI, MS_SCOPE, FakeClock, MsClient, query_of
from requests_oauthlib import OAuth2Session

from devstack.msemu import DEMO_TENANT_ID, MicrosoftEmulator, decode_jwt, pkce_s256


def _assert_aadsts(response: requests.Response, status: int, error: str, code: int) -> None:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["error"] == error
    assert body["error_description"].startswith(f"AADSTS{code}: ")
    assert body["error_codes"] == [code]
    assert {"timestamp", "trace_id", "correlation_id"} <= set(body)


def test_full_code_flow(ms: MsClient, ms_emu: MicrosoftEmulator) -> None:
    verifier = secrets.token_urlsafe(48)
    response = ms.authorize("bob@acme.demo", challenge=pkce_s256(verifier), state="xyz")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(MS_REDIRECT_URI + "?")
    params = query_of(location)
    assert params["state"] == "xyz" and params["code"]
    body = ms.redeem(params["code"], verifier).json()
    assert {
        "access_token",
        "refresh_token",
        "id_token",
        "expires_in",
        "scope",
        "token_type",
    } <= set(body)
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3599
    assert body["scope"].split() == [
        "openid",
        "email",
        "https://graph.microsoft.com/User.Read",
        "https://graph.microsoft.com/Mail.Read",
        "https://graph.microsoft.com/Calendars.ReadWrite",
    ]
    claims = decode_jwt(body["id_token"], MS_CLIENT_SECRET)
    bob = ms_emu.demo.users["bob"]
    assert claims["email"] == claims["preferred_username"] == "bob@acme.demo"
    assert claims["oid"] == bob and claims["tid"] == DEMO_TENANT_ID
    assert claims["aud"] == ms_emu.client_id
    me = ms.graph("GET", "/me", body["access_token"]).json()
    assert me["mail"] == "bob@acme.demo" and me["id"] == bob
    assert ms_emu.stats()["code_redemptions"] == 1


def test_tenant_id_and_unknown_tenant(ms: MsClient) -> None:
    ms.tenant = DEMO_TENANT_ID
    assert ms.authorize(challenge=pkce_s256("v" * 43)).status_code == 302
    ms.tenant = "11111111-2222-3333-4444-555555555555"
    response = ms.authorize(challenge=pkce_s256("v" * 43))
    assert response.status_code == 400 and "AADSTS90002" in response.text


def test_wrong_redirect_uri_is_a_page_not_a_redirect(ms: MsClient) -> None:
    for uri in (MS_REDIRECT_URI + "/", "http://127.0.0.1:8000/evil", MS_REDIRECT_URI + "?x=1"):
        response = ms.authorize(redirect_uri=uri, challenge=pkce_s256("v" * 43))
        assert response.status_code == 400
        assert "Location" not in response.headers
        assert "AADSTS50011" in response.text


def test_unknown_client_is_refused(ms: MsClient) -> None:
    response = ms.authorize(challenge=pkce_s256("v" * 43), client_id="someone-else")
    assert response.status_code == 400 and "AADSTS700016" in response.text


@pytest.mark.parametrize(
    ("extra", "scope", "challenge", "error", "code"),
    [
        ({"response_type": "token"}, None, "c" * 43, "unsupported_response_type", "700054"),
        ({"response_mode": "fragment"}, None, "c" * 43, "invalid_request", "9002313"),
        ({}, "", "c" * 43, "invalid_request", "900144"),
        ({}, "openid Files.ReadWrite.All", "c" * 43, "invalid_scope", "70011"),
        ({}, None, None, "invalid_request", "900144"),
        ({"code_challenge_method": "plain"}, None, "c" * 43, "invalid_request", "9002313"),
    ],
)
def test_authorize_errors_redirect_with_state(
    ms: MsClient,
    extra: dict[str, str],
    scope: str | None,
    challenge: str | None,
    error: str,
    code: str,
) -> None:
    kwargs: dict[str, Any] = {"challenge": challenge, **extra}
    if scope is not None:
        kwargs["scope"] = scope
    response = ms.authorize("alice@acme.demo", state="s-9", **kwargs)
    assert response.status_code == 302
    params = query_of(response.headers["Location"])
    assert params["error"] == error and params["state"] == "s-9"
    assert params["error_description"].startswith(f"AADSTS{code}:")
    assert "code" not in params


def test_consent_denied_and_required(ms: MsClient, ms_emu: MicrosoftEmulator) -> None:
    ms_emu.set_consent("alice@acme.demo", "deny")
    params = query_of(ms.authorize(challenge=pkce_s256("v" * 43)).headers["Location"])
    assert params["error"] == "access_denied" and "AADSTS65004" in params["error_description"]
    ms_emu.set_consent("alice@acme.demo", "consent_required")
    params = query_of(ms.authorize(challenge=pkce_s256("v" * 43)).headers["Location"])
    assert params["error"] == "consent_required" and "AADSTS65001" in params["error_description"]


def test_sign_in_as_without_login_hint(ms: MsClient, ms_emu: MicrosoftEmulator) -> None:
    picker = ms.authorize(None, challenge=pkce_s256("v" * 43))
    assert picker.status_code == 200 and "maria@acme.demo" in picker.text
    ms_emu.sign_in_as("maria@acme.demo")
    verifier = "w" * 50
    code = query_of(ms.authorize(None, challenge=pkce_s256(verifier)).headers["Location"])["code"]
    body = ms.redeem(code, verifier).json()
    assert decode_jwt(body["id_token"])["email"] == "maria@acme.demo"


def test_bad_pkce_verifier(ms: MsClient) -> None:
    code, _ = ms.code()
    _assert_aadsts(ms.redeem(code, "not-the-verifier" * 4), 400, "invalid_grant", 50148)


def test_missing_verifier(ms: MsClient) -> None:
    code, _ = ms.code()
    response = ms.token(grant_type="authorization_code", code=code, redirect_uri=MS_REDIRECT_URI)
    _assert_aadsts(response, 400, "invalid_request", 900144)


def test_code_is_single_use(ms: MsClient) -> None:
    code, verifier = ms.code()
    assert ms.redeem(code, verifier).status_code == 200
    _assert_aadsts(ms.redeem(code, verifier), 400, "invalid_grant", 54005)


def test_code_redeemed_with_other_redirect_uri_fails_and_is_spent(ms: MsClient) -> None:
    code, verifier = ms.code()
    response = ms.redeem(code, verifier, redirect_uri="http://127.0.0.1:8000/other")
    _assert_aadsts(response, 400, "invalid_grant", 70000)
    _assert_aadsts(ms.redeem(code, verifier), 400, "invalid_grant", 54005)


def test_expired_code(ms: MsClient, ms_clock: FakeClock) -> None:
    code, verifier = ms.code()
    ms_clock.advance(601)
    _assert_aadsts(ms.redeem(code, verifier), 400, "invalid_grant", 70008)


def test_client_secret_required(ms: MsClient) -> None:
    code, verifier = ms.code()
    response = ms.redeem(code, verifier, client_secret="wrong")
    _assert_aadsts(response, 401, "invalid_client", 7000215)
    code, verifier = ms.code()
    response = ms.redeem(code, verifier, client_secret="")
    _assert_aadsts(response, 401, "invalid_client", 7000218)


def test_no_refresh_token_without_offline_access(ms: MsClient) -> None:
    body = ms.login(scope="openid email User.Read")
    assert "refresh_token" not in body and body["access_token"]


def test_refresh_rotates_with_grace(
    ms: MsClient, ms_emu: MicrosoftEmulator, ms_clock: FakeClock
) -> None:
    first = ms.login()["refresh_token"]
    second_body = ms.refresh(first).json()
    second = second_body["refresh_token"]
    assert second != first and second_body["access_token"]
    ms_clock.advance(30)  # the old one still works inside the grace window
    third = ms.refresh(first).json()["refresh_token"]
    assert third not in {first, second}
    ms_clock.advance(31)  # first superseded 61 s ago: gone
    _assert_aadsts(ms.refresh(first), 400, "invalid_grant", 70008)
    fourth = ms.refresh(third)
    assert fourth.status_code == 200  # the newest always works
    assert ms_emu.stats()["token_refreshes"] == 3
    assert ms_emu.stats()["refresh_rotations"] == 3
    assert ms_emu.refresh_tokens("alice@acme.demo")[-1] == fourth.json()["refresh_token"]


@pytest.mark.parametrize(
    ("code", "error"),
    [(50173, "invalid_grant"), (70008, "invalid_grant"), (65001, "invalid_grant")],
)
def test_revoked_grant(ms: MsClient, ms_emu: MicrosoftEmulator, code: int, error: str) -> None:
    body = ms.login()
    ms_emu.revoke_grant("alice@acme.demo", code)
    _assert_aadsts(ms.refresh(body["refresh_token"]), 400, error, code)
    assert ms.graph("GET", "/me", body["access_token"]).status_code == 401
    if code == 65001:
        assert ms.refresh(body["refresh_token"]).json()["suberror"] == "consent_required"


def test_unknown_refresh_token(ms: MsClient) -> None:
    # the token endpoint answers invalid_grant with 9002313 for a malformed/unknown grant
    # (learn.microsoft.com/en-us/answers/questions/1291600), so clients treat it as revoked
    _assert_aadsts(ms.refresh("garbage"), 400, "invalid_grant", 9002313)


def test_token_faults(ms: MsClient, ms_emu: MicrosoftEmulator) -> None:
    refresh = ms.login()["refresh_token"]
    ms_emu.inject_fault("unavailable", target="token")
    response = ms.refresh(refresh)
    assert response.status_code == 503 and response.headers["Retry-After"] == "3"
    assert ms.refresh(refresh).status_code == 200


def test_superseded_refresh_tokens_can_stay_valid(
    ms: MsClient, ms_emu: MicrosoftEmulator, ms_clock: FakeClock
) -> None:
    ms_emu.refresh_grace = None  # production: old refresh tokens are not revoked on use
    first = ms.login()["refresh_token"]
    assert ms.refresh(first).status_code == 200
    ms_clock.advance(86400)
    assert ms.refresh(first).status_code == 200


def test_concurrent_refreshes_all_succeed(ms_emu: MicrosoftEmulator) -> None:
    refresh = ms_emu.issue_tokens("casey@acme.demo")["refresh_token"]
    results: list[int] = []

    def worker() -> None:
        with requests.Session() as http:
            results.append(MsClient(ms_emu.url, http).refresh(refresh).status_code)

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [200] * 20
    assert ms_emu.stats()["token_refreshes"] == 20


def test_requests_oauthlib_flow(
    ms: MsClient, ms_emu: MicrosoftEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the granted scope is spelled differently from the request (fully qualified, no
    # offline_access): oauthlib must be told to accept that
    monkeypatch.setenv("OAUTHLIB_RELAX_TOKEN_SCOPE", "1")
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # plain http on loopback
    session = OAuth2Session(
        ms_emu.client_id, redirect_uri=MS_REDIRECT_URI, scope=MS_SCOPE.split(), pkce="S256"
    )
    url, state = session.authorization_url(
        f"{ms.base}/common/oauth2/v2.0/authorize",
        login_hint="maria@acme.demo",
        response_mode="query",
    )
    redirect = requests.get(url, allow_redirects=False, timeout=10)
    assert query_of(redirect.headers["Location"])["state"] == state
    token_url = f"{ms.base}/common/oauth2/v2.0/token"
    token = session.fetch_token(
        token_url,
        authorization_response=redirect.headers["Location"],
        client_secret=MS_CLIENT_SECRET,
        include_client_id=True,
    )
    assert session.get(f"{ms.base}/v1.0/me", timeout=10).json()["mail"] == "maria@acme.demo"
    refreshed = session.refresh_token(
        token_url, client_id=ms_emu.client_id, client_secret=MS_CLIENT_SECRET
    )
    assert refreshed["refresh_token"] != token["refresh_token"]
