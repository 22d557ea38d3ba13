"""Production and sandbox login hosts (two emulators), and the exact redirect URI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from chalicelib import deps
from devstack.sfemu import Emulator, EmulatorServer
from tests.conftest import Salesforce, SignIn

REDIRECT_URI = "http://127.0.0.1:8999/auth/salesforce/callback"  # sf_env's PUBLIC_BASE_URL


@pytest.fixture
def sandbox(sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch) -> Iterator[Salesforce]:
    """A second emulated org as the sandbox login host; production stays sf_env's. Both accept
    exactly our redirect URI, as a connected app does."""
    emu = Emulator(client_id="stratus-test", client_secret="test-secret")
    server = EmulatorServer(emu, host="127.0.0.1", port=0).start()
    try:
        for org in (emu, sf_env.emu):
            org.allowed_redirect_uris = {REDIRECT_URI}
        monkeypatch.setenv("SALESFORCE_SANDBOX_URL", server.url)
        hosts = [url.split("://", 1)[1] for url in (sf_env.url, server.url)]
        monkeypatch.setenv("SALESFORCE_EXTRA_LOGIN_HOSTS", ",".join(hosts))
        deps.reset()
        yield Salesforce(emu, server.url)
    finally:
        server.stop()
        deps.reset()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _token_requests(emu: Emulator) -> int:
    return sum(1 for r in emu.request_log if r[1] == "/services/oauth2/token")


def test_sandbox_login_goes_to_the_sandbox_host_and_exchanges_the_code_there(
    sign_in: SignIn, sandbox: Salesforce
) -> None:
    production = sign_in.salesforce
    # When a user signs in with login=sandbox
    location = sign_in.authorize_url(login="sandbox")
    assert _origin(location) == sandbox.url != production.url
    response = sign_in.callback(sign_in.consent(location, "alice@acme.demo"))
    # Then the code was exchanged at the sandbox, which also served the org configuration
    assert response.status_code == 302, response.body
    assert _token_requests(sandbox.emu) == 1
    assert sandbox.emu.stats()["api_calls"] == 1
    assert _token_requests(production.emu) == 0
    assert production.emu.request_log == []
    # ... and the connection lives there (its refreshes and revocation go there too)
    token = SignIn.cookie(response, "__Host-stratus_session")
    assert token
    me = json.loads(
        sign_in.client.http.get("/me", headers={"Cookie": f"__Host-stratus_session={token}"}).body
    )
    assert me["connections"]["salesforce"]["instance_url"] == sandbox.url
    alice = sandbox.emu.user_by_username("alice@acme.demo")
    assert alice is not None and me["user"]["id"] == alice["Id"]


def test_no_login_parameter_means_the_production_host(sign_in: SignIn, sandbox: Salesforce) -> None:
    login = sign_in.client.http.get("/auth/salesforce/login")
    assert login.status_code == 302
    location = login.headers["Location"]
    assert _origin(location) == sign_in.salesforce.url
    sign_in.browser_nonce = SignIn.cookie(login, "__Secure-stratus_oauth")
    response = sign_in.callback(sign_in.consent(location, "alice@acme.demo"))
    assert response.status_code == 302
    assert response.headers["Location"] == "/me"
    assert _token_requests(sign_in.salesforce.emu) == 1
    assert sandbox.emu.request_log == []


def test_the_redirect_uri_is_sent_exactly_as_registered(
    sign_in: SignIn, sandbox: Salesforce
) -> None:
    location = sign_in.authorize_url()
    assert parse_qs(urlsplit(location).query)["redirect_uri"] == [REDIRECT_URI]
    assert sign_in.callback(sign_in.consent(location, "alice@acme.demo")).status_code == 302


def test_another_redirect_uri_is_refused_at_the_authorize_endpoint(
    sign_in: SignIn, sandbox: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the app deployed under another base URL than the connected app's callback
    monkeypatch.setenv("PUBLIC_BASE_URL", "http://localhost:8999")
    deps.reset()
    location = sign_in.authorize_url()
    # Then Salesforce shows its error page instead of sending the browser anywhere
    import requests

    reply = requests.get(
        location + "&login_hint=alice%40acme.demo", allow_redirects=False, timeout=10
    )
    assert reply.status_code == 400
    assert "redirect_uri_mismatch" in reply.text


def test_the_code_exchange_must_repeat_the_same_redirect_uri(
    sign_in: SignIn, sandbox: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a code issued for our redirect URI
    params = sign_in.consent(sign_in.authorize_url(), "alice@acme.demo")
    # When the exchange names another one (the base URL changed in between)
    monkeypatch.setenv("PUBLIC_BASE_URL", "http://127.0.0.1:8999/other")
    deps.reset()
    response = sign_in.callback(params)
    # Then Salesforce refuses the code
    assert response.status_code == 400
    assert json.loads(response.body)["error"]["code"] == "salesforce_code_rejected"
