"""A small client that drives the Salesforce emulator over real HTTP, as Stratus would."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

CLIENT_ID = "stratus-local"
CLIENT_SECRET = "local-secret"
REDIRECT_URI = "http://127.0.0.1:8000/oauth/callback"
API = "/services/data/v60.0"


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def query_of(location: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


@dataclass
class SfClient:
    """Drives the emulator like Stratus would: authorize (login_hint), token, data API."""

    base: str
    http: requests.Session

    def authorize(
        self,
        username: str | None = "alice@acme.demo",
        *,
        challenge: str | None = None,
        scope: str | None = "api id refresh_token",
        state: str = "st-123",
        redirect_uri: str = REDIRECT_URI,
        **extra: str,
    ) -> requests.Response:
        params: dict[str, str] = {
            "response_type": "code",
            "client_id": CLIENT_ID,
            "redirect_uri": redirect_uri,
            "state": state,
            **extra,
        }
        if scope is not None:
            params["scope"] = scope
        if challenge is not None:
            params["code_challenge"] = challenge
            params["code_challenge_method"] = "S256"
        if username is not None:
            params["login_hint"] = username
        return self.http.get(
            f"{self.base}/services/oauth2/authorize",
            params=params,
            allow_redirects=False,
            timeout=10,
        )

    def code(self, username: str = "alice@acme.demo", **kwargs: Any) -> str:
        response = self.authorize(username, **kwargs)
        assert response.status_code == 302, response.text
        return query_of(response.headers["Location"])["code"]

    def token(self, **form: str) -> requests.Response:
        data = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **form}
        return self.http.post(f"{self.base}/services/oauth2/token", data=data, timeout=10)

    def login(
        self, username: str = "alice@acme.demo", scope: str = "api id refresh_token"
    ) -> dict[str, Any]:
        verifier, challenge = pkce_pair()
        code = self.code(username, challenge=challenge, scope=scope)
        response = self.token(
            grant_type="authorization_code",
            code=code,
            redirect_uri=REDIRECT_URI,
            code_verifier=verifier,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def refresh(self, refresh_token: str) -> requests.Response:
        return self.token(grant_type="refresh_token", refresh_token=refresh_token)

    def api(self, token: str, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
        url = path if path.startswith("http") else f"{self.base}{path}"
        kwargs.setdefault("timeout", 10)
        return self.http.request(method, url, headers=headers, **kwargs)

    def query(self, token: str, soql: str) -> requests.Response:
        return self.api(token, "GET", f"{API}/query", params={"q": soql})

    def composite(
        self, token: str, subrequests: list[dict[str, Any]], *, all_or_none: bool = False
    ) -> requests.Response:
        body = {"allOrNone": all_or_none, "compositeRequest": subrequests}
        return self.api(token, "POST", f"{API}/composite", json=body)

    def create(self, token: str, type_name: str, fields: dict[str, Any]) -> requests.Response:
        return self.api(token, "POST", f"{API}/sobjects/{type_name}", json=fields)

    def upload(
        self,
        token: str,
        entity: dict[str, Any],
        data: bytes,
        *,
        filename: str = "file.bin",
        chunked: bool = False,
        boundary: str = "boundary_string",
    ) -> requests.Response:
        """POST sobjects/ContentVersion as multipart/form-data (entity_content, VersionData);
        `chunked` streams it with Transfer-Encoding: chunked, as a streaming client does."""
        head, tail = multipart_parts(entity, filename, boundary)
        headers = {"Content-Type": f'multipart/form-data; boundary="{boundary}"'}
        url = f"{API}/sobjects/ContentVersion"
        if not chunked:
            return self.api(token, "POST", url, headers=headers, data=head + data + tail)

        def stream() -> Iterator[bytes]:
            yield head
            for start in range(0, len(data), 1024 * 1024):
                yield data[start : start + 1024 * 1024]
            yield tail

        return self.api(token, "POST", url, headers=headers, data=stream(), timeout=60)


def multipart_parts(entity: dict[str, Any], filename: str, boundary: str) -> tuple[bytes, bytes]:
    """The bytes before and after the file in a ContentVersion multipart body."""
    head = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="entity_content"\r\n'
        "Content-Type: application/json\r\n\r\n"
        f"{json.dumps(entity)}\r\n"
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="VersionData"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    return head, f"\r\n--{boundary}--\r\n".encode()
