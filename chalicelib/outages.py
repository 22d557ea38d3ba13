"""AWS outages answered as outages: one classification of the SDK's errors, one wrapper.

A connection that fails, a timeout, throttling or a server error (what botocore's standard
retry mode retries, left over once its retries are spent) says that a dependency is out of
reach, not what it would have answered. The gateways (the store, the envelope) are decorated
with `unavailable_on_outage`, so every public method raises the gateway's `Unavailable` error
(503 + Retry-After) instead, once, at the boundary; callers never read an outage as "absent",
"refused" or "revoked".
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from botocore.exceptions import ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as EndpointUnreachable

from chalicelib.errors import Unavailable
from chalicelib.logs import logger

# The error codes botocore's standard retry mode retries (botocore.retries.standard:
# TransientRetryableChecker, ThrottledRetryableChecker); a test keeps this a superset of the
# SDK's own lists.
TRANSIENT_CODES = frozenset(
    {"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"}
)
THROTTLING_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    }
)
# Server-side failures by name, for answers that carry no HTTP status: DynamoDB's and KMS's
# 5xx errors; DynamoDB's refusal of a write to an item a transaction (or another region's
# write, modeled retryable) is changing.
SERVER_CODES = frozenset(
    {
        "InternalServerError",
        "InternalFailure",
        "ServiceUnavailable",
        "KMSInternalException",
        "DependencyTimeoutException",
        "TransactionConflictException",
        "ReplicatedWriteConflictException",
    }
)
# A transaction cancelled for these reasons (DynamoDB TransactWriteItems CancellationReasons)
# was not judged on its conditions: throttled, or in conflict with other transactions after
# the store's own retries.
CANCELLED_BY_OUTAGE = frozenset(
    {"ThrottlingError", "ProvisionedThroughputExceeded", "TransactionConflict"}
)
OUTAGE_STATUSES = frozenset({429, 500, 502, 503, 504})
_OUTAGE_CODES = TRANSIENT_CODES | THROTTLING_CODES | SERVER_CODES
_SDK_ERRORS = (ClientError, EndpointUnreachable, HTTPClientError)

T = TypeVar("T")


def is_outage(error: BaseException) -> bool:
    """Whether an SDK error means "out of reach for now" rather than an answer."""
    if isinstance(error, EndpointUnreachable | HTTPClientError):  # connect, read, closed, TLS
        return True
    if not isinstance(error, ClientError):
        return False
    response: dict[str, Any] = dict(error.response)
    code = response.get("Error", {}).get("Code", "")
    if code in _OUTAGE_CODES:
        return True
    if code == "TransactionCanceledException":
        reasons = {r.get("Code") for r in response.get("CancellationReasons") or []}
        return bool(reasons & CANCELLED_BY_OUTAGE)
    return response.get("ResponseMetadata", {}).get("HTTPStatusCode") in OUTAGE_STATUSES


def _reason(error: BaseException) -> str:
    """What to log of an outage: the error code or class, never its message (which may echo
    keys or parameters)."""
    if isinstance(error, ClientError):
        return str(error.response.get("Error", {}).get("Code") or type(error).__name__)
    return type(error).__name__


def _translated(error: Exception, unavailable: Callable[[], Unavailable], where: str) -> Exception:
    """The error to raise in place of an SDK error: the gateway's Unavailable for an outage,
    else the error itself."""
    if not is_outage(error):
        return error
    logger.warning("dependency unavailable", extra={"call": where, "error": _reason(error)})
    return unavailable()


def _guarded(
    method: Callable[..., Any], unavailable: Callable[[], Unavailable]
) -> Callable[..., Any]:
    where = method.__qualname__
    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def pages(*args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                yield from method(*args, **kwargs)
            except _SDK_ERRORS as error:
                translated = _translated(error, unavailable, where)
                if translated is error:
                    raise
                raise translated from None

        return pages

    @functools.wraps(method)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except _SDK_ERRORS as error:
            translated = _translated(error, unavailable, where)
            if translated is error:
                raise
            raise translated from None

    return call


def unavailable_on_outage(
    unavailable: Callable[[], Unavailable],
) -> Callable[[type[T]], type[T]]:
    """Class decorator of a gateway: every public method raises `unavailable()` for an outage
    of the service behind it (other errors, and the gateway's own handling of its answers -
    a condition that failed, a refused key - are untouched)."""

    def decorate(cls: type[T]) -> type[T]:
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(member):
                setattr(cls, name, _guarded(member, unavailable))
        return cls

    return decorate
