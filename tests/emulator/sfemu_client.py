"""A small client that drives the Salesforce emulator over real HTTP, as Stratus would."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import requests
from oauth_client import OAuthClient, pkce_pair, query_of

__all__ = [
    "API",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "REDIRECT_URI",
    "SfClient",
    "multipart_parts",
    "pkce_pair",
    "query_of",
]

CLIENT_ID = "stratus-local"
CLIENT_SECRET = "local-secret"
REDIRECT_URI = "http://127.0.0.1:8000/oauth/callback"
API = "/services/data/v60.0"


@dataclass
class SfClient(OAuthClient):
    """Drives the emulator like Stratus would: authorize (login_hint), token, data API."""

    client_id = CLIENT_ID
    client_secret = CLIENT_SECRET
    redirect_uri = REDIRECT_URI

    def authorize_url(self) -> str:
        return f"{self.base}/services/oauth2/authorize"

    def token_url(self) -> str:
        return f"{self.base}/services/oauth2/token"

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
        return self._authorize(params, login_hint=username, challenge=challenge, scope=scope)

    def code(self, username: str = "alice@acme.demo", **kwargs: Any) -> str:
        return self._code_of(self.authorize(username, **kwargs))

    def login(
        self, username: str = "alice@acme.demo", scope: str = "api id refresh_token"
    ) -> dict[str, Any]:
        verifier, challenge = pkce_pair()
        code = self.code(username, challenge=challenge, scope=scope)
        return self._granted(self.redeem(code, verifier))

    def api(self, token: str, method: str, path: str, **kwargs: Any) -> requests.Response:
        url = path if path.startswith("http") else f"{self.base}{path}"
        return self._bearer_request(token, method, url, 10, **kwargs)

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
