"""Business metrics: recorded anywhere during an invocation, published once at its end.

`add` only appends to this container's buffer; the middleware (`web.harden`) calls `flush`
once per invocation, which publishes the buffer through Powertools Metrics (CloudWatch EMF on
stdout, namespace "Stratus") and empties it. Powertools is imported by the first flush that has
something to publish: a cold start that records nothing (/health) never pays for it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from aws_lambda_powertools import Metrics

NAMESPACE = "Stratus"
SERVICE = "stratus-api"  # the `service` dimension (the Logger's service too)


class Unit(StrEnum):
    """CloudWatch units (the subset we use): every metric names its unit explicitly."""

    COUNT = "Count"


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


class MetricsRecorder(Protocol):
    """What services are given to record a figure (a benchmark may pass its own)."""

    def add(self, metric: Metric, value: float = 1) -> None: ...


class MetricsBuffer:
    """The metrics recorded since the last flush."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[tuple[Metric, float]] = []

    def add(self, metric: Metric, value: float = 1) -> None:
        with self._lock:
            self._pending.append((metric, float(value)))

    def pending(self) -> list[tuple[Metric, float]]:
        """What the next flush would publish, in the order recorded."""
        with self._lock:
            return list(self._pending)

    def flush(self) -> None:
        """Publish and forget what was recorded; nothing (not even an import) when empty."""
        with self._lock:
            taken, self._pending = self._pending, []
        if taken:
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


def flush() -> None:
    """Publish what this invocation recorded (called once per invocation by the middleware)."""
    _BUFFER.flush()
