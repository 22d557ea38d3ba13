"""Sign-in with Salesforce against the sandbox emulator (over HTTP on 127.0.0.1), in-process app."""

from __future__ import annotations

import base64
import hashlib
import json
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlencode, urlsplit

import boto3
import pytest
from chalice.test import Client, HTTPResponse

from chalicelib import deps
from chalicelib.errors import DecryptionFailed
from chalicelib.store import keys
from devstack.provision import ProvisionedStack
from tests.conftest import Salesforce, SignIn, table_items


def _error_code(response: object) -> str:
    return str(json.loads(response.body)["error"]["code"])  # type: ignore[attr-defined]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _assert_not_signed_in(response: object) -> None:
    """No session cookie is set, and the sign-in's browser binding is cleared."""
    assert SignIn.cookie(response, "__Host-stratus_session") is None
    assert SignIn.cookie(response, "__Secure-stratus_oauth") == ""


def _refused_login(client: Client, **params: str) -> HTTPResponse:
    """Start a sign-in the app must refuse: the answer is 400 and never a redirect (no open
    redirect, no trip to an unchecked host), returned so each test checks its own reason."""
    response = client.http.get(f"/auth/salesforce/login?{urlencode(params)}")
    assert response.status_code == 400
    assert "Location" not in response.headers
    return response


# -- starting the flow -------------------------------------------------------------------------


def test_login_redirects_to_the_authorize_endpoint_with_pkce(sign_in: SignIn) -> None:
    location = sign_in.authorize_url()
    parts = urlsplit(location)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}" == sign_in.salesforce.url
    assert parts.path == "/services/oauth2/authorize"
    assert query["response_type"] == "code"
    assert query["client_id"] == "stratus-test"
    assert query["redirect_uri"] == "http://127.0.0.1:8999/auth/salesforce/callback"
    assert query["scope"] == "id api refresh_token web"
    assert query["code_challenge_method"] == "S256"
    assert len(query["state"]) >= 43
    assert len(query["code_challenge"]) == 43  # base64url of a SHA-256, unpadded


def test_each_login_gets_a_fresh_state_and_challenge(sign_in: SignIn) -> None:
    first = parse_qs(urlsplit(sign_in.authorize_url()).query)
    second = parse_qs(urlsplit(sign_in.authorize_url()).query)
    assert first["state"] != second["state"]
    assert first["code_challenge"] != second["code_challenge"]


@pytest.mark.parametrize(
    ("login", "base"),
    [
        ("acme.my.salesforce.com", "https://acme.my.salesforce.com"),
        ("ACME.My.Salesforce.com", "https://acme.my.salesforce.com"),
        ("https://acme.my.salesforce.com/", "https://acme.my.salesforce.com"),
        ("acme--uat.sandbox.my.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com"),
        ("acme.my.site.com", "https://acme.my.site.com"),
        ("partners.force.com", "https://partners.force.com"),
        ("login.salesforce.com", "https://login.salesforce.com"),
        ("test.salesforce.com", "https://test.salesforce.com"),
    ],
)
def test_my_domain_and_experience_cloud_hosts_are_allowed(
    client: Client, sf_env: Salesforce, login: str, base: str
) -> None:
    response = client.http.get(f"/auth/salesforce/login?{urlencode({'login': login})}")
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"{base}/services/oauth2/authorize?")


@pytest.mark.parametrize(
    "login",
    [
        "evil.example",
        "login.salesforce.com.evil.example",
        "acme.my.salesforce.com.evil.example",
        "evilsalesforce.com",
        "my.salesforce.com",
        ".my.salesforce.com",
        "acme.my.salesforce.com.",
        "user@acme.my.salesforce.com",
        "acme.my.salesforce.com@evil.example",
        "acme.my.salesforce.com:443",
        "acme.my.salesforce.com:8443",
        "acme.my.salesforce.com/path",
        "https://acme.my.salesforce.com/services",
        "http://acme.my.salesforce.com",
        "acme.my.salesforce.com%2F",
        "acme.my.salesforce.com\\evil.example",
        "acme.my.salesforce.com#x",
        "acme.my.salesforce.com?x=1",
        "//evil.example",
        "javascript:alert(1)",
        "127.0.0.1:1",
        "\uff41cme.my.salesforce.com",  # a full-width "a"
        "-acme.my.salesforce.com",
        "",
    ],
)
def test_other_login_hosts_are_400_without_a_redirect(
    client: Client, sf_env: Salesforce, login: str
) -> None:
    assert _error_code(_refused_login(client, login=login)) == "login_host_not_allowed"


@pytest.mark.parametrize(
    "return_to",
    [
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https://evil.example",
        "evil.example",
        "javascript:alert(1)",
        "/%2F%2Fevil.example",
        "/%2fevil.example",
        "/%5Cevil.example",
        "/%252F%252Fevil.example",
        "/\t/evil.example",
        "/ /x",
        "",
    ],
)
def test_return_to_must_be_a_same_site_relative_path(
    client: Client, sf_env: Salesforce, return_to: str
) -> None:
    response = _refused_login(client, return_to=return_to)
    assert "return_to" in json.loads(response.body)["error"]["message"]


@pytest.mark.parametrize(
    "return_to",
    [
        "/\u00e9",  # é
        "/\u00e9\u2028x",  # a line separator: would go back raw in Location
        "/x\u2029y",
        "/x\u00a0y",  # no-break space
        "/x\u3000y",  # ideographic space
        "/\u2215\u2215evil.example",  # division slashes
        "/\uff0f\uff0fevil.example",  # full-width solidus
        "/\U0001f600",
        "/x y",
        "/x\ty",
        "/x\r\nSet-Cookie: a=b",
        "/x\x00",
        "/x\x7f",
        "/x\x1b[0m",
    ],
)
def test_return_to_with_non_ascii_whitespace_or_controls_is_400(
    client: Client, sf_env: Salesforce, return_to: str
) -> None:
    response = _refused_login(client, return_to=return_to)
    assert SignIn.cookie(response, "__Secure-stratus_oauth") is None
    assert "return_to" in json.loads(response.body)["error"]["message"]


def test_a_percent_encoded_return_to_goes_back_as_given(sign_in: SignIn) -> None:
    return_to = "/caf%C3%A9?q=%E2%80%A8&x=%2B"
    params = sign_in.consent(sign_in.authorize_url(return_to=return_to), "alice@acme.demo")
    response = sign_in.callback(params)
    assert response.status_code == 302
    assert response.headers["Location"] == return_to


def test_the_defaults_return_to_me(sign_in: SignIn, client: Client) -> None:
    # Given a login with neither login nor return_to
    login = client.http.get("/auth/salesforce/login")
    assert login.status_code == 302
    sign_in.browser_nonce = SignIn.cookie(login, "__Secure-stratus_oauth")
    # When the sign-in completes
    response = sign_in.callback(sign_in.consent(login.headers["Location"], "alice@acme.demo"))
    # Then the browser goes to /me
    assert response.status_code == 302
    assert response.headers["Location"] == "/me"


# -- finishing it -------------------------------------------------------------------------------


def test_sign_in_sets_a_hardened_session_cookie_and_returns_to_the_path(sign_in: SignIn) -> None:
    params = sign_in.consent(sign_in.authorize_url(return_to="/inbox?x=1"), "alice@acme.demo")
    response = sign_in.callback(params)
    assert response.status_code == 302
    assert response.headers["Location"] == "/inbox?x=1"
    (raw,) = [c for c in SignIn.set_cookies(response) if c.startswith("__Host-stratus_session=")]
    cookie: SimpleCookie = SimpleCookie()
    cookie.load(raw)
    morsel = cookie["__Host-stratus_session"]
    assert len(morsel.value) >= 43
    assert "Secure" in raw and "HttpOnly" in raw and "SameSite=None" in raw and "Path=/" in raw
    assert int(morsel["max-age"]) > 0


def test_me_describes_user_org_and_connection(sign_in: SignIn, client: Client) -> None:
    token = sign_in("alice@acme.demo")
    response = client.http.get("/me", headers={"Cookie": f"__Host-stratus_session={token}"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    me = json.loads(response.body)
    alice = sign_in.salesforce.emu.user_by_username("alice@acme.demo")
    assert alice is not None
    assert me["user"]["id"] == alice["Id"]
    assert me["user"]["email"] == "alice@acme.demo"
    assert me["user"]["time_zone"] == "Europe/London"
    assert me["org"]["profile"] == "Standard User"
    assert me["org"]["is_admin"] is False
    assert me["connections"]["salesforce"] == {
        "status": "active",
        "instance_url": sign_in.salesforce.url,
    }
    assert me["session"]["expires_at"].endswith("Z")


def test_admin_rights_come_from_profile_or_permission_sets(sign_in: SignIn, client: Client) -> None:
    admin = json.loads(client.http.get("/me", headers=_bearer(sign_in("admin@acme.demo"))).body)
    maria = json.loads(client.http.get("/me", headers=_bearer(sign_in("maria@acme.demo"))).body)
    assert admin["org"]["profile"] == "System Administrator"
    assert admin["org"]["is_admin"] is True
    assert maria["org"]["is_admin"] is False
    assert maria["org"]["permission_sets"] == ["Sales_Ops"]
    assert maria["org"]["profile"] == "Standard User"


@pytest.mark.parametrize(
    "permission", ["PermissionsCustomizeApplication", "PermissionsModifyAllData"]
)
def test_admin_rights_through_a_permission_set_only(
    sign_in: SignIn, client: Client, permission: str
) -> None:
    # Given bob, a Standard User by profile, assigned a permission set that grants the right
    emu = sign_in.salesforce.emu
    bob = emu.user_by_username("bob@acme.demo")
    assert bob is not None
    granted = emu.org.insert(
        "PermissionSet",
        {
            "Name": "Stratus_Admin",
            "Label": "Stratus Admin",
            "IsOwnedByProfile": False,
            permission: True,
        },
    )
    emu.org.insert(
        "PermissionSetAssignment", {"AssigneeId": bob["Id"], "PermissionSetId": granted["Id"]}
    )
    # When he signs in
    me = json.loads(client.http.get("/me", headers=_bearer(sign_in("bob@acme.demo"))).body)
    # Then he is an admin, though his profile is not
    assert me["org"]["profile"] == "Standard User"
    assert me["org"]["permission_sets"] == ["Stratus_Admin"]
    assert me["org"]["is_admin"] is True


def test_signing_in_again_replaces_the_connection_and_never_duplicates(
    sign_in: SignIn, stack: ProvisionedStack
) -> None:
    sign_in("alice@acme.demo")
    sign_in("alice@acme.demo")
    connections = [
        i for i in table_items(stack.table_name) if i["sk"]["S"].startswith("CONNECTION#")
    ]  # type: ignore[index]
    assert len(connections) == 1
    assert connections[0]["token_version"] == {"N": "2"}
    sessions = [i for i in table_items(stack.table_name) if i["sk"]["S"] == "SESSION"]
    assert len(sessions) == 2  # one per sign-in (two devices), both the same connection


def test_a_replayed_state_is_rejected(sign_in: SignIn) -> None:
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    assert sign_in.callback(params).status_code == 302
    replay = sign_in.callback(params)
    assert replay.status_code == 400
    assert _error_code(replay) == "invalid_state"


# -- the browser binding (login CSRF, RFC 6749 10.12) ----------------------------------------


def test_the_binding_cookie_follows_a_path_prefix_of_the_public_base_url(
    sign_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the API behind a stage prefix (API Gateway's default URL ends in /api)
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://abc123.execute-api.eu-west-1.amazonaws.com/api")
    deps.reset()
    # When a browser starts signing in
    response = sign_in.client.http.get("/auth/salesforce/login")
    # Then the cookie is scoped to the callback's path as the browser will request it
    (raw,) = [c for c in SignIn.set_cookies(response) if c.startswith("__Secure-stratus_oauth=")]
    assert "Path=/api/auth/salesforce/callback" in raw.split("; ")
    location = parse_qs(urlsplit(response.headers["Location"]).query)
    assert location["redirect_uri"] == [
        "https://abc123.execute-api.eu-west-1.amazonaws.com/api/auth/salesforce/callback"
    ]


def test_login_binds_the_state_to_the_browser_with_a_callback_only_cookie(
    sign_in: SignIn, stack: ProvisionedStack
) -> None:
    # When a browser starts signing in
    response = sign_in.client.http.get("/auth/salesforce/login")
    # Then it gets a fresh nonce in a cookie only the callback sees, for the state's lifetime
    (raw,) = [c for c in SignIn.set_cookies(response) if c.startswith("__Secure-stratus_oauth=")]
    nonce = SignIn.cookie(response, "__Secure-stratus_oauth")
    assert nonce is not None and len(nonce) >= 43
    attributes = {a.strip() for a in raw.split(";")[1:]}
    assert attributes == {
        "Max-Age=600",
        "Path=/auth/salesforce/callback",
        "Secure",
        "HttpOnly",
        "SameSite=Lax",
    }
    # ... and only the nonce's SHA-256 is stored, with the state
    (state,) = [i for i in table_items(stack.table_name) if i["pk"]["S"].startswith("OAUTHSTATE#")]
    assert state["browser"] == {"S": hashlib.sha256(nonce.encode()).hexdigest()}
    assert nonce not in json.dumps(table_items(stack.table_name), default=str)
    second = SignIn.cookie(
        sign_in.client.http.get("/auth/salesforce/login"), "__Secure-stratus_oauth"
    )
    assert second != nonce


def _sessions(stack: ProvisionedStack) -> list[dict[str, object]]:
    return [i for i in table_items(stack.table_name) if i["sk"]["S"] == "SESSION"]


def _token_requests(sign_in: SignIn) -> int:
    return sum(1 for r in sign_in.salesforce.emu.request_log if r[1] == "/services/oauth2/token")


@pytest.mark.parametrize(
    "cookie",
    [
        None,  # another browser: no cookie at all
        "__Secure-stratus_oauth=" + "A" * 43,  # another browser's (or a forged) nonce
        "__Secure-stratus_oauth=",
        "__Host-stratus_session=x",
    ],
)
def test_a_callback_from_another_browser_is_state_mismatch_and_signs_nobody_in(
    sign_in: SignIn, stack: ProvisionedStack, cookie: str | None
) -> None:
    # Given a code and state obtained in one browser (e.g. an attacker's own consent)
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    # When another browser opens the callback link
    headers = {"Cookie": cookie} if cookie else {}
    response = sign_in.client.http.get(
        f"/auth/salesforce/callback?{urlencode(params)}", headers=headers
    )
    # Then nobody is signed in, and the code was never exchanged
    assert response.status_code == 400
    assert _error_code(response) == "state_mismatch"
    _assert_not_signed_in(response)
    assert _sessions(stack) == []
    assert _token_requests(sign_in) == 0


def test_a_state_presented_from_another_browser_is_spent(sign_in: SignIn) -> None:
    # Decided: the state is taken (single use) before the browser is checked. A state seen
    # from another browser has leaked; the browser that started the sign-in starts again.
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    stray = sign_in.client.http.get(f"/auth/salesforce/callback?{urlencode(params)}")
    assert _error_code(stray) == "state_mismatch"
    # When the right browser comes back with the same state afterwards
    retry = sign_in.callback(params)
    # Then the state is gone
    assert retry.status_code == 400
    assert _error_code(retry) == "invalid_state"
    _assert_not_signed_in(retry)
    assert _token_requests(sign_in) == 0


def test_a_nonce_of_another_sign_in_of_the_same_browser_does_not_match(sign_in: SignIn) -> None:
    # Given two sign-ins started in one browser: it keeps the second one's cookie only
    first = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    second = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    cookie = {"Cookie": f"__Secure-stratus_oauth={sign_in.browser_nonce}"}
    # Then the first cannot finish with it, and the second can
    stray = sign_in.client.http.get(f"/auth/salesforce/callback?{urlencode(first)}", headers=cookie)
    assert _error_code(stray) == "state_mismatch"
    done = sign_in.client.http.get(f"/auth/salesforce/callback?{urlencode(second)}", headers=cookie)
    assert done.status_code == 302


def test_the_right_browser_is_signed_in_and_its_binding_cleared(
    sign_in: SignIn, stack: ProvisionedStack
) -> None:
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    nonce = sign_in.browser_nonce
    response = sign_in.client.http.get(
        f"/auth/salesforce/callback?{urlencode(params)}",
        headers={"Cookie": f"other=1; __Secure-stratus_oauth={nonce}"},
    )
    assert response.status_code == 302
    assert SignIn.cookie(response, "__Host-stratus_session")
    (cleared,) = [
        c for c in SignIn.set_cookies(response) if c.startswith("__Secure-stratus_oauth=")
    ]
    assert "Max-Age=0" in cleared and "Path=/auth/salesforce/callback" in cleared
    assert len(_sessions(stack)) == 1


def test_every_failed_callback_clears_the_binding(sign_in: SignIn) -> None:
    sign_in.authorize_url()
    for params in [{"error": "access_denied", "state": "x"}, {"state": "x"}, {}]:
        _assert_not_signed_in(sign_in.callback(params))


@pytest.mark.parametrize(
    "params",
    [
        {"code": "abc", "state": "never-issued"},
        {"code": "abc"},
        {"state": "abc"},
        {},
    ],
)
def test_unknown_or_missing_state_or_code_is_400(sign_in: SignIn, params: dict[str, str]) -> None:
    response = sign_in.callback(params)
    assert response.status_code == 400
    _assert_not_signed_in(response)


def test_an_expired_state_is_rejected(sign_in: SignIn, monkeypatch: pytest.MonkeyPatch) -> None:
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    clock = deps.clock()
    monkeypatch.setattr(clock, "now", lambda: __import__("time").time() + 601)
    response = sign_in.callback(params)
    assert response.status_code == 400
    assert _error_code(response) == "invalid_state"


def test_denied_consent_is_400_saying_so_and_spends_the_state(sign_in: SignIn) -> None:
    location = sign_in.authorize_url()
    state = parse_qs(urlsplit(location).query)["state"][0]
    response = sign_in.callback({"error": "access_denied", "state": state})
    assert response.status_code == 400
    body = json.loads(response.body)["error"]
    assert body["code"] == "consent_denied"
    assert "consent" in body["message"]
    # the state cannot be used afterwards
    assert _error_code(sign_in.callback({"code": "x", "state": state})) == "invalid_state"


def test_a_wrong_pkce_verifier_is_rejected_by_salesforce_and_answered_400(sign_in: SignIn) -> None:
    # Given an authorize request whose challenge is not the one our verifier hashes to
    location = sign_in.authorize_url()
    other = base64.urlsafe_b64encode(hashlib.sha256(b"another verifier").digest()).decode()
    query = parse_qs(urlsplit(location).query)
    query["code_challenge"] = [other.rstrip("=")]
    forged = location.split("?")[0] + "?" + urlencode({k: v[0] for k, v in query.items()})
    # When the code comes back and we exchange it with our verifier
    response = sign_in.callback(sign_in.consent(forged, "alice@acme.demo"))
    # Then Salesforce refuses and we say so, with no session
    assert response.status_code == 400
    assert _error_code(response) == "salesforce_code_rejected"
    _assert_not_signed_in(response)


def test_a_missing_pkce_challenge_is_refused_when_the_app_requires_pkce(sign_in: SignIn) -> None:
    # Given a connected app that requires PKCE, and an authorize request stripped of it
    sign_in.salesforce.emu.require_pkce = True
    location = sign_in.authorize_url()
    query = {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
    del query["code_challenge"], query["code_challenge_method"]
    stripped = location.split("?")[0] + "?" + urlencode(query)
    # When Salesforce sends the browser back with its error
    params = sign_in.consent(stripped, "alice@acme.demo")
    assert "code" not in params and params["error"] == "invalid_request"
    response = sign_in.callback(params)
    # Then the sign-in fails with a clear 400 and no session
    assert response.status_code == 400
    assert _error_code(response) == "salesforce_login_failed"
    _assert_not_signed_in(response)


# -- sessions ------------------------------------------------------------------------------------


def test_me_without_a_valid_session_is_401(client: Client, sf_env: Salesforce) -> None:
    for headers in [
        {},
        _bearer("nope"),
        {"Cookie": "__Host-stratus_session=nope"},
        {"Cookie": "x"},
    ]:
        response = client.http.get("/me", headers=headers)
        assert response.status_code == 401
        assert _error_code(response) == "unauthenticated"


def test_logout_deletes_the_session_and_clears_the_cookie(sign_in: SignIn, client: Client) -> None:
    token = sign_in()
    response = client.http.post("/auth/logout", headers=_bearer(token))
    assert response.status_code == 204
    assert "__Host-stratus_session=;" in response.headers["Set-Cookie"]
    assert "Max-Age=0" in response.headers["Set-Cookie"]
    assert client.http.get("/me", headers=_bearer(token)).status_code == 401


def test_an_expired_session_is_401(
    sign_in: SignIn, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = sign_in()
    assert client.http.get("/me", headers=_bearer(token)).status_code == 200
    # When the session's lifetime has passed (DynamoDB may not have deleted the item yet)
    clock = deps.clock()
    later = clock.now() + deps.sessions().ttl_seconds + 1
    monkeypatch.setattr(clock, "now", lambda: later)
    for headers in [_bearer(token), {"Cookie": f"__Host-stratus_session={token}"}]:
        response = client.http.get("/me", headers=headers)
        assert response.status_code == 401
        assert _error_code(response) == "unauthenticated"


def test_logout_by_cookie_deletes_the_session_and_expires_the_cookie(
    sign_in: SignIn, client: Client, stack: ProvisionedStack
) -> None:
    # Given a browser signed in with the session cookie only
    token = sign_in()
    other = sign_in("bob@acme.demo")
    # When it signs out
    browser = {"Cookie": f"__Host-stratus_session={token}", "Origin": "http://127.0.0.1:8999"}
    response = client.http.post("/auth/logout", headers=browser)
    # Then the session is gone (not another's), and the cookie expires with its attributes
    assert response.status_code == 204
    assert client.http.get("/me", headers=_bearer(token)).status_code == 401
    assert client.http.get("/me", headers=_bearer(other)).status_code == 200
    assert len(_sessions(stack)) == 1
    raw = response.headers["Set-Cookie"]
    assert raw.split(";")[0] == "__Host-stratus_session="
    attributes = {a.strip() for a in raw.split(";")[1:]}
    assert {"Secure", "HttpOnly", "SameSite=None", "Path=/"} <= attributes
    assert "Max-Age=0" in attributes or any(
        a.startswith("Expires=Thu, 01 Jan 1970") for a in attributes
    )


def test_no_token_is_stored_in_plain_text(sign_in: SignIn, stack: ProvisionedStack) -> None:
    # Given two signed-in users, one of whom refreshed (rotation on)
    session_tokens = [sign_in("alice@acme.demo"), sign_in("bob@acme.demo")]
    emu = sign_in.salesforce.emu
    emu.expire_access_tokens()
    assert (
        sign_in.client.http.get("/me/salesforce", headers=_bearer(session_tokens[0])).status_code
        == 200
    )
    secrets = list(session_tokens)
    for username in ["alice@acme.demo", "bob@acme.demo"]:
        user = emu.user_by_username(username)
        assert user is not None
        secrets += emu.issued_refresh_tokens(user["Id"]) + emu.issued_access_tokens(user["Id"])
    assert len(secrets) >= 7
    # When the whole table is read, raw
    dump = json.dumps(table_items(stack.table_name), default=lambda b: base64.b64encode(b).decode())
    # Then no secret appears, in plain text or base64
    for secret in secrets:
        assert secret not in dump
        assert base64.b64encode(secret.encode()).decode()[:20] not in dump


def test_a_token_blob_copied_onto_another_users_item_does_not_decrypt(
    sign_in: SignIn, client: Client
) -> None:
    emu = sign_in.salesforce.emu
    sign_in("alice@acme.demo")
    bob_session = sign_in("bob@acme.demo")
    alice, bob = emu.user_by_username("alice@acme.demo"), emu.user_by_username("bob@acme.demo")
    assert alice is not None and bob is not None
    store = deps.store()
    org_id = _org_of(alice["Id"])
    alice_item = store.get(keys.connection_key(org_id, alice["Id"], "salesforce"))
    bob_key = keys.connection_key(org_id, bob["Id"], "salesforce")
    bob_item = store.get(bob_key)
    assert alice_item is not None and bob_item is not None
    store.put({**bob_item, "tokens": alice_item["tokens"]})
    deps.reset()  # a fresh container: nothing cached
    # Then the blob does not open under bob's context
    bobs = {"purpose": "salesforce-tokens", "org": org_id, "user": bob["Id"]}
    with pytest.raises(DecryptionFailed):
        deps.envelope().open(bytes(alice_item["tokens"]), bobs)
    # and the app never uses alice's tokens for bob: his connection is unusable, shown as
    # revoked, and he is asked to sign in again (not a 500 on every request)
    response = client.http.get("/me/salesforce", headers={"Authorization": f"Bearer {bob_session}"})
    assert response.status_code == 401, response.body
    assert json.loads(response.body)["error"]["code"] == "salesforce_reauth_required"
    connection = deps.vault().get("salesforce", org_id, bob["Id"])
    assert connection is not None and connection.status == "revoked"
    # deletion still proceeds
    assert deps.vault().refresh_token("salesforce", org_id, bob["Id"]) is None
    assert emu.api_calls_by_user.get(bob["Id"], 0) <= 1  # the sign-in's own call only


def _org_of(user_id: str) -> str:
    client = boto3.client("dynamodb")
    for page in client.get_paginator("scan").paginate(TableName=deps.get_settings().table_name):
        for item in page["Items"]:
            if item.get("user_id", {}).get("S") == user_id and "org_id" in item:
                return str(item["org_id"]["S"])
    raise AssertionError("user not found")
