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

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from chalicelib import metrics, usage
from chalicelib.addresses import normalise
from chalicelib.caching import TTLCache
from chalicelib.clock import Clock
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.lookup import records
from chalicelib.lookup.limits import UsageGuard, limit_exceeded
from chalicelib.providers.salesforce.client import (
    ApiUsage,
    Deadline,
    SalesforceApiError,
    SalesforceClient,
)
from chalicelib.settings import Settings
from chalicelib.usage import NOT_COUNTED, UsageCounter

if TYPE_CHECKING:
    from chalicelib.metrics import MetricsRecorder
    from chalicelib.sessions import Principal

CONCURRENCY_RETRY_AFTER = 60  # a REQUEST_LIMIT_EXCEEDED while the reading does not block misses

CacheKey = tuple[str, str, str]  # (org id, user id, normalised address)
ClientFor = Callable[[str, str], SalesforceClient]  # (org id, user id) -> the user's client
#: (org id, user id, addresses) -> those the user created a record for lately, in any container
CreatedAmong = Callable[[str, str, Sequence[str]], set[str]]


def _nothing_created(org_id: str, user_id: str, addresses: Sequence[str]) -> set[str]:
    return set()


class Lookups:
    """The lookup service of one container: its cache and its view of each org's API usage."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        client_for: ClientFor,
        recorder: MetricsRecorder,
        usage: UsageCounter = NOT_COUNTED,
        created_among: CreatedAmong = _nothing_created,
    ) -> None:
        lifetime = settings.lookup_cache_seconds
        self._cache: TTLCache[CacheKey, dict[str, Any]] = TTLCache(
            clock, lifetime, settings.lookup_cache_entries
        )
        self._guard = UsageGuard(clock, settings.lookup_limit_share, lifetime)
        self._clock = clock
        self._client_for = client_for
        self._metrics = recorder
        self._usage = usage  # the dashboard's figures: in memory (chalicelib/usage.py)
        # asked before a cached "not found" is served: a record created in another container
        self._created_among = created_among

    def lookup(self, principal: Principal, addresses: Sequence[str]) -> list[dict[str, Any]]:
        """Results for distinct normalised addresses, in their order; the user's Salesforce
        client is built only when at least one address is not cached for this user."""
        return self.lookup_with(principal, addresses, {})[0]

    def lookup_with(
        self,
        principal: Principal,
        addresses: Sequence[str],
        extra: Mapping[str, str],
        deadline: Deadline | None = None,
    ) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]] | None]:
        """`lookup`, and other SOQL queries (reference -> query; the email logging's Users and
        Message-ID) riding in the same Composite call when Salesforce must be asked for a
        miss: their records, or None when every address was cached (no call at all).
        `deadline`: when that call must have ended (a client-held email logged in a request)."""
        org_id, user_id = principal.org_id, principal.user_id
        found: dict[str, dict[str, Any]] = {}
        misses: list[str] = []
        for address in addresses:
            hit = self._cache.get((org_id, user_id, address))
            if hit is None:
                misses.append(address)
            else:
                found[address] = hit
        stale = self._created_since_cached(org_id, user_id, found)
        for address in stale:
            del found[address]
        misses = [a for a in addresses if a not in found]
        self._count(principal, hits=len(found), misses=len(misses))
        extra_records = None
        if misses:
            try:
                fetched, extra_records = self._fetch(org_id, user_id, misses, extra, deadline)
            except StratusError as exc:
                if exc.code == ErrorCode.SALESFORCE_REAUTH_REQUIRED:  # e.g. revoked elsewhere
                    self.invalidate_user(org_id, user_id)
                raise
            found.update(fetched)
            for address in misses:
                self._cache.put((org_id, user_id, address), found[address])
        return [found[address] for address in addresses], extra_records

    def _created_since_cached(
        self, org_id: str, user_id: str, cached: Mapping[str, dict[str, Any]]
    ) -> set[str]:
        """The cached "not found" answers the user has since made wrong by creating a record
        (in any container); asked only when such an answer is about to be served."""
        empty = [address for address, hit in cached.items() if not hit.get("matches")]
        return self._created_among(org_id, user_id, empty) if empty else set()

    def _count(self, principal: Principal, *, hits: int, misses: int) -> None:
        self._metrics.add(metrics.LOOKUPS)
        self._metrics.add(metrics.LOOKUP_CACHE_HITS, hits)
        self._metrics.add(metrics.LOOKUP_CACHE_MISSES, misses)
        org_id, user_id = principal.org_id, principal.user_id
        self._usage.count(org_id, user_id, usage.LOOKUPS, hits + misses)
        self._usage.count(org_id, user_id, usage.LOOKUPS_CACHED, hits)

    def _fetch(
        self,
        org_id: str,
        user_id: str,
        misses: list[str],
        extra: Mapping[str, str],
        deadline: Deadline | None = None,
    ) -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
        self._guard.check(org_id)
        salesforce = self._client_for(org_id, user_id)
        salesforce.deadline = deadline
        try:
            self._usage.count(org_id, user_id, usage.SALESFORCE_API_CALLS)  # one Composite
            return records.fetch_with(salesforce, misses, self._now(), extra)
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
