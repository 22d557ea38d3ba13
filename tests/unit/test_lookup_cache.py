"""The lookup cache: per-user entries, expiry on the injected clock, LRU bound, invalidation."""

from __future__ import annotations

import pytest

from chalicelib.lookup.cache import LookupCache
from chalicelib.settings import load_settings
from tests.fakes import FakeClock

RESULT = {"email": "a@example.com", "matches": []}


def test_an_entry_lives_exactly_its_lifetime() -> None:
    # Given an entry stored with a 300 s lifetime
    clock = FakeClock(1_000.0)
    cache = LookupCache(clock, ttl_seconds=300, max_entries=10)
    cache.put(("org", "alice", "a@example.com"), RESULT)
    # When 299.9 s have passed it is served; at 300 s it is gone
    clock.advance(299.9)
    assert cache.get(("org", "alice", "a@example.com")) == RESULT
    clock.advance(0.1)
    assert cache.get(("org", "alice", "a@example.com")) is None
    assert len(cache) == 0


def test_two_users_of_one_org_never_share_an_entry() -> None:
    cache = LookupCache(FakeClock(), ttl_seconds=300, max_entries=10)
    cache.put(("org", "alice", "a@example.com"), RESULT)
    assert cache.get(("org", "bob", "a@example.com")) is None
    assert cache.get(("other-org", "alice", "a@example.com")) is None


def test_the_least_recently_used_entry_is_dropped_beyond_the_bound() -> None:
    # Given a cache of two entries, where "a" was read after "b" was stored
    cache = LookupCache(FakeClock(), ttl_seconds=300, max_entries=2)
    cache.put(("org", "u", "a"), {"n": 1})
    cache.put(("org", "u", "b"), {"n": 2})
    assert cache.get(("org", "u", "a")) is not None
    # When a third entry arrives
    cache.put(("org", "u", "c"), {"n": 3})
    # Then "b", the least recently used, is the one dropped
    assert cache.get(("org", "u", "b")) is None
    assert cache.get(("org", "u", "a")) == {"n": 1}
    assert cache.get(("org", "u", "c")) == {"n": 3}
    assert len(cache) == 2


def test_discard_forgets_one_users_entry_and_discard_address_every_users() -> None:
    cache = LookupCache(FakeClock(), ttl_seconds=300, max_entries=10)
    for user in ("alice", "bob", "carol"):
        cache.put(("org", user, "a@example.com"), RESULT)
    cache.put(("org", "alice", "b@example.com"), RESULT)
    cache.put(("other-org", "alice", "a@example.com"), RESULT)

    assert cache.discard(("org", "alice", "a@example.com")) is True
    assert cache.discard(("org", "alice", "a@example.com")) is False
    assert cache.discard_address("org", "a@example.com") == 2
    assert cache.get(("org", "bob", "a@example.com")) is None
    assert cache.get(("org", "alice", "b@example.com")) == RESULT
    assert cache.get(("other-org", "alice", "a@example.com")) == RESULT


def test_discard_user_forgets_every_entry_of_that_user_only() -> None:
    cache = LookupCache(FakeClock(), ttl_seconds=300, max_entries=10)
    for address in ("a@example.com", "b@example.com"):
        cache.put(("org", "alice", address), RESULT)
        cache.put(("org", "bob", address), RESULT)
    cache.put(("other-org", "alice", "a@example.com"), RESULT)

    assert cache.discard_user("org", "alice") == 2
    assert cache.get(("org", "alice", "a@example.com")) is None
    assert cache.get(("org", "alice", "b@example.com")) is None
    assert cache.get(("org", "bob", "a@example.com")) == RESULT
    assert cache.get(("other-org", "alice", "a@example.com")) == RESULT
    assert cache.discard_user("org", "alice") == 0


@pytest.mark.parametrize(
    ("configured", "lifetime"), [(None, 300), ("60", 300), ("450", 450), ("900", 600)]
)
def test_the_lifetime_setting_is_kept_within_5_to_10_minutes(
    monkeypatch: pytest.MonkeyPatch, configured: str | None, lifetime: int
) -> None:
    if configured is None:
        monkeypatch.delenv("LOOKUP_CACHE_SECONDS", raising=False)
    else:
        monkeypatch.setenv("LOOKUP_CACHE_SECONDS", configured)
    assert load_settings().lookup_cache_seconds == lifetime
