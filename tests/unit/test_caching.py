"""The one in-memory cache: expiry on the injected clock, bounds in uses and entries."""

from __future__ import annotations

from chalicelib.caching import TTLCache
from tests.fakes import FakeClock


def test_an_entry_lives_exactly_its_ttl_or_the_one_it_was_given() -> None:
    clock = FakeClock(0.0)
    cache: TTLCache[str, int] = TTLCache(clock, ttl=60)
    cache.put("default", 1)
    cache.put("short", 2, ttl=10)
    clock.advance(9.9)
    assert (cache.get("default"), cache.get("short")) == (1, 2)
    clock.advance(0.1)
    assert (cache.get("default"), cache.get("short")) == (1, None)
    clock.advance(50)
    assert cache.get("default") is None
    assert len(cache) == 0


def test_an_entry_serves_at_most_max_uses_counting_its_creators() -> None:
    cache: TTLCache[str, str] = TTLCache(FakeClock(), max_uses=3)
    cache.put("made", "key", uses=1)  # its creator used it once
    cache.put("fresh", "key")
    assert [cache.get("made") for _ in range(3)] == ["key", "key", None]
    assert [cache.get("fresh") for _ in range(4)] == ["key", "key", "key", None]


def test_the_least_recently_used_entry_is_dropped_beyond_max_entries() -> None:
    cache: TTLCache[str, int] = TTLCache(FakeClock(), max_entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


def test_entries_are_discarded_one_by_one_by_key_shape_or_all_at_once() -> None:
    cache: TTLCache[tuple[str, str], int] = TTLCache(FakeClock())
    for org in ("o1", "o2"):
        for user in ("alice", "bob"):
            cache.put((org, user), 1)
    assert cache.discard(("o1", "alice")) is True
    assert cache.discard(("o1", "alice")) is False
    assert cache.discard_where(lambda key: key[1] == "bob") == 2
    assert len(cache) == 1
    cache.clear()
    assert len(cache) == 0
