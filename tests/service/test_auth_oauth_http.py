"""OAuth calls never follow redirects and treat odd answers as Salesforce unavailable (502).

A throwaway HTTP server on loopback plays a misbehaving login host; a second one ("elsewhere")
records whatever reaches it, to prove that no secret was resent.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.errors import StratusError
from chalicelib.providers.salesforce import oauth
from tests.conftest import SignIn

ORG_ID = "00D000000000001AAA"
USER_ID = "005000000000001AAA"
Answer = tuple[int, dict[str, str], bytes]


@dataclass
class FakeHost:
    """Answers each path with a canned (status, headers, body); records what it receives."""

    url: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)
    received: list[tuple[str, str, bytes]] = field(default_factory=list)


@pytest.fixture(autouse=True)
def _plain_http_on_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the fake hosts speak http


@pytest.fixture
def serve() -> Iterator[Any]:
    servers: list[ThreadingHTTPServer] = []

    def start() -> FakeHost:
        host = FakeHost()

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                host.received.append((self.command, self.path, self.rfile.read(length)))
                path = urlsplit(self.path).path
                status, headers, body = host.answers.get(path, (404, {}, b"{}"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *_: Any) -> None:
                return None

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        servers.append(server)
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        host.url = f"http://127.0.0.1:{server.server_address[1]}"
        return host

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _redirect_to(target: str, status: int) -> Answer:
    return status, {"Location": target}, b""


def _signed_grant(base: str, secret: str = "test-secret") -> bytes:
    identity = f"{base}/id/{ORG_ID}/{USER_ID}"
    issued_at = "1700000000000"
    signature = base64.b64encode(
        hmac.new(secret.encode(), (identity + issued_at).encode(), hashlib.sha256).digest()
    ).decode()
    return json.dumps(
        {
            "access_token": "AT-secret",
            "refresh_token": "RT-secret",
            "instance_url": base,
            "id": identity,
            "issued_at": issued_at,
            "signature": signature,
            "scope": "id api refresh_token web",
        }
    ).encode()


def _assert_unavailable(error: StratusError) -> None:
    assert (error.code, error.status) == ("salesforce_unavailable", 502)


# -- the oauth module ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirecting_token_endpoint_is_unavailable_and_nothing_is_resent(
    serve: Any, status: int
) -> None:
    # Given a token endpoint that redirects elsewhere (a 307/308 would repeat the POST body)
    elsewhere, host = serve(), serve()
    host.answers["/services/oauth2/token"] = _redirect_to(
        f"{elsewhere.url}/services/oauth2/token", status
    )
    # When a code is exchanged and a token refreshed
    with pytest.raises(StratusError) as exchanged:
        oauth.exchange_code(host.url, "id", "client-secret", "the-code", "https://x/cb", "v" * 43)
    with pytest.raises(StratusError) as refreshed:
        oauth.refresh(host.url, "id", "client-secret", "RT-secret")
    # Then Salesforce is "unavailable", and no secret went anywhere else
    _assert_unavailable(exchanged.value)
    _assert_unavailable(refreshed.value)
    assert len(host.received) == 2
    assert elsewhere.received == []


@pytest.mark.parametrize("status", [302, 307, 308])
def test_a_redirecting_revoke_endpoint_is_not_a_revocation(serve: Any, status: int) -> None:
    elsewhere, host = serve(), serve()
    host.answers["/services/oauth2/revoke"] = _redirect_to(
        f"{elsewhere.url}/services/oauth2/revoke", status
    )
    assert oauth.revoke(host.url, "id", "RT-secret") is False
    assert len(host.received) == 1
    assert elsewhere.received == []


@pytest.mark.parametrize("status", [302, 307])
def test_a_redirecting_userinfo_is_unavailable_and_the_token_goes_nowhere_else(
    serve: Any, status: int
) -> None:
    elsewhere, host = serve(), serve()
    host.answers["/services/oauth2/userinfo"] = _redirect_to(f"{elsewhere.url}/userinfo", status)
    with pytest.raises(StratusError) as raised:
        oauth.userinfo(host.url, "id", "AT-secret")
    _assert_unavailable(raised.value)
    assert elsewhere.received == []


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/services/oauth2/userinfo", b"<html>Service Unavailable</html>"),
        ("/services/oauth2/userinfo", b""),
        ("/services/oauth2/userinfo", b"[1, 2]"),
        ("/services/oauth2/token", b"<html>maintenance</html>"),
        ("/services/oauth2/token", b"[]"),
    ],
)
def test_a_200_that_is_not_a_json_object_is_unavailable(serve: Any, path: str, body: bytes) -> None:
    host = serve()
    host.answers[path] = (200, {"Content-Type": "text/html"}, body)
    with pytest.raises(StratusError) as raised:
        if path.endswith("userinfo"):
            oauth.userinfo(host.url, "id", "AT-secret")
        else:
            oauth.exchange_code(host.url, "id", "secret", "code", "https://x/cb", "v" * 43)
    _assert_unavailable(raised.value)


# -- through the app ------------------------------------------------------------------------------


@pytest.fixture
def fake_login_host(
    serve: Any, client: Client, monkeypatch: pytest.MonkeyPatch
) -> Iterator[FakeHost]:
    """The app pointed at a throwaway login host (no emulator)."""
    host = serve()
    monkeypatch.setenv("SALESFORCE_LOGIN_URL", host.url)
    monkeypatch.setenv("SALESFORCE_SANDBOX_URL", host.url)
    monkeypatch.setenv("SALESFORCE_EXTRA_LOGIN_HOSTS", host.url.split("://", 1)[1])
    deps.reset()
    yield host
    deps.reset()


def _callback(client: Client, code: str = "the-code") -> Any:
    login = client.http.get("/auth/salesforce/login")
    assert login.status_code == 302
    state = parse_qs(urlsplit(login.headers["Location"]).query)["state"][0]
    nonce = SignIn.cookie(login, "__Secure-stratus_oauth")
    return client.http.get(
        f"/auth/salesforce/callback?{urlencode({'code': code, 'state': state})}",
        headers={"Cookie": f"__Secure-stratus_oauth={nonce}"},
    )


def test_a_redirecting_token_endpoint_fails_the_sign_in_with_502(
    client: Client, fake_login_host: FakeHost, serve: Any
) -> None:
    elsewhere = serve()
    fake_login_host.answers["/services/oauth2/token"] = _redirect_to(
        f"{elsewhere.url}/services/oauth2/token", 307
    )
    response = _callback(client)
    assert response.status_code == 502
    assert json.loads(response.body)["error"]["code"] == "salesforce_unavailable"
    assert SignIn.cookie(response, "__Host-stratus_session") is None
    assert elsewhere.received == []


def test_a_non_json_userinfo_fails_the_sign_in_with_502_and_revokes(
    client: Client, fake_login_host: FakeHost
) -> None:
    # Given a login host that grants tokens, then answers userinfo with an HTML page
    fake_login_host.answers["/services/oauth2/token"] = (
        200,
        {"Content-Type": "application/json"},
        _signed_grant(fake_login_host.url),
    )
    fake_login_host.answers["/services/oauth2/userinfo"] = (200, {}, b"<html>down</html>")
    fake_login_host.answers["/services/oauth2/revoke"] = (200, {}, b"")
    # When the sign-in completes
    response = _callback(client)
    # Then 502 (not 500), no session, and the grant was revoked with its refresh token
    assert response.status_code == 502
    assert json.loads(response.body)["error"]["code"] == "salesforce_unavailable"
    assert SignIn.cookie(response, "__Host-stratus_session") is None
    revokes = [r for r in fake_login_host.received if r[1] == "/services/oauth2/revoke"]
    assert [parse_qs(r[2].decode()) for r in revokes] == [{"token": ["RT-secret"]}]
