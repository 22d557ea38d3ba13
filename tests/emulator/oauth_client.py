"""What the clients that drive the emulators over real HTTP share, as Stratus drives the real
services: PKCE, the authorize redirect, the token endpoint with the app's credentials, and
bearer-token API calls. Each emulator's client names its registration and endpoints."""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import requests


def pkce_pair() -> tuple[str, str]:
    """A PKCE verifier and its S256 challenge (RFC 7636)."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def query_of(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


@dataclass
class OAuthClient:
    """The OAuth 2.0 authorization-code flow and API calls against one emulator; a subclass
    sets the app registration (`client_id`, `client_secret`, `redirect_uri`) and the two
    endpoint URLs, so every emulator is driven by the same rules."""

    base: str
    http: requests.Session

    client_id: ClassVar[str]
    client_secret: ClassVar[str]
    redirect_uri: ClassVar[str]

    def authorize_url(self) -> str:
        raise NotImplementedError

    def token_url(self) -> str:
        raise NotImplementedError

    def _authorize(
        self,
        params: dict[str, str],
        *,
        login_hint: str | None,
        challenge: str | None,
        scope: str | None,
    ) -> requests.Response:
        """GET the authorize endpoint with the provider's own `params` plus what any flow may
        send: the scope, an S256 challenge (unless `params` names its own), the account."""
        if scope is not None:
            params["scope"] = scope
        if challenge is not None:
            params.setdefault("code_challenge", challenge)
            params.setdefault("code_challenge_method", "S256")
        if login_hint is not None:
            params["login_hint"] = login_hint
        return self.http.get(self.authorize_url(), params=params, allow_redirects=False, timeout=10)

    @staticmethod
    def _code_of(authorized: requests.Response) -> str:
        """The code the authorize endpoint sent the browser back with."""
        assert authorized.status_code == 302, authorized.text
        return query_of(authorized.headers["Location"])["code"]

    def token(self, **form: str) -> requests.Response:
        data = {"client_id": self.client_id, "client_secret": self.client_secret, **form}
        return self.http.post(self.token_url(), data=data, timeout=10)

    def redeem(self, code: str, verifier: str, **extra: str) -> requests.Response:
        """Exchange a code and its PKCE verifier at the token endpoint (`extra` adds to or
        replaces the form's fields)."""
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.redirect_uri,
            "code_verifier": verifier,
            **extra,
        }
        return self.token(**form)

    @staticmethod
    def _granted(response: requests.Response) -> dict[str, Any]:
        """The token endpoint's body, which must be a grant."""
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def refresh(self, refresh_token: str) -> requests.Response:
        return self.token(grant_type="refresh_token", refresh_token=refresh_token)

    def _bearer_request(
        self, token: str, method: str, url: str, default_timeout: float, /, **kwargs: Any
    ) -> requests.Response:
        """An API call with the access token, the caller's headers kept beside it."""
        headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
        kwargs.setdefault("timeout", default_timeout)
        return self.http.request(method, url, headers=headers, **kwargs)
