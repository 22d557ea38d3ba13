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
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.errors import ErrorCode, StratusError
from chalicelib.logs import logger
from chalicelib.offline.models import ActionBatch, OfflineAction
from chalicelib.providers.salesforce.client import (
    CONNECT_TIMEOUT,
    GATEWAY_TIMEOUT,
    Deadline,
    deadline_within,
)
from chalicelib.sessions import Principal

#: (the signed-in user, the action's body, its key, the Lambda context, when its Salesforce
#: calls must have ended) -> (status, answer)
Executor = Callable[[Principal, dict[str, Any], str, Any, Deadline], tuple[int, dict[str, Any]]]
#: (the signed-in user, a key) -> True: that request completed; False: it is still running;
#: None: no record (never sent, failed, or older than the idempotency window)
Completed = Callable[[Principal, str], "bool | None"]
DEPENDENCY_FAILED_STATUS = 424  # RFC 4918 Failed Dependency
#: our own reads and writes around an action's Salesforce calls (the session, the connection,
#: KMS, the idempotency record and the attempt marker)
OWN_WORK_SECONDS = 2.0
#: the Lambda's timeout (.chalice/config.json, 30 s) less API Gateway's (29 s): the device
#: sees the gateway's 504 a second before the Lambda would stop
LAMBDA_OVER_GATEWAY_SECONDS = 1.0
NOT_RUN_RETRY_AFTER = 1  # seconds: the device sends the rest again at once


def error_body(
    code: ErrorCode, message: str, details: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The error an action answers, in the API's one shape."""
    return {"error": {**(details or {}), "code": str(code), "message": message}}


def _never_seen(principal: Principal, key: str) -> bool | None:
    return None


def slowest_action_seconds(read_timeout: float) -> float:
    """The time an action needs to start: one insert's connect and read timeout (a POST is
    never retried: providers/salesforce/client.py), plus our own work. Its queries before the
    insert (a Contact's Account, a replay's look for a lost insert) may take longer still: the
    deadline each action's client gets (`OfflineQueue.run`) cuts them short, so the batch
    answers before API Gateway's 504 whatever one action does."""
    return CONNECT_TIMEOUT + read_timeout + OWN_WORK_SECONDS


@dataclass(frozen=True)
class OfflineQueue:
    """Runs a batch in order; one failure stops only the actions that depend on it."""

    executors: Mapping[str, Executor]  # path -> the route's service call
    limits: Mapping[str, int] = field(default_factory=dict)  # path -> its route's body limit
    completed: Completed = _never_seen
    #: no action starts with less time left (deps: slowest_action_seconds of the setting)
    action_seconds: float = field(default_factory=lambda: slowest_action_seconds(10.0))
    monotonic: Callable[[], float] = time.monotonic
    #: API Gateway's limit on the whole request
    budget_seconds: float = GATEWAY_TIMEOUT

    def run(
        self, principal: Principal, batch: ActionBatch, lambda_context: Any = None
    ) -> list[dict[str, Any]]:
        results: list[dict[str, Any]] = []
        failed: set[str] = set()
        ran: set[str] = set()
        started = self.monotonic()
        for action in batch.actions:
            left = self._seconds_left(started, lambda_context)
            if left < self.action_seconds:
                status, body = _not_run()
            else:
                # its Salesforce calls end in time for our writes after them and the answer
                deadline = deadline_within(left, self.monotonic)
                status, body = self._answer(
                    principal, action, failed, ran, lambda_context, deadline
                )
                ran.add(action.key)
            if status >= 400:
                failed.add(action.key)
            results.append({"key": action.key, "status": status, "body": body})
        return results

    def _seconds_left(self, started: float, context: Any) -> float:
        """Until API Gateway ends the request (29 s: the device would see a 504 and the rest
        of its batch 409): counted from the batch's start, and from the Lambda's own remaining
        time (which also counts what ran before the batch) less the second it has beyond the
        gateway's."""
        left = self.budget_seconds - (self.monotonic() - started)
        remaining = getattr(context, "get_remaining_time_in_millis", None)
        if callable(remaining):
            left = min(left, remaining() / 1000 - LAMBDA_OVER_GATEWAY_SECONDS)
        return left

    def _answer(
        self,
        principal: Principal,
        action: OfflineAction,
        failed: set[str],
        ran: set[str],
        lambda_context: Any,
        deadline: Deadline,
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
        return self._execute(principal, action, lambda_context, deadline)

    def _execute(
        self, principal: Principal, action: OfflineAction, lambda_context: Any, deadline: Deadline
    ) -> tuple[int, dict[str, Any]]:
        execute = self.executors[action.path]
        try:
            return execute(principal, action.body, action.key, lambda_context, deadline)
        except StratusError as exc:
            return exc.status, error_body(exc.code, exc.message, _details(exc))
        except Exception:  # one broken action answers 500; the others still run
            logger.exception("offline action failed", extra={"path": action.path})
            return 500, error_body(ErrorCode.INTERNAL_ERROR, "An internal error occurred.")


def _details(exc: StratusError) -> dict[str, Any]:
    """The error's members, and `retry_after` where the route says when to come back in a
    Retry-After header (an outage, a request still in progress): the batch answers 200, so
    the action's body is where the device reads it (as for `not_run`)."""
    retry_after = exc.headers.get("Retry-After", "")
    if not retry_after.isdigit():
        return exc.details
    return {"retry_after": int(retry_after), **exc.details}


def _size(body: Mapping[str, Any]) -> int:
    """The body's size as the route would receive it (compact JSON, UTF-8)."""
    return len(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _not_run() -> tuple[int, dict[str, Any]]:
    return 503, error_body(
        ErrorCode.NOT_RUN,
        "Not run: the batch ran out of time; send this action again.",
        {"retry_after": NOT_RUN_RETRY_AFTER},
    )
