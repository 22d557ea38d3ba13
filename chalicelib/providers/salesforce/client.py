"""A thin typed client for the Salesforce REST API, used by every feature.

- Only the user's own token is used, so sharing and field-level security apply.
- INVALID_SESSION_ID -> the token source refreshes (once, serialised per connection) -> retry.
- REQUEST_LIMIT_EXCEEDED -> 503; INSUFFICIENT_ACCESS* -> 403; timeouts and 5xx -> one jittered
  retry for idempotent requests, then 502. Every response's Sforce-Limit-Info is recorded.
- Composite: up to 25 subrequests, which Salesforce counts as one API call. A Composite of GETs
  whose subrequest failed with a 5xx is retried like a 5xx of the whole request.
- Budget: a call and its retry must end before API Gateway gives up on the request (29 s), so
  that the client sees our 502, not the gateway's 504: see `worst_case_seconds`.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote

from chalicelib.errors import StratusError
from chalicelib.logs import logger
from chalicelib.settings import get_settings

CONNECT_TIMEOUT = 3.05  # seconds; the read timeout is the setting SALESFORCE_TIMEOUT_SECONDS
ATTEMPTS = 2  # a request and at most one retry (idempotent requests, 5xx and timeouts)
MAX_BACKOFF = 1.0  # seconds slept before the retry; a longer Retry-After means no retry
GATEWAY_TIMEOUT = 29.0  # API Gateway ends every request after 29 s with its own 504
COMPOSITE_MAX = 25
_USAGE = re.compile(r"api-usage=(\d+)/(\d+)")


@dataclass(frozen=True)
class ApiUsage:
    """The org's API requests in the last 24 hours, as Salesforce reports them."""

    used: int
    limit: int

    @property
    def share(self) -> float:
        return self.used / self.limit if self.limit else 0.0


class TokenSource(Protocol):
    """Where the client gets its access token (the connection vault implements this)."""

    def current(self) -> str: ...

    def refreshed(self, stale: str) -> str:
        """A token newer than `stale`: refreshed under the connection's lease, or the one a
        concurrent refresh already stored."""
        ...


class SalesforceApiError(StratusError):
    """A Salesforce error answer, with Salesforce's errorCode kept for callers."""

    def __init__(self, code: str, message: str, status: int, sf_code: str) -> None:
        super().__init__(code, message, status)
        self.sf_code = sf_code


def worst_case_seconds(read_timeout: float) -> float:
    """The longest a call may take with this read timeout: every attempt waits out its connect
    and read timeouts, with the longest backoff between. It must stay under GATEWAY_TIMEOUT, less
    what the rest of the request needs (the session, the connection, KMS)."""
    return ATTEMPTS * (CONNECT_TIMEOUT + read_timeout) + (ATTEMPTS - 1) * MAX_BACKOFF


def parse_usage(header: str | None) -> ApiUsage | None:
    match = _USAGE.search(header or "")
    return ApiUsage(int(match.group(1)), int(match.group(2))) if match else None


def _first_error(body: Any) -> tuple[str, str]:
    if isinstance(body, list) and body and isinstance(body[0], dict):
        return str(body[0].get("errorCode", "UNKNOWN")), str(body[0].get("message", ""))
    if isinstance(body, dict):
        return str(body.get("errorCode") or body.get("error") or "UNKNOWN"), str(
            body.get("message") or body.get("error_description") or ""
        )
    return "UNKNOWN", ""


def to_stratus_error(status: int, body: Any) -> SalesforceApiError:
    """Map a Salesforce error answer to what our client sees."""
    sf_code, sf_message = _first_error(body)
    if sf_code == "REQUEST_LIMIT_EXCEEDED":
        return SalesforceApiError(
            "salesforce_limit_exceeded",
            "The org's Salesforce API limit is exhausted.",
            503,
            sf_code,
        )
    if sf_code.startswith("INSUFFICIENT_ACCESS"):
        return SalesforceApiError(
            "salesforce_forbidden", "Salesforce does not let this user do that.", 403, sf_code
        )
    if status >= 500:
        return SalesforceApiError(
            "salesforce_unavailable", "Salesforce is unavailable.", 502, sf_code
        )
    if status == 404:
        return SalesforceApiError(
            "salesforce_not_found", "No such Salesforce record.", 404, sf_code
        )
    # Salesforce's own message names the field or object; it holds no secret.
    return SalesforceApiError("salesforce_rejected", sf_message[:300] or sf_code, 422, sf_code)


class SalesforceClient:
    """REST calls for one user's connection."""

    def __init__(
        self,
        instance_url: str,
        tokens: TokenSource,
        api_version: str,
        *,
        http: Any = None,
        sleep: Callable[[float], None] = time.sleep,
        on_usage: Callable[[ApiUsage], None] | None = None,
        read_timeout: float | None = None,
    ) -> None:
        if read_timeout is None:
            read_timeout = get_settings().salesforce_timeout_seconds
        self.instance_url = instance_url.rstrip("/")
        self._timeout = (CONNECT_TIMEOUT, read_timeout)
        self.api_version = api_version
        self._tokens = tokens
        self._sleep = sleep
        self._on_usage = on_usage
        self.last_usage: ApiUsage | None = None
        if http is None:
            import requests

            http = requests.Session()
        self._http = http

    @property
    def data_path(self) -> str:
        return f"/services/data/v{self.api_version}"

    # -- public calls ------------------------------------------------------------------------
    def query(self, soql: str) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", f"{self.data_path}/query", params={"q": soql})
        return result

    def composite(
        self, subrequests: Sequence[dict[str, Any]], all_or_none: bool = False
    ) -> list[dict[str, Any]]:
        """Up to 25 subrequests in one API call; returns the subresponses in order."""
        if not 0 < len(subrequests) <= COMPOSITE_MAX:
            raise ValueError(f"composite takes 1 to {COMPOSITE_MAX} subrequests")
        idempotent = all(sub.get("method", "GET") == "GET" for sub in subrequests)
        body = {"allOrNone": all_or_none, "compositeRequest": list(subrequests)}
        reply = self._call(
            "POST",
            f"{self.data_path}/composite",
            json=body,
            idempotent=idempotent,
            failed=_subrequest_failed,
        )
        return list(reply.get("compositeResponse", []))

    def query_subrequest(self, reference_id: str, soql: str) -> dict[str, Any]:
        return {
            "method": "GET",
            "url": f"{self.data_path}/query?q={quote(soql, safe='')}",
            "referenceId": reference_id,
        }

    def create(self, sobject: str, fields: dict[str, Any]) -> str:
        reply = self._call(
            "POST", f"{self.data_path}/sobjects/{sobject}", json=fields, idempotent=False
        )
        return str(reply["id"])

    def update(self, sobject: str, record_id: str, fields: dict[str, Any]) -> None:
        self._call(
            "PATCH",
            f"{self.data_path}/sobjects/{sobject}/{record_id}",
            json=fields,
            idempotent=True,
        )

    # -- the one request path ----------------------------------------------------------------
    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
        idempotent: bool | None = None,
        failed: Callable[[Any], bool] | None = None,
    ) -> Any:
        """One request, retried once when idempotent and Salesforce failed or did not answer
        (`failed` says whether a 2xx body holds a server-side failure, e.g. a Composite's)."""
        import requests

        if idempotent is None:
            idempotent = method == "GET"
        token = self._tokens.current()
        refreshed = False
        attempt = 0
        while True:
            try:
                response = self._http.request(
                    method,
                    self.instance_url + path,
                    params=params,
                    json=json,
                    headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
                    timeout=self._timeout,
                )
            except requests.RequestException as exc:
                if idempotent and attempt == 0:
                    attempt += 1
                    self._sleep(_backoff(attempt))
                    continue
                logger.warning("salesforce request failed", extra={"error": type(exc).__name__})
                raise StratusError(
                    "salesforce_unavailable", "Salesforce did not answer in time.", 502
                ) from None
            usage = parse_usage(response.headers.get("Sforce-Limit-Info"))
            if usage is not None:
                self.last_usage = usage
                if self._on_usage is not None:
                    self._on_usage(usage)
            retry_after = response.headers.get("Retry-After")
            if response.status_code < 300:
                result = response.json() if response.content else {}
                if idempotent and attempt == 0 and failed is not None and failed(result):
                    delay = _retry_delay(attempt + 1, retry_after)
                    if delay is not None:
                        attempt += 1
                        logger.info("salesforce subrequest failed; retrying")
                        self._sleep(delay)
                        continue
                return result
            try:
                body = response.json()
            except ValueError:
                body = None
            sf_code, _ = _first_error(body)
            if response.status_code == 401 and sf_code == "INVALID_SESSION_ID" and not refreshed:
                token = self._tokens.refreshed(token)
                refreshed = True
                continue
            if response.status_code >= 500 and idempotent and attempt == 0:
                delay = _retry_delay(attempt + 1, retry_after)
                if delay is not None:
                    attempt += 1
                    self._sleep(delay)
                    continue
            if response.status_code == 401:
                raise StratusError(
                    "salesforce_reauth_required", "Sign in to Salesforce again.", 401
                )
            error = to_stratus_error(response.status_code, body)
            if response.status_code >= 500 and retry_after and retry_after.strip().isdigit():
                error.headers["Retry-After"] = retry_after.strip()
            raise error


def _backoff(attempt: int) -> float:
    """Jittered exponential backoff, never above MAX_BACKOFF."""
    return min(0.2 * 2.0**attempt, MAX_BACKOFF) * random.uniform(0.5, 1.0)  # noqa: S311 - jitter


def _retry_delay(attempt: int, retry_after: str | None) -> float | None:
    """How long to wait before retrying, or None when Salesforce's Retry-After asks for longer
    than the budget allows (then we do not retry sooner than asked: the caller fails)."""
    if retry_after and retry_after.strip().isdigit():
        wanted = float(retry_after)
        return wanted if wanted <= MAX_BACKOFF else None
    return _backoff(attempt)


def _subrequest_failed(reply: Any) -> bool:
    """A Composite answer one of whose subrequests Salesforce failed with a 5xx."""
    responses = reply.get("compositeResponse") if isinstance(reply, dict) else None
    return any(
        isinstance(sub, dict) and int(sub.get("httpStatusCode") or 0) >= 500
        for sub in responses or []
    )
