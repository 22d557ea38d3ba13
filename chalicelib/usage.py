"""Usage figures for the admin dashboard: every feature use, per org, per user and per UTC day.

`Usage.count(org_id, user_id, feature, n)` only adds to this container's memory, and never
flushes: it is called on a hot path (a cached lookup) and must cost it no request. Opens and
clicks are not counted here: each hit adds its org's count in the same transaction as its
event (`store/usage.py` `hit_adds`, sharded; read by `UsageItems.hits`), so the pixel and
the redirect make only their one write and none of their figures waits in memory. They are
counted per org, not per user (no per-user figure shows them). The sums go to the table
with atomic ADDs (`store/usage.py`: one transaction per (org, user, day) and one per
(org, day)) when FLUSH_INTERVAL_SECONDS have passed since the last flush, by `flush_due()`,
which the middleware calls after any request that is not a hot path (chalicelib/web.py), or by
`flush(force=True)`: a worker's last act, the dashboard before it reads. Nothing is read to
count.

Bounded loss (docs/architecture.md, "Usage figures"): a container that Lambda reclaims loses what
it counted since its last flush, at most one interval of its own activity (a container that
served only lookups since: all of it, up to MAX_PENDING entries); a flush that fails
keeps its sums for the next one, up to MAX_PENDING entries (beyond, new entries are dropped and
logged); a flush whose reply is lost after DynamoDB applied it may count that interval twice
(ADD is not idempotent). The figures are for a dashboard, not for billing.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from typing import Protocol

from chalicelib.clock import Clock
from chalicelib.logs import logger

#: Feature names: what `count` accepts (a DynamoDB attribute name part, safe in a CSV header).
FEATURE_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,47}")

LOOKUPS = "lookups"  # addresses looked up
LOOKUPS_CACHED = "lookups_cached"  # of those, answered from the container's cache
SALESFORCE_API_CALLS = "salesforce_api_calls"  # API calls made to Salesforce for a user
TRACKED_MESSAGES = "tracked_messages"  # messages prepared for tracking
EMAILS_LOGGED = "emails_logged"  # emails logged to Salesforce
ATTACHMENTS_SAVED = "attachments_saved"  # attachments saved to Salesforce
ATTACHMENT_BYTES = "attachment_bytes"  # their bytes
EVENTS_TO_SALESFORCE = "events_synced_to_salesforce"  # calendar events synced into Salesforce
EVENTS_FROM_SALESFORCE = "events_synced_from_salesforce"  # and out of it

#: The dashboard's features, in its order, with their labels (opens and clicks come per verdict).
LABELS: dict[str, str] = {
    LOOKUPS: "Lookups",
    LOOKUPS_CACHED: "Lookups served from cache",
    SALESFORCE_API_CALLS: "Salesforce API calls",
    EMAILS_LOGGED: "Emails logged",
    ATTACHMENTS_SAVED: "Attachments saved",
    ATTACHMENT_BYTES: "Attachment bytes saved",
    EVENTS_TO_SALESFORCE: "Events synced to Salesforce",
    EVENTS_FROM_SALESFORCE: "Events synced from Salesforce",
    TRACKED_MESSAGES: "Tracked messages",
}
_OPENS = "opens_"
_CLICKS = "clicks_"


def opens(verdict: str) -> str:
    """The feature counting open events of a verdict (`human`, `apple_mpp`, ...)."""
    return _OPENS + verdict


def clicks(verdict: str) -> str:
    """The feature counting click events of a verdict."""
    return _CLICKS + verdict


def label(feature: str) -> str:
    """A feature's name for people."""
    if feature in LABELS:
        return LABELS[feature]
    for prefix, kind in ((_OPENS, "Opens"), (_CLICKS, "Clicks")):
        if feature.startswith(prefix):
            return f"{kind} ({feature[len(prefix) :].replace('_', ' ')})"
    return feature.replace("_", " ").capitalize()


def ordered(features: set[str] | frozenset[str]) -> list[str]:
    """Every known feature in the dashboard's order, then opens and clicks, then the rest."""
    extra = sorted(features - set(LABELS), key=lambda f: (not f.startswith(_OPENS), f))
    return [*LABELS, *extra]


def utc_day(epoch_seconds: float) -> date:
    return datetime.fromtimestamp(epoch_seconds, UTC).date()


class UsageCounter(Protocol):
    """What a feature is given to count its uses (never raises, never makes a request)."""

    def count(self, org_id: str, user_id: str, feature: str, n: int = 1) -> None: ...


class NotCounted:
    """A UsageCounter that keeps nothing: for a service built without the dashboard's figures
    (a benchmark's own collaborators)."""

    def count(self, org_id: str, user_id: str, feature: str, n: int = 1) -> None:
        return None


NOT_COUNTED = NotCounted()


class UsageSink(Protocol):
    """Where sums go (store/usage.py's UsageItems); each call is one atomic ADD."""

    def add_user_day(
        self, org_id: str, user_id: str, day: date, counts: Mapping[str, int], last_at: int
    ) -> None: ...

    def add_org_day(self, org_id: str, day: date, counts: Mapping[str, int]) -> None: ...


UserDay = tuple[str, str, date]  # (org, user, day)
OrgDay = tuple[str, date]  # (org, day)

FLUSH_INTERVAL_SECONDS = 60.0
#: Distinct (org, user, day) and (org, day) entries kept in memory at most (a failing table).
MAX_PENDING = 20_000
#: UpdateItems one flush sends at most: the rest waits for the next count (which finds it due),
#: so no single request carries a whole busy container's backlog.
MAX_WRITES_PER_FLUSH = 40


@dataclass
class _Pending:
    users: dict[UserDay, dict[str, int]] = field(default_factory=dict)
    last_at: dict[UserDay, int] = field(default_factory=dict)
    orgs: dict[OrgDay, dict[str, int]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.users) + len(self.orgs)

    def new_entries(self, user_day: UserDay, org_day: OrgDay) -> int:
        return (user_day not in self.users) + (org_day not in self.orgs)

    def keep_user(self, user_day: UserDay, counts: Mapping[str, int], last_at: int) -> None:
        _sum_into(self.users.setdefault(user_day, {}), counts)
        self.last_at[user_day] = max(last_at, self.last_at.get(user_day, 0))

    def keep_org(self, org_day: OrgDay, counts: Mapping[str, int]) -> None:
        _sum_into(self.orgs.setdefault(org_day, {}), counts)


def _sum_into(target: dict[str, int], counts: Mapping[str, int]) -> None:
    for feature, n in counts.items():
        target[feature] = target.get(feature, 0) + n


class Usage:
    """This container's usage sums and their flushes (one per container, built by deps)."""

    def __init__(
        self,
        sink: UsageSink,
        clock: Clock,
        interval: float = FLUSH_INTERVAL_SECONDS,
        max_pending: int = MAX_PENDING,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sink = sink
        self._clock = clock  # what day a use falls on
        self._monotonic = monotonic  # when a flush is due (this container's time, as metrics.py)
        self._interval = interval
        self._max_pending = max_pending
        self._lock = threading.Lock()
        self._pending = _Pending()
        self._flushed_at = monotonic()
        self._backlog = False  # the last flush left entries behind: the next count flushes
        self.dropped = 0  # uses not counted because MAX_PENDING was reached

    def count(self, org_id: str, user_id: str, feature: str, n: int = 1) -> None:
        """Add `n` uses of `feature` by the user today (UTC), in memory only (no request, ever).
        A feature name outside FEATURE_PATTERN is a bug (ValueError)."""
        if not FEATURE_PATTERN.fullmatch(feature):
            raise ValueError(f"not a feature name: {feature!r}")
        if n <= 0:
            return
        now = self._clock.now()
        self._add(org_id, user_id, utc_day(now), feature, n, int(now))

    def flush_due(self) -> None:
        """Flush if FLUSH_INTERVAL_SECONDS have passed since the last flush, or the last one left
        entries behind. Never raises; never call it inside a hot path's request."""
        with self._lock:
            due = bool(self._pending) and (
                self._backlog or self._monotonic() - self._flushed_at >= self._interval
            )
        if due:
            self.flush()

    def _add(self, org: str, user: str, day: date, feature: str, n: int, at: int) -> None:
        with self._lock:
            user_day, org_day = (org, user, day), (org, day)
            new = self._pending.new_entries(user_day, org_day)
            if new and len(self._pending) + new > self._max_pending:
                self.dropped += n
                return
            self._pending.keep_user(user_day, {feature: n}, at)
            self._pending.keep_org(org_day, {feature: n})

    def pending(self) -> int:
        """Entries waiting for a flush."""
        with self._lock:
            return len(self._pending)

    def flush(self, *, force: bool = False) -> None:
        """Send the sums (at most MAX_WRITES_PER_FLUSH UpdateItems; `force`: all of them). What
        a failed write held is kept for the next flush. Never raises."""
        with self._lock:
            taken, self._pending = self._pending, _Pending()
            self._flushed_at = self._monotonic()
        budget = len(taken) if force else MAX_WRITES_PER_FLUSH
        left = self._send(taken, budget)
        with self._lock:
            self._merge(left)
            self._backlog = bool(left)
        if self.dropped:
            logger.warning("usage figures dropped", extra={"uses": self.dropped})
            self.dropped = 0

    def _send(self, taken: _Pending, budget: int) -> _Pending:
        """Write entries until the budget is spent or a write fails; what is left, unwritten."""
        left = _Pending()
        jobs: list[tuple[Callable[[], None], Callable[[], None]]] = []
        for user_day, counts in taken.users.items():
            at = taken.last_at[user_day]
            jobs.append(
                (
                    partial(self._sink.add_user_day, *user_day, counts, at),
                    partial(left.keep_user, user_day, counts, at),
                )
            )
        for org_day, totals in taken.orgs.items():
            jobs.append(
                (
                    partial(self._sink.add_org_day, *org_day, totals),
                    partial(left.keep_org, org_day, totals),
                )
            )
        sending = True
        for send, keep in jobs:
            if sending and budget > 0:
                budget -= 1
                sending = _written(send)
                if sending:
                    continue
            keep()
        return left

    def _merge(self, left: _Pending) -> None:
        """Put unwritten entries back (under the lock), summed with what came meanwhile."""
        for user_day, counts in left.users.items():
            self._pending.keep_user(user_day, counts, left.last_at[user_day])
        for org_day, totals in left.orgs.items():
            self._pending.keep_org(org_day, totals)


def _written(send: Callable[[], None]) -> bool:
    try:
        send()
    except Exception:  # out of reach: kept for the next flush; counting never breaks a use
        logger.warning("usage figures not flushed yet", exc_info=True)
        return False
    return True


_COUNTER: list[Callable[[], Usage]] = []


def use_counter(factory: Callable[[], Usage]) -> None:
    """This container's counter, for `flush_due` (deps registers it; built on first use)."""
    _COUNTER[:] = [factory]


def flush_due() -> None:
    """Flush this container's counter if due (nothing before one is registered). The
    middleware's call after a request that is not a hot path. Never raises."""
    if not _COUNTER:
        return
    try:
        _COUNTER[0]().flush_due()
    except Exception:
        logger.warning("usage figures not flushed yet", exc_info=True)
