"""The lookup service's cache: per-user entries, expiry on the injected clock, LRU bound,
invalidation, and the figures each lookup records. Salesforce is a stand-in HTTP session
behind the real client, answering every Composite with empty sections (nobody matches)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from chalicelib import metrics
from chalicelib.lookup.service import Lookups
from chalicelib.providers.salesforce.client import SalesforceClient
from chalicelib.sessions import Principal
from chalicelib.settings import Settings, load_settings
from tests.fakes import FakeClock

A, B, C = "a@example.com", "b@example.com", "c@example.com"


@dataclass
class _Reply:
    status_code: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def content(self) -> bytes:
        return b"{}"

    def json(self) -> Any:
        return self.body


@dataclass
class _Salesforce:
    """Answers each Composite with empty sections; counts the API calls per user."""

    calls: dict[str, int] = field(default_factory=dict)

    def for_user(self, user_id: str) -> Any:
        salesforce = self

        class _Session:
            def request(self, method: str, url: str, *, json: Any = None, **_: Any) -> _Reply:
                salesforce.calls[user_id] = salesforce.calls.get(user_id, 0) + 1
                empty = {"done": True, "records": []}
                answers = [
                    {"referenceId": sub["referenceId"], "httpStatusCode": 200, "body": empty}
                    for sub in json["compositeRequest"]
                ]
                return _Reply(200, {"compositeResponse": answers})

        return _Session()


class _Tokens:
    def current(self) -> str:
        return "token"

    def refreshed(self, stale: str) -> str:
        return "token"


@dataclass
class _Container:
    lookups: Lookups
    salesforce: _Salesforce
    clock: FakeClock
    recorded: metrics.MetricsBuffer

    def lookup(self, user_id: str, *addresses: str, org_id: str = "org") -> list[dict[str, Any]]:
        principal = Principal(org_id, user_id, "session", expires_at=0, is_admin=False)
        return self.lookups.lookup(principal, list(addresses))

    def calls(self, user_id: str) -> int:
        return self.salesforce.calls.get(user_id, 0)


def _container(entries: int = 10) -> _Container:
    clock, salesforce, recorded = FakeClock(1_000.0), _Salesforce(), metrics.MetricsBuffer()
    settings = replace(Settings(), lookup_cache_seconds=300, lookup_cache_entries=entries)

    def client_for(org_id: str, user_id: str) -> SalesforceClient:
        http = salesforce.for_user(user_id)
        return SalesforceClient(
            "https://acme.my.salesforce.com", _Tokens(), "62.0", read_timeout=10.0, http=http
        )

    return _Container(Lookups(settings, clock, client_for, recorded), salesforce, clock, recorded)


def test_an_entry_lives_exactly_its_lifetime() -> None:
    # Given an address looked up once (a miss: one call)
    container = _container()
    container.lookup("alice", A)
    # When 299.9 s have passed it is served from memory; at 300 s Salesforce is asked again
    container.clock.advance(299.9)
    container.lookup("alice", A)
    assert container.calls("alice") == 1
    container.clock.advance(0.1)
    container.lookup("alice", A)
    assert container.calls("alice") == 2


def test_two_users_of_one_org_never_share_an_entry() -> None:
    container = _container()
    container.lookup("alice", A)
    container.lookup("bob", A)
    container.lookup("alice", A, org_id="other-org")
    assert container.salesforce.calls == {"alice": 2, "bob": 1}


def test_the_least_recently_used_entry_is_dropped_beyond_the_bound() -> None:
    # Given a cache of two entries, where A was read after B was stored
    container = _container(entries=2)
    container.lookup("u", A)
    container.lookup("u", B)
    container.lookup("u", A)
    assert container.calls("u") == 2
    # When a third address arrives
    container.lookup("u", C)
    # Then B, the least recently used, is the one dropped
    container.lookup("u", A, C)
    assert container.calls("u") == 3
    container.lookup("u", B)
    assert container.calls("u") == 4


def test_invalidate_forgets_one_users_entry_and_invalidate_address_every_users() -> None:
    container = _container()
    for user in ("alice", "bob", "carol"):
        container.lookup(user, A)
    container.lookup("alice", B)
    container.lookup("alice", A, org_id="other-org")
    lookups = container.lookups

    assert lookups.invalidate("org", "alice", " A@Example.com") is True  # any spelling
    assert lookups.invalidate("org", "alice", A) is False
    assert lookups.invalidate_address("org", A) == 2  # bob's and carol's
    assert lookups.invalidate_address("org", A) == 0
    assert lookups.invalidate("org", "alice", B) is True
    assert lookups.invalidate("other-org", "alice", A) is True


def test_invalidate_user_forgets_every_entry_of_that_user_only() -> None:
    container = _container()
    for address in (A, B):
        container.lookup("alice", address)
        container.lookup("bob", address)
    container.lookup("alice", A, org_id="other-org")
    lookups = container.lookups

    assert lookups.invalidate_user("org", "alice") == 2
    assert lookups.invalidate_user("org", "alice") == 0
    assert lookups.invalidate("org", "bob", A) is True
    assert lookups.invalidate("other-org", "alice", A) is True


def test_each_lookup_records_itself_and_its_hits_and_misses() -> None:
    # Given A cached for alice
    container = _container()
    container.lookup("alice", A)
    earlier = dict(container.recorded.pending())
    # When she looks A, B and C up at once
    container.lookup("alice", A, B, C)
    # Then one lookup, one hit and two misses are added to the sums, each in its explicit unit
    recorded = container.recorded.pending()
    added = [(metric, value - earlier.get(metric, 0.0)) for metric, value in recorded]
    assert added == [
        (metrics.LOOKUPS, 1.0),
        (metrics.LOOKUP_CACHE_HITS, 1.0),
        (metrics.LOOKUP_CACHE_MISSES, 2.0),
    ]
    assert {metric.unit for metric, _ in recorded} == {metrics.Unit.COUNT}


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
