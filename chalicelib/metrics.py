"""Business metrics: recorded anywhere, summed in memory, published at most every few seconds.

`add` only sums into this container's buffer; the middleware (`web.harden`) calls `flush` at
the end of every invocation, which publishes the buffer through Powertools Metrics (CloudWatch
EMF on stdout, namespace "Stratus") at most once per PUBLISH_INTERVAL_SECONDS. Powertools is
imported by the first flush that has something to publish: a cold start that records nothing
(/health) never pays for it.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from aws_lambda_powertools import Metrics

NAMESPACE = "Stratus"
SERVICE = "stratus-api"  # the `service` dimension (the Logger's service too)


class Unit(StrEnum):
    """CloudWatch units (the subset we use): every metric names its unit explicitly."""

    COUNT = "Count"
    SECONDS = "Seconds"


@dataclass(frozen=True)
class Metric:
    name: str
    unit: Unit


LOOKUPS = Metric("Lookups", Unit.COUNT)  # lookup requests (GET or POST /lookup)
LOOKUP_CACHE_HITS = Metric("LookupCacheHits", Unit.COUNT)  # addresses answered from memory
LOOKUP_CACHE_MISSES = Metric("LookupCacheMisses", Unit.COUNT)  # addresses that needed Salesforce
TOKEN_REFRESHES = Metric("TokenRefreshes", Unit.COUNT)  # access tokens refreshed at a provider
TRACKING_OPENS = Metric("TrackingOpens", Unit.COUNT)  # open events recorded (pixel)
TRACKING_CLICKS = Metric("TrackingClicks", Unit.COUNT)  # click events recorded (redirect)
#: hits stored without their count in the dashboard (two counter conflicts in a row)
TRACKING_UNCOUNTED = Metric("TrackingHitsUncounted", Unit.COUNT)
EMAILS_LOGGED = Metric("EmailsLogged", Unit.COUNT)  # emails logged to Salesforce
#: a created Lead or Contact whose record_created subscribers failed (a lookup may be stale)
RECORD_CREATED_HOOK_FAILURES = Metric("RecordCreatedHookFailures", Unit.COUNT)
#: signature parses that raised (a parser bug, answered as "no signature"): logged by type only
SIGNATURE_PARSE_ERRORS = Metric("SignatureParseErrors", Unit.COUNT)
#: refreshes a provider refused (a revoked grant, or a refusal to retry later): alarmed
TOKEN_REFRESH_FAILURES = Metric("TokenRefreshFailures", Unit.COUNT)
API_REQUESTS = Metric("ApiRequests", Unit.COUNT)  # every API answer (the middleware)
API_SERVER_ERRORS = Metric("ApiServerErrors", Unit.COUNT)  # answers with a 5xx: alarmed (rate)
#: the longest a calendar-sync message waited on its queue in the interval (a gauge: max)
CALENDAR_SYNC_LAG = Metric("CalendarSyncLagSeconds", Unit.SECONDS)
#: metrics whose interval value is the largest recorded, not the sum
GAUGES = frozenset({CALENDAR_SYNC_LAG})


class MetricsRecorder(Protocol):
    """What services are given to record a figure (a benchmark may pass its own)."""

    def add(self, metric: Metric, value: float = 1) -> None: ...


#: Figures are summed in memory and published at most this often per container (and by the
#: first invocation that records something): one EMF document per interval instead of one per
#: pixel keeps the hot path's cost flat (`make bench`). A container that Lambda reclaims loses
#: what it recorded since its last publication (at most its last interval of activity).
PUBLISH_INTERVAL_SECONDS = 10.0


class MetricsBuffer:
    """The figures recorded since the last publication, summed per metric."""

    def __init__(
        self,
        interval: float = PUBLISH_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lock = threading.Lock()
        self._pending: dict[Metric, float] = {}
        self._interval = interval
        self._clock = clock
        self._published_at = -math.inf

    def add(self, metric: Metric, value: float = 1) -> None:
        with self._lock:
            if metric in GAUGES:
                self._pending[metric] = max(self._pending.get(metric, 0.0), float(value))
            else:
                self._pending[metric] = self._pending.get(metric, 0.0) + float(value)

    def pending(self) -> list[tuple[Metric, float]]:
        """What the next publication would hold, in the order first recorded."""
        with self._lock:
            return list(self._pending.items())

    def flush(self, *, force: bool = False) -> None:
        """Publish and forget what was recorded, if the interval has passed since the last
        publication (or `force`: a job's last act); nothing, not even an import, when empty."""
        with self._lock:
            now = self._clock()
            if not self._pending or (not force and now - self._published_at < self._interval):
                return
            taken, self._pending, self._published_at = list(self._pending.items()), {}, now
        _publish(taken)


def _publish(recorded: list[tuple[Metric, float]]) -> None:
    emf = _powertools_metrics()
    try:
        for metric, value in recorded:
            emf.add_metric(name=metric.name, unit=metric.unit.value, value=value)
        emf.flush_metrics()
    finally:
        emf.clear_metrics()  # also when POWERTOOLS_METRICS_DISABLED keeps flush from clearing


@lru_cache(maxsize=1)
def _powertools_metrics() -> Metrics:
    from aws_lambda_powertools import Metrics

    return Metrics(namespace=NAMESPACE, service=SERVICE)


_BUFFER = MetricsBuffer()


def recorder() -> MetricsBuffer:
    """This container's buffer: what `deps` hands to the services."""
    return _BUFFER


def flush(*, force: bool = False) -> None:
    """Publish what was recorded once the interval has passed (the middleware calls this at the
    end of every invocation; a schedule or queue handler calls it with `force=True`)."""
    _BUFFER.flush(force=force)


class UsageCounting(Protocol):
    def count(self, org_id: str, user_id: str, feature: str, n: int = 1) -> None: ...


@dataclass(frozen=True)
class UsageWithMetrics:
    """A usage counter (chalicelib/usage.py) that also records some features as business
    metrics (feature name -> metric): one call site counts both."""

    counter: UsageCounting
    metrics: Mapping[str, Metric]
    recorder: MetricsRecorder = field(default_factory=recorder)

    def count(self, org_id: str, user_id: str, feature: str, n: int = 1) -> None:
        self.counter.count(org_id, user_id, feature, n)
        metric = self.metrics.get(feature)
        if metric is not None:
            self.recorder.add(metric, n)


def record_queue_wait(records: Sequence[Mapping[str, Any]], metric: Metric) -> None:
    """How long the oldest of a batch's SQS messages waited (now - its SentTimestamp, which
    Lambda's SQS event carries in `attributes`), as a gauge. Never raises."""
    sent = [
        int(str(r.get("attributes", {}).get("SentTimestamp", "")))
        for r in records
        if str(r.get("attributes", {}).get("SentTimestamp", "")).isdigit()
    ]
    if sent:
        _BUFFER.add(metric, max(0.0, time.time() - min(sent) / 1000))
