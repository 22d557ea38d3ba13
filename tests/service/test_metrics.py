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


def test_a_lookup_publishes_its_figures_once_at_the_end_of_its_invocation(
    sign_in: SignIn, client: Client, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given alice, signed in, with Hank cached
    token = sign_in("alice@acme.demo")
    _lookup(client, token, HANK)
    capsys.readouterr()
    # When she looks Hank and Peter up
    _lookup(client, token, HANK, PETER)
    # Then one document: one lookup, one hit, one miss; and nothing is left to publish
    assert _published(capsys.readouterr().out) == [
        {"Lookups": [1.0], "LookupCacheHits": [1.0], "LookupCacheMisses": [1.0]}
    ]
    assert metrics.recorder().pending() == []


def test_a_failure_to_publish_does_not_change_the_answer(
    sign_in: SignIn, client: Client, monkeypatch: pytest.MonkeyPatch
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
