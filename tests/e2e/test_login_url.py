"""A Salesforce given to `make run` as SALESFORCE_LOGIN_URL: plain http is decided at start-up.

requests-oauthlib refuses plain http unless OAUTHLIB_INSECURE_TRANSPORT=1, which once made the
callback answer 500 for an emulator of one's own. The local stack now sets that variable for
the API exactly when a configured Salesforce URL is plain http on loopback, and refuses to start,
with one line, when one is plain http anywhere else.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from urllib.parse import urlencode

import pytest

from devstack.sfemu import Emulator, EmulatorServer
from devstack.stack import LocalStack, StackError, insecure_transport_needed
from tests.e2e.conftest import ROOT, free_port, http, runner_env
from tests.faults.drill import session_token, set_cookies

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("env", "needed"),
    [
        ({"SALESFORCE_LOGIN_URL": "https://login.salesforce.com"}, False),
        ({"SALESFORCE_LOGIN_URL": "https://acme.my.salesforce.com/"}, False),
        ({"SALESFORCE_LOGIN_URL": "http://127.0.0.1:8123"}, True),
        ({"SALESFORCE_LOGIN_URL": "http://127.9.9.9:8123"}, True),
        ({"SALESFORCE_LOGIN_URL": "http://localhost:8123"}, True),
        ({"SALESFORCE_LOGIN_URL": "http://[::1]:8123"}, True),
        (
            {
                "SALESFORCE_LOGIN_URL": "https://login.salesforce.com",
                "SALESFORCE_SANDBOX_URL": "http://localhost:8124",
            },
            True,
        ),
        (
            {
                "SALESFORCE_LOGIN_URL": "https://login.salesforce.com",
                "SALESFORCE_EXTRA_LOGIN_HOSTS": "acme.my.salesforce.com,127.0.0.1:8125",
            },
            True,
        ),
        (
            {
                "SALESFORCE_LOGIN_URL": "https://login.salesforce.com",
                "SALESFORCE_EXTRA_LOGIN_HOSTS": "acme.my.salesforce.com",
            },
            False,
        ),
    ],
)
def test_plain_http_is_allowed_on_loopback_only(env: Mapping[str, str], needed: bool) -> None:
    assert insecure_transport_needed(env) is needed


@pytest.mark.parametrize(
    "env",
    [
        {"SALESFORCE_LOGIN_URL": "http://login.example.com"},
        {"SALESFORCE_LOGIN_URL": "http://10.0.0.8:8123"},
        {"SALESFORCE_LOGIN_URL": "http://127.0.0.1.example.com"},
        {"SALESFORCE_LOGIN_URL": "https://x.test", "SALESFORCE_SANDBOX_URL": "http://sb.test"},
        {"SALESFORCE_LOGIN_URL": "https://x.test", "SALESFORCE_EXTRA_LOGIN_HOSTS": "http://e.test"},
        {"SALESFORCE_LOGIN_URL": "login.salesforce.com"},
        {"SALESFORCE_LOGIN_URL": "ftp://127.0.0.1"},
    ],
)
def test_plain_http_elsewhere_or_no_url_at_all_is_refused(env: Mapping[str, str]) -> None:
    with pytest.raises(StackError):
        insecure_transport_needed(env)


def test_make_run_refuses_plain_http_off_loopback_with_one_clear_line() -> None:
    port = free_port()
    env = runner_env(port, 0, SALESFORCE_LOGIN_URL="http://login.example.com")
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "devstack"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1, result.stderr
    assert "SALESFORCE_LOGIN_URL" in errors[0] and "not loopback" in errors[0]
    assert "Traceback" not in result.stdout + result.stderr


def test_plain_http_salesforce_on_loopback_signs_in_through_the_callback() -> None:
    """Our own emulator as SALESFORCE_LOGIN_URL (plain http on 127.0.0.1), nothing else set:
    the whole sign-in works, the callback included (it answered 500 before)."""
    salesforce = EmulatorServer(Emulator(client_id="own-id", client_secret="own-secret")).start()
    port = free_port()
    env = runner_env(
        port,
        0,
        SALESFORCE_LOGIN_URL=salesforce.url,
        SALESFORCE_CLIENT_ID="own-id",
        SALESFORCE_CLIENT_SECRET="own-secret",
    )
    env.pop("OAUTHLIB_INSECURE_TRANSPORT", None)
    stack = LocalStack(port=port, env=env)
    try:
        stack.start()
        assert stack.child_env["OAUTHLIB_INSECURE_TRANSPORT"] == "1"
        with http() as session:
            query = urlencode({"login": "production", "return_to": "/me"})
            login = session.get(
                f"{stack.api_url}/auth/salesforce/login?{query}", allow_redirects=False
            )
            assert login.headers["Location"].startswith(salesforce.url), login.text
            consent = session.get(
                login.headers["Location"] + "&login_hint=alice%40acme.demo", allow_redirects=False
            )
            cookies = "; ".join(f"{k}={v}" for k, v in set_cookies(login).items() if v)
            callback = session.get(
                consent.headers["Location"], headers={"Cookie": cookies}, allow_redirects=False
            )
            assert callback.status_code == 302, callback.text
            token = session_token(callback)
            me = session.get(
                f"{stack.api_url}/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
            )
        assert me.status_code == 200, me.text
        assert me.json()["user"]["username"] == "alice@acme.demo"
    finally:
        stack.stop()
        salesforce.stop()
