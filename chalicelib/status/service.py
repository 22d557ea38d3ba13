"""The status of Stratus and its dependencies, computed at most every CACHE_SECONDS per
container, from the request counts of the last five minutes (chalicelib/outcomes.py) and one
probe per dependency. It names no user, org, key or queue URL, and publishes rates, latencies
and ages only, never a volume (requests, messages): anyone may read it. A provider's error rate
is over the calls sent to it (by the API and the workers), not over all requests.

States: `operational`, `degraded` (working, slower or failing some requests), `down`. The
whole is `down` when the API or the database is, `degraded` when any component is not
operational, else `operational`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from chalicelib import outcomes
from chalicelib.logs import logger
from chalicelib.status.probes import QueueFigures
from chalicelib.store.status import StatusCounters

State = Literal["operational", "degraded", "down"]
OPERATIONAL: State = "operational"
DEGRADED: State = "degraded"
DOWN: State = "down"
CACHE_SECONDS = 30.0
WINDOW_MINUTES = 5
COMPONENTS = (
    "api",
    "database",
    "encryption",
    "queue",
    "salesforce",
    "google",
    "microsoft",
    "calendar_sync",
)
PROVIDERS = ("salesforce", "google", "microsoft")
#: Share of requests failed (5xx for the API; by that dependency for the others) from which a
#: component is degraded, and down (with at least MIN_FAILURES failures).
DEGRADED_RATE = 0.05
DOWN_RATE = 0.5
MIN_FAILURES = 3
#: Age of the oldest waiting message from which the queue is degraded (a worker keeps up in
#: seconds; the infra/ alarm fires at the same age).
QUEUE_AGE_DEGRADED_SECONDS = 600
#: Calendar sync runs every 10 minutes: a lag over three rounds is degraded.
SYNC_LAG_DEGRADED_SECONDS = 1800
_COUNTS = (
    outcomes.REQUESTS,
    outcomes.SERVER_ERRORS,
    *(outcomes.failed(c) for c in ("database", "encryption", "queue")),
    *(outcomes.calls(p) for p in PROVIDERS),
    *(outcomes.call_failures(p) for p in PROVIDERS),
)


@dataclass(frozen=True)
class Component:
    state: State
    figure: Mapping[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"state": self.state, **self.figure}


def _by_rate(failures: int, requests: int) -> State:
    rate = failures / requests if requests else 0.0
    if failures >= MIN_FAILURES and rate >= DOWN_RATE:
        return DOWN
    return DEGRADED if failures and rate >= DEGRADED_RATE else OPERATIONAL


def _rate_figure(failures: int, requests: int) -> dict[str, Any]:
    return {"error_rate": round(failures / requests, 4) if requests else 0.0}


def _worst(*states: State) -> State:
    order = (OPERATIONAL, DEGRADED, DOWN)
    return max(states, key=order.index)


@dataclass
class StatusPage:
    """The `/status` feature."""

    counters: StatusCounters
    key_state: Callable[[], str]
    queue: Callable[[str], QueueFigures]
    queue_names: Sequence[str]  # every job queue (the figure is the worst of them)
    calendar_queue_name: str
    monotonic: Callable[[], float] = time.monotonic
    wall: Callable[[], float] = time.time
    #: the calendar sync lag metric's latest maximum (None: no sync ran; probes.SyncLagProbe)
    sync_lag: Callable[[], int | None] = lambda: None
    _cached: tuple[float, dict[str, Any]] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def status(self) -> dict[str, Any]:
        """The status, as computed at most CACHE_SECONDS ago in this container."""
        with self._lock:
            now = self.monotonic()
            if self._cached is not None and now - self._cached[0] < CACHE_SECONDS:
                return self._cached[1]
            computed = self._compute()
            self._cached = (now, computed)
            return computed

    def _compute(self) -> dict[str, Any]:
        outcomes.flush(force=True)  # this container's own counts are in it
        counts, database = self._database()
        requests = counts[outcomes.REQUESTS]
        components: dict[str, Component] = {
            "api": Component(
                _by_rate(counts[outcomes.SERVER_ERRORS], requests),
                _rate_figure(counts[outcomes.SERVER_ERRORS], requests),
            ),
            "database": database,
            "encryption": self._encryption(counts, requests),
            **self._queues(counts, requests),
        }
        for provider in PROVIDERS:
            failures = counts[outcomes.call_failures(provider)]
            sent = counts[outcomes.calls(provider)]
            components[provider] = Component(_by_rate(failures, sent), _rate_figure(failures, sent))
        return self._answer(components)

    def _answer(self, components: Mapping[str, Component]) -> dict[str, Any]:
        overall = _worst(*(c.state for c in components.values()))
        core = (components["api"].state, components["database"].state)
        if overall == DOWN and DOWN not in core:
            overall = DEGRADED  # a dependency out of reach: the rest of Stratus still works
        return {
            "status": overall,
            "computed_at": int(self.wall()),
            "window_minutes": WINDOW_MINUTES,
            "components": {name: components[name].as_dict() for name in COMPONENTS},
        }

    def _database(self) -> tuple[dict[str, int], Component]:
        """The counts of the window, and the database's state by that very read."""
        minute = int(self.wall()) // 60
        started = self.monotonic()
        try:
            counts = self.counters.summed(range(minute - WINDOW_MINUTES + 1, minute + 1), _COUNTS)
        except Exception:
            logger.warning("status: the table did not answer", exc_info=True)
            return dict.fromkeys(_COUNTS, 0), Component(DOWN, {"latency_ms": None})
        latency = round((self.monotonic() - started) * 1000)
        failures = counts[outcomes.failed("database")]
        state = _by_rate(failures, counts[outcomes.REQUESTS])
        figure = {"latency_ms": latency, **_rate_figure(failures, counts[outcomes.REQUESTS])}
        return counts, Component(state, figure)

    def _encryption(self, counts: Mapping[str, int], requests: int) -> Component:
        started = self.monotonic()
        failures = counts[outcomes.failed("encryption")]
        try:
            usable = self.key_state() == "Enabled"
        except Exception:
            logger.warning("status: the key did not answer", exc_info=True)
            usable = False
        latency = round((self.monotonic() - started) * 1000)
        state = _by_rate(failures, requests) if usable else DOWN
        return Component(state, {"latency_ms": latency, **_rate_figure(failures, requests)})

    def _queues(self, counts: Mapping[str, int], requests: int) -> dict[str, Component]:
        figures: dict[str, QueueFigures | None] = {}
        for name in dict.fromkeys([*self.queue_names, self.calendar_queue_name]):
            try:
                figures[name] = self.queue(name)
            except Exception:
                logger.warning("status: a queue did not answer", exc_info=True)
                figures[name] = None
        known = [f for f in figures.values() if f is not None]
        oldest = max((f.oldest_age_seconds for f in known), default=0)
        failures = counts[outcomes.failed("queue")]
        queue_state = (
            DOWN
            if len(known) < len(figures)
            else _worst(
                _by_rate(failures, requests),
                DEGRADED if oldest >= QUEUE_AGE_DEGRADED_SECONDS else OPERATIONAL,
            )
        )
        return {
            "queue": Component(queue_state, {"oldest_message_age_seconds": oldest}),
            "calendar_sync": self._calendar_sync(figures.get(self.calendar_queue_name)),
        }

    def _calendar_sync(self, queue: QueueFigures | None) -> Component:
        """The lag: how long syncs waited before a worker ran them (the sync lag metric), or
        the oldest one still waiting if longer; down when its queue does not answer."""
        try:
            measured = self.sync_lag()
        except Exception:
            logger.warning("status: the sync lag metric did not answer", exc_info=True)
            measured = None
        if queue is None:
            return Component(DOWN, {"lag_seconds": measured})
        lag = max(measured or 0, queue.oldest_age_seconds)
        state = DEGRADED if lag >= SYNC_LAG_DEGRADED_SECONDS else OPERATIONAL
        return Component(state, {"lag_seconds": lag})
