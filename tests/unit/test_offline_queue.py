"""The offline queue's ordering and dependency rules (chalicelib/offline/service.py), with
recording executors in place of the features' services."""

from __future__ import annotations

from typing import Any

import pytest

from chalicelib.errors import ErrorCode, StratusError, ValidationFailed
from chalicelib.offline.models import ActionBatch
from chalicelib.offline.service import OfflineQueue
from chalicelib.sessions import Principal

ALICE = Principal("00D000000000001AAA", "005000000000001AAA", "s", 0, False)


class Recorder:
    """Answers 201 with the body it was given, or raises what the body says."""

    def __init__(self) -> None:
        self.ran: list[str] = []

    def __call__(
        self, principal: Principal, body: dict[str, Any], key: str, context: Any, deadline: Any
    ) -> tuple[int, dict[str, Any]]:
        self.ran.append(key)
        if body.get("fail") == "rejected":
            raise StratusError(ErrorCode.SALESFORCE_REJECTED, "no", 400, details={"field": "x"})
        if body.get("fail") == "bug":
            raise RuntimeError("a secret that must not reach the answer")
        return 201, {"echo": body}


def _batch(*actions: tuple[str, dict[str, Any], str | None]) -> ActionBatch:
    return ActionBatch.model_validate(
        {
            "actions": [
                {"key": k, "method": "POST", "path": "/records/leads", "body": b, "depends_on": d}
                for k, b, d in actions
            ]
        }
    )


def test_a_failure_skips_its_dependants_and_theirs_but_not_the_others() -> None:
    recorder = Recorder()
    queue = OfflineQueue({"/records/leads": recorder})

    results = queue.run(
        ALICE,
        _batch(
            ("a", {"fail": "rejected"}, None),
            ("b", {}, "a"),
            ("c", {}, "b"),
            ("d", {"n": 1}, None),
            ("e", {}, "d"),
        ),
    )

    assert [(r["key"], r["status"]) for r in results] == [
        ("a", 400),
        ("b", 424),
        ("c", 424),
        ("d", 201),
        ("e", 201),
    ]
    assert recorder.ran == ["a", "d", "e"]
    assert results[0]["body"] == {
        "error": {"field": "x", "code": "salesforce_rejected", "message": "no"}
    }
    assert results[3]["body"] == {"echo": {"n": 1}}


def test_an_unexpected_error_is_a_500_that_names_nothing() -> None:
    queue = OfflineQueue({"/records/leads": Recorder()})
    (result,) = queue.run(ALICE, _batch(("a", {"fail": "bug"}, None)))
    assert result["status"] == 500
    assert result["body"] == {
        "error": {"code": "internal_error", "message": "An internal error occurred."}
    }


@pytest.mark.parametrize(
    "actions",
    [
        [("a", {}, None), ("a", {}, None)],  # a key twice
        [("a", {}, "b"), ("b", {}, None)],  # depends on a later action
        [("a", {}, "a")],  # on itself
        [(f"k{i}", {}, None) for i in range(26)],  # over 25
        [],
    ],
)
def test_a_malformed_batch_is_refused_whole(actions: list[Any]) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        _batch(*actions)


def test_a_key_is_what_an_idempotency_key_may_be() -> None:
    from pydantic import ValidationError

    from chalicelib.web import parse_value

    with pytest.raises(ValidationError):
        _batch(("with space", {}, None))
    with pytest.raises(ValidationFailed) as refused:
        parse_value(ActionBatch, {"actions": [{"key": "a", "method": "GET", "path": "/emails"}]})
    assert refused.value.field is not None


class Lambda:
    """A Lambda context whose remaining time falls by `per_call` seconds at each reading."""

    def __init__(self, seconds: float, per_call: float = 0.0) -> None:
        self.seconds = seconds
        self.per_call = per_call

    def get_remaining_time_in_millis(self) -> int:
        left = self.seconds
        self.seconds -= self.per_call
        return int(left * 1000)


def test_a_dependency_from_an_earlier_batch_is_resolved_in_the_idempotency_store() -> None:
    # Given keys an earlier batch sent: "done" completed, "lost" left no record
    store = {"done": True, "running": False}
    asked: list[str] = []

    def completed(principal: Principal, key: str) -> bool | None:
        asked.append(key)
        return store.get(key)

    recorder = Recorder()
    queue = OfflineQueue({"/records/leads": recorder}, completed=completed)

    # When this batch names them (which validates: they are not keys of this batch)
    results = queue.run(
        ALICE,
        _batch(("a", {}, "done"), ("b", {}, "lost"), ("c", {}, "running"), ("d", {}, "a")),
    )

    # Then only the completed one's dependant runs; the others are 424; "a" is not asked
    assert [(r["key"], r["status"]) for r in results] == [
        ("a", 201),
        ("b", 424),
        ("c", 424),
        ("d", 201),
    ]
    assert results[1]["body"]["error"]["code"] == "dependency_failed"
    assert recorder.ran == ["a", "d"]
    assert asked == ["done", "lost", "running"]


class Slow:
    """An executor each of whose actions takes `seconds` on a fake monotonic clock."""

    def __init__(self, seconds: float) -> None:
        self.now = 0.0
        self.seconds = seconds
        self.ran: list[str] = []

    def monotonic(self) -> float:
        return self.now

    def __call__(
        self, principal: Principal, body: dict[str, Any], key: str, context: Any, deadline: Any
    ) -> tuple[int, dict[str, Any]]:
        self.ran.append(key)
        self.now += self.seconds
        return 201, {}


def test_actions_are_not_started_without_the_lambda_time_one_needs() -> None:
    recorder = Recorder()
    queue = OfflineQueue({"/records/leads": recorder}, action_seconds=5.0)

    # 8 s left at the first action, 1.5 s less at each next one (less the second the Lambda
    # has beyond the gateway: 7 s, 5.5 s, 4 s)
    results = queue.run(
        ALICE, _batch(("a", {}, None), ("b", {}, None), ("c", {}, None)), Lambda(8, 1.5)
    )

    assert [(r["key"], r["status"]) for r in results] == [("a", 201), ("b", 201), ("c", 503)]
    assert results[2]["body"] == {
        "error": {
            "retry_after": 1,
            "code": "not_run",
            "message": "Not run: the batch ran out of time; send this action again.",
        }
    }
    assert recorder.ran == ["a", "b"]


def test_no_action_starts_without_time_for_its_slowest_salesforce_call() -> None:
    from chalicelib.offline.service import slowest_action_seconds

    # Given inserts that each take 13 s (3.05 s connect + 10 s read: Salesforce is slow)
    slow = Slow(13.0)
    bound = slowest_action_seconds(10.0)
    queue = OfflineQueue({"/records/leads": slow}, action_seconds=bound, monotonic=slow.monotonic)

    # When a batch of three runs in a Lambda that reports plenty of time (its 30 s)
    batch = _batch(("a", {}, None), ("b", {}, None), ("c", {}, None))
    results = queue.run(ALICE, batch, Lambda(300))

    # Then the third is not started with 3 s of API Gateway's 29 s left
    assert bound > 13.0
    assert [r["status"] for r in results] == [201, 201, 503]
    assert slow.ran == ["a", "b"]


def test_the_budget_is_api_gateway_s_29_seconds_not_the_lambda_s_30() -> None:
    # Given a first action of 14 s: 15 s of the gateway's 29 s are left, the Lambda's 30 s
    # would leave 16 s
    slow = Slow(14.0)
    queue = OfflineQueue({"/records/leads": slow}, action_seconds=15.5, monotonic=slow.monotonic)
    lambda_context = Lambda(30.0)

    def lambda_time() -> int:  # the Lambda's clock is the same fake clock
        return int((30.0 - slow.now) * 1000)

    lambda_context.get_remaining_time_in_millis = lambda_time  # type: ignore[method-assign]
    results = queue.run(ALICE, _batch(("a", {}, None), ("b", {}, None)), lambda_context)

    assert [r["status"] for r in results] == [201, 503]


def test_an_action_over_its_route_s_limit_is_413_and_the_others_run() -> None:
    recorder = Recorder()
    queue = OfflineQueue({"/records/leads": recorder}, limits={"/records/leads": 64 * 1024})

    results = queue.run(
        ALICE, _batch(("big", {"notes": "x" * (64 * 1024)}, None), ("small", {}, None))
    )

    assert [(r["key"], r["status"]) for r in results] == [("big", 413), ("small", 201)]
    assert results[0]["body"]["error"]["code"] == "payload_too_large"
    assert recorder.ran == ["small"]


# -- review 14c M5: one action's calls end by the batch's deadline --------------------------------
class TimingOut:
    """An HTTP session on a fake clock whose every request waits out its read timeout (the
    connection itself is instant) and gets no answer, as from a Salesforce that hangs."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sent: list[tuple[str, float, float]] = []  # (method, time left, connect + read)
        self.deadline_at = 0.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        import requests

        connect, read = kwargs["timeout"]
        self.sent.append((method, self.deadline_at - self.now, connect + read))
        self.now += read
        raise requests.Timeout()


class OneToken:
    def current(self) -> str:
        return "token"

    def refreshed(self, stale: str) -> str:
        return "token"


def test_a_client_s_calls_and_retries_end_by_its_deadline() -> None:
    from chalicelib.providers.salesforce.client import (
        MIN_ATTEMPT_SECONDS,
        SalesforceClient,
        deadline_within,
    )

    # Given a client with the setting's 10 s read timeout, and a deadline 29 s away (less the
    # time kept for the answer), talking to a Salesforce that never answers
    http = TimingOut()
    client = SalesforceClient(
        "https://sf.example", OneToken(), "61.0", read_timeout=10.0, http=http, sleep=http.sleep
    )
    client.deadline = deadline_within(29.0, http.monotonic)
    http.deadline_at = client.deadline.at
    # When a Contact's calls run: its Account query (retried once), its insert, and more
    errors = []
    for call in (
        lambda: client.query("SELECT Id FROM Account"),
        lambda: client.create("Contact", {"LastName": "Whitfield"}),
        lambda: client.query("SELECT Id FROM Contact"),
        lambda: client.query("SELECT Id FROM Lead"),
    ):
        with pytest.raises(StratusError) as failed:
            call()
        errors.append(failed.value.code)

    # Then every attempt was sent only with time left, and waited no longer than that time;
    # the last call found too little and sent nothing (not_run: a definite answer)
    assert all(waited <= left for _, left, waited in http.sent)
    assert all(left >= MIN_ATTEMPT_SECONDS for _, left, _ in http.sent)
    assert http.now <= client.deadline.at
    assert [m for m, _, _ in http.sent] == ["GET", "GET", "POST", "GET"]
    assert errors == [ErrorCode.SALESFORCE_UNAVAILABLE] * 3 + [ErrorCode.NOT_RUN]
    # (without a deadline the same calls would take 10 + 10 + 10 + 10 + 10 + 10 s and more)


def test_each_action_s_deadline_leaves_the_batch_time_to_answer() -> None:
    from chalicelib.providers.salesforce.client import AFTER_CALLS_SECONDS

    # Given actions of 5 s each, and executors that note the time their deadline leaves them
    slow = Slow(5.0)
    lefts: list[float] = []

    def noting(principal: Principal, body: Any, key: str, context: Any, deadline: Any) -> Any:
        lefts.append(deadline.left())
        return slow(principal, body, key, context, deadline)

    queue = OfflineQueue({"/records/leads": noting}, action_seconds=15.0, monotonic=slow.monotonic)
    # When a batch of three runs
    results = queue.run(ALICE, _batch(("a", {}, None), ("b", {}, None), ("c", {}, None)))
    # Then each action's calls must end before API Gateway's 29 s, less the time to answer
    assert [r["status"] for r in results] == [201, 201, 201]
    assert lefts == [29.0 - AFTER_CALLS_SECONDS - 5.0 * i for i in range(3)]
