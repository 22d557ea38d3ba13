"""The Google emulator's Python and control API: lifecycle, deterministic seed, minted tokens,
the /_emulator/ control surface."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from googleemu_client import (
    G_CLIENT_ID,
    G_CLIENT_SECRET,
    G_REDIRECT_URI,
    GoogleClient,
    pkce_pair,
    query_of,
)

from devstack.googleemu import MAIL_KINDS, GoogleEmulator, b64url_decode

DEMO = {"admin@acme.demo", "alice@acme.demo", "bob@acme.demo", "maria@acme.demo", "casey@acme.demo"}


def test_lifecycle() -> None:
    emu = GoogleEmulator(G_CLIENT_ID, G_CLIENT_SECRET, [G_REDIRECT_URI], seed=False)
    with pytest.raises(RuntimeError):
        _ = emu.url
    with emu.start(port=0) as running:
        assert running.url.startswith("http://127.0.0.1:")
        assert requests.get(f"{running.url}/_emulator/stats", timeout=5).status_code == 200
    emu.stop()  # idempotent
    assert emu.users == {}


def test_seed_is_deterministic() -> None:
    one, two = GoogleEmulator(), GoogleEmulator()
    assert set(one.users) == DEMO
    assert one.demo.messages == two.demo.messages and one.demo.events == two.demo.events
    for email in DEMO:
        assert set(one.demo.messages[email]) == set(MAIL_KINDS)
        assert one.users[email].sub == two.users[email].sub
        box_one, box_two = one.mailboxes[email], two.mailboxes[email]
        message_id = one.demo.messages[email]["inline_image"]
        assert box_one.raw(box_one.messages[message_id]) == box_two.raw(
            box_two.messages[message_id]
        )
    assert len({u.sub for u in one.users.values()}) == len(DEMO)


def test_issue_tokens_without_the_browser(google: GoogleClient, gemu: GoogleEmulator) -> None:
    body = gemu.issue_tokens("bob@acme.demo", ["openid", "email"])
    info = google.api(body["access_token"], "GET", "/oauth2/v3/userinfo").json()
    assert info["email"] == "bob@acme.demo" and info["email_verified"] is True
    assert google.refresh(body["refresh_token"]).status_code == 200
    assert gemu.grant_scopes("bob@acme.demo") == [
        "openid",
        "https://www.googleapis.com/auth/userinfo.email",
    ]


def test_control_surface_over_http(google: GoogleClient, gemu: GoogleEmulator) -> None:
    base = f"{google.base}/_emulator"
    assert requests.post(
        f"{base}/consent", json={"email": "alice@acme.demo", "deny": True}, timeout=5
    ).ok
    _, challenge = pkce_pair()
    denied = google.authorize("alice@acme.demo", challenge=challenge)
    assert "error=access_denied" in denied.headers["Location"]
    assert requests.post(f"{base}/reset", json={}, timeout=5).ok
    token = google.login("alice@acme.demo")["access_token"]
    assert requests.post(f"{base}/faults", json={"kind": "rate_limit", "count": 2}, timeout=5).ok
    assert [google.api(token, "GET", "/oauth2/v3/userinfo").status_code for _ in range(3)] == [
        429,
        429,
        200,
    ]
    assert requests.post(f"{base}/expire-tokens", json={}, timeout=5).ok
    assert google.api(token, "GET", "/oauth2/v3/userinfo").status_code == 401
    bad = requests.post(f"{base}/faults", json={"kind": "meteor"}, timeout=5)
    assert bad.status_code == 400
    assert requests.post(f"{base}/sign-in", json={"email": "casey@acme.demo"}, timeout=5).ok
    verifier, challenge = pkce_pair()
    response = google.authorize(None, challenge=challenge)
    assert response.status_code == 302
    exchanged = google.redeem(query_of(response.headers["Location"])["code"], verifier)
    assert exchanged.status_code == 200
    claims = b64url_decode(exchanged.json()["id_token"].split(".")[1])
    assert b'"email":"casey@acme.demo"' in claims


def test_id_token_carries_nonce(google: GoogleClient) -> None:
    body = google.login("admin@acme.demo", nonce="n-0S6_WzA2Mj")
    payload = body["id_token"].split(".")[1]
    assert b'"nonce":"n-0S6_WzA2Mj"' in b64url_decode(payload)


def test_concurrent_calls_are_counted_exactly(google: GoogleClient, gemu: GoogleEmulator) -> None:
    token = google.login("alice@acme.demo")["access_token"]

    def call(_: int) -> int:
        with requests.Session() as http:
            return (
                GoogleClient(google.base, http).api(token, "GET", "/oauth2/v3/userinfo").status_code
            )

    with ThreadPoolExecutor(max_workers=20) as pool:
        assert list(pool.map(call, range(40))) == [200] * 40
    assert gemu.counters.calls["oauth.userinfo"] == 40
    assert gemu.counters.calls_by_user["alice@acme.demo"]["oauth.userinfo"] == 40
