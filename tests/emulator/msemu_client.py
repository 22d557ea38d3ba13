"""A small client that drives the Microsoft emulator over real HTTP, as Stratus would."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any

import requests
from oauth_client import OAuthClient, query_of

from devstack.msemu import pkce_s256

__all__ = [
    "MS_CLIENT_ID",
    "MS_CLIENT_SECRET",
    "MS_REDIRECT_URI",
    "MS_SCOPE",
    "FakeClock",
    "MsClient",
    "query_of",
]

MS_CLIENT_ID = "stratus-ms-test"
MS_CLIENT_SECRET = "ms-test-secret"
MS_REDIRECT_URI = "http://127.0.0.1:8000/connections/microsoft/callback"
MS_SCOPE = "offline_access openid email User.Read Mail.Read Calendars.ReadWrite"


@dataclass
class FakeClock:
    now: dt.datetime = field(
        default_factory=lambda: dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
    )

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@dataclass
class MsClient(OAuthClient):
    tenant: str = "common"

    client_id = MS_CLIENT_ID
    client_secret = MS_CLIENT_SECRET
    redirect_uri = MS_REDIRECT_URI

    def authorize_url(self) -> str:
        return f"{self.base}/{self.tenant}/oauth2/v2.0/authorize"

    def token_url(self) -> str:
        return f"{self.base}/{self.tenant}/oauth2/v2.0/token"

    def authorize(
        self,
        email: str | None = "alice@acme.demo",
        *,
        challenge: str | None = None,
        scope: str | None = MS_SCOPE,
        redirect_uri: str = MS_REDIRECT_URI,
        state: str = "st-1",
        **extra: str,
    ) -> requests.Response:
        params: dict[str, str] = {
            "client_id": MS_CLIENT_ID,
            "response_type": "code",
            "redirect_uri": redirect_uri,
            "response_mode": "query",
            "state": state,
            **extra,
        }
        return self._authorize(params, login_hint=email, challenge=challenge, scope=scope)

    def code(self, email: str = "alice@acme.demo", scope: str = MS_SCOPE) -> tuple[str, str]:
        verifier = secrets.token_urlsafe(48)
        authorized = self.authorize(email, challenge=pkce_s256(verifier), scope=scope)
        return self._code_of(authorized), verifier

    def login(self, email: str = "alice@acme.demo", scope: str = MS_SCOPE) -> dict[str, Any]:
        return self._granted(self.redeem(*self.code(email, scope)))

    def graph(self, method: str, path: str, token: str, **kwargs: Any) -> requests.Response:
        url = path if path.startswith("http") else f"{self.base}/v1.0{path}"
        return self._bearer_request(token, method, url, 30, **kwargs)
