"""Business metrics: published once per invocation as CloudWatch EMF (namespace "Stratus"),
never at the expense of the answer, and without Powertools when nothing was recorded."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from chalice.test import Client

from chalicelib import metrics
from tests.conftest import SignIn

REPO = Path(__file__).resolve().parents[2]
HANK = "hank.scorpio@globex.com"
PETER = "peter.gibbons@initech.com"


def _published(out: str) -> list[dict[str, Any]]:
    """The EMF documents printed: each as {metric name: values}, after checking its units."""
    documents = []
    for line in out.splitlines():
        if not line.startswith("{") or '"_aws"' not in line:
            continue
        emf = json.loads(line)
        (directive,) = emf["_aws"]["CloudWatchMetrics"]
        assert directive["Namespace"] == metrics.NAMESPACE
        assert emf["service"] == metrics.SERVICE
        units = {m["Name"]: m["Unit"] for m in directive["Metrics"]}
        assert set(units.values()) == {"Count"}
        documents.append({name: emf[name] for name in units})
    return documents


def _lookup(client: Client, token: str, *addresses: str) -> None:
    response = client.http.post(
        "/lookup",
        body=json.dumps({"emails": list(addresses)}),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.body


@pytest.fixture
def later(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The metrics buffer's clock, moved by hand (`later[0] += seconds`)."""
    now = [1000.0]
    monkeypatch.setattr(metrics.recorder(), "_clock", lambda: now[0])
    monkeypatch.setattr(metrics.recorder(), "_published_at", -float("inf"))
    monkeypatch.setattr(metrics.recorder(), "_pending", {})  # what earlier tests left behind
    return now


def test_lookups_publish_their_summed_figures_at_most_once_per_interval(
    sign_in: SignIn, client: Client, capsys: pytest.CaptureFixture[str], later: list[float]
) -> None:
    # Given alice, signed in, whose first lookup (Hank) was published at once
    token = sign_in("alice@acme.demo")
    _lookup(client, token, HANK)
    assert _published(capsys.readouterr().out) == [
        {"Lookups": [1.0], "LookupCacheHits": [0.0], "LookupCacheMisses": [1.0]}
    ]
    # When she looks Hank and Peter up within the interval
    _lookup(client, token, HANK, PETER)
    # Then nothing is printed yet: the figures wait, summed
    assert _published(capsys.readouterr().out) == []
    assert metrics.recorder().pending() == [
        (metrics.LOOKUPS, 1.0),
        (metrics.LOOKUP_CACHE_HITS, 1.0),
        (metrics.LOOKUP_CACHE_MISSES, 1.0),
    ]
    # and once the interval has passed, the next invocation publishes both lookups' sums
    later[0] += metrics.PUBLISH_INTERVAL_SECONDS
    _lookup(client, token, HANK)
    assert _published(capsys.readouterr().out) == [
        {"Lookups": [2.0], "LookupCacheHits": [2.0], "LookupCacheMisses": [1.0]}
    ]
    assert metrics.recorder().pending() == []


def test_a_forced_flush_publishes_within_the_interval(
    capsys: pytest.CaptureFixture[str], later: list[float]
) -> None:
    metrics.recorder().add(metrics.TOKEN_REFRESHES)
    metrics.flush()  # the first publication of the container
    capsys.readouterr()
    metrics.recorder().add(metrics.TOKEN_REFRESHES, 2)
    metrics.flush()
    assert _published(capsys.readouterr().out) == []
    metrics.flush(force=True)  # a job's last act
    assert _published(capsys.readouterr().out) == [{"TokenRefreshes": [2.0]}]


def test_a_failure_to_publish_does_not_change_the_answer(
    sign_in: SignIn, client: Client, monkeypatch: pytest.MonkeyPatch, later: list[float]
) -> None:
    token = sign_in("alice@acme.demo")

    def broken(recorded: object) -> None:
        raise RuntimeError("stdout is gone")

    monkeypatch.setattr(metrics, "_publish", broken)
    _lookup(client, token, HANK)
    assert metrics.recorder().pending() == []


def test_an_invocation_that_records_nothing_publishes_nothing_and_never_imports_powertools(
    app_env: None,
) -> None:
    # In a fresh interpreter (this one imported Powertools long ago): /health, twice
    script = textwrap.dedent(
        """
        import json, sys
        from chalice.test import Client
        from app import app
        with Client(app, stage_name="test") as client:
            answers = [client.http.get("/health").status_code for _ in range(2)]
        loaded = sorted(m for m in sys.modules if m.startswith("aws_lambda_powertools"))
        print(json.dumps({"answers": answers, "powertools": loaded}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    assert _published(result.stdout) == []
    assert json.loads(lines[-1]) == {"answers": [200, 200], "powertools": []}
