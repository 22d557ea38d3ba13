"""The org settings cache the tracking hot paths read through: one read per org per TTL."""

from __future__ import annotations

from typing import Any

from chalicelib.admin.org_settings import OrgSettings, OrgSettingsCache
from tests.fakes import FakeClock


class FlakyStore:
    """A store whose reads fail while `down` (counts every read)."""

    def __init__(self) -> None:
        self.down = False
        self.reads = 0

    def get(self, key: Any, *, consistent: bool = True) -> dict[str, Any] | None:
        self.reads += 1
        if self.down:
            raise ConnectionError("table unavailable")
        return {"email_tracking": True}


def test_a_failed_read_is_retried_once_per_ttl_not_sooner() -> None:
    # Given a cache with a 60 s TTL that has read the settings once
    store, clock = FlakyStore(), FakeClock(1_800_000_000.0)
    cache = OrgSettingsCache(store, clock, ttl=60)  # type: ignore[arg-type]
    assert cache.get("org") == OrgSettings(email_tracking=True)
    # When the table goes down after the entry expires
    store.down = True
    clock.advance(61)
    # Then the last known settings are served, and the failure is remembered for the TTL
    assert cache.get("org") == OrgSettings(email_tracking=True)
    assert store.reads == 2
    for _ in range(5):
        clock.advance(11)
        cache.get("org")
    assert store.reads == 2  # 55 s later: still no new read
    clock.advance(6)
    cache.get("org")
    assert store.reads == 3  # a minute after the failure: one more read


def test_a_failed_first_read_is_retried_after_ten_seconds() -> None:
    # Given a new container whose first read fails (nothing known yet)
    store, clock = FlakyStore(), FakeClock(1_800_000_000.0)
    cache = OrgSettingsCache(store, clock, ttl=60)  # type: ignore[arg-type]
    store.down = True
    assert cache.get("org") == OrgSettings()  # all-off meanwhile
    clock.advance(9)
    cache.get("org")
    assert store.reads == 1
    # When the table is back, the next read after 10 s sees the real settings
    store.down = False
    clock.advance(1)
    assert cache.get("org") == OrgSettings(email_tracking=True)
    assert store.reads == 2
