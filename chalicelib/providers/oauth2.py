"""What Google's and Microsoft's OAuth 2.0 endpoints and JSON APIs share (RFC 6749 §4.1, §6).

The token endpoint is called with the client secret in the form (client_secret_post), never
following a redirect (a 307/308 would resend the secret, the code or a token to wherever the
Location points), with connect and read timeouts. An answer with `error` is OAuthRejected; an
answer that is not JSON, a redirect or a 5xx means the provider is unavailable.

`JsonApi` is the small API client both providers build on a user's connection: Bearer access
token from the vault's TokenSource, one refresh on 401 (the vault serialises it under the
connection's lease), `Retry-After` respected for 429/503 (one retry when it is short, else the
wait is passed on to the caller), timeouts on every call, no redirects. `get` answers a JSON
object, `stream` a body in bounded chunks (attachments), `send` a POST/PATCH/DELETE with a JSON
body (calendar writes); all share that logic, and a caller's `refused` judge names what a
refusal means for its API (404: the message does not exist). A write is retried only where no
change can have happened: after a 401 (refused before it was read) and a 429/503 throttle.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib import outcomes
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


def unanswered(status: int | None) -> bool:
    """Whether a revocation's status (`post_form`'s) says nothing of the grant: out of reach,
    a server error or throttled. Any other refusal (400 invalid_token...) is an answer: the
    token is not one the provider honours any more."""
    return status is None or status == 429 or status >= 500


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    raw = str(headers.get("Retry-After") or "").strip()
    return float(raw) if raw.isdigit() else None


#: the largest error body read to judge a refusal (an error never needs more)
ERROR_BODY_LIMIT = 64 * 1024
#: bytes per chunk of a streamed body
STREAM_CHUNK = 64 * 1024

#: judges a refusal (status, the error body's start): the error to raise, or None (unavailable)
Refusal = Callable[[int, bytes], StratusError | None]


#: the statuses a write answers when it succeeded (created, updated, deleted without a body)
WRITE_OK = frozenset({200, 201, 204})


class JsonApi:
    """Requests of JSON, or of a streamed body, on one user's connection (see the module's
    docstring)."""

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
        # the status page's component this API's failures belong to (google, microsoft)
        self._provider = outcomes.COMPONENT_OF_CODE.get(str(unavailable("").code), "")

    @property
    def base_url(self) -> str:
        """The API's origin (an answer's next/delta links are checked against it)."""
        return self._base

    def unavailable(self, what: str) -> StratusError:
        """The provider's "did not answer usefully" error (for what a caller reads itself)."""
        return self._unavailable(what)

    def get(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        refused: Refusal | None = None,
    ) -> dict[str, Any]:
        """The JSON object at `path`; `refused` may name the error of a refusal (a 404)."""
        response = self._answered("GET", path, params, headers, refused)
        return self._object(path, response)

    def send(
        self,
        method: str,
        path: str,
        body: Mapping[str, Any] | None = None,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        refused: Refusal | None = None,
    ) -> dict[str, Any] | None:
        """A POST, PATCH or DELETE of `body` (JSON) at `path`: the JSON object answered, or
        None for an answer without a body (204)."""
        response = self._answered(method, path, params, headers, refused, body=body, ok=WRITE_OK)
        if int(response.status_code) == 204:
            response.close()
            return None
        return self._object(path, response)

    def _object(self, path: str, response: Any) -> dict[str, Any]:
        import requests

        try:
            body = response.json()
        except ValueError:  # requests' JSONDecodeError is one too: first
            raise self._unavailable(f"{path} answered something other than JSON") from None
        except requests.RequestException:
            raise self._unavailable(f"{path} broke off") from None
        finally:
            response.close()
        if not isinstance(body, dict):
            raise self._unavailable(f"{path} answered something other than an object")
        return body

    def stream(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        refused: Refusal | None = None,
    ) -> Iterator[bytes]:
        """The body at `path` in chunks of at most STREAM_CHUNK bytes, read from the socket as
        the caller iterates (never whole in memory). The request is sent now, so refusals
        raise here; a connection lost midway raises `unavailable` from the iteration."""
        response = self._answered("GET", path, params, headers, refused)
        return self._chunks(path, response)

    def _chunks(self, path: str, response: Any) -> Iterator[bytes]:
        import requests

        try:
            for chunk in response.iter_content(chunk_size=STREAM_CHUNK):
                for start in range(0, len(chunk), STREAM_CHUNK):  # decoded gzip may be longer
                    yield chunk[start : start + STREAM_CHUNK]
        except requests.RequestException:
            raise self._unavailable(f"{path} broke off") from None
        finally:
            response.close()

    def _answered(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
        refused: Refusal | None,
        *,
        body: Mapping[str, Any] | None = None,
        ok: frozenset[int] = frozenset({200}),
    ) -> Any:
        """A successful response (`ok`), its body not read yet: one refresh on 401, a short
        Retry-After waited for once, a refusal judged on at most ERROR_BODY_LIMIT bytes of its
        body."""
        token = self._tokens.current()
        refreshed = waited = False
        while True:
            response = self._send(method, path, params, headers, token, body)
            status = int(response.status_code)
            if status in ok:
                return response
            problem = _read_error(response)
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
            known = refused(status, problem) if refused is not None else None
            raise known if known is not None else self._unavailable(f"HTTP {status} from {path}")

    def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
        token: str,
        body: Mapping[str, Any] | None,
    ) -> Any:
        import requests

        try:
            response = _session().request(
                method,
                f"{self._base}{path}",
                params=dict(params or {}),
                json=dict(body) if body is not None else None,
                headers={
                    "Accept": "application/json",
                    **(headers or {}),
                    "Authorization": f"Bearer {token}",
                },
                timeout=(CONNECT_TIMEOUT, self._timeout),
                allow_redirects=False,
                stream=True,  # the body is read by the caller: whole JSON, or in chunks
            )
        except requests.RequestException:
            outcomes.provider_call(self._provider, None)
            raise self._unavailable(f"{path} out of reach") from None
        outcomes.provider_call(self._provider, int(response.status_code))
        return response


def _read_error(response: Any) -> bytes:
    """The start of a refusal's body (bounded: a streamed answer may be large), then closed."""
    try:
        return bytes(response.raw.read(ERROR_BODY_LIMIT, decode_content=True) or b"")
    except Exception:  # a body we cannot read says nothing more than its status
        return b""
    finally:
        response.close()


def missing_features(granted: Iterable[str], needed: Mapping[str, str]) -> list[str]:
    """The features (needed: scope -> feature) whose scope is not among `granted`."""
    have = {scope.lower() for scope in granted}
    return sorted({feature for scope, feature in needed.items() if scope.lower() not in have})
