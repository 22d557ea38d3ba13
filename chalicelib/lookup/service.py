"""Email lookup: who each address is in Salesforce, for one Composite call per miss batch.

Cache hits cost no Salesforce call (and need no connection: the client is built only for a
miss). All the misses of a request share one Composite request. Usage near the org's limit
turns misses into 503s (see `limits`); a record we create or change for an address is dropped
from the cache through `invalidate` / `invalidate_address`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from chalicelib.clock import Clock
from chalicelib.errors import StratusError
from chalicelib.lookup import records
from chalicelib.lookup.addresses import normalise
from chalicelib.lookup.cache import LookupCache
from chalicelib.lookup.limits import UsageGuard
from chalicelib.providers.salesforce.client import SalesforceApiError, SalesforceClient
from chalicelib.settings import Settings

CONCURRENCY_RETRY_AFTER = 60  # a REQUEST_LIMIT_EXCEEDED while the reading is not at the limit


class Lookups:
    """The lookup service of one container: its cache and its view of each org's API usage."""

    def __init__(
        self, cache: LookupCache, guard: UsageGuard, clock: Clock, settings: Settings
    ) -> None:
        self.cache = cache
        self.guard = guard
        self.clock = clock
        self.settings = settings  # what it was built from (the container rebuilds on change)

    @classmethod
    def from_settings(cls, settings: Settings, clock: Clock) -> Lookups:
        lifetime = settings.lookup_cache_seconds
        return cls(
            LookupCache(clock, lifetime, settings.lookup_cache_entries),
            UsageGuard(clock, settings.lookup_limit_share, lifetime),
            clock,
            settings,
        )

    def lookup(
        self,
        org_id: str,
        user_id: str,
        addresses: Sequence[str],
        client: Callable[[], SalesforceClient],
    ) -> list[dict[str, Any]]:
        """Results for distinct normalised addresses, in their order; `client` is called only
        when at least one address is not cached for this user."""
        found: dict[str, dict[str, Any]] = {}
        misses: list[str] = []
        for address in addresses:
            hit = self.cache.get((org_id, user_id, address))
            if hit is None:
                misses.append(address)
            else:
                found[address] = hit
        if misses:
            found.update(self._fetch(org_id, client, misses))
            for address in misses:
                self.cache.put((org_id, user_id, address), found[address])
        return [found[address] for address in addresses]

    def _fetch(
        self, org_id: str, client: Callable[[], SalesforceClient], misses: list[str]
    ) -> dict[str, dict[str, Any]]:
        self.guard.check(org_id)
        salesforce = client()
        try:
            return records.fetch(salesforce, misses, self._now_iso())
        except SalesforceApiError as exc:
            if exc.sf_code != "REQUEST_LIMIT_EXCEEDED":
                raise
            # If the reading shows the limit reached, misses stop: 503 with how long for.
            self.guard.record(org_id, salesforce.last_usage)
            self.guard.check(org_id)
            # Otherwise it was another limit (too many concurrent requests): retry soon.
            raise StratusError(
                exc.code, exc.message, 503, {"Retry-After": str(CONCURRENCY_RETRY_AFTER)}
            ) from None
        finally:  # success or failure: every answer's Sforce-Limit-Info is the new reading
            self.guard.record(org_id, salesforce.last_usage)

    def _now_iso(self) -> str:
        return datetime.fromtimestamp(self.clock.now(), UTC).strftime("%Y-%m-%dT%H:%M:%S")

    # -- invalidation: called by the features that create or change records ---------------------
    def invalidate(self, org_id: str, user_id: str, address: str) -> bool:
        """Forget what `user_id` saw for `address` (e.g. after that user created a Contact)."""
        return self.cache.discard((org_id, user_id, normalise(address)))

    def invalidate_address(self, org_id: str, address: str) -> int:
        """Forget `address` for every user of the org in this container (a record changed that
        others may see too). Other containers' entries expire within the cache lifetime."""
        return self.cache.discard_address(org_id, normalise(address))
