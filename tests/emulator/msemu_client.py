"""A small client that drives the Microsoft emulator over real HTTP, as Stratus would."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from devstack.msemu import pkce_s256

MS_CLIENT_ID = "stratus-ms-test"
MS_CLIENT_SECRET = "ms-test-secret"
MS_REDIRECT_URI = "http://127.0.0.1:8000/connections/microsoft/callback"
MS_SCOPE = "offline_access openid email User.Read Mail.Read Calendars.ReadWrite"


def query_of(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


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
class MsClient:
    base: str
    http: requests.Session
    tenant: str = "common"

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
        if scope is not None:
            params["scope"] = scope
        if challenge is not None:
            params.setdefault("code_challenge", challenge)
            params.setdefault("code_challenge_method", "S256")
        if email is not None:
            params["login_hint"] = email
        return self.http.get(
            f"{self.base}/{self.tenant}/oauth2/v2.0/authorize",
            params=params,
            allow_redirects=False,
            timeout=10,
        )

    def code(self, email: str = "alice@acme.demo", scope: str = MS_SCOPE) -> tuple[str, str]:
        verifier = secrets.token_urlsafe(48)
        response = self.authorize(email, challenge=pkce_s256(verifier), scope=scope)
        assert response.status_code == 302, response.text
        return query_of(response.headers["Location"])["code"], verifier

    def token(self, **form: str) -> requests.Response:
        data = {"client_id": MS_CLIENT_ID, "client_secret": MS_CLIENT_SECRET, **form}
        return self.http.post(f"{self.base}/{self.tenant}/oauth2/v2.0/token", data=data, timeout=10)

    def redeem(self, code: str, verifier: str, **extra: str) -> requests.Response:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": MS_REDIRECT_URI,
            "code_verifier": verifier,
            **extra,
        }
        return self.token(**form)

    def login(self, email: str = "alice@acme.demo", scope: str = MS_SCOPE) -> dict[str, Any]:
        code, verifier = self.code(email, scope)
        response = self.redeem(code, verifier)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def refresh(self, refresh_token: str) -> requests.Response:
        return self.token(grant_type="refresh_token", refresh_token=refresh_token)

    def graph(self, method: str, path: str, token: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
        url = path if path.startswith("http") else f"{self.base}/v1.0{path}"
        return self.http.request(method, url, headers=headers, timeout=30, **kwargs)
