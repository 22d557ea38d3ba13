"""What the calendar-sync suites (faults, gaps, proofs) do to a rig of
`tests/service/test_calendar_sync.py` more than once: look up a Contact or an Event's relations
in the Salesforce emulator, create a Salesforce Event and find its calendar pair, crash a cycle
right after its calendar insert, and prove a throttled provider is waited out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chalicelib.calendar.service import RunOutcome
from tests.service.test_calendar_sync import Crash, Rig, _sf_api


def contact_id(rig: Rig, address: str) -> str:
    return next(i for i, r in rig.sf.records["Contact"].items() if r.get("Email") == address)


def relation_ids(rig: Rig, sf_id: str) -> set[str]:
    """The EventRelations' RelationIds of one Salesforce Event (its attendees' records)."""
    return {
        r["RelationId"] for r in rig.sf.records["EventRelation"].values() if r["EventId"] == sf_id
    }


def new_sf_event(rig: Rig, subject: str = "sf-born", days: int = 4, minute: int = 0) -> str:
    """A 30-minute Event made in Salesforce `days` ahead, over its REST API; its Id."""
    start = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0, minute=minute)
    start += dt.timedelta(days=days)
    fields = {
        "Subject": subject,
        "StartDateTime": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "EndDateTime": (start + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    return str(_sf_api(rig, "POST", "/sobjects/Event", fields)["id"])


def provider_id_of(rig: Rig, sf_id: str) -> str:
    return str(next(p for p in rig.pairs() if p.sf_id == sf_id).provider_id)


def crash_after_calendar_insert(rig: Rig, subject: str) -> str:
    """A Salesforce Event whose first cycle dies right after inserting it into the calendar,
    then two cycles that list that event again (the cursor did not move); its Id."""
    rig.run()
    sf_id = new_sf_event(rig, subject)
    rig.repo.crash_after_calendar_insert = True
    with pytest.raises(Crash):
        rig.run()
    assert rig.run() == RunOutcome("ran", "ok")
    rig.run()
    return sf_id


def assert_throttled_cycle_waits_and_resumes(
    rig: Rig, emu: Any, fault: str, retry_after: int
) -> None:
    """A provider answering `fault` with Retry-After: the cycle fails as throttled, keeps its
    cursor, waits out the delay (a cycle before it only waits) and then runs."""
    rig.run()
    cursor = rig.state().cursor
    emu.retry_after = retry_after
    emu.inject_fault(fault)
    assert rig.run() == RunOutcome("ran", "error")
    state = rig.state()
    assert state.last_error is not None and state.last_error["code"] == "provider_throttled"
    assert state.next_run_at is not None and state.next_run_at >= int(rig.clock.now()) + retry_after
    assert state.cursor == cursor
    assert rig.run() == RunOutcome("waiting", "error")
    rig.clock.advance(retry_after + 1)
    assert rig.run() == RunOutcome("ran", "ok")
