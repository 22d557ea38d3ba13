"""The offline queue: a batch of queued requests, each run through its route's own service
method with its key as the Idempotency-Key (docs/records.md, "The offline queue").

Exactly once comes from the idempotency store the header uses, under the same route names, so
an action and a header request with the same key are one request: a replayed batch answers
what the first run answered and creates nothing new. A failed action leaves no record (as a
failed header request), so a replay runs it again. The queue never imports the features it
replays: `deps` hands it one `Executor` per path, each path's size limit, and a way to ask the
idempotency store about a key of an earlier batch.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.errors import ErrorCode, StratusError
from chalicelib.logs import logger
from chalicelib.offline.models import ActionBatch, OfflineAction
from chalicelib.sessions import Principal

#: (the signed-in user, the action's body, its key, the Lambda context) -> (status, answer)
Executor = Callable[[Principal, dict[str, Any], str, Any], tuple[int, dict[str, Any]]]
#: (the signed-in user, a key) -> True: that request completed; False: it is still running;
#: None: no record (never sent, failed, or older than the idempotency window)
Completed = Callable[[Principal, str], "bool | None"]
DEPENDENCY_FAILED_STATUS = 424  # RFC 4918 Failed Dependency
#: no action starts with less of the Lambda's time left: one action may take a Salesforce call
#: and its retry (providers/salesforce/client.py, worst_case_seconds) plus our own reads
MIN_SECONDS_PER_ACTION = 5.0
NOT_RUN_RETRY_AFTER = 1  # seconds: the device sends the rest again at once


def error_body(
    code: ErrorCode, message: str, details: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The error an action answers, in the API's one shape."""
    return {"error": {**(details or {}), "code": str(code), "message": message}}


def _never_seen(principal: Principal, key: str) -> bool | None:
    return None


@dataclass(frozen=True)
class OfflineQueue:
    """Runs a batch in order; one failure stops only the actions that depend on it."""

    executors: Mapping[str, Executor]  # path -> the route's service call
    limits: Mapping[str, int] = field(default_factory=dict)  # path -> its route's body limit
    completed: Completed = _never_seen

    def run(
        self, principal: Principal, batch: ActionBatch, lambda_context: Any = None
    ) -> list[dict[str, Any]]:
        results: list[dict[str, Any]] = []
        failed: set[str] = set()
        ran: set[str] = set()
        for action in batch.actions:
            if _time_is_short(lambda_context):
                status, body = _not_run()
            else:
                status, body = self._answer(principal, action, failed, ran, lambda_context)
                ran.add(action.key)
            if status >= 400:
                failed.add(action.key)
            results.append({"key": action.key, "status": status, "body": body})
        return results

    def _answer(
        self,
        principal: Principal,
        action: OfflineAction,
        failed: set[str],
        ran: set[str],
        lambda_context: Any,
    ) -> tuple[int, dict[str, Any]]:
        dependency = action.depends_on
        if dependency is not None and (
            dependency in failed
            or (dependency not in ran and self.completed(principal, dependency) is not True)
        ):
            return DEPENDENCY_FAILED_STATUS, error_body(
                ErrorCode.DEPENDENCY_FAILED,
                f"Not run: the action it depends on ({dependency}) failed or has not run.",
            )
        limit = self.limits.get(action.path)
        if limit is not None and _size(action.body) > limit:
            return 413, error_body(
                ErrorCode.PAYLOAD_TOO_LARGE, f"The action's body is over {limit // 1024} KB."
            )
        return self._execute(principal, action, lambda_context)

    def _execute(
        self, principal: Principal, action: OfflineAction, lambda_context: Any
    ) -> tuple[int, dict[str, Any]]:
        execute = self.executors[action.path]
        try:
            return execute(principal, action.body, action.key, lambda_context)
        except StratusError as exc:
            return exc.status, error_body(exc.code, exc.message, exc.details)
        except Exception:  # one broken action answers 500; the others still run
            logger.exception("offline action failed", extra={"path": action.path})
            return 500, error_body(ErrorCode.INTERNAL_ERROR, "An internal error occurred.")


def _size(body: Mapping[str, Any]) -> int:
    """The body's size as the route would receive it (compact JSON, UTF-8)."""
    return len(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _time_is_short(context: Any) -> bool:
    """Whether the Lambda has too little time left to start another action (API Gateway ends
    the request at 29 s: the device would see a 504 and the rest of its batch 409)."""
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    return callable(remaining) and remaining() < MIN_SECONDS_PER_ACTION * 1000


def _not_run() -> tuple[int, dict[str, Any]]:
    return 503, error_body(
        ErrorCode.NOT_RUN,
        "Not run: the batch ran out of time; send this action again.",
        {"retry_after": NOT_RUN_RETRY_AFTER},
    )
