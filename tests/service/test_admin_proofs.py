"""Proofs of issue 13's sentences that other tests leave half-proven (map m13, "Gaps"): the
business metrics published where they happen, the status probes against moto, every status
component's figure, the 90-day dashboard, per-user choices end to end, and the users' and
attachments' figures through the admin API."""

from __future__ import annotations

import csv
import io
import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from chalice.test import Client

from chalicelib import metrics
from chalicelib.calendar.service import MESSAGE_KIND
from chalicelib.connections.vault import ConnectionVault
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import StratusError
from chalicelib.hooks import Hooks
from chalicelib.status.probes import QueueProbe, SyncLagProbe
from chalicelib.status.service import COMPONENTS, StatusPage
from chalicelib.store.status import StatusCounters
from chalicelib.store.table import Store
from devstack.provision import ProvisionedStack
from devstack.worker import poll_once
from tests.conftest import Mailboxes, SignIn
from tests.fakes import FakeClock
from tests.mailboxes import Browser
from tests.service.test_connections import ALICE as ALICE_IDS
from tests.service.test_connections import Example, Grant
from tests.service.test_emails import _client_body, queue_env  # noqa: F401 (a fixture)
from tests.service.test_metrics import later  # noqa: F401 (a fixture)
from tests.service.test_status import CALENDAR, EMAIL, Dependencies, Ticks
from tests.service.test_tracking import CHROME, Tracking, _paths, tracking_app

ALICE = "alice@acme.demo"
TEXT_FILE = {
    "name": "notes.txt",
    "content_type": "text/plain",
    "content_base64": "aGVsbG8gd29ybGQ=",
}
TEXT_FILE_SIZE = len(b"hello world")


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def _put(client: Client, path: str, token: str, body: dict[str, Any]) -> Any:
    response = client.http.put(path, body=json.dumps(body).encode(), headers=_auth(token))
    assert response.status_code == 200, response.body
    return response


def _get(client: Client, path: str, token: str) -> Any:
    response = client.http.get(path, headers=_auth(token))
    assert response.status_code == 200, (path, response.body)
    return response


def _emf(out: str) -> dict[str, tuple[str, list[float]]]:
    """The metrics of the EMF documents printed: {name: (unit, values)}, namespace checked."""
    found: dict[str, tuple[str, list[float]]] = {}
    for line in out.splitlines():
        if not line.startswith("{") or '"_aws"' not in line:
            continue
        document = json.loads(line)
        (directive,) = document["_aws"]["CloudWatchMetrics"]
        assert directive["Namespace"] == metrics.NAMESPACE
        assert directive["Dimensions"] == [["service"]] and document["service"] == metrics.SERVICE
        for metric in directive["Metrics"]:
            values = document[metric["Name"]]
            values = values if isinstance(values, list) else [values]
            found[metric["Name"]] = (metric["Unit"], [float(v) for v in values])
    return found


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def _log_client_email(
    client: Client, token: str, message_id: str = "<m1@initech.com>", **message: Any
) -> dict[str, Any]:
    body = _client_body(message_id, **message)
    response = client.http.post("/emails", body=json.dumps(body), headers=_auth(token))
    assert response.status_code in (200, 201), response.body
    job = json.loads(response.body)["job"]
    assert job["status"] == "done", job
    return dict(job["result"])


def _allow(client: Client, admin: str, *names: str, **org: Any) -> None:
    _put(client, "/admin/settings", admin, {"user_overrides": list(names), **org})


# -- gap 2: business metrics go out as EMF where they happen -----------------------------------


def test_an_email_logged_publishes_emails_logged(
    client: Client,
    sign_in: SignIn,
    queue_env: ProvisionedStack,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    later: list[float],  # noqa: F811
) -> None:
    alice = sign_in(ALICE)
    capsys.readouterr()
    _log_client_email(client, alice)
    metrics.flush(force=True)
    assert _emf(capsys.readouterr().out)["EmailsLogged"] == ("Count", [1.0])


def test_a_refused_refresh_publishes_token_refresh_failures(
    store: Store,
    envelope: Envelope,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
    later: list[float],  # noqa: F811
) -> None:
    example = Example()
    vault = ConnectionVault(
        store,
        envelope,
        clock,
        {"example": example},
        Hooks().connection_forgotten,
        metrics.recorder(),
    )
    vault.save("example", *ALICE_IDS, Grant("AT-0", "RT-0"), {})
    tokens: Any = vault.client("example", *ALICE_IDS)
    example.refusal = "invalid_grant"
    with pytest.raises(StratusError):
        tokens.refreshed(tokens.current())
    capsys.readouterr()
    metrics.flush(force=True)
    assert _emf(capsys.readouterr().out)["TokenRefreshFailures"] == ("Count", [1.0])


def test_a_calendar_sync_run_publishes_how_long_it_waited(
    client: Client,
    sign_in: SignIn,
    stack: ProvisionedStack,
    capsys: pytest.CaptureFixture[str],
    later: list[float],  # noqa: F811
) -> None:
    from app import calendar_sync

    alice = sign_in(ALICE)
    me = json.loads(_get(client, "/me", alice).body)
    body = {"kind": MESSAGE_KIND, "org": me["org"]["id"], "user": me["user"]["id"]}
    boto3.client("sqs").send_message(
        QueueUrl=stack.calendar_queue_url, MessageBody=json.dumps(body)
    )
    time.sleep(1.1)  # SentTimestamp has milliseconds: the wait is at least a second
    capsys.readouterr()
    polled = poll_once(boto3.client("sqs"), stack.calendar_queue_url, calendar_sync)
    assert polled.received >= 1
    unit, (lag,) = _emf(capsys.readouterr().out)["CalendarSyncLagSeconds"]
    assert unit == "Seconds" and 1.0 <= lag < 60.0


# -- gap 3: the probes that read CloudWatch and SQS, against moto ------------------------------


def test_the_sync_lag_probe_reads_the_largest_lag_of_its_window(stack: ProvisionedStack) -> None:
    cloudwatch = boto3.client("cloudwatch")
    now = datetime.now(UTC)
    probe = SyncLagProbe(cloudwatch, metrics.NAMESPACE, metrics.SERVICE, time.time)
    assert probe() is None  # no sync ran
    dimensions = [{"Name": "service", "Value": metrics.SERVICE}]
    for ago, seconds in ((120, 40.0), (60, 95.0), (3600, 5000.0)):  # the last: out of the window
        cloudwatch.put_metric_data(
            Namespace=metrics.NAMESPACE,
            MetricData=[
                {
                    "MetricName": "CalendarSyncLagSeconds",
                    "Dimensions": dimensions,
                    "Timestamp": now - timedelta(seconds=ago),
                    "Value": seconds,
                    "Unit": "Seconds",
                }
            ],
        )
    other = [{"Name": "service", "Value": "someone-else"}]
    cloudwatch.put_metric_data(
        Namespace=metrics.NAMESPACE,
        MetricData=[{"MetricName": "CalendarSyncLagSeconds", "Dimensions": other, "Value": 9e4}],
    )
    assert probe() == 95


def test_the_queue_probe_reads_the_depth_from_sqs_and_the_age_from_cloudwatch(
    stack: ProvisionedStack,
) -> None:
    sqs, cloudwatch = boto3.client("sqs"), boto3.client("cloudwatch")
    name = f"{stack.email_queue_name}-probe"
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    try:
        for body in ("one", "two"):
            sqs.send_message(QueueUrl=url, MessageBody=body)
        probe = QueueProbe(sqs, cloudwatch, lambda queue: {name: url}[queue])
        assert probe(name).messages == 2 and probe(name).oldest_age_seconds == 0  # no datapoint
        now = datetime.now(UTC)
        for ago, age in ((180, 700.0), (60, 30.0)):  # the latest datapoint counts
            cloudwatch.put_metric_data(
                Namespace="AWS/SQS",
                MetricData=[
                    {
                        "MetricName": "ApproximateAgeOfOldestMessage",
                        "Dimensions": [{"Name": "QueueName", "Value": name}],
                        "Timestamp": now - timedelta(seconds=ago),
                        "Value": age,
                        "Unit": "Seconds",
                    }
                ],
            )
        assert probe(name) == type(probe(name))(2, 30)
    finally:
        sqs.delete_queue(QueueUrl=url)


# -- gap 4: every status component has a state and a figure ------------------------------------


FIGURES = {
    "api": {"error_rate"},
    "database": {"latency_ms", "error_rate"},
    "encryption": {"latency_ms", "error_rate"},
    "queue": {"oldest_message_age_seconds"},
    "salesforce": {"error_rate"},
    "google": {"error_rate"},
    "microsoft": {"error_rate"},
    "calendar_sync": {"lag_seconds"},
}


def test_every_component_carries_a_state_and_its_figures(store: Store, clock: FakeClock) -> None:
    probes, ticks = Dependencies(), Ticks()

    def key() -> str:
        ticks.now += 0.042  # KMS took 42 ms
        return probes.key()

    counters = StatusCounters(store)
    page = StatusPage(counters, key, probes.queue, [EMAIL, CALENDAR], CALENDAR, ticks, clock.now)
    components = page.status()["components"]
    assert list(components) == list(COMPONENTS)
    for name, component in components.items():
        assert component["state"] == "operational", name
        assert set(component) - {"state"} == FIGURES[name], name
        assert all(isinstance(v, int | float) for k, v in component.items() if k != "state")
    assert components["encryption"]["latency_ms"] == 42
    assert components["database"]["latency_ms"] == 0  # the table read took no tick
    assert components["calendar_sync"]["lag_seconds"] == 0


def test_the_public_status_gives_the_database_and_encryption_latencies(client: Client) -> None:
    response = client.http.get("/status")
    assert response.status_code == 200
    components = json.loads(response.body)["components"]
    for name in ("database", "encryption"):
        latency = components[name]["latency_ms"]
        assert isinstance(latency, int) and 0 <= latency < 10_000, (name, latency)


# -- gap 5: the 90-day view ---------------------------------------------------------------------


def test_the_dashboard_charts_90_days_and_the_usage_api_reports_them(
    client: Client, sign_in: SignIn
) -> None:
    admin, alice = sign_in("admin@acme.demo"), sign_in(ALICE)
    _get(client, "/lookup?email=ann%40x.example", alice)
    first = (datetime.now(UTC).date() - timedelta(days=89)).isoformat()
    html = client.http.get("/admin?days=90", headers={"Authorization": f"Bearer {admin}"})
    assert html.status_code == 200
    page = html.body.decode()
    assert 'aria-current="page">Last 90 days' in page
    assert f"from {first} to {_today()}" in page
    assert f"Lookups: 1 in total from {first} to {_today()}; busiest day {_today()} with 1." in page
    lookups_table = page.split('<caption class="meta">Lookups per UTC day</caption>')[1]
    rows = lookups_table.split("</tbody>")[0].count('<tr><th scope="row">')
    assert rows == 90
    report = json.loads(_get(client, f"/admin/usage?from={first}&to={_today()}", admin).body)
    assert len(report["days"]) == 90 and report["days"][0]["day"] == first
    assert report["days"][-1]["counts"]["lookups"] == 1


# -- gap 7: per-user choices, end to end --------------------------------------------------------


@pytest.fixture
def tracking(
    client: Client, sign_in: SignIn, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> Tracking:
    return tracking_app(client, sign_in, stack, monkeypatch)


def _hit(tracking: Tracking, path: str) -> int:
    """Follow a link an hour later (past the settings cache): the events it added."""
    tracking.clock.advance(3600)
    before = len(tracking.events())
    response = tracking.client.http.get(path, headers={"User-Agent": CHROME, "Accept": "*/*"})
    assert response.status_code == 302, response.status_code
    return len(tracking.events()) - before


def test_a_user_who_chose_link_tracking_gets_tracked_links_while_the_org_is_off(
    tracking: Tracking,
) -> None:
    admin = tracking.sign_in("admin@acme.demo")
    _allow(tracking.client, admin, "link_tracking")
    alice, bob = tracking.sign_in(ALICE), tracking.sign_in("bob@acme.demo")
    _put(tracking.client, "/me/settings", alice, {"link_tracking": True})
    refused = tracking.prepare(bob, {"recipients": ["a@x.example"], "html": "<p>hi</p>"})
    assert refused.status_code == 403  # bob follows the org: off
    html = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    links = _paths(html, "c")
    assert links and not _paths(html, "o")  # her links, no pixel
    assert _hit(tracking, links[0]) == 1


def test_a_users_link_opt_out_stops_their_links_already_sent_not_others(
    tracking: Tracking,
) -> None:
    tracking.settings(email=True, link=True)
    admin = tracking.sign_in("admin@acme.demo")
    _allow(tracking.client, admin, "link_tracking")
    alice, bob = tracking.sign_in(ALICE), tracking.sign_in("bob@acme.demo")
    alices = tracking.prepared(alice, ["a@x.example"])["recipients"][0]["html"]
    bobs = tracking.prepared(bob, ["a@x.example"])["recipients"][0]["html"]
    _put(tracking.client, "/me/settings", alice, {"link_tracking": False})
    assert _hit(tracking, _paths(alices, "c")[0]) == 0
    assert _hit(tracking, _paths(bobs, "c")[0]) == 1


def test_a_user_who_turned_attachments_off_logs_emails_without_them(
    client: Client,
    sign_in: SignIn,
    queue_env: ProvisionedStack,  # noqa: F811
) -> None:
    admin = sign_in("admin@acme.demo")
    _allow(client, admin, "attachments", attachments=True)
    alice, bob = sign_in(ALICE), sign_in("bob@acme.demo")
    _put(client, "/me/settings", alice, {"attachments": False})
    hers = _log_client_email(client, alice, attachments=[TEXT_FILE])
    assert [a["status"] for a in hers["attachments"]] == ["skipped"]
    his = _log_client_email(
        client,
        bob,
        "<m2@initech.com>",
        attachments=[TEXT_FILE],
        **{"from": {"email": "bob@acme.demo"}},
    )
    assert [a["status"] for a in his["attachments"]] == ["saved"]


def test_a_user_who_turned_signature_extraction_off_is_refused_by_the_parser(
    client: Client, sign_in: SignIn
) -> None:
    admin = sign_in("admin@acme.demo")
    _allow(client, admin, "signature_extraction")
    alice, bob = sign_in(ALICE), sign_in("bob@acme.demo")
    _put(client, "/me/settings", alice, {"signature_extraction": False})
    body = {
        "text": "Thanks,\nDana Whitfield\nVP Sales, Initech\n+1 555 0100",
        "from": {"email": "dana@initech.com"},
    }
    refused = client.http.post("/signatures/parse", body=json.dumps(body), headers=_auth(alice))
    assert refused.status_code == 403
    assert json.loads(refused.body)["error"]["code"] == "signature_extraction_disabled"
    parsed = client.http.post("/signatures/parse", body=json.dumps(body), headers=_auth(bob))
    assert parsed.status_code == 200, parsed.body


# -- gaps 8 and 9: the users' figures and the attachments through the admin API ----------------


def test_the_users_listing_shows_a_users_figures_and_connected_mailboxes(
    mailbox_env: Mailboxes, tracking: Tracking
) -> None:
    client = tracking.client
    tracking.settings(email=True, link=False)
    admin = tracking.sign_in("admin@acme.demo")
    alice = tracking.sign_in(ALICE)
    browser = Browser(client, alice)
    assert browser.connect("google").status_code == 302
    assert browser.connect("microsoft").status_code == 302
    _get(client, "/lookup?email=ann%40x.example", alice)
    tracking.prepared(alice, ["a@x.example"])
    tracking.prepared(alice, ["b@x.example"])
    users = json.loads(_get(client, "/admin/users", admin).body)["users"]
    (row,) = [u for u in users if u["email"] == ALICE]
    assert row["connections"] == {
        "salesforce": "active",
        "google": "active",
        "microsoft": "active",
    }
    assert row["usage_30_days"]["lookups"] == 1
    assert row["usage_30_days"]["tracked_messages"] == 2


def test_attachments_saved_and_their_bytes_reach_the_usage_api_and_the_csv(
    client: Client,
    sign_in: SignIn,
    queue_env: ProvisionedStack,  # noqa: F811
) -> None:
    admin = sign_in("admin@acme.demo")
    _put(client, "/admin/settings", admin, {"attachments": True})
    _log_client_email(client, sign_in(ALICE), attachments=[TEXT_FILE])
    report = json.loads(_get(client, "/admin/usage", admin).body)
    today = report["days"][-1]
    assert today["day"] == _today()
    assert today["counts"]["attachments_saved"] == 1
    assert today["counts"]["attachment_bytes"] == TEXT_FILE_SIZE
    csv_text = _get(client, f"/admin/usage.csv?from={_today()}&to={_today()}", admin).body
    (row,) = csv.DictReader(io.StringIO(csv_text.decode()))
    assert (row["attachments_saved"], row["attachment_bytes"]) == ("1", str(TEXT_FILE_SIZE))
