"""`Idempotency-Key` for POSTs that create (`/emails`, `/tracking/messages`), on Powertools
Idempotency in the single table.

The same key with the same body within 24 hours answers what the first request answered,
without doing it again; the same key with another body is 422 `idempotency_key_reused`; the
first still running is 409 `request_in_progress`. This is what the mobile app's offline queue
relies on when it replays (README, "Idempotency-Key").

Where it lives: Powertools' `DynamoDBPersistenceLayer` on our table, the record in the
caller's own partition (`pk = USER#<org>#<user>`, `sk = IDEMPOTENCY#<route>#<sha256>`: the key
is per user and per route, and account deletion finds the records), with the table's one TTL
attribute `expires_at`. A key is hashed with the route, never stored as sent; the body is
compared by its `body_tag` (an HMAC of its canonical JSON, names sorted, under the key), so a
replay that orders names differently is still the same body, and a copy of the table cannot
test a guessed body (a name, an address) against what is stored. Powertools stores the
function's whole return value, so the action returns only a reference (e.g. a job id and a
status) and the route renders the answer from it (PITFALLS: a stored response must name nobody).

A request that fails (an exception: a 4xx, an outage) leaves no record (Powertools deletes
its in-progress record), so sending it again with the same key runs it again. An in-progress
record of a request whose Lambda died expires with the function's remaining time (the Lambda
context is registered), not after 24 hours.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable
from typing import Any

from chalicelib.errors import ErrorCode, StorageUnavailable, StratusError, ValidationFailed
from chalicelib.store import keys

HEADER = "Idempotency-Key"
WINDOW_SECONDS = 24 * 3600
#: how long after a Salesforce write whose outcome is unknown a replay that finds nothing waits
#: rather than writing again (409 `request_in_progress`; records/attempts.py, emails/log.py):
#: the write's own bound (connect 3.05 s + read timeout, at most 25 s) plus the longest a save
#: goes on in Salesforce after the client gave up (a synchronous transaction's CPU limit is
#: 10 s, its whole time limit 10 minutes; triggers and flows rarely take more than a minute)
SETTLE_SECONDS = 120
#: what a key may be: 1-255 visible ASCII characters (a UUID, a ULID, a client's own scheme)
_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")

Action = Callable[[], dict[str, Any]]


def key_of(headers: Any) -> str | None:
    """The request's Idempotency-Key, None when absent; 400 when malformed."""
    raw = headers.get(HEADER) if headers is not None else None
    if raw is None:
        return None
    if not _KEY.match(raw):
        raise ValidationFailed(
            f"{HEADER} must be 1 to 255 visible ASCII characters (e.g. a UUID).", HEADER
        )
    return str(raw)


def body_digest(body: Any) -> str:
    """The SHA-256 of a JSON body in canonical form (names sorted, no spaces)."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def body_tag(key: str, body: Any) -> str:
    """What is stored of a body sent with `key`: enough to tell it from another body under the
    same key (the only check it serves), an HMAC under the key itself, which the table holds
    only hashed (as csrf.py keys its tokens by the session's)."""
    secret = f"stratus-idempotency|{key}".encode()
    return hmac.new(secret, body_digest(body).encode(), hashlib.sha256).hexdigest()


class Idempotency:
    """Runs an action at most once per (user, route, key) within the window."""

    def __init__(self, table_name: str, dynamodb_client: Any) -> None:
        self._table = table_name
        self._client = dynamodb_client

    def run(
        self,
        org_id: str,
        user_id: str,
        route: str,
        key: str | None,
        body: Any,
        action: Action,
        lambda_context: Any = None,
    ) -> dict[str, Any]:
        """`action()`'s reference: run now, or the first run's when `key` was seen."""
        if key is None:
            return action()
        from aws_lambda_powertools.utilities.idempotency import idempotent_function

        persistence = self._persistence(org_id, user_id)
        config = _config()
        if _has_remaining_time(lambda_context):
            config.register_lambda_context(lambda_context)

        @idempotent_function(  # type: ignore[untyped-decorator]
            data_keyword_argument="request",
            persistence_store=persistence,
            config=config,
            key_prefix=f"IDEMPOTENCY#{route}",
        )
        def once(request: dict[str, str]) -> dict[str, Any]:
            return action()

        return _translated(lambda: once(request={"key": key, "body": body_tag(key, body)}))

    def completed(self, org_id: str, user_id: str, route: str, key: str) -> bool | None:
        """Whether a request with this key ran to completion (True), is still running or its
        Lambda died (False), or is unknown: never sent, failed, or older than the window (None).
        The offline queue resolves a `depends_on` from an earlier batch with it."""
        from aws_lambda_powertools.utilities.idempotency.exceptions import (
            IdempotencyItemNotFoundError,
            IdempotencyPersistenceLayerError,
        )

        persistence = self._persistence(org_id, user_id)
        persistence.configure(_config(), key_prefix=f"IDEMPOTENCY#{route}")
        hashed = persistence._get_hashed_idempotency_key({"key": key})
        try:
            record = persistence._get_record(idempotency_key=str(hashed))
        except IdempotencyItemNotFoundError:
            return None
        except IdempotencyPersistenceLayerError:
            raise StorageUnavailable() from None
        if record.is_expired:
            return None
        return bool(record.status == "COMPLETED")

    def _persistence(self, org_id: str, user_id: str) -> Any:
        from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

        return DynamoDBPersistenceLayer(
            table_name=self._table,
            key_attr="pk",
            sort_key_attr="sk",
            static_pk_value=keys.user_pk(org_id, user_id),
            expiry_attr="expires_at",
            boto3_client=self._client,
        )


def _config() -> Any:
    from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig

    return IdempotencyConfig(
        event_key_jmespath="key",
        payload_validation_jmespath="body",
        raise_on_no_idempotency_key=True,
        expires_after_seconds=WINDOW_SECONDS,
        hash_function="sha256",
    )


def key_reused() -> StratusError:
    """422: the key was used with another body (also after a failure: records/attempts.py)."""
    return StratusError(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        f"This {HEADER} was used with another body; use a new key for a new request.",
        422,
    )


def in_progress(retry_after_seconds: int) -> StratusError:
    """409: a request with this key is running, or its outcome is not known yet."""
    return StratusError(
        ErrorCode.REQUEST_IN_PROGRESS,
        f"A request with this {HEADER} is still running; retry shortly.",
        409,
        {"Retry-After": str(max(1, retry_after_seconds))},
    )


def _has_remaining_time(context: Any) -> bool:
    return context is not None and callable(getattr(context, "get_remaining_time_in_millis", None))


def _translated(call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    from aws_lambda_powertools.utilities.idempotency.exceptions import (
        IdempotencyAlreadyInProgressError,
        IdempotencyPersistenceLayerError,
        IdempotencyValidationError,
    )

    try:
        return call()
    except IdempotencyValidationError:
        raise key_reused() from None
    except IdempotencyAlreadyInProgressError:
        raise in_progress(1) from None
    except IdempotencyPersistenceLayerError:
        raise StorageUnavailable() from None
