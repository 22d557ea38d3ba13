"""A small client that drives the Google emulator over real HTTP, as Stratus would."""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

G_CLIENT_ID = "stratus-test.apps.googleusercontent.com"
G_CLIENT_SECRET = "google-test-secret"
G_REDIRECT_URI = "http://127.0.0.1:8000/connections/google/callback"
SCOPES = (
    "openid email https://www.googleapis.com/auth/gmail.readonly "
    "https://www.googleapis.com/auth/calendar.events"
)


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def query_of(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


@dataclass
class GoogleClient:
    base: str
    http: requests.Session

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
        if scope is not None:
            params["scope"] = scope
        if challenge is not None:
            params["code_challenge"] = challenge
            params["code_challenge_method"] = "S256"
        if offline:
            params["access_type"] = "offline"
        if consent:
            params["prompt"] = "consent"
        if email is not None:
            params["login_hint"] = email
        return self.http.get(
            f"{self.base}/o/oauth2/v2/auth", params=params, allow_redirects=False, timeout=10
        )

    def code(self, email: str = "alice@acme.demo", **kwargs: Any) -> tuple[str, str]:
        """(code, verifier)."""
        verifier, challenge = pkce_pair()
        response = self.authorize(email, challenge=challenge, **kwargs)
        assert response.status_code == 302, response.text
        return query_of(response.headers["Location"])["code"], verifier

    def token(self, **form: str) -> requests.Response:
        data = {"client_id": G_CLIENT_ID, "client_secret": G_CLIENT_SECRET, **form}
        return self.http.post(f"{self.base}/token", data=data, timeout=10)

    def exchange(self, code: str, verifier: str) -> requests.Response:
        return self.token(
            grant_type="authorization_code",
            code=code,
            redirect_uri=G_REDIRECT_URI,
            code_verifier=verifier,
        )

    def login(self, email: str = "alice@acme.demo", **kwargs: Any) -> dict[str, Any]:
        code, verifier = self.code(email, **kwargs)
        response = self.exchange(code, verifier)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def refresh(self, refresh_token: str) -> requests.Response:
        return self.token(grant_type="refresh_token", refresh_token=refresh_token)

    def api(self, token: str, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
        kwargs.setdefault("timeout", 30)
        return self.http.request(method, f"{self.base}{path}", headers=headers, **kwargs)
