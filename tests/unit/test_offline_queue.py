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
        self, principal: Principal, body: dict[str, Any], key: str, context: Any
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


def test_actions_are_not_started_with_less_than_5_seconds_left() -> None:
    recorder = Recorder()
    queue = OfflineQueue({"/records/leads": recorder})

    # 7 s left at the first action, 1.5 s less at each next one
    results = queue.run(
        ALICE, _batch(("a", {}, None), ("b", {}, None), ("c", {}, None)), Lambda(7, 1.5)
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


def test_an_action_over_its_route_s_limit_is_413_and_the_others_run() -> None:
    recorder = Recorder()
    queue = OfflineQueue({"/records/leads": recorder}, limits={"/records/leads": 64 * 1024})

    results = queue.run(
        ALICE, _batch(("big", {"notes": "x" * (64 * 1024)}, None), ("small", {}, None))
    )

    assert [(r["key"], r["status"]) for r in results] == [("big", 413), ("small", 201)]
    assert results[0]["body"]["error"]["code"] == "payload_too_large"
    assert recorder.ran == ["small"]
