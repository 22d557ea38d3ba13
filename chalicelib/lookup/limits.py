"""The org's Salesforce API usage as this container last saw it, and the rule that spends it.

Every Salesforce answer carries `Sforce-Limit-Info: api-usage=<used>/<limit>`; the lookup
service records the latest reading per org. At or above `share` of the daily limit, lookups are
served from the cache only: a miss is answered 503 `salesforce_limit_near` (or
`salesforce_limit_exceeded` when the reading is at the limit) with `Retry-After`.

The reading only changes when we call Salesforce, so a block must end by itself: a reading older
than `max_age_seconds` (the cache lifetime) no longer blocks, and the next miss is served and
refreshes it. While the org stays near its limit this costs at most about one call per org,
per container, per cache lifetime; once usage falls (the limit is a rolling 24 hours), misses
are served again.
"""

from __future__ import annotations

import math

from chalicelib.caching import TTLCache
from chalicelib.clock import Clock
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.providers.salesforce.client import ApiUsage


def _retry_after(seconds: float) -> dict[str, str]:
    return {"Retry-After": str(max(1, math.ceil(seconds)))}


def limit_exceeded(retry_after: float) -> StratusError:
    """503: Salesforce refuses the org's requests (REQUEST_LIMIT_EXCEEDED, or a reading at the
    limit); retry after `retry_after` seconds."""
    return StratusError(
        ErrorCode.SALESFORCE_LIMIT_EXCEEDED,
        "The org's Salesforce API limit is exhausted; only recent lookups can be shown.",
        503,
        _retry_after(retry_after),
    )


def limit_error(usage: ApiUsage, retry_after: float) -> StratusError:
    """503 near or at the limit, telling the client when a miss may be served again."""
    if usage.limit and usage.used >= usage.limit:
        return limit_exceeded(retry_after)
    return StratusError(
        ErrorCode.SALESFORCE_LIMIT_NEAR,
        "The org is close to its daily Salesforce API limit; only recent lookups can be shown.",
        503,
        _retry_after(retry_after),
    )


class UsageGuard:
    """The last `Sforce-Limit-Info` reading per org while it is fresh, and whether a miss may
    call Salesforce."""

    def __init__(
        self, clock: Clock, share: float, max_age_seconds: float, max_orgs: int = 1024
    ) -> None:
        self._clock = clock
        self.share = share
        self.max_age_seconds = max_age_seconds
        self._readings: TTLCache[str, tuple[float, ApiUsage]] = TTLCache(
            clock, ttl=max_age_seconds, max_entries=max_orgs
        )

    def record(self, org_id: str, usage: ApiUsage | None) -> None:
        if usage is not None:
            self._readings.put(org_id, (self._clock.now(), usage))

    def reading(self, org_id: str) -> ApiUsage | None:
        """The org's fresh reading (younger than `max_age_seconds`), or None."""
        seen = self._readings.get(org_id)
        return seen[1] if seen else None

    def blocked(self, org_id: str) -> tuple[ApiUsage, float] | None:
        """The org's fresh reading at or above the share and how many seconds it still blocks
        misses; None when a miss may call Salesforce."""
        seen = self._readings.get(org_id)
        if seen is None:
            return None
        seen_at, usage = seen
        if not usage.limit or usage.share < self.share:
            return None
        return usage, self.max_age_seconds - (self._clock.now() - seen_at)

    def check(self, org_id: str) -> None:
        """Raise 503 when the org's fresh reading is at or above the share; else return."""
        blocked = self.blocked(org_id)
        if blocked is not None:
            raise limit_error(*blocked)
