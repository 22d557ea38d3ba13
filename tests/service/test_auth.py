"""Sign-in with Salesforce against the sandbox emulator (over HTTP on 127.0.0.1), in-process app."""

from __future__ import annotations

import base64
import hashlib
import json
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlencode, urlsplit

import boto3
import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.errors import DecryptionFailed
from chalicelib.store import keys
from devstack.provision import ProvisionedStack
from tests.conftest import Salesforce, SignIn


def _error_code(response: object) -> str:
    return str(json.loads(response.body)["error"]["code"])  # type: ignore[attr-defined]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _scan(stack: ProvisionedStack) -> list[dict[str, object]]:
    client = boto3.client("dynamodb")
    items: list[dict[str, object]] = []
    for page in client.get_paginator("scan").paginate(TableName=stack.table_name):
        items.extend(page["Items"])
    return items


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
    response = client.http.get(f"/auth/salesforce/login?{urlencode({'login': login})}")
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert _error_code(response) == "login_host_not_allowed"


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
    response = client.http.get(f"/auth/salesforce/login?{urlencode({'return_to': return_to})}")
    assert response.status_code == 400
    assert "Location" not in response.headers
    assert "return_to" in json.loads(response.body)["error"]["message"]


# -- finishing it -------------------------------------------------------------------------------


def test_sign_in_sets_a_hardened_session_cookie_and_returns_to_the_path(sign_in: SignIn) -> None:
    params = sign_in.consent(sign_in.authorize_url(return_to="/inbox?x=1"), "alice@acme.demo")
    response = sign_in.callback(params)
    assert response.status_code == 302
    assert response.headers["Location"] == "/inbox?x=1"
    cookie = SimpleCookie()
    cookie.load(response.headers["Set-Cookie"])
    morsel = cookie["stratus_session"]
    raw = response.headers["Set-Cookie"]
    assert len(morsel.value) >= 43
    assert "Secure" in raw and "HttpOnly" in raw and "SameSite=None" in raw and "Path=/" in raw
    assert int(morsel["max-age"]) > 0


def test_me_describes_user_org_and_connection(sign_in: SignIn, client: Client) -> None:
    token = sign_in("alice@acme.demo")
    response = client.http.get("/me", headers={"Cookie": f"stratus_session={token}"})
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


def test_signing_in_again_replaces_the_connection_and_never_duplicates(
    sign_in: SignIn, stack: ProvisionedStack
) -> None:
    sign_in("alice@acme.demo")
    sign_in("alice@acme.demo")
    connections = [i for i in _scan(stack) if i["sk"]["S"].startswith("CONNECTION#")]  # type: ignore[index]
    assert len(connections) == 1
    assert connections[0]["token_version"] == {"N": "2"}
    sessions = [i for i in _scan(stack) if i["sk"]["S"] == "SESSION"]  # type: ignore[index]
    assert len(sessions) == 2  # one per sign-in (two devices), both the same connection


def test_a_replayed_state_is_rejected(sign_in: SignIn) -> None:
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    assert sign_in.callback(params).status_code == 302
    replay = sign_in.callback(params)
    assert replay.status_code == 400
    assert _error_code(replay) == "invalid_state"


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
    assert "Set-Cookie" not in response.headers


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
    assert "Set-Cookie" not in response.headers


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
    assert "Set-Cookie" not in response.headers


# -- sessions ------------------------------------------------------------------------------------


def test_me_without_a_valid_session_is_401(client: Client, sf_env: Salesforce) -> None:
    for headers in [{}, _bearer("nope"), {"Cookie": "stratus_session=nope"}, {"Cookie": "x"}]:
        response = client.http.get("/me", headers=headers)
        assert response.status_code == 401
        assert _error_code(response) == "unauthenticated"


def test_logout_deletes_the_session_and_clears_the_cookie(sign_in: SignIn, client: Client) -> None:
    token = sign_in()
    response = client.http.post("/auth/logout", headers=_bearer(token))
    assert response.status_code == 204
    assert "stratus_session=;" in response.headers["Set-Cookie"]
    assert "Max-Age=0" in response.headers["Set-Cookie"]
    assert client.http.get("/me", headers=_bearer(token)).status_code == 401


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
    dump = json.dumps(_scan(stack), default=lambda b: base64.b64encode(b).decode())
    # Then no secret appears, in plain text or base64
    for secret in secrets:
        assert secret not in dump
        assert base64.b64encode(secret.encode()).decode()[:20] not in dump


def test_a_token_blob_copied_onto_another_users_item_does_not_decrypt(
    sign_in: SignIn, client: Client
) -> None:
    emu = sign_in.salesforce.emu
    sign_in("alice@acme.demo")
    sign_in("bob@acme.demo")
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
    with pytest.raises(DecryptionFailed):
        deps.vault().refresh_token(org_id, bob["Id"])


def _org_of(user_id: str) -> str:
    client = boto3.client("dynamodb")
    for page in client.get_paginator("scan").paginate(TableName=deps.get_settings().table_name):
        for item in page["Items"]:
            if item.get("user_id", {}).get("S") == user_id and "org_id" in item:
                return str(item["org_id"]["S"])
    raise AssertionError("user not found")
