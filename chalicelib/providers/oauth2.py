"""What Google's and Microsoft's OAuth 2.0 endpoints and JSON APIs share (RFC 6749 §4.1, §6).

The token endpoint is called with the client secret in the form (client_secret_post), never
following a redirect (a 307/308 would resend the secret, the code or a token to wherever the
Location points), with connect and read timeouts. An answer with `error` is OAuthRejected; an
answer that is not JSON, a redirect or a 5xx means the provider is unavailable.

`JsonApi` is the small API client both providers build on a user's connection: Bearer access
token from the vault's TokenSource, one refresh on 401 (the vault serialises it under the
connection's lease), `Retry-After` respected for 429/503 (one retry when it is short, else the
wait is passed on to the caller), timeouts on every call, no redirects.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.connections.provider import OAuthRejected, TokenSource
from chalicelib.errors import StratusError

CONNECT_TIMEOUT = 3.05
#: a Retry-After up to this many seconds is waited for once; a longer one is the caller's
MAX_WAIT_SECONDS = 2.0


@dataclass(frozen=True)
class TokenGrant:
    """A token endpoint's answer (secrets are repr-hidden)."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)
    scope: str
    expires_in: int | None = None


def _session() -> Any:
    import requests

    return requests.Session()


def token_call(
    url: str,
    data: Mapping[str, str],
    *,
    timeout: float,
    unavailable: Callable[[str], StratusError],
) -> TokenGrant:
    """POST a token request; the grant, OAuthRejected, or `unavailable(why)` raised."""
    import requests

    try:
        response = _session().post(
            url,
            data=dict(data),
            headers={"Accept": "application/json"},
            timeout=(CONNECT_TIMEOUT, timeout),
            allow_redirects=False,
        )
    except requests.RequestException:
        raise unavailable("token endpoint out of reach") from None
    status = int(response.status_code)
    if 300 <= status < 400:
        raise unavailable(f"token endpoint redirected, HTTP {status}")
    try:
        body = response.json()
    except ValueError:
        body = None
    if status >= 500 or status == 429 or not isinstance(body, dict):
        raise unavailable(f"token endpoint HTTP {status}")
    if status != 200 or "error" in body:
        raise OAuthRejected(str(body.get("error", "error")), str(body.get("error_description", "")))
    if not isinstance(body.get("access_token"), str) or not body["access_token"]:
        raise OAuthRejected("invalid_response", "token response lacks access_token")
    refresh = body.get("refresh_token")
    expires = body.get("expires_in")
    return TokenGrant(
        access_token=body["access_token"],
        refresh_token=refresh if isinstance(refresh, str) and refresh else None,
        scope=str(body.get("scope") or ""),
        expires_in=int(expires)
        if isinstance(expires, int | str) and str(expires).isdigit()
        else None,
    )


def post_form(url: str, data: Mapping[str, str], *, timeout: float) -> int | None:
    """POST a form (revocation); the HTTP status, or None when out of reach."""
    import requests

    try:
        response = _session().post(
            url, data=dict(data), timeout=(CONNECT_TIMEOUT, timeout), allow_redirects=False
        )
    except requests.RequestException:
        return None
    return int(response.status_code)


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    raw = str(headers.get("Retry-After") or "").strip()
    return float(raw) if raw.isdigit() else None


class JsonApi:
    """GETs of JSON on one user's connection (see the module's docstring)."""

    def __init__(
        self,
        base_url: str,
        tokens: TokenSource,
        *,
        timeout: float,
        unavailable: Callable[[str], StratusError],
        busy: Callable[[int], StratusError],
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._tokens = tokens
        self._timeout = timeout
        self._unavailable = unavailable
        self._busy = busy  # throttled: the error to answer, with the seconds to wait
        self._sleep = sleep

    def get(self, path: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        token = self._tokens.current()
        refreshed = waited = False
        while True:
            response = self._send(path, params, token)
            status = int(response.status_code)
            if status == 401 and not refreshed:
                token, refreshed = self._tokens.refreshed(token), True
                continue
            if status in {429, 503}:
                wait = retry_after_seconds(response.headers)
                if not waited and wait is not None and wait <= MAX_WAIT_SECONDS:
                    self._sleep(wait)
                    waited = True
                    continue
                raise self._busy(int(wait) if wait is not None else 1)
            if status != 200:
                raise self._unavailable(f"HTTP {status} from {path}")
            try:
                body = response.json()
            except ValueError:
                raise self._unavailable(f"{path} answered something other than JSON") from None
            if not isinstance(body, dict):
                raise self._unavailable(f"{path} answered something other than an object")
            return body

    def _send(self, path: str, params: Mapping[str, str] | None, token: str) -> Any:
        import requests

        try:
            return _session().get(
                f"{self._base}{path}",
                params=dict(params or {}),
                headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
                timeout=(CONNECT_TIMEOUT, self._timeout),
                allow_redirects=False,
            )
        except requests.RequestException:
            raise self._unavailable(f"{path} out of reach") from None


def missing_features(granted: Iterable[str], needed: Mapping[str, str]) -> list[str]:
    """The features (needed: scope -> feature) whose scope is not among `granted`."""
    have = {scope.lower() for scope in granted}
    return sorted({feature for scope, feature in needed.items() if scope.lower() not in have})
