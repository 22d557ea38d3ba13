"""Request outcomes for the status page: counted in memory per UTC minute, flushed with atomic
ADDs to one item per minute (`STATUS#<minute>`, an hour's TTL), read back over the last five
minutes by `GET /status` (chalicelib/status/).

The middleware counts every API request, its 5xx answers and, by the error's code, the
dependency that failed it (`storage_unavailable` -> database, `salesforce_unavailable` ->
salesforce, ...). Counting costs no request; a flush (at most once per FLUSH_INTERVAL_SECONDS
per container) is one UpdateItem per minute with counts. The tracking hot paths count but never
flush (their write budget is one event): a container that only serves pixels adds nothing, and
a container's death loses at most its last interval (the page's figures are rates: good
enough). A flush also records the answers as business metrics (ApiRequests, ApiServerErrors:
the 5xx-rate alarm of infra/template.yaml), so they too come at most once a minute.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Protocol

FLUSH_INTERVAL_SECONDS = 60.0
MAX_PENDING_MINUTES = 30  # older minutes are dropped (a table that keeps failing)
REQUESTS = "requests"
SERVER_ERRORS = "server_errors"  # answers with a 5xx status
#: The status page's components that an error's code names (chalicelib/errors.ErrorCode).
COMPONENT_OF_CODE: Mapping[str, str] = {
    "storage_unavailable": "database",
    "encryption_unavailable": "encryption",
    "queue_unavailable": "queue",
    "salesforce_unavailable": "salesforce",
    "salesforce_busy": "salesforce",
    "google_unavailable": "google",
    "google_busy": "google",
    "microsoft_unavailable": "microsoft",
    "microsoft_busy": "microsoft",
}


def failed(component: str) -> str:
    """The counter of requests that `component` failed."""
    return f"failed_{component}"


def calls(provider: str) -> str:
    """The counter of requests sent to `provider` (Salesforce, Google, Microsoft), by the API
    and the workers alike: the denominator of its error rate."""
    return f"calls_{provider}"


def call_failures(provider: str) -> str:
    """The counter of those that failed: no answer, a 5xx, or throttled (429)."""
    return f"call_failures_{provider}"


def provider_call(provider: str, status: int | None) -> None:
    """Count one request sent to `provider` and how it went (`status` None: no answer).
    Never raises; costs no request."""
    if not provider:
        return
    try:
        _OUTCOMES.called(provider, status is None or status >= 500 or status == 429)
    except Exception:  # counting never breaks a call
        return


class OutcomeSink(Protocol):
    """Where a minute's counts go (store/status.py's StatusCounters): one atomic ADD."""

    def add(self, minute: int, counts: Mapping[str, int]) -> None: ...


class Outcomes:
    """This container's counts per minute (epoch second // 60)."""

    def __init__(
        self,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        interval: float = FLUSH_INTERVAL_SECONDS,
    ) -> None:
        self._lock = threading.Lock()
        self._pending: dict[int, dict[str, int]] = {}
        self._wall = wall
        self._monotonic = monotonic
        self._interval = interval
        self._flushed_at = monotonic()

    def _add(self, name: str) -> None:
        minute = int(self._wall()) // 60
        with self._lock:
            counts = self._pending.setdefault(minute, {})
            counts[name] = counts.get(name, 0) + 1
            while len(self._pending) > MAX_PENDING_MINUTES:
                del self._pending[min(self._pending)]

    def request(self, status: int) -> None:
        """One API answer."""
        self._add(REQUESTS)
        if status >= 500:
            self._add(SERVER_ERRORS)

    def called(self, provider: str, failed_call: bool) -> None:
        """One request to `provider`, and whether it failed."""
        self._add(calls(provider))
        if failed_call:
            self._add(call_failures(provider))

    def error(self, code: str) -> None:
        """An error answered with `code`: counted against the component it names, if any."""
        component = COMPONENT_OF_CODE.get(code)
        if component is not None:
            self._add(failed(component))

    def reset(self) -> None:
        """Forget every count (a new container: deps.reset)."""
        with self._lock:
            self._pending = {}
            self._flushed_at = self._monotonic()

    def pending(self) -> dict[int, dict[str, int]]:
        with self._lock:
            return {minute: dict(counts) for minute, counts in self._pending.items()}

    def flush(self, sink: OutcomeSink, *, force: bool = False) -> None:
        """Send the counts (at most once per interval, unless `force`); what a failed write
        kept is sent again next time. Never raises."""
        with self._lock:
            now = self._monotonic()
            if not self._pending or (not force and now - self._flushed_at < self._interval):
                return
            taken, self._pending, self._flushed_at = self._pending, {}, now
        for minute in sorted(taken):
            try:
                sink.add(minute, taken[minute])
                _as_metrics(taken.pop(minute))
            except Exception:
                from chalicelib.logs import logger

                logger.warning("status counts not flushed", exc_info=True)
                break
        with self._lock:  # what was not sent waits for the next flush
            for minute, counts in taken.items():
                mine = self._pending.setdefault(minute, {})
                for name, n in counts.items():
                    mine[name] = mine.get(name, 0) + n


def _as_metrics(counts: Mapping[str, int]) -> None:
    """The flushed answers also go out as business metrics (the 5xx-rate alarm's): with the
    flush, so an invocation that flushes nothing publishes nothing (metrics.py)."""
    from chalicelib import metrics

    metrics.recorder().add(metrics.API_REQUESTS, counts.get(REQUESTS, 0))
    if counts.get(SERVER_ERRORS):
        metrics.recorder().add(metrics.API_SERVER_ERRORS, counts[SERVER_ERRORS])


_OUTCOMES = Outcomes()
_SINK: list[Callable[[], OutcomeSink]] = []


def outcomes() -> Outcomes:
    """This container's counts."""
    return _OUTCOMES


def use_sink(factory: Callable[[], OutcomeSink]) -> None:
    """Where flushes go (deps registers the table's counters; built on the first flush)."""
    _SINK[:] = [factory]


def flush(*, force: bool = False) -> None:
    """Flush through the registered sink (nothing before one is registered). Never raises."""
    if not _SINK:
        return
    try:
        sink = _SINK[0]()
    except Exception:
        from chalicelib.logs import logger

        logger.warning("status counters unavailable", exc_info=True)
        return
    _OUTCOMES.flush(sink, force=force)
