"""A small client that drives the Google emulator over real HTTP, as Stratus would."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from oauth_client import OAuthClient, pkce_pair, query_of

__all__ = [
    "G_CLIENT_ID",
    "G_CLIENT_SECRET",
    "G_REDIRECT_URI",
    "SCOPES",
    "GoogleClient",
    "pkce_pair",
    "query_of",
]

G_CLIENT_ID = "stratus-test.apps.googleusercontent.com"
G_CLIENT_SECRET = "google-test-secret"
G_REDIRECT_URI = "http://127.0.0.1:8000/connections/google/callback"
SCOPES = (
    "openid email https://www.googleapis.com/auth/gmail.readonly "
    "https://www.googleapis.com/auth/calendar.events"
)


@dataclass
class GoogleClient(OAuthClient):
    client_id = G_CLIENT_ID
    client_secret = G_CLIENT_SECRET
    redirect_uri = G_REDIRECT_URI

    def authorize_url(self) -> str:
        return f"{self.base}/o/oauth2/v2/auth"

    def token_url(self) -> str:
        return f"{self.base}/token"

    def authorize(
        self,
        email: str | None = "alice@acme.demo",
        *,
        challenge: str | None = None,
        scope: str | None = SCOPES,
        offline: bool = True,
        consent: bool = True,
        redirect_uri: str = G_REDIRECT_URI,
        **extra: str,
    ) -> requests.Response:
        params: dict[str, str] = {
            "response_type": "code",
            "client_id": G_CLIENT_ID,
            "redirect_uri": redirect_uri,
            "state": "st-1",
            **extra,
        }
        if offline:
            params["access_type"] = "offline"
        if consent:
            params["prompt"] = "consent"
        return self._authorize(params, login_hint=email, challenge=challenge, scope=scope)

    def code(self, email: str = "alice@acme.demo", **kwargs: Any) -> tuple[str, str]:
        """(code, verifier)."""
        verifier, challenge = pkce_pair()
        return self._code_of(self.authorize(email, challenge=challenge, **kwargs)), verifier

    def login(self, email: str = "alice@acme.demo", **kwargs: Any) -> dict[str, Any]:
        return self._granted(self.redeem(*self.code(email, **kwargs)))

    def api(self, token: str, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self._bearer_request(token, method, f"{self.base}{path}", 30, **kwargs)
