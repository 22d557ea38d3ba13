"""OAuth 2.0 web-server flow with PKCE, refresh with rotation, revoke, userinfo and identity URL,
over real HTTP against the emulator."""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
from typing import Any

import pytest
import requests
from requests_oauthlib import OAuth2Session
from sfemu_client import API, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, SfClient, pkce_pair, query_of

from devstack.sfemu import Emulator, EmulatorServer


def test_code_flow_with_pkce_via_login_hint(
    sf: SfClient, emu: Emulator, users: dict[str, str]
) -> None:
    body = sf.login("alice@acme.demo")
    assert set(body) == {
        "access_token",
        "refresh_token",
        "signature",
        "scope",
        "instance_url",
        "id",
        "token_type",
        "issued_at",
    }
    assert "expires_in" not in body
    assert body["token_type"] == "Bearer"
    assert body["instance_url"] == sf.base
    assert body["id"] == f"{sf.base}/id/{emu.demo.org_id}/{users['alice']}"
    assert body["scope"] == "api id refresh_token"
    assert body["issued_at"].isdigit() and len(body["issued_at"]) == 13
    assert body["access_token"].startswith(emu.demo.org_id[:15] + "!")
    expected = base64.b64encode(
        hmac.new(
            CLIENT_SECRET.encode(), (body["id"] + body["issued_at"]).encode(), hashlib.sha256
        ).digest()
    ).decode()
    assert body["signature"] == expected
    assert emu.issued_refresh_tokens(users["alice"]) == [body["refresh_token"]]
    # the token works on the data API
    assert sf.query(body["access_token"], "SELECT Id FROM Account").status_code == 200


def test_authorize_redirect_carries_state(sf: SfClient) -> None:
    response = sf.authorize("bob@acme.demo", state="opaque-state")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith(REDIRECT_URI + "?")
    params = query_of(location)
    assert params["state"] == "opaque-state" and params["code"]


def test_missing_or_wrong_verifier_is_invalid_grant(sf: SfClient) -> None:
    verifier, challenge = pkce_pair()
    for attempt in (None, "x" * 43, verifier[:-1] + ("A" if verifier[-1] != "A" else "B")):
        code = sf.code(challenge=challenge)
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI}
        if attempt is not None:
            form["code_verifier"] = attempt
        response = sf.token(**form)
        assert response.status_code == 400
        assert response.json() == {
            "error": "invalid_grant",
            "error_description": "invalid code verifier",
        }


def _code_redemption(sf: SfClient) -> dict[str, str]:
    """A fresh code and the form that redeems it (its verifier, the registered redirect URI):
    a test replays it or changes one field to see the emulator refuse."""
    verifier, challenge = pkce_pair()
    return {
        "grant_type": "authorization_code",
        "code": sf.code(challenge=challenge),
        "redirect_uri": REDIRECT_URI,
        "code_verifier": verifier,
    }


def test_code_is_single_use(sf: SfClient) -> None:
    form = _code_redemption(sf)
    assert sf.token(**form).status_code == 200
    replay = sf.token(**form)
    assert replay.status_code == 400
    assert replay.json()["error"] == "invalid_grant"


def test_wrong_redirect_uri_at_token_is_invalid_grant(sf: SfClient) -> None:
    response = sf.token(**{**_code_redemption(sf), "redirect_uri": "http://127.0.0.1:8000/other"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_expired_code(sf: SfClient, emu: Emulator) -> None:
    emu.code_ttl = -1
    response = sf.token(**_code_redemption(sf))
    assert response.json() == {
        "error": "invalid_grant",
        "error_description": "expired authorization code",
    }


def test_client_authentication(sf: SfClient) -> None:
    form = _code_redemption(sf)
    bad_id = sf.http.post(
        f"{sf.base}/services/oauth2/token",
        data={**form, "client_id": "nope", "client_secret": CLIENT_SECRET},
        timeout=10,
    )
    assert bad_id.status_code == 400 and bad_id.json()["error"] == "invalid_client_id"
    bad_secret = sf.http.post(
        f"{sf.base}/services/oauth2/token",
        data={**form, "client_id": CLIENT_ID, "client_secret": "wrong"},
        timeout=10,
    )
    assert bad_secret.status_code == 400 and bad_secret.json()["error"] == "invalid_client"
    # HTTP Basic client authentication is accepted too
    basic = sf.http.post(
        f"{sf.base}/services/oauth2/token",
        data=_code_redemption(sf),
        auth=(CLIENT_ID, CLIENT_SECRET),
        timeout=10,
    )
    assert basic.status_code == 200, basic.text
    unsupported = sf.token(grant_type="password", username="x", password="y")
    assert unsupported.status_code == 400
    assert unsupported.json()["error"] == "unsupported_grant_type"
    assert sf.http.get(f"{sf.base}/services/oauth2/token", timeout=10).status_code == 400


def test_no_refresh_token_without_scope(sf: SfClient) -> None:
    body = sf.login("alice@acme.demo", scope="api id")
    assert "refresh_token" not in body
    assert body["scope"] == "api id"


def test_authorize_rejects_bad_client_and_redirect(sf: SfClient, emu: Emulator) -> None:
    bad_client = sf.http.get(
        f"{sf.base}/services/oauth2/authorize",
        params={"response_type": "code", "client_id": "evil", "redirect_uri": REDIRECT_URI},
        allow_redirects=False,
        timeout=10,
    )
    assert bad_client.status_code == 400 and "invalid_client_id" in bad_client.text
    not_loopback = sf.authorize(redirect_uri="https://evil.example/cb")
    assert not_loopback.status_code == 400 and "redirect_uri_mismatch" in not_loopback.text
    emu.allowed_redirect_uris = {REDIRECT_URI}
    assert sf.authorize(redirect_uri="http://127.0.0.1:8000/other").status_code == 400
    assert sf.authorize().status_code == 302
    wrong_type = sf.authorize(response_type="token")
    assert query_of(wrong_type.headers["Location"])["error"] == "unsupported_response_type"
    bad_scope = sf.authorize(scope="api everything")
    assert query_of(bad_scope.headers["Location"])["error"] == "invalid_scope"


def test_consent_page_lists_users_and_deny_redirects(sf: SfClient) -> None:
    _, challenge = pkce_pair()
    page = sf.authorize(None, challenge=challenge, state="s1")
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    for username in ("admin@acme.demo", "alice@acme.demo", "casey@acme.demo"):
        assert username in page.text
    for profile in ("System Administrator", "Standard User", "Contractor"):
        assert profile in page.text
    assert "Allow" in page.text and "Deny" in page.text
    form = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT_URI,
        "state": "s1",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    deny = sf.http.post(
        f"{sf.base}/services/oauth2/authorize",
        data={**form, "action": "deny"},
        allow_redirects=False,
        timeout=10,
    )
    assert deny.status_code == 302
    location = deny.headers["Location"]
    assert "error=access_denied" in location
    assert "error_description=end-user+denied+authorization" in location
    assert query_of(location)["state"] == "s1"
    allow = sf.http.post(
        f"{sf.base}/services/oauth2/authorize",
        data={**form, "action": "allow", "username": "maria@acme.demo"},
        allow_redirects=False,
        timeout=10,
    )
    assert allow.status_code == 302 and query_of(allow.headers["Location"])["code"]


def test_refresh_with_rotation(sf: SfClient, emu: Emulator) -> None:
    first = sf.login()
    refreshed = sf.refresh(first["refresh_token"])
    assert refreshed.status_code == 200
    body = refreshed.json()
    assert body["refresh_token"] != first["refresh_token"]
    assert body["access_token"] != first["access_token"]
    assert body["instance_url"] == sf.base and body["id"] == first["id"]
    old = sf.refresh(first["refresh_token"])
    assert old.status_code == 400
    assert old.json() == {
        "error": "invalid_grant",
        "error_description": "expired access/refresh token",
    }
    assert sf.refresh(body["refresh_token"]).status_code == 200
    assert emu.token_refreshes == 2
    assert emu.api_calls == 0  # OAuth endpoints are not API calls


def test_refresh_without_rotation(sf: SfClient, emu: Emulator) -> None:
    emu.rotate_refresh_tokens = False
    first = sf.login()
    for _ in range(2):
        response = sf.refresh(first["refresh_token"])
        assert response.status_code == 200
        assert "refresh_token" not in response.json()
    assert emu.token_refreshes == 2


def test_concurrent_refreshes_only_one_wins(sf: SfClient, server: EmulatorServer) -> None:
    token = sf.login()["refresh_token"]
    barrier = threading.Barrier(20)
    statuses: list[int] = []
    lock = threading.Lock()

    def worker() -> None:
        with requests.Session() as http:
            barrier.wait()
            response = http.post(
                f"{server.url}/services/oauth2/token",
                data={
                    "grant_type": "refresh_token",
                    "refresh_token": token,
                    "client_id": CLIENT_ID,
                    "client_secret": CLIENT_SECRET,
                },
                timeout=20,
            )
            with lock:
                statuses.append(response.status_code)

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] + [400] * 19


def test_expired_access_token_is_invalid_session(sf: SfClient, emu: Emulator) -> None:
    tokens = sf.login()
    emu.expire_access_tokens()
    response = sf.query(tokens["access_token"], "SELECT Id FROM Account")
    assert response.status_code == 401
    assert response.json() == [
        {"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}
    ]
    fresh = sf.refresh(tokens["refresh_token"]).json()
    assert sf.query(fresh["access_token"], "SELECT Id FROM Account").status_code == 200
    assert emu.api_calls == 1  # the 401 was not counted


def test_access_token_ttl(sf: SfClient, emu: Emulator) -> None:
    emu.access_token_ttl = -1.0
    tokens = sf.login()
    assert sf.query(tokens["access_token"], "SELECT Id FROM Account").status_code == 401


def test_revoke(sf: SfClient, emu: Emulator, users: dict[str, str]) -> None:
    tokens = sf.login()
    revoke = sf.http.post(
        f"{sf.base}/services/oauth2/revoke", data={"token": tokens["access_token"]}, timeout=10
    )
    assert revoke.status_code == 200
    assert sf.query(tokens["access_token"], "SELECT Id FROM Account").status_code == 401
    # a new access token from the same refresh token still works; revoking the refresh token
    # kills it and every access token of the grant
    fresh = sf.refresh(tokens["refresh_token"]).json()
    revoke_rt = sf.http.get(
        f"{sf.base}/services/oauth2/revoke", params={"token": fresh["refresh_token"]}, timeout=10
    )
    assert revoke_rt.status_code == 200
    assert sf.refresh(fresh["refresh_token"]).status_code == 400
    assert sf.query(fresh["access_token"], "SELECT Id FROM Account").status_code == 401
    unknown = sf.http.post(f"{sf.base}/services/oauth2/revoke", data={"token": "nope"}, timeout=10)
    assert unknown.status_code == 400
    assert unknown.json() == {
        "error": "unsupported_token_type",
        "error_description": "this token type is not supported",
    }


def test_admin_revocation_of_user_tokens(
    sf: SfClient, emu: Emulator, users: dict[str, str]
) -> None:
    alice, bob = sf.login("alice@acme.demo"), sf.login("bob@acme.demo")
    emu.revoke_user_tokens(users["alice"])
    assert sf.refresh(alice["refresh_token"]).json()["error"] == "invalid_grant"
    assert sf.query(alice["access_token"], "SELECT Id FROM Account").status_code == 401
    assert sf.query(bob["access_token"], "SELECT Id FROM Account").status_code == 200


def test_userinfo(sf: SfClient, emu: Emulator, users: dict[str, str]) -> None:
    tokens = sf.login("maria@acme.demo")
    response = sf.api(tokens["access_token"], "GET", "/services/oauth2/userinfo")
    assert response.status_code == 200
    info: dict[str, Any] = response.json()
    assert info["user_id"] == users["maria"]
    assert info["organization_id"] == emu.demo.org_id
    assert info["preferred_username"] == "maria@acme.demo"
    assert info["email"] == "maria@acme.demo" and info["email_verified"] is True
    assert info["given_name"] == "Maria" and info["family_name"] == "Martinez"
    assert info["name"] == "Maria Martinez"
    assert info["zoneinfo"] == "Europe/Madrid"
    assert info["locale"] == "es_ES" and info["language"] == "es"
    assert info["sub"] == tokens["id"]
    assert info["urls"]["rest"] == f"{sf.base}/services/data/v{{version}}/"
    assert info["urls"]["query"] == f"{sf.base}/services/data/v{{version}}/query/"
    assert info["user_type"] == "STANDARD" and info["active"] is True
    assert info["is_app_installed"] is True
    assert isinstance(info["utcOffset"], int)
    assert emu.api_calls == 0


def test_identity_url(sf: SfClient, emu: Emulator, users: dict[str, str]) -> None:
    tokens = sf.login("casey@acme.demo")
    response = sf.api(tokens["access_token"], "GET", tokens["id"], params={"version": "60.0"})
    assert response.status_code == 200
    ident = response.json()
    assert ident["id"] == tokens["id"]
    assert ident["user_id"] == users["casey"] and ident["username"] == "casey@acme.demo"
    assert ident["timezone"] == "Asia/Tokyo" and ident["locale"] == "ja_JP"
    assert ident["urls"]["sobjects"] == f"{sf.base}/services/data/v60.0/sobjects/"
    assert ident["display_name"] == "Casey Contractor"
    other = f"{sf.base}/id/{emu.demo.org_id}/{users['alice']}"
    assert sf.api(tokens["access_token"], "GET", other).status_code == 403
    bad = sf.api("garbage", "GET", tokens["id"])
    assert bad.status_code == emu.identity_error_status == 403
    assert bad.text == "Bad_OAuth_Token"
    missing = sf.http.get(tokens["id"], timeout=10)
    assert missing.status_code == 403 and missing.text == "Missing_OAuth_Token"
    emu.expire_access_tokens()
    assert sf.api(tokens["access_token"], "GET", "/services/oauth2/userinfo").status_code == 403


def test_any_host_name_becomes_instance_url(server: EmulatorServer) -> None:
    """The same port plays login.salesforce.com, test.salesforce.com and My Domain."""
    url = server.url.replace("127.0.0.1", "localhost")
    with requests.Session() as http:
        client = SfClient(url, http)
        body = client.login("bob@acme.demo")
        assert body["instance_url"] == url
        assert body["id"].startswith(url + "/id/")
        assert client.query(body["access_token"], "SELECT Id FROM User").status_code == 200


def test_python_helpers_issue_tokens(emu: Emulator, users: dict[str, str], sf: SfClient) -> None:
    tokens = emu.issue_tokens(users["bob"])
    assert sf.query(tokens["access_token"], "SELECT Id FROM Account").status_code == 200
    assert tokens["refresh_token"] in emu.issued_refresh_tokens(users["bob"])
    assert API.startswith("/services/data/")


def test_requests_oauthlib_session_compat(
    server: EmulatorServer, emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flow as Stratus's client library drives it: PKCE, fetch_token, API call, refresh."""
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # plain http on loopback
    session = OAuth2Session(
        CLIENT_ID, redirect_uri=REDIRECT_URI, scope=["api", "id", "refresh_token"], pkce="S256"
    )
    url, state = session.authorization_url(
        f"{server.url}/services/oauth2/authorize", login_hint="bob@acme.demo"
    )
    redirect = requests.get(url, allow_redirects=False, timeout=10)
    assert query_of(redirect.headers["Location"])["state"] == state
    token = session.fetch_token(
        f"{server.url}/services/oauth2/token",
        authorization_response=redirect.headers["Location"],
        client_secret=CLIENT_SECRET,
        include_client_id=True,
    )
    assert token["instance_url"] == server.url
    response = session.get(
        f"{token['instance_url']}{API}/query", params={"q": "SELECT Id FROM Lead"}
    )
    assert response.status_code == 200 and response.json()["totalSize"] == 2
    refreshed = session.refresh_token(
        f"{server.url}/services/oauth2/token",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
    )
    assert refreshed["refresh_token"] != token["refresh_token"]
    assert emu.token_refreshes == 1 and emu.api_calls == 1
