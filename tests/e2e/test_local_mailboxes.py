"""`make run` (python -m devstack) with the bundled Google and Microsoft emulators: the banner
says how to connect, and a signed-in user connects both mailboxes over HTTP."""

from __future__ import annotations

from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.e2e.conftest import Runner, http

BINDING = "__Secure-stratus_oauth"


def _location(reply: Any) -> str:
    assert reply.status_code == 302, reply.text
    return str(reply.headers["Location"])


def _binding(reply: Any) -> str:
    # Secure cookies are not kept by `requests` for http://127.0.0.1: handed back by hand
    return SimpleCookie(reply.headers["Set-Cookie"])[BINDING].value


def _sign_in(running: Runner, session: Any, username: str) -> str:
    query = urlencode({"login": "production", "return_to": "/me"})
    login = session.get(f"{running.api}/auth/salesforce/login?{query}", allow_redirects=False)
    consent = session.get(
        f"{_location(login)}&{urlencode({'login_hint': username})}", allow_redirects=False
    )
    signed_in = session.get(
        _location(consent),
        headers={"Cookie": f"{BINDING}={_binding(login)}"},
        allow_redirects=False,
    )
    _location(signed_in)
    return str(signed_in.cookies["__Host-stratus_session"])


def test_banner_says_how_to_connect_a_mailbox(running: Runner) -> None:
    out = running.output()
    assert f"{running.api}/connections/google/start" in out
    assert f"{running.api}/connections/microsoft/start" in out


@pytest.mark.parametrize("provider", ["google", "microsoft"])
def test_a_signed_in_user_connects_a_mailbox_through_the_bundled_emulator(
    running: Runner, provider: str
) -> None:
    with http() as session:
        token = _sign_in(running, session, "maria@acme.demo")
        bearer = {"Authorization": f"Bearer {token}"}
        start = session.get(
            f"{running.api}/connections/{provider}/start?return_to=/me",
            headers=bearer,
            allow_redirects=False,
        )
        callback = _location(session.get(_location(start), allow_redirects=False))
        assert callback.startswith(f"{running.api}/connections/{provider}/callback?")
        connected = session.get(
            callback,
            headers={**bearer, "Cookie": f"{BINDING}={_binding(start)}"},
            allow_redirects=False,
        )
        assert _location(connected) == "/me"
        check = session.get(f"{running.api}/connections/{provider}", headers=bearer, timeout=10)
    assert check.status_code == 200, check.text
    assert check.json()["email"] == "maria@acme.demo"
    assert check.json()["status"] == "active"
