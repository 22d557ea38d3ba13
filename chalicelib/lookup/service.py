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
from chalicelib.lookup.limits import UsageGuard, limit_exceeded
from chalicelib.providers.salesforce.client import ApiUsage, SalesforceApiError, SalesforceClient
from chalicelib.settings import Settings

CONCURRENCY_RETRY_AFTER = 60  # a REQUEST_LIMIT_EXCEEDED while the reading does not block misses
REAUTH_REQUIRED = "salesforce_reauth_required"


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
            try:
                found.update(self._fetch(org_id, client, misses))
            except StratusError as exc:
                if exc.code == REAUTH_REQUIRED:  # e.g. revoked, as another container found out
                    self.invalidate_user(org_id, user_id)
                raise
            for address in misses:
                self.cache.put((org_id, user_id, address), found[address])
        return [found[address] for address in addresses]

    def _fetch(
        self, org_id: str, client: Callable[[], SalesforceClient], misses: list[str]
    ) -> dict[str, dict[str, Any]]:
        self.guard.check(org_id)
        salesforce = client()
        try:
            return records.fetch(salesforce, misses, self._now())
        except SalesforceApiError as exc:
            if exc.sf_code != "REQUEST_LIMIT_EXCEEDED":
                raise
            # Always salesforce_limit_exceeded. If the reading blocks misses (at or above the
            # share), retry when the block ends; otherwise it was another limit (too many
            # concurrent requests): retry soon.
            self.guard.record(org_id, salesforce.last_usage)
            blocked = self.guard.blocked(org_id)
            raise limit_exceeded(blocked[1] if blocked else CONCURRENCY_RETRY_AFTER) from None
        finally:  # success or failure: every answer's Sforce-Limit-Info is the new reading
            self.guard.record(org_id, salesforce.last_usage)

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock.now(), UTC)

    # -- invalidation: called by the features that create or change records ---------------------
    def invalidate(self, org_id: str, user_id: str, address: str) -> bool:
        """Forget what `user_id` saw for `address` (e.g. after that user created a Contact)."""
        return self.cache.discard((org_id, user_id, normalise(address)))

    def invalidate_user(self, org_id: str, user_id: str) -> int:
        """Forget everything `user_id` saw (their connection was revoked, or the account
        deleted): their next lookup needs Salesforce, and so a live connection."""
        return self.cache.discard_user(org_id, user_id)

    def record_usage(self, org_id: str, usage: ApiUsage) -> None:
        """A Salesforce answer's API usage for the org, whatever feature made the call."""
        self.guard.record(org_id, usage)

    def invalidate_address(self, org_id: str, address: str) -> int:
        """Forget `address` for every user of the org in this container (a record changed that
        others may see too). Other containers' entries expire within the cache lifetime."""
        return self.cache.discard_address(org_id, normalise(address))
