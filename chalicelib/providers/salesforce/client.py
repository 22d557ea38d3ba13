"""A thin typed client for the Salesforce REST API, used by every feature.

- Only the user's own token is used, so sharing and field-level security apply.
- INVALID_SESSION_ID -> the token source refreshes (once, serialised per connection) -> retry.
- REQUEST_LIMIT_EXCEEDED -> 503; INSUFFICIENT_ACCESS* -> 403; timeouts and 5xx -> one jittered
  retry for idempotent requests, then 502; a 429 (throttled) -> the same one retry, then 503;
  a Retry-After is waited for when it fits the budget and passed on otherwise. Every
  response's Sforce-Limit-Info is recorded.
- Composite: up to 25 subrequests, which Salesforce counts as one API call. A Composite of GETs
  whose subrequest failed with a 5xx is retried like a 5xx of the whole request.
- Budget: a call and its retry must end before API Gateway gives up on the request (29 s), so
  that the client sees our 502, not the gateway's 504: see `worst_case_seconds`. A caller that
  runs several calls in one request (the offline queue) sets `deadline`: each attempt's
  timeouts are cut to the time left, a retry is made only when one fits, and a call with too
  little time left is not sent (503 `not_run`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from chalicelib import backoff, outcomes
from chalicelib.connections.provider import TokenSource
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.logs import logger

CONNECT_TIMEOUT = 3.05  # seconds; the read timeout is the setting SALESFORCE_TIMEOUT_SECONDS
ATTEMPTS = 2  # a request and at most one retry (idempotent requests, 5xx and timeouts)
MAX_BACKOFF = 1.0  # seconds slept before the retry; a longer Retry-After means no retry
GATEWAY_TIMEOUT = 29.0  # API Gateway ends every request after 29 s with its own 504
#: no attempt is sent with less time before the deadline: it could hardly be answered, and an
#: insert cut off leaves an outcome nobody knows
MIN_ATTEMPT_SECONDS = 2.0
COMPOSITE_MAX = 25
COLLECTION_MAX = 200  # records of one sObject Collections request
_USAGE = re.compile(r"api-usage=(\d+)/(\d+)")


@dataclass(frozen=True)
class ApiUsage:
    """The org's API requests in the last 24 hours, as Salesforce reports them."""

    used: int
    limit: int

    @property
    def share(self) -> float:
        return self.used / self.limit if self.limit else 0.0


class SalesforceApiError(StratusError):
    """A Salesforce error answer, with Salesforce's errorCode kept for callers."""

    def __init__(self, code: ErrorCode, message: str, status: int, sf_code: str) -> None:
        super().__init__(code, message, status)
        self.sf_code = sf_code
        #: Salesforce's error list as answered (fields, duplicateResult), for callers that
        #: report them; never logged
        self.errors: list[dict[str, Any]] = []


@dataclass(frozen=True)
class Deadline:
    """When a request's Salesforce calls must have ended, on `monotonic`'s clock."""

    at: float
    monotonic: Callable[[], float] = time.monotonic

    def left(self) -> float:
        return self.at - self.monotonic()


#: what a request keeps after its Salesforce calls' deadline: our writes after them, the answer
AFTER_CALLS_SECONDS = 2.0


def deadline_within(seconds: float, monotonic: Callable[[], float] = time.monotonic) -> Deadline:
    """The deadline of the Salesforce calls of a request that must answer within `seconds`
    from now (API Gateway's GATEWAY_TIMEOUT for a route)."""
    return Deadline(monotonic() + seconds - AFTER_CALLS_SECONDS, monotonic)


def out_of_time() -> StratusError:
    """Nothing was sent: too little time is left before the deadline (a definite answer: a
    replay simply runs again)."""
    return StratusError(
        ErrorCode.NOT_RUN,
        "Not run: too little time was left for Salesforce; send it again.",
        503,
        {"Retry-After": "1"},
    )


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
    """Map a Salesforce error answer to what our client sees (its error list kept)."""
    error = _mapped_error(status, body)
    if isinstance(body, list):
        error.errors = [item for item in body if isinstance(item, dict)]
    return error


def _mapped_error(status: int, body: Any) -> SalesforceApiError:
    sf_code, sf_message = _first_error(body)
    if sf_code == "REQUEST_LIMIT_EXCEEDED":
        return SalesforceApiError(
            ErrorCode.SALESFORCE_LIMIT_EXCEEDED,
            "The org's Salesforce API limit is exhausted.",
            503,
            sf_code,
        )
    if sf_code.startswith("INSUFFICIENT_ACCESS"):
        return SalesforceApiError(
            ErrorCode.SALESFORCE_FORBIDDEN,
            "Salesforce does not let this user do that.",
            403,
            sf_code,
        )
    if status == 429:  # throttled in front of the API (RFC 6585): a retry later can help
        return SalesforceApiError(
            ErrorCode.SALESFORCE_UNAVAILABLE, "Salesforce is throttling requests.", 503, sf_code
        )
    if status >= 500:
        return SalesforceApiError(
            ErrorCode.SALESFORCE_UNAVAILABLE, "Salesforce is unavailable.", 502, sf_code
        )
    if status == 404:
        return SalesforceApiError(
            ErrorCode.SALESFORCE_NOT_FOUND, "No such Salesforce record.", 404, sf_code
        )
    # Salesforce's own message names the field or object; it holds no secret.
    return SalesforceApiError(
        ErrorCode.SALESFORCE_REJECTED, sf_message[:300] or sf_code, 422, sf_code
    )


class SalesforceClient:
    """REST calls for one user's connection."""

    def __init__(
        self,
        instance_url: str,
        tokens: TokenSource,
        api_version: str,
        *,
        read_timeout: float,  # the setting SALESFORCE_TIMEOUT_SECONDS (the provider passes it)
        http: Any = None,
        sleep: Callable[[float], None] = time.sleep,
        on_usage: Callable[[ApiUsage], None] | None = None,
    ) -> None:
        self.instance_url = instance_url.rstrip("/")
        self._timeout = (CONNECT_TIMEOUT, read_timeout)
        self.api_version = api_version
        self._tokens = tokens
        self._sleep = sleep
        self._on_usage = on_usage
        self.last_usage: ApiUsage | None = None
        #: told of every request sent (each counts as an API call; a Composite of up to 25
        #: subrequests is one): the dashboard's figures (deps sets it)
        self.on_call: Callable[[], None] | None = None
        #: when every call must have ended (None: each has its own timeouts only); the offline
        #: queue sets it so that a batch answers before API Gateway's 29 s
        self.deadline: Deadline | None = None
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

    def query_all(self, soql: str) -> dict[str, Any]:
        """A query that also answers deleted records (`/queryAll`, IsDeleted true)."""
        result: dict[str, Any] = self._call("GET", f"{self.data_path}/queryAll", params={"q": soql})
        return result

    def collection(
        self, method: str, records: Sequence[dict[str, Any]] = (), ids: Sequence[str] = ()
    ) -> list[dict[str, Any]]:
        """sObject Collections (`/composite/sobjects`): create (POST) or update (PATCH)
        `records` (each with `attributes.type`), or delete (DELETE) `ids`, up to
        COLLECTION_MAX in one API call, allOrNone false: one SaveResult per record, in order.
        Not idempotent: never retried after a failure that may have saved."""
        count = len(ids) if method == "DELETE" else len(records)
        if not 0 < count <= COLLECTION_MAX:
            raise ValueError(f"a collection takes 1 to {COLLECTION_MAX} records")
        path = f"{self.data_path}/composite/sobjects"
        if method == "DELETE":
            reply = self._call("DELETE", path, params={"ids": ",".join(ids), "allOrNone": "false"})
        else:
            body = {"allOrNone": False, "records": list(records)}
            reply = self._call(method, path, json=body, idempotent=False)
        return list(reply) if isinstance(reply, list) else []

    def create(
        self, sobject: str, fields: dict[str, Any], headers: dict[str, str] | None = None
    ) -> dict[str, Any]:
        """Insert one record (`POST /sobjects/<type>`): `{"id", "success", "errors"}`. Not
        idempotent, so never retried after a failure that may have saved it; `headers` are
        Salesforce's request headers (e.g. Sforce-Duplicate-Rule-Header)."""
        result: dict[str, Any] = self._call(
            "POST", f"{self.data_path}/sobjects/{sobject}", json=fields, headers=headers
        )
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

    def upload(
        self,
        path: str,
        content_type: str,
        body: Callable[[], Iterable[bytes]],
        length: int | None = None,
    ) -> dict[str, Any]:
        """POST a body produced as it is sent (a file, through a bounded buffer): with
        `Content-Length` when its `length` is known exactly, else in chunked transfer. Not
        idempotent: never retried after a failure that may have created the record; sent again
        (with `body()` anew) only after INVALID_SESSION_ID, with a renewed token."""
        progress = _Progress(self._tokens.current(), idempotent=False)
        while True:
            chunks: Iterable[bytes] = body()
            if length is not None:
                chunks = SizedBody(chunks, length)
            response = self._send_stream(path, content_type, chunks, progress)
            self._record_usage(response)
            if response.status_code < 300:
                result: dict[str, Any] = response.json() if response.content else {}
                return result
            parsed = _json_or_none(response)
            retry_after = response.headers.get("Retry-After")
            if not self._recovered(response.status_code, parsed, progress, retry_after):
                raise _error(response.status_code, parsed, retry_after)

    def _send_stream(
        self, path: str, content_type: str, chunks: Iterable[bytes], progress: _Progress
    ) -> Any:
        import requests

        timeout = self._timeouts()
        self._called()
        try:
            response = self._http.request(
                "POST",
                self.instance_url + path,
                data=chunks if isinstance(chunks, SizedBody) else iter(chunks),
                headers={
                    "Authorization": f"Bearer {progress.token}",
                    "Accept": "application/json",
                    "Content-Type": content_type,
                },
                timeout=timeout,
            )
            outcomes.provider_call("salesforce", int(response.status_code))
            return response
        except requests.RequestException as exc:
            outcomes.provider_call("salesforce", None)
            logger.warning("salesforce upload failed", extra={"error": type(exc).__name__})
            raise StratusError(
                ErrorCode.SALESFORCE_UNAVAILABLE, "Salesforce did not take the file.", 502
            ) from None

    def query_subrequest(self, reference_id: str, soql: str) -> dict[str, Any]:
        return {
            "method": "GET",
            "url": f"{self.data_path}/query?q={quote(soql, safe='')}",
            "referenceId": reference_id,
        }

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
        headers: dict[str, str] | None = None,
    ) -> Any:
        """One request, retried once when idempotent and Salesforce failed or did not answer
        (`failed` says whether a 2xx body holds a server-side failure, e.g. a Composite's), and
        once more with a renewed token after INVALID_SESSION_ID."""
        progress = _Progress(self._tokens.current(), idempotent=method == "GET")
        if idempotent is not None:
            progress.idempotent = idempotent
        while True:
            response = self._send(method, path, params, json, progress, headers)
            if response is None:
                continue  # retried after no answer
            self._record_usage(response)
            retry_after = response.headers.get("Retry-After")
            if response.status_code < 300:
                result = response.json() if response.content else {}
                if failed is not None and failed(result) and self._may_retry(progress, retry_after):
                    logger.info("salesforce subrequest failed; retrying")
                    continue
                return result
            body = _json_or_none(response)
            if not self._recovered(response.status_code, body, progress, retry_after):
                raise _error(response.status_code, body, retry_after)

    def _send(
        self,
        method: str,
        path: str,
        params: Any,
        json: Any,
        progress: _Progress,
        headers: dict[str, str] | None = None,
    ) -> Any | None:
        """The response, or None after a failed attempt that may be retried (slept already)."""
        import requests

        timeout = self._timeouts()
        self._called()
        try:
            response = self._http.request(
                method,
                self.instance_url + path,
                params=params,
                json=json,
                headers={
                    **(headers or {}),
                    "Authorization": f"Bearer {progress.token}",
                    "Accept": "application/json",
                },
                timeout=timeout,
            )
            outcomes.provider_call("salesforce", int(response.status_code))
            return response
        except requests.RequestException as exc:
            outcomes.provider_call("salesforce", None)
            if self._may_retry(progress, None):
                return None
            logger.warning("salesforce request failed", extra={"error": type(exc).__name__})
            raise StratusError(
                ErrorCode.SALESFORCE_UNAVAILABLE, "Salesforce did not answer in time.", 502
            ) from None

    def _timeouts(self) -> tuple[float, float]:
        """This attempt's (connect, read) timeouts: its own, cut so that both end by the
        deadline; out_of_time (nothing sent) when less than MIN_ATTEMPT_SECONDS is left."""
        if self.deadline is None:
            return self._timeout
        left = self.deadline.left()
        if left < MIN_ATTEMPT_SECONDS:
            raise out_of_time()
        connect = min(self._timeout[0], left / 2)
        return connect, min(self._timeout[1], left - connect)

    def _called(self) -> None:
        if self.on_call is not None:
            try:
                self.on_call()
            except Exception:  # counting never breaks a call
                logger.warning("salesforce call not counted", exc_info=True)

    def _record_usage(self, response: Any) -> None:
        usage = parse_usage(response.headers.get("Sforce-Limit-Info"))
        if usage is not None:
            self.last_usage = usage
            if self._on_usage is not None:
                self._on_usage(usage)

    def _may_retry(self, progress: _Progress, retry_after: str | None) -> bool:
        """Whether to try again (once, idempotent requests only); sleeps the backoff first."""
        if not progress.idempotent or progress.retried:
            return False
        delay = _retry_delay(retry_after)
        if delay is None or not self._fits(delay):
            return False
        progress.retried = True
        self._sleep(delay)
        return True

    def _fits(self, delay: float) -> bool:
        """Whether a retry after `delay` still has an attempt's time before the deadline."""
        return self.deadline is None or self.deadline.left() - delay >= MIN_ATTEMPT_SECONDS

    def _recovered(
        self, status: int, body: Any, progress: _Progress, retry_after: str | None
    ) -> bool:
        """Whether an error answer may be tried again: once with a renewed token after
        INVALID_SESSION_ID, once after a 5xx (idempotent requests)."""
        if status == 401 and _first_error(body)[0] == "INVALID_SESSION_ID":
            if progress.refreshed:
                return False
            progress.token = self._tokens.refreshed(progress.token)
            progress.refreshed = True
            return True
        return _retryable(status) and self._may_retry(progress, retry_after)


class SizedBody:
    """A streamed body of a known length: requests sends it with Content-Length (not chunked).
    Yielding more or fewer bytes than announced ends the request with an error, never a
    truncated file."""

    def __init__(self, chunks: Iterable[bytes], length: int) -> None:
        self._chunks = chunks
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[bytes]:
        sent = 0
        for chunk in self._chunks:
            sent += len(chunk)
            if sent > self._length:
                raise ValueError("the body is longer than announced")
            yield chunk
        if sent != self._length:
            raise ValueError("the body is shorter than announced")


@dataclass
class _Progress:
    """One call's state across its attempts."""

    token: str = field(repr=False)
    idempotent: bool = False
    refreshed: bool = False  # the token was renewed once
    retried: bool = False  # the request was tried again once


def _retryable(status: int) -> bool:
    """Salesforce failed (5xx) or throttled (429): the same request may succeed later."""
    return status >= 500 or status == 429


def _json_or_none(response: Any) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _error(status: int, body: Any, retry_after: str | None) -> StratusError:
    if status == 401:
        return StratusError(
            ErrorCode.SALESFORCE_REAUTH_REQUIRED, "Sign in to Salesforce again.", 401
        )
    error = to_stratus_error(status, body)
    if _retryable(status) and retry_after and retry_after.strip().isdigit():
        error.headers["Retry-After"] = retry_after.strip()
    return error


def _retry_delay(retry_after: str | None) -> float | None:
    """How long to wait before the retry: Salesforce's Retry-After, or None when it asks for
    longer than the budget allows (then we do not retry sooner than asked: the caller fails);
    without one, a jittered backoff (0.2-0.4 s)."""
    if retry_after and retry_after.strip().isdigit():
        wanted = float(retry_after)
        return wanted if wanted <= MAX_BACKOFF else None
    return backoff.delay(1, base=0.4, cap=MAX_BACKOFF, jitter=0.5)


def _subrequest_failed(reply: Any) -> bool:
    """A Composite answer one of whose subrequests Salesforce failed with a 5xx."""
    responses = reply.get("compositeResponse") if isinstance(reply, dict) else None
    return any(
        isinstance(sub, dict) and int(sub.get("httpStatusCode") or 0) >= 500
        for sub in responses or []
    )
