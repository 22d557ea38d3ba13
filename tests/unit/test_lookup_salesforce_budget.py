"""The time a Salesforce call may take: a call and its retry end before API Gateway's 29 s, so
the sidebar gets our 502 salesforce_unavailable, never the gateway's 504."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
import requests

from chalicelib.errors import StratusError
from chalicelib.providers.salesforce.client import (
    CONNECT_TIMEOUT,
    GATEWAY_TIMEOUT,
    MAX_BACKOFF,
    SalesforceClient,
    worst_case_seconds,
)
from chalicelib.settings import Settings, load_settings


class _Tokens:
    def current(self) -> str:
        return "token"

    def refreshed(self, stale: str) -> str:
        return "token"


@dataclass
class _Reply:
    status_code: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None

    @property
    def content(self) -> bytes:
        return b"{}" if self.body is not None else b""

    def json(self) -> Any:
        return self.body


@dataclass
class _Salesforce:
    """Answers each request with the next of `replies` (an exception is raised), recording the
    timeouts it was given."""

    replies: list[Any]
    timeouts: list[tuple[float, float]] = field(default_factory=list)

    def request(self, method: str, url: str, *, timeout: tuple[float, float], **_: Any) -> Any:
        self.timeouts.append(timeout)
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply


def _client(salesforce: _Salesforce, sleeps: list[float], read_timeout: float) -> SalesforceClient:
    return SalesforceClient(
        "https://acme.my.salesforce.com",
        _Tokens(),
        "62.0",
        http=salesforce,
        sleep=sleeps.append,
        read_timeout=read_timeout,
    )


def test_the_default_worst_case_ends_before_api_gateway_gives_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given the default read timeout (unset, as in production without the variable)
    monkeypatch.delenv("SALESFORCE_TIMEOUT_SECONDS", raising=False)
    read_timeout = load_settings().salesforce_timeout_seconds
    assert read_timeout == Settings().salesforce_timeout_seconds
    # Then a call that times out, backs off as long as allowed and times out again ends before
    # the gateway's 29 s, with about 2 s left for the rest of the request
    worst = worst_case_seconds(read_timeout)
    assert worst == 2 * (CONNECT_TIMEOUT + read_timeout) + MAX_BACKOFF
    assert worst < GATEWAY_TIMEOUT == 29.0
    assert worst <= 27.5


@pytest.mark.parametrize("failure", ["timeout", "5xx"])
def test_a_failing_call_takes_at_most_the_worst_case(failure: str) -> None:
    # Given Salesforce failing twice, the slowest way the client can observe
    read_timeout = Settings().salesforce_timeout_seconds
    fail: Any = (
        requests.exceptions.ReadTimeout()
        if failure == "timeout"
        else _Reply(503, {"Retry-After": "1"}, [{"errorCode": "SERVER_UNAVAILABLE"}])
    )
    salesforce, sleeps = _Salesforce([fail, fail]), []
    # When the client calls it
    with pytest.raises(StratusError) as raised:
        _client(salesforce, sleeps, read_timeout).query("SELECT Id FROM Account")
    # Then 502 after one retry, and the longest the calls could have waited is the worst case
    assert (raised.value.code, raised.value.status) == ("salesforce_unavailable", 502)
    assert len(salesforce.timeouts) == 2
    waited = sum(connect + read for connect, read in salesforce.timeouts) + sum(sleeps)
    assert waited <= worst_case_seconds(read_timeout)


def test_a_retry_after_beyond_the_budget_is_not_waited_for_but_passed_on() -> None:
    # Given Salesforce answering 503 with Retry-After: 30
    busy = _Reply(503, {"Retry-After": "30"}, [{"errorCode": "SERVER_UNAVAILABLE"}])
    salesforce, sleeps = _Salesforce([busy]), []
    # When the client calls it
    with pytest.raises(StratusError) as raised:
        _client(salesforce, sleeps, 10.0).query("SELECT Id FROM Account")
    # Then no sleep and no retry sooner than asked: 502 telling when to come back
    assert raised.value.status == 502
    assert raised.value.headers == {"Retry-After": "30"}
    assert sleeps == []
    assert len(salesforce.timeouts) == 1


def test_the_jittered_backoff_never_exceeds_its_cap() -> None:
    for _ in range(50):
        salesforce, sleeps = _Salesforce([requests.exceptions.ConnectTimeout()] * 2), []
        with pytest.raises(StratusError):
            _client(salesforce, sleeps, 10.0).query("SELECT Id FROM Account")
        (delay,) = sleeps
        assert 0 < delay <= MAX_BACKOFF


def test_a_429_is_throttling_retried_once_then_503_with_its_retry_after() -> None:
    # Given Salesforce throttling twice, asking to wait a second, then (too late) answering
    throttled = _Reply(429, {"Retry-After": "1"}, [{"errorCode": "REQUEST_LIMIT_EXCEEDED"}])
    salesforce, sleeps = _Salesforce([throttled, throttled]), []
    # When the client calls it
    with pytest.raises(StratusError) as raised:
        _client(salesforce, sleeps, 10.0).query("SELECT Id FROM Account")
    # Then it waited as asked, tried once more, and passes the throttle on (not a 422)
    assert sleeps == [1.0]
    assert len(salesforce.timeouts) == 2
    assert raised.value.status == 503
    assert raised.value.headers == {"Retry-After": "1"}


def test_a_429_without_a_known_code_is_still_throttling() -> None:
    throttled = _Reply(429, {"Retry-After": "60"}, None)
    salesforce, sleeps = _Salesforce([throttled]), []
    with pytest.raises(StratusError) as raised:
        _client(salesforce, sleeps, 10.0).query("SELECT Id FROM Account")
    assert (raised.value.code, raised.value.status) == ("salesforce_unavailable", 503)
    assert raised.value.headers == {"Retry-After": "60"}
    assert sleeps == []
