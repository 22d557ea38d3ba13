"""Email lookup: who each address is in Salesforce, for one Composite call per miss batch.

Cache hits cost no Salesforce call (and need no connection: the client is built only for a
miss). All the misses of a request share one Composite request. Usage near the org's limit
turns misses into 503s (see `limits`); a record we create or change for an address is dropped
from the cache through `invalidate` / `invalidate_address`.

The cache lives in this container's memory only, keyed by (org, user, address): Salesforce
sharing differs per user, so two users never share an entry. Entries live the cache lifetime
(5-10 minutes) and the least recently used are dropped beyond the configured number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from chalicelib import metrics
from chalicelib.caching import TTLCache
from chalicelib.clock import Clock
from chalicelib.emails import normalise
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.lookup import records
from chalicelib.lookup.limits import UsageGuard, limit_exceeded
from chalicelib.providers.salesforce.client import ApiUsage, SalesforceApiError, SalesforceClient
from chalicelib.settings import Settings

if TYPE_CHECKING:
    from chalicelib.metrics import MetricsRecorder
    from chalicelib.sessions import Principal

CONCURRENCY_RETRY_AFTER = 60  # a REQUEST_LIMIT_EXCEEDED while the reading does not block misses

CacheKey = tuple[str, str, str]  # (org id, user id, normalised address)
ClientFor = Callable[[str, str], SalesforceClient]  # (org id, user id) -> the user's client


class Lookups:
    """The lookup service of one container: its cache and its view of each org's API usage."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        client_for: ClientFor,
        recorder: MetricsRecorder,
    ) -> None:
        lifetime = settings.lookup_cache_seconds
        self._cache: TTLCache[CacheKey, dict[str, Any]] = TTLCache(
            clock, lifetime, settings.lookup_cache_entries
        )
        self._guard = UsageGuard(clock, settings.lookup_limit_share, lifetime)
        self._clock = clock
        self._client_for = client_for
        self._metrics = recorder

    def lookup(self, principal: Principal, addresses: Sequence[str]) -> list[dict[str, Any]]:
        """Results for distinct normalised addresses, in their order; the user's Salesforce
        client is built only when at least one address is not cached for this user."""
        org_id, user_id = principal.org_id, principal.user_id
        found: dict[str, dict[str, Any]] = {}
        misses: list[str] = []
        for address in addresses:
            hit = self._cache.get((org_id, user_id, address))
            if hit is None:
                misses.append(address)
            else:
                found[address] = hit
        self._count(hits=len(found), misses=len(misses))
        if misses:
            try:
                found.update(self._fetch(org_id, user_id, misses))
            except StratusError as exc:
                if exc.code == ErrorCode.SALESFORCE_REAUTH_REQUIRED:  # e.g. revoked elsewhere
                    self.invalidate_user(org_id, user_id)
                raise
            for address in misses:
                self._cache.put((org_id, user_id, address), found[address])
        return [found[address] for address in addresses]

    def _count(self, *, hits: int, misses: int) -> None:
        self._metrics.add(metrics.LOOKUPS)
        self._metrics.add(metrics.LOOKUP_CACHE_HITS, hits)
        self._metrics.add(metrics.LOOKUP_CACHE_MISSES, misses)

    def _fetch(self, org_id: str, user_id: str, misses: list[str]) -> dict[str, dict[str, Any]]:
        self._guard.check(org_id)
        salesforce = self._client_for(org_id, user_id)
        try:
            return records.fetch(salesforce, misses, self._now())
        except SalesforceApiError as exc:
            if exc.sf_code != "REQUEST_LIMIT_EXCEEDED":
                raise
            # Always salesforce_limit_exceeded. If the reading blocks misses (at or above the
            # share), retry when the block ends; otherwise it was another limit (too many
            # concurrent requests): retry soon.
            self._guard.record(org_id, salesforce.last_usage)
            blocked = self._guard.blocked(org_id)
            raise limit_exceeded(blocked[1] if blocked else CONCURRENCY_RETRY_AFTER) from None
        finally:  # success or failure: every answer's Sforce-Limit-Info is the new reading
            self._guard.record(org_id, salesforce.last_usage)

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self._clock.now(), UTC)

    # -- what other features tell the lookup (wired in deps) ------------------------------------
    def record_usage(self, org_id: str, usage: ApiUsage) -> None:
        """A Salesforce answer's API usage for the org, whatever feature made the call."""
        self._guard.record(org_id, usage)

    def invalidate(self, org_id: str, user_id: str, address: str) -> bool:
        """Forget what `user_id` saw for `address` (e.g. after that user created a Contact)."""
        return self._cache.discard((org_id, user_id, normalise(address)))

    def invalidate_user(self, org_id: str, user_id: str) -> int:
        """Forget everything `user_id` saw (their connection was revoked, or the account
        deleted): their next lookup needs Salesforce, and so a live connection."""
        return self._cache.discard_where(lambda key: key[0] == org_id and key[1] == user_id)

    def invalidate_address(self, org_id: str, address: str) -> int:
        """Forget `address` for every user of the org in this container (a record changed that
        others may see too). Other containers' entries expire within the cache lifetime."""
        normalised = normalise(address)
        return self._cache.discard_where(lambda key: key[0] == org_id and key[2] == normalised)
