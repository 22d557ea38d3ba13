"""Google Workspace and Microsoft 365 connections (chalicelib/mailboxes) over real HTTP against the
bundled emulators (devstack/googleemu, devstack/msemu): the connect flow, state bound to the
signed-in user and the browser, granular consent, rotation, 20 concurrent live checks with an
expired token, revocation, disconnection and account deletion, and no token anywhere in plain
text. The app runs in-process (chalice.test.Client) or, for concurrency, on Chalice's threaded
local server; the providers are reached over HTTP on loopback."""

from __future__ import annotations

import base64
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from chalice.test import Client

from chalicelib import deps
from devstack.provision import ProvisionedStack
from tests.conftest import GOOGLE_CLIENT, Mailboxes, SignIn, table_items
from tests.mailboxes import Browser, _code, _query, consent

ALICE = "alice@acme.demo"
BOB = "bob@acme.demo"
GMAIL = "https://www.googleapis.com/auth/gmail.readonly"
CALENDAR = "https://www.googleapis.com/auth/calendar.events"


@pytest.fixture
def browser(sign_in: SignIn, client: Client, mailbox_env: Mailboxes) -> Browser:
    return Browser(client, sign_in(ALICE))


def _scan_text(stack: ProvisionedStack) -> str:
    return json.dumps(table_items(stack.table_name), default=lambda b: base64.b64encode(b).decode())


def _connection_items(stack: ProvisionedStack, provider: str) -> list[dict[str, Any]]:
    wanted = f"CONNECTION#{provider}"
    return [item for item in table_items(stack.table_name) if item["sk"]["S"] == wanted]


def _issued_tokens(mailboxes: Mailboxes) -> list[str]:
    """Every access and refresh token either emulator issued."""
    return [*mailboxes.google.issued_tokens(), *mailboxes.microsoft.issued_tokens()]


# -- the connect flow ---------------------------------------------------------------------------


def test_google_start_sends_the_browser_to_googles_authorize_endpoint(
    browser: Browser, mailbox_env: Mailboxes
) -> None:
    location = browser.start("google")
    assert location.startswith(f"{mailbox_env.google.url}/o/oauth2/v2/auth?")
    query = _query(location)
    assert {k: v for k, v in query.items() if k not in {"state", "code_challenge"}} == {
        "response_type": "code",
        "client_id": GOOGLE_CLIENT[0],
        "redirect_uri": "http://127.0.0.1:8999/connections/google/callback",
        "scope": f"openid email {GMAIL} {CALENDAR}",
        "access_type": "offline",
        "prompt": "consent",
        "include_granted_scopes": "true",
        "login_hint": ALICE,
        "code_challenge_method": "S256",
    }
    assert len(query["code_challenge"]) == 43 and query["state"]
    assert browser.binding


def test_microsoft_start_sends_the_browser_to_the_tenants_authorize_endpoint(
    browser: Browser, mailbox_env: Mailboxes
) -> None:
    location = browser.start("microsoft")
    ms = mailbox_env.microsoft
    assert location.startswith(f"{ms.url}/{ms.tenant}/oauth2/v2.0/authorize?")
    query = _query(location)
    assert {k: v for k, v in query.items() if k not in {"state", "code_challenge"}} == {
        "response_type": "code",
        "client_id": "stratus-ms-test",
        "redirect_uri": "http://127.0.0.1:8999/connections/microsoft/callback",
        "scope": "offline_access openid email User.Read Mail.Read Calendars.ReadWrite",
        "response_mode": "query",
        "login_hint": ALICE,
        "code_challenge_method": "S256",
    }


@pytest.mark.parametrize("provider", ["google", "microsoft"])
def test_a_full_connect_flow_stores_the_connection_and_the_live_check_answers(
    browser: Browser, mailbox_env: Mailboxes, stack: ProvisionedStack, provider: str
) -> None:
    # When alice connects her mailbox
    response = browser.connect(provider)
    # Then the browser goes back where it started, the binding cookie cleared
    assert response.status_code == 302, response.body
    assert response.headers["Location"] == "/settings"
    assert browser.binding is None
    # ... /me shows the connection with the account's address and what was granted
    me = json.loads(browser.get("/me").body)["connections"][provider]
    assert me["status"] == "active" and me["email"] == ALICE and me["missing"] == []
    assert any("Mail.Read" in s or s == GMAIL for s in me["scopes"])
    # ... the live check calls the provider once and answers the same
    check = browser.get(f"/connections/{provider}")
    assert check.status_code == 200, check.body
    body = json.loads(check.body)
    assert body["status"] == "active" and body["email"] == ALICE and body["missing"] == []
    assert body["checked_at"].endswith("Z")
    # ... and one connection item holds the sealed tokens, the address and the scopes only
    (item,) = _connection_items(stack, provider)
    assert item["email"] == {"S": ALICE} and "B" in item["tokens"]
    assert set(item) == {
        "pk",
        "sk",
        "org_id",
        "user_id",
        "status",
        "tokens",
        "token_version",
        "connected_at",
        "email",
        "scopes",
    }


@pytest.mark.parametrize("provider", ["google", "microsoft"])
def test_a_callback_opened_by_another_signed_in_user_attaches_nothing(
    sign_in: SignIn, browser: Browser, client: Client, stack: ProvisionedStack, provider: str
) -> None:
    # Given alice started connecting and the provider sent back a code
    params = consent(browser.start(provider))
    # When bob opens that callback link, signed in as himself, even with alice's binding cookie
    bob = Browser(client, sign_in(BOB))
    bob.binding = browser.binding
    response = bob.callback(provider, params)
    # Then it is refused and nothing is stored for anyone; the state is spent
    assert response.status_code == 400 and _code(response) == "invalid_state"
    assert _connection_items(stack, provider) == []
    assert browser.callback(provider, params).status_code == 400
    assert _connection_items(stack, provider) == []


@pytest.mark.parametrize("provider", ["google", "microsoft"])
def test_a_callback_opened_in_another_browser_attaches_nothing(
    browser: Browser, client: Client, stack: ProvisionedStack, provider: str
) -> None:
    params = consent(browser.start(provider))
    other_browser = Browser(client, browser.session)  # alice's session, no binding cookie
    response = other_browser.callback(provider, params)
    assert response.status_code == 400 and _code(response) == "state_mismatch"
    assert _connection_items(stack, provider) == []


def test_a_denied_consent_or_a_replayed_state_stores_nothing(
    browser: Browser, mailbox_env: Mailboxes, stack: ProvisionedStack
) -> None:
    mailbox_env.google.set_consent(ALICE, deny=True)
    params = consent(browser.start("google"))
    assert params["error"] == "access_denied"
    response = browser.callback("google", params)
    assert response.status_code == 400 and _code(response) == "consent_denied"
    mailbox_env.google.set_consent(ALICE)
    params = consent(browser.start("google"))
    binding = browser.binding
    assert browser.callback("google", params).status_code == 302
    assert len(_connection_items(stack, "google")) == 1
    browser.binding = binding
    replay = browser.callback("google", params)
    assert replay.status_code == 400 and _code(replay) == "invalid_state"


@pytest.mark.parametrize("provider", ["google", "microsoft"])
def test_a_missing_code_an_unknown_state_or_a_refused_code_stores_nothing(
    provider: str, browser: Browser, mailbox_env: Mailboxes, stack: ProvisionedStack
) -> None:
    params = consent(browser.start(provider))
    nothing = {k: v for k, v in params.items() if k != "code"}
    response = browser.callback(provider, nothing)
    assert response.status_code == 400
    params = consent(browser.start(provider))
    unknown = browser.callback(provider, {**params, "state": "x" * 43})
    assert unknown.status_code == 400 and _code(unknown) == "invalid_state"
    # the provider's own token endpoint refuses a code it never issued (invalid_grant)
    params = consent(browser.start(provider))
    refused = browser.callback(provider, {**params, "code": params["code"] + "tampered"})
    assert refused.status_code == 400 and _code(refused) == f"{provider}_code_rejected"
    assert _connection_items(stack, provider) == []


@pytest.mark.parametrize("provider", ["google", "microsoft"])
def test_no_oauth_call_follows_a_redirect(
    provider: str,
    browser: Browser,
    mailbox_env: Mailboxes,
    monkeypatch: pytest.MonkeyPatch,
    stack: ProvisionedStack,
) -> None:
    """A token endpoint answering 302 (to the real one) is an endpoint out of order: 502, the
    code is never sent on, nothing stored."""
    import http.server

    emulator = mailbox_env.google if provider == "google" else mailbox_env.microsoft
    followed: list[str] = []

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(307)
            self.send_header("Location", emulator.url + self.path)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            followed.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        redirector = f"http://127.0.0.1:{server.server_address[1]}"
        setting = "GOOGLE_OAUTH_URL" if provider == "google" else "MICROSOFT_LOGIN_URL"
        params = consent(browser.start(provider))
        monkeypatch.setenv(setting, redirector)
        deps.reset()
        before = json.dumps(emulator.stats(), sort_keys=True, default=str)
        response = browser.callback(provider, params)
        assert response.status_code == 502, response.body
        assert _code(response) == f"{provider}_unavailable"
        assert followed  # the redirect was answered to us ...
        # ... and not followed: the emulator saw no token request at all
        assert json.dumps(emulator.stats(), sort_keys=True, default=str) == before
        assert _connection_items(stack, provider) == []
    finally:
        server.shutdown()


def test_start_needs_a_signed_in_user_a_known_and_configured_provider(
    browser: Browser, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert client.http.get("/connections/google/start").status_code == 401
    unknown = browser.get("/connections/yahoo/start")
    assert unknown.status_code == 404 and _code(unknown) == "not_found"
    bad_return = browser.get("/connections/google/start?return_to=https://evil.example/")
    assert bad_return.status_code == 400
    monkeypatch.setenv("GOOGLE_CLIENT_ID", "")
    deps.reset()
    response = browser.get("/connections/google/start")
    assert response.status_code == 404 and _code(response) == "provider_not_configured"
    assert browser.get("/connections/microsoft/start").status_code == 302


def test_no_connection_is_409_connection_required(browser: Browser) -> None:
    response = browser.get("/connections/microsoft")
    assert response.status_code == 409 and _code(response) == "connection_required"
    assert "microsoft" not in json.loads(browser.get("/me").body)["connections"]


# -- scopes, rotation, concurrency, revocation -------------------------------------------------


def test_unticked_google_scopes_make_the_connection_partial(
    browser: Browser, mailbox_env: Mailboxes
) -> None:
    mailbox_env.google.set_consent(ALICE, untick=["gmail.readonly"])
    assert browser.connect("google").status_code == 302
    me = json.loads(browser.get("/me").body)["connections"]["google"]
    assert me["status"] == "partial" and me["missing"] == ["email_logging"]
    assert GMAIL not in me["scopes"] and CALENDAR in me["scopes"]
    check = json.loads(browser.get("/connections/google").body)
    assert check["status"] == "partial" and check["missing"] == ["email_logging"]


def test_withheld_microsoft_scopes_make_the_connection_partial(
    browser: Browser, mailbox_env: Mailboxes
) -> None:
    # Microsoft has no consent checkboxes, but the token response may grant fewer scopes than
    # asked (an account the permission does not apply to, a tenant's admin grant without it)
    mailbox_env.microsoft.withhold_scopes(ALICE, ["Calendars.ReadWrite"])
    assert browser.connect("microsoft").status_code == 302
    me = json.loads(browser.get("/me").body)["connections"]["microsoft"]
    assert me["status"] == "partial" and me["missing"] == ["calendar_sync"]
    graph = "https://graph.microsoft.com/"  # the granted scopes as Microsoft spells them
    assert graph + "Mail.Read" in me["scopes"]
    assert not any(s.endswith("Calendars.ReadWrite") for s in me["scopes"])
    mailbox_env.microsoft.expire_access_tokens()  # the refreshed grant stays partial
    check = json.loads(browser.get("/connections/microsoft").body)
    assert check["status"] == "partial" and check["missing"] == ["calendar_sync"]


def test_microsoft_rotation_keeps_the_newest_refresh_token(
    browser: Browser, mailbox_env: Mailboxes
) -> None:
    ms = mailbox_env.microsoft
    assert browser.connect("microsoft").status_code == 302
    principal = json.loads(browser.get("/me").body)
    org_id, user_id = principal["org"]["id"], principal["user"]["id"]
    for round_ in (1, 2, 3):
        ms.expire_access_tokens()
        assert browser.get("/connections/microsoft").status_code == 200
        assert ms.stats()["refresh_rotations"] == round_
        stored = deps.vault().refresh_token("microsoft", org_id, user_id)
        assert stored == ms.refresh_tokens(ALICE)[-1]  # the newest, not the one before


@pytest.mark.parametrize("provider", ["google", "microsoft"])
def test_twenty_concurrent_live_checks_with_an_expired_token_refresh_exactly_once(
    browser: Browser, mailbox_env: Mailboxes, served: str, provider: str
) -> None:
    emu = getattr(mailbox_env, provider)
    assert browser.connect(provider).status_code == 302
    emu.expire_access_tokens()
    emu.reset_counters()
    barrier = threading.Barrier(20)
    headers = {"Authorization": f"Bearer {browser.session}"}

    def call() -> requests.Response:
        barrier.wait()
        return requests.get(f"{served}/connections/{provider}", headers=headers, timeout=30)

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(lambda _: call(), range(20)))
    assert [r.status_code for r in responses] == [200] * 20, [r.text for r in responses]
    refreshes = emu.stats()["token_refreshes"]
    assert (sum(refreshes.values()) if isinstance(refreshes, dict) else refreshes) == 1


def test_a_revoked_google_grant_is_401_and_shown_revoked(
    browser: Browser, mailbox_env: Mailboxes
) -> None:
    assert browser.connect("google").status_code == 302
    mailbox_env.google.revoke_user_grant(ALICE)
    response = browser.get("/connections/google")
    assert response.status_code == 401 and _code(response) == "google_reauth_required"
    assert json.loads(browser.get("/me").body)["connections"]["google"]["status"] == "revoked"
    # the user reconnects with the same start route
    assert browser.connect("google").status_code == 302
    assert browser.get("/connections/google").status_code == 200


@pytest.mark.parametrize("aadsts", [50173, 70008, 65001])
def test_a_revoked_microsoft_grant_is_401_and_shown_revoked(
    browser: Browser, mailbox_env: Mailboxes, aadsts: int
) -> None:
    assert browser.connect("microsoft").status_code == 302
    mailbox_env.microsoft.revoke_grant(ALICE, aadsts)
    mailbox_env.microsoft.expire_access_tokens()
    response = browser.get("/connections/microsoft")
    assert response.status_code == 401 and _code(response) == "microsoft_reauth_required"
    assert json.loads(browser.get("/me").body)["connections"]["microsoft"]["status"] == "revoked"


# -- disconnection and deletion -----------------------------------------------------------------


def test_disconnecting_revokes_at_google_and_leaves_no_item(
    browser: Browser, mailbox_env: Mailboxes, stack: ProvisionedStack
) -> None:
    assert browser.connect("google").status_code == 302
    assert browser.connect("microsoft").status_code == 302
    response = browser.delete("/connections/google")
    assert response.status_code == 204
    assert mailbox_env.google.stats()["revocations"] == {ALICE: 1}
    assert mailbox_env.google.grant_scopes(ALICE) == []
    assert "CONNECTION#google" not in _scan_text(stack)
    assert "google" not in json.loads(browser.get("/me").body)["connections"]
    assert _code(browser.get("/connections/google")) == "connection_required"
    # Microsoft has no revocation endpoint: the tokens are deleted all the same
    assert browser.delete("/connections/microsoft").status_code == 204
    assert "CONNECTION#microsoft" not in _scan_text(stack)


def test_disconnecting_deletes_even_when_google_does_not_answer(
    browser: Browser, mailbox_env: Mailboxes, stack: ProvisionedStack
) -> None:
    assert browser.connect("google").status_code == 302
    mailbox_env.google.inject_fault("unavailable", 5, target="oauth")
    assert browser.delete("/connections/google").status_code == 204
    assert "CONNECTION#google" not in _scan_text(stack)


def test_account_deletion_revokes_and_deletes_the_mailbox_connections(
    browser: Browser, mailbox_env: Mailboxes, stack: ProvisionedStack
) -> None:
    assert browser.connect("google").status_code == 302
    assert browser.connect("microsoft").status_code == 302
    user_id = json.loads(browser.get("/me").body)["user"]["id"]
    response = browser.delete("/me")
    assert response.status_code == 200, response.body
    assert mailbox_env.google.stats()["revocations"] == {ALICE: 1}
    text = _scan_text(stack)
    assert "CONNECTION#" not in text and user_id not in text and ALICE not in text


def test_no_token_reaches_an_answer_a_log_line_or_a_table_item(
    browser: Browser,
    mailbox_env: Mailboxes,
    stack: ProvisionedStack,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    from chalicelib.logs import get_logger

    get_logger().setLevel("DEBUG")
    answers: list[str] = []
    codes: list[str] = []
    for provider in ("google", "microsoft"):
        params = consent(browser.start(provider))
        codes.append(params["code"])
        answers.append(str(browser.callback(provider, params).headers))
        getattr(mailbox_env, provider).expire_access_tokens()
        answers.append(browser.get(f"/connections/{provider}").body.decode())
    answers.append(browser.get("/me").body.decode())
    table = _scan_text(stack)
    mailbox_env.google.revoke_user_grant(ALICE)
    mailbox_env.google.expire_access_tokens()
    answers.append(browser.get("/connections/google").body.decode())
    answers.append(browser.delete("/connections/microsoft").body.decode())
    logged = capsys.readouterr().out + caplog.text
    assert "mailbox connected" in logged  # the logs were captured
    secrets = _issued_tokens(mailbox_env) + codes
    assert len(secrets) >= 6
    for secret in secrets:
        assert secret not in logged
        assert secret not in table
        assert all(secret not in answer for answer in answers)


# -- the providers' API clients: Retry-After ----------------------------------------------------


def test_a_short_retry_after_is_waited_for_once(browser: Browser, mailbox_env: Mailboxes) -> None:
    import time

    assert browser.connect("google").status_code == 302
    mailbox_env.google.retry_after = 1
    mailbox_env.google.inject_fault("rate_limit", 1, target="api")
    started = time.monotonic()
    response = browser.get("/connections/google")
    assert response.status_code == 200, response.body
    assert time.monotonic() - started >= 1.0


@pytest.mark.parametrize(
    ("provider", "fault"), [("google", "rate_limit"), ("microsoft", "throttled")]
)
def test_a_long_retry_after_is_passed_on_as_a_503(
    browser: Browser, mailbox_env: Mailboxes, provider: str, fault: str
) -> None:
    emu = getattr(mailbox_env, provider)
    assert browser.connect(provider).status_code == 302
    emu.retry_after = 30
    emu.inject_fault(fault, 1)
    response = browser.get(f"/connections/{provider}")
    assert response.status_code == 503 and _code(response) == f"{provider}_busy"
    assert response.headers["Retry-After"] == "30"
    assert browser.get(f"/connections/{provider}").status_code == 200
