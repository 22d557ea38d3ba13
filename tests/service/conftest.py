"""Service-test fixtures that serve the app over real HTTP (Chalice's local server)."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie

import pytest
import requests

from devstack.provision import ProvisionedStack
from devstack.sfemu import Emulator, EmulatorServer
from tests.conftest import Salesforce


@dataclass
class Served:
    url: str
    emulator: EmulatorServer

    def sign_in(self, username: str = "admin@acme.demo") -> str:
        """A session token for `username`, through the emulator's consent, over HTTP."""
        with requests.Session() as http:
            http.trust_env = False  # loopback only, whatever proxy the machine has
            login = http.get(f"{self.url}/auth/salesforce/login", allow_redirects=False)
            assert login.status_code == 302, login.text
            # our cookies are Secure: a client on plain-http loopback must hand them back itself
            cookies = _cookies(login)
            consent = http.get(
                login.headers["Location"] + "&login_hint=" + username, allow_redirects=False
            )
            assert consent.status_code == 302, consent.text
            callback = http.get(
                consent.headers["Location"],
                headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())},
                allow_redirects=False,
            )
            assert callback.status_code == 302, callback.text
            return _cookies(callback)["__Host-stratus_session"]


def _cookies(response: requests.Response) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    for header in response.raw.headers.getlist("Set-Cookie"):
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items() if morsel.value}


@pytest.fixture
def served(sf_env: Salesforce) -> Iterator[str]:
    """The app on Chalice's threaded local HTTP server (what `chalice local` runs), for tests
    whose concurrent requests must really be concurrent; its base URL. It reads the settings
    the environment fixtures set (sf_env, and mailbox_env where a test asks for it first)."""
    from chalice.config import Config
    from chalice.local import LocalDevServer

    from app import app

    config = Config.create(chalice_stage="test", app_name="stratus", chalice_app=app)
    server = LocalDevServer(app, config, "127.0.0.1", 0)
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def served_app(aws: ProvisionedStack) -> Iterator[Served]:
    """The app on Chalice's local HTTP server, in a thread, on a free loopback port, pointed
    at moto and at a Salesforce emulator on loopback (as `make run` points it)."""
    from chalice.config import Config
    from chalice.local import ChaliceRequestHandler, LocalDevServer

    class Handler(ChaliceRequestHandler):  # type: ignore[misc]
        # Python's http.server answers methods it has no do_X for (TRACE, QUERY) with an HTML
        # 501 before the app sees them; pass them to the app, which answers 405 JSON.
        def __getattr__(self, name: str) -> object:
            if name.startswith("do_"):
                return self._generic_handle
            raise AttributeError(name)

    from app import app
    from chalicelib import deps

    emulator = EmulatorServer(
        Emulator(client_id="stratus-test", client_secret="test-secret"), port=0
    ).start()
    config = Config.create(chalice_stage="test", app_name="stratus", chalice_app=app)
    server = LocalDevServer(app, config, "127.0.0.1", 0, handler_cls=Handler)
    url = f"http://127.0.0.1:{server.server.server_address[1]}"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("STRATUS_STAGE", "test")  # LocalDevServer applies no stage environment
        env.setenv("STRATUS_TABLE", aws.table_name)
        env.setenv("STRATUS_KMS_KEY_ID", aws.key_alias)
        env.setenv("PUBLIC_BASE_URL", url)
        env.setenv("SALESFORCE_CLIENT_ID", "stratus-test")
        env.setenv("SALESFORCE_CLIENT_SECRET", "test-secret")
        env.setenv("SALESFORCE_LOGIN_URL", emulator.url)
        env.setenv("SALESFORCE_SANDBOX_URL", emulator.url)
        env.setenv("SALESFORCE_EXTRA_LOGIN_HOSTS", emulator.url.split("://", 1)[1])
        env.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
        env.setenv("TRACKING_SIGNING_KEYS", "fuzz:" + base64.urlsafe_b64encode(b"k" * 32).decode())
        deps.reset()
        thread = threading.Thread(target=server.server.serve_forever, daemon=True)
        thread.start()
        try:
            yield Served(url, emulator)
        finally:
            server.shutdown()
            thread.join(timeout=5)
            emulator.stop()
            deps.reset()
