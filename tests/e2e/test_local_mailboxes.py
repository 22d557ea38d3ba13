"""`make run` (python -m devstack) with the bundled Google and Microsoft emulators: the banner
says how to connect, a signed-in user connects both mailboxes over HTTP, and calendar sync runs
on the local worker against the emulators' calendars."""

from __future__ import annotations

import time
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


def _connect(running: Runner, session: Any, bearer: dict[str, str], provider: str) -> None:
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
        _connect(running, session, bearer, provider)
        check = session.get(f"{running.api}/connections/{provider}", headers=bearer, timeout=10)
    assert check.status_code == 200, check.text
    assert check.json()["email"] == "maria@acme.demo"
    assert check.json()["status"] == "active"


def test_calendar_sync_runs_on_the_local_worker_against_the_emulators_calendars(
    running: Runner,
) -> None:
    """The whole loop of `make run`: turned on, the user's sync is queued on the embedded queue,
    the local worker runs a cycle against the Google emulator's seeded calendar (a weekly
    meeting, a call tomorrow, an all-day event, yesterday's meeting) and the Salesforce
    emulator, and the status says so; turned off again, nothing of it is left running."""
    with http() as session:
        bearer = {"Authorization": f"Bearer {_sign_in(running, session, 'maria@acme.demo')}"}
        _connect(running, session, bearer, "google")
        url = f"{running.api}/me/calendar-sync"
        turned_on = session.put(url, json={"enabled": True, "provider": "google"}, headers=bearer)
        assert turned_on.status_code == 200, turned_on.text
        try:
            queued = session.post(f"{url}/run", headers=bearer, timeout=10)
            assert queued.status_code == 202, queued.text
            deadline = time.monotonic() + 90
            status: dict[str, Any] = {}
            while time.monotonic() < deadline:
                status = session.get(url, headers=bearer, timeout=10).json()["status"]
                if status["state"] != "never_run":
                    break
                time.sleep(1)
            assert status["state"] == "ok", status
            assert status["counts"]["to_salesforce"]["created"] >= 4, status
            assert status["last_success_at"] is not None
        finally:
            off = session.put(url, json={"enabled": False, "provider": "google"}, headers=bearer)
            assert off.status_code == 200, off.text
