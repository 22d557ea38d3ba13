"""`make load`'s run, small (300 requests at 20 concurrent), against the fault stack after its
drills: it keeps the load run working, and shows that the stack serves its mix with no server
error, no hit lost and bounded memory once every fault has been lifted."""

from __future__ import annotations

import pytest

from bench.load import run_load
from tests.e2e.conftest import Runner
from tests.faults.drill import Drill

pytestmark = pytest.mark.faults


def test_a_short_load_run_after_the_drills_has_no_server_error(
    drill: Drill, fault_runner: Runner
) -> None:
    report = run_load(
        drill.api,
        fault_runner.chalice_pid(),
        drill.raw_items,
        requests=300,
        concurrency=20,
        rss_bound_mb=50,
        alone_each=2,
    )
    assert report.requests >= 300
    assert report.failures() == [], report.failures()
    assert report.events_recorded == report.events_expected > 0
