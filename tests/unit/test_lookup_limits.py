"""The rule that spends the org's API limit: hits only near it, and a block that ends."""

from __future__ import annotations

import pytest

from chalicelib.errors import StratusError
from chalicelib.lookup.limits import UsageGuard
from chalicelib.providers.salesforce.client import ApiUsage
from tests.fakes import FakeClock


def _guard(clock: FakeClock) -> UsageGuard:
    return UsageGuard(clock, share=0.9, max_age_seconds=300)


def test_without_a_reading_a_miss_may_call_salesforce() -> None:
    _guard(FakeClock()).check("org")


def test_below_the_share_a_miss_may_call_salesforce() -> None:
    guard = _guard(FakeClock())
    guard.record("org", ApiUsage(13_499, 15_000))
    guard.check("org")


def test_at_the_share_a_miss_is_503_near_with_the_time_the_block_lasts() -> None:
    # Given a reading at 90%, 100 s old
    clock = FakeClock(0.0)
    guard = _guard(clock)
    guard.record("org", ApiUsage(13_500, 15_000))
    clock.advance(100.5)
    # When a miss asks
    with pytest.raises(StratusError) as raised:
        guard.check("org")
    # Then 503 salesforce_limit_near, retry when the reading is stale (rounded up)
    assert (raised.value.code, raised.value.status) == ("salesforce_limit_near", 503)
    assert raised.value.headers == {"Retry-After": "200"}


def test_at_the_limit_the_503_says_exceeded() -> None:
    guard = _guard(FakeClock())
    guard.record("org", ApiUsage(15_000, 15_000))
    with pytest.raises(StratusError) as raised:
        guard.check("org")
    assert raised.value.code == "salesforce_limit_exceeded"


def test_a_reading_as_old_as_the_cache_lifetime_no_longer_blocks() -> None:
    clock = FakeClock(0.0)
    guard = _guard(clock)
    guard.record("org", ApiUsage(14_999, 15_000))
    clock.advance(300)
    guard.check("org")


def test_readings_are_per_org() -> None:
    guard = _guard(FakeClock())
    guard.record("busy-org", ApiUsage(15_000, 15_000))
    guard.check("quiet-org")
    assert guard.reading("quiet-org") is None


def test_a_response_without_a_reading_keeps_the_last_one() -> None:
    guard = _guard(FakeClock())
    guard.record("org", ApiUsage(15_000, 15_000))
    guard.record("org", None)
    assert guard.reading("org") == ApiUsage(15_000, 15_000)
