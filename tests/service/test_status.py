"""`GET /status` and `/status.html`: public, cached 30 s per container, computed from the last
five minutes' request counts (chalicelib/outcomes.py) and one probe per dependency."""

from __future__ import annotations

import json
import re
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from chalice.test import Client

from chalicelib import deps, outcomes
from chalicelib.status.probes import QueueFigures
from chalicelib.status.service import COMPONENTS, StatusPage
from chalicelib.store.status import StatusCounters
from chalicelib.store.table import Store
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn
from tests.fakes import FakeClock

EMAIL, CALENDAR = "stratus-test-email-jobs", "stratus-test-calendar-sync"


class Ticks:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Dependencies:
    """The probes' answers, set by each test."""

    def __init__(self) -> None:
        self.key_state = "Enabled"
        self.queues: dict[str, QueueFigures | None] = {
            EMAIL: QueueFigures(0, 0),
            CALENDAR: QueueFigures(0, 0),
        }
        self.asked = 0

    def key(self) -> str:
        self.asked += 1
        return self.key_state

    def queue(self, name: str) -> QueueFigures:
        found = self.queues[name]
        if found is None:
            raise ConnectionError("out of reach")
        return found


@pytest.fixture
def counters(store: Store) -> StatusCounters:
    return StatusCounters(store)


@pytest.fixture
def probes() -> Dependencies:
    return Dependencies()


def _page(counters: StatusCounters, probes: Dependencies, clock: FakeClock) -> StatusPage:
    return StatusPage(
        counters, probes.key, probes.queue, [EMAIL, CALENDAR], CALENDAR, Ticks(), clock.now
    )


def _minute(clock: FakeClock) -> int:
    return int(clock.now()) // 60


def test_a_quiet_stack_is_operational(
    counters: StatusCounters, probes: Dependencies, clock: FakeClock
) -> None:
    status = _page(counters, probes, clock).status()
    assert status["status"] == "operational"
    assert list(status["components"]) == list(COMPONENTS)
    assert all(c["state"] == "operational" for c in status["components"].values())
    assert status["components"]["queue"]["oldest_message_age_seconds"] == 0
    assert status["components"]["calendar_sync"] == {"state": "operational", "lag_seconds": 0}


def test_server_errors_of_the_last_five_minutes_degrade_then_take_the_api_down(
    counters: StatusCounters, probes: Dependencies, clock: FakeClock
) -> None:
    minute = _minute(clock)
    counters.add(minute - 5, {"requests": 10, "server_errors": 10})  # outside the window
    counters.add(minute - 1, {"requests": 100, "server_errors": 6})
    status = _page(counters, probes, clock).status()
    assert status["components"]["api"] == {"state": "degraded", "error_rate": 0.06}  # no volume
    assert status["status"] == "degraded"
    counters.add(minute, {"requests": 20, "server_errors": 60})
    assert _page(counters, probes, clock).status()["status"] == "down"


def test_a_provider_failing_its_calls_degrades_only_itself(
    counters: StatusCounters, probes: Dependencies, clock: FakeClock
) -> None:
    counters.add(_minute(clock), {"requests": 40, "calls_salesforce": 40})
    counters.add(_minute(clock), {"call_failures_salesforce": 30, "calls_google": 10})
    status = _page(counters, probes, clock).status()
    assert status["components"]["salesforce"] == {"state": "down", "error_rate": 0.75}
    assert status["components"]["google"] == {"state": "operational", "error_rate": 0.0}
    assert status["status"] == "degraded"  # Stratus itself still answers


def test_a_providers_error_rate_is_over_its_own_calls_not_all_requests(
    counters: StatusCounters, probes: Dependencies, clock: FakeClock
) -> None:
    # Given 1000 API requests, of which 5 called Google, and Google failed all 5
    counters.add(_minute(clock), {"requests": 1000, "calls_google": 5, "call_failures_google": 5})
    # Then Google is down (5 of its 5 calls failed), however busy the rest of the API is
    status = _page(counters, probes, clock).status()
    assert status["components"]["google"] == {"state": "down", "error_rate": 1.0}


def test_the_calendar_sync_lag_comes_from_the_sync_lag_metric(
    counters: StatusCounters, probes: Dependencies, clock: FakeClock
) -> None:
    page = _page(counters, probes, clock)
    page.sync_lag = lambda: 2400  # syncs waited 40 minutes before a worker ran them
    status = page.status()
    assert status["components"]["calendar_sync"] == {"state": "degraded", "lag_seconds": 2400}


def test_a_disabled_key_takes_encryption_down(
    counters: StatusCounters, probes: Dependencies, clock: FakeClock
) -> None:
    probes.key_state = "Disabled"
    status = _page(counters, probes, clock).status()
    assert status["components"]["encryption"]["state"] == "down"
    assert status["status"] == "degraded"


def test_an_old_message_degrades_the_queue_and_a_silent_queue_is_down(
    counters: StatusCounters, probes: Dependencies, clock: FakeClock
) -> None:
    probes.queues[EMAIL] = QueueFigures(12, 900)
    probes.queues[CALENDAR] = QueueFigures(3, 2400)
    status = _page(counters, probes, clock).status()
    assert status["components"]["queue"] == {
        "state": "degraded",
        "oldest_message_age_seconds": 2400,
    }
    assert status["components"]["calendar_sync"] == {"state": "degraded", "lag_seconds": 2400}
    probes.queues[EMAIL] = None
    assert _page(counters, probes, clock).status()["components"]["queue"]["state"] == "down"


def test_a_table_out_of_reach_is_the_whole_down(
    probes: Dependencies, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken:
        def summed(self, *_: Any) -> dict[str, int]:
            raise ConnectionError("no table")

    page = StatusPage(Broken(), probes.key, probes.queue, [EMAIL], CALENDAR, Ticks(), clock.now)  # type: ignore[arg-type]
    status = page.status()
    assert status["components"]["database"]["state"] == "down"
    assert status["status"] == "down"


def test_the_status_is_computed_at_most_every_30_seconds(
    counters: StatusCounters, probes: Dependencies, clock: FakeClock
) -> None:
    ticks = Ticks()
    page = StatusPage(counters, probes.key, probes.queue, [EMAIL], CALENDAR, ticks, clock.now)
    first = page.status()
    ticks.now += 29
    counters.add(_minute(clock), {"requests": 10, "server_errors": 10})
    assert page.status() is first and probes.asked == 1
    ticks.now += 1
    assert page.status()["status"] == "down" and probes.asked == 2


def test_counts_are_flushed_to_one_item_per_minute(
    counters: StatusCounters, clock: FakeClock
) -> None:
    ticks, wall = Ticks(), clock.now
    counted = outcomes.Outcomes(wall, ticks)
    for status in (200, 200, 503):
        counted.request(status)
    counted.error("salesforce_unavailable")
    counted.error("not_found")  # names no component
    counted.flush(counters)  # within the interval: kept
    assert counted.pending()
    ticks.now += outcomes.FLUSH_INTERVAL_SECONDS
    counted.flush(counters)
    assert not counted.pending()
    summed = counters.summed([_minute(clock)], ["requests", "server_errors", "failed_salesforce"])
    assert summed == {"requests": 3, "server_errors": 1, "failed_salesforce": 1}


def test_counts_a_failed_flush_could_not_write_are_sent_next_time(
    counters: StatusCounters, clock: FakeClock
) -> None:
    class Failing:
        def add(self, minute: int, counts: Any) -> None:
            raise ConnectionError("table out of reach")

    counted = outcomes.Outcomes(clock.now, Ticks())
    counted.request(200)
    counted.flush(Failing(), force=True)
    assert counted.pending() == {_minute(clock): {"requests": 1}}
    counted.flush(counters, force=True)
    assert counters.summed([_minute(clock)], ["requests"]) == {"requests": 1}


# -- over HTTP ---------------------------------------------------------------------------------


def test_status_is_public_json_naming_nothing_of_anyone(
    client: Client, stack: ProvisionedStack, sign_in: SignIn
) -> None:
    # Given users who signed in and looked people up (the counts are flushed with the status)
    alice = sign_in("alice@acme.demo")
    me = json.loads(client.http.get("/me", headers={"Authorization": f"Bearer {alice}"}).body)
    lookup = "/lookup?email=hank.scorpio%40globex.com"
    assert client.http.get(lookup, headers={"Authorization": f"Bearer {alice}"}).status_code == 200
    response = client.http.get("/status")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "public, max-age=30"
    body = json.loads(response.body)
    assert body["status"] in {"operational", "degraded", "down"}
    assert set(body["components"]) == set(COMPONENTS)
    assert body["components"]["database"]["state"] == "operational"
    assert body["components"]["encryption"]["state"] == "operational"  # a data key was made
    text = response.body.decode() if isinstance(response.body, bytes) else str(response.body)
    for secret in ("arn:", "http", stack.table_name, "alias/", "@"):
        assert secret not in text
    for who in (me["org"]["id"], me["user"]["id"], "alice", "hank"):
        assert who not in text
    for component in body["components"].values():  # rates, latencies, ages: never a volume
        assert not {"requests", "messages", "failed_requests", "calls"} & set(component)


def test_the_status_page_is_html_under_a_strict_policy(client: Client) -> None:
    response = client.http.get("/status.html")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.headers["Content-Security-Policy"] == (
        "default-src 'self'; frame-ancestors 'none'"
    )
    html = bytes(response.body).decode() if isinstance(response.body, bytes) else response.body
    assert "<script" not in html and "style=" not in html
    assert "Calendar sync" in html and "Stratus is <strong" in html
    stylesheet = re.search(r'href="(/status/assets/status\.[0-9a-f]{16}\.css)"', html)
    assert stylesheet
    asset = client.http.get(stylesheet.group(1))
    assert asset.status_code == 200 and asset.headers["Content-Type"].startswith("text/css")
    assert client.http.get("/status/assets/nothing.css").status_code == 404


def test_the_middleware_counts_every_answer(client: Client, stack: ProvisionedStack) -> None:
    before = deps.status_counters().summed([int(deps.clock().now()) // 60], ["requests"])[
        "requests"
    ]
    for _ in range(3):
        client.http.get("/health")
    outcomes.flush(force=True)
    after = deps.status_counters().summed([int(deps.clock().now()) // 60], ["requests"])
    assert after["requests"] >= before + 3
    items = boto3.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    assert any(i["pk"]["S"].startswith("STATUS#") for i in items)


def test_a_key_kms_refuses_to_use_takes_encryption_down(
    counters: StatusCounters, probes: Dependencies, clock: FakeClock, stack: ProvisionedStack
) -> None:
    from chalicelib.status.probes import KmsProbe

    assert KmsProbe(boto3.client("kms"), stack.key_alias)() == "Enabled"  # the real key works

    class DisabledKey:  # what KMS answers for a disabled key (moto does not refuse one):
        # docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html (Errors)
        def generate_data_key(self, **_: Any) -> Any:
            error = {"Error": {"Code": "DisabledException", "Message": "key is disabled"}}
            raise ClientError(error, "GenerateDataKey")  # type: ignore[arg-type]

    probe = KmsProbe(DisabledKey(), stack.key_alias)
    page = StatusPage(counters, probe, probes.queue, [EMAIL], CALENDAR, Ticks(), clock.now)
    status = page.status()
    assert status["components"]["encryption"]["state"] == "down"
    assert status["status"] == "degraded"
