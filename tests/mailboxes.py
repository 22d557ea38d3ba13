"""A browser of a signed-in user connecting mailboxes (the connect flow over real HTTP against
the bundled Google and Microsoft emulators), shared by the tests that need a connection."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
from chalice.test import Client

from tests.conftest import SignIn

BINDING = "__Secure-stratus_oauth"
SESSION = "__Host-stratus_session"


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def _code(response: Any) -> str:
    return str(json.loads(response.body)["error"]["code"])


class Browser:
    """One browser of one signed-in user: keeps its session and the binding cookie."""

    def __init__(self, client: Client, session: str) -> None:
        self.client = client
        self.session = session
        self.binding: str | None = None

    def _cookies(self) -> dict[str, str]:
        jar = [f"{SESSION}={self.session}"]
        if self.binding:
            jar.append(f"{BINDING}={self.binding}")
        return {"Cookie": "; ".join(jar)}

    def start(self, provider: str, return_to: str = "/settings") -> str:
        response = self.client.http.get(
            f"/connections/{provider}/start?{urlencode({'return_to': return_to})}",
            headers=self._cookies(),
        )
        assert response.status_code == 302, response.body
        self.binding = SignIn.cookie(response, BINDING)
        return str(response.headers["Location"])

    def callback(self, provider: str, params: dict[str, str]) -> Any:
        response = self.client.http.get(
            f"/connections/{provider}/callback?{urlencode(params)}", headers=self._cookies()
        )
        if SignIn.cookie(response, BINDING) == "":
            self.binding = None
        return response

    def get(self, path: str) -> Any:
        return self.client.http.get(path, headers=self._cookies())

    def delete(self, path: str) -> Any:
        # a cookie-authenticated DELETE from this site's own page (chalicelib/csrf.py)
        headers = {**self._cookies(), "Origin": "http://127.0.0.1:8999"}
        return self.client.http.delete(path, headers=headers)

    def connect(self, provider: str) -> Any:
        return self.callback(provider, consent(self.start(provider)))


def consent(authorize_url: str) -> dict[str, str]:
    """The emulator's consent screen (the user in login_hint answers): the callback's query."""
    reply = requests.get(authorize_url, allow_redirects=False, timeout=10)
    assert reply.status_code == 302, reply.text
    return _query(reply.headers["Location"])
