"""Usage items: daily sums per org and per user (chalicelib/usage.py adds to them, the admin
dashboard reads them), and the org's opens and clicks per day in HIT_SHARDS counter shards
(added by the hits themselves: `hit_adds`). Each feature's sum is its own attribute,
`count#<feature>`, so a flush is one UpdateItem of atomic ADDs and a new feature needs no
migration. Every item dies RETENTION_DAYS after its day (TTL)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from chalicelib import usage
from chalicelib.errors import ConditionFailed
from chalicelib.logs import logger
from chalicelib.store import keys
from chalicelib.store.org_deletion import org_tag
from chalicelib.store.table import Adds, Check, Item, Store

RETENTION_DAYS = 400
COUNT_PREFIX = "count#"
#: An event's kind -> its feature (chalicelib/usage.py names them per verdict).
_HIT_FEATURES = {"open": usage.opens, "click": usage.clicks}


def expires_at(day: date) -> int:
    """RETENTION_DAYS after the day has ended (UTC)."""
    end = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)
    return int((end + timedelta(days=RETENTION_DAYS)).timestamp())


def hit_shard(event_id: str, attempt: int = 0) -> int:
    """The counter shard of an event (spread by its id); `attempt` 1: the next one, for a
    retry after a conflict on the first."""
    return (zlib.crc32(event_id.encode("utf-8")) + attempt) % keys.HIT_SHARDS


def hit_adds(org_id: str, day: date, shard: int, kind: str, verdict: str) -> Adds:
    """The org's count of one open or click (`opens_<verdict>`/`clicks_<verdict>`) on its UTC
    day, added in one counter shard in the same transaction as the event's write
    (store/tracking_events.py): counted exactly when the event is new, kept RETENTION_DAYS
    whatever becomes of the event or its sender's account."""
    return Adds(
        keys.org_hits_key(org_id, shard, day.isoformat()),
        "ADD #c :one SET expires_at = :exp",
        {":one": 1, ":exp": expires_at(day)},
        {"#c": COUNT_PREFIX + _HIT_FEATURES[kind](verdict)},
    )


def _adds(counts: Mapping[str, int]) -> tuple[str, dict[str, str], dict[str, Any]]:
    names = {f"#c{i}": COUNT_PREFIX + feature for i, feature in enumerate(counts)}
    values: dict[str, Any] = {f":c{i}": int(n) for i, n in enumerate(counts.values())}
    return "ADD " + ", ".join(f"#c{i} :c{i}" for i in range(len(counts))), names, values


def counts_of(item: Mapping[str, Any]) -> dict[str, int]:
    """The feature sums an item holds."""
    return {
        name[len(COUNT_PREFIX) :]: int(value)
        for name, value in item.items()
        if name.startswith(COUNT_PREFIX)
    }


def _months(first: date, last: date) -> Iterator[str]:
    """`YYYY-MM` of every month from first's to last's: the sort-key prefixes to query."""
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield f"{year:04d}-{month:02d}"
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass
class UserUsage:
    """A user's sums over a period, and the last second they used anything in it."""

    counts: dict[str, int] = field(default_factory=dict)
    last_at: int | None = None


class UsageItems:
    """Reads and atomic ADDs of the usage items (a `usage.UsageSink`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def add_user_day(
        self, org_id: str, user_id: str, day: date, counts: Mapping[str, int], last_at: int
    ) -> None:
        """Add to the user's day (created by the first ADD) while the user's profile exists
        (one transaction; a deleted account's counts are dropped). `last_at` is the latest use
        the flush knew of (another container's later flush may set an earlier one: minutes)."""
        expression, names, values = _adds(counts)
        values.update(
            {
                ":last": int(last_at),
                ":exp": expires_at(day),
                ":g": keys.org_user_usage_index(org_id),
                ":gs": keys.user_usage_index_sk(user_id, day.isoformat()),
            }
        )
        expression += " SET last_at = :last, expires_at = :exp, gsi1pk = :g, gsi1sk = :gs"
        key = keys.user_usage_key(org_id, user_id, day.isoformat())
        try:  # only while the user's profile exists: a flush never recreates a deleted account
            self._store.update(
                key, expression, values, names, requires=keys.profile_key(org_id, user_id)
            )
        except ConditionFailed:
            logger.info("usage of a deleted account dropped", extra={"org_id": org_id})

    def add_org_day(self, org_id: str, day: date, counts: Mapping[str, int]) -> None:
        """Add to the org's day unless the org is being deleted, or was deleted on or after
        that day (one transaction): a late flush of another container never recreates a
        deleted org's item. An org that signs in again after its deletion counts from the
        next day on (its users' days count at once: their new profiles)."""
        expression, names, values = _adds(counts)
        values[":exp"] = expires_at(day)
        key = keys.org_usage_key(org_id, day.isoformat())
        start = int(datetime.combine(day, time.min, UTC).timestamp())
        no_deletion = Check(
            keys.org_deletion_key(org_tag(org_id)),
            "attribute_not_exists(pk) OR (#phase = :done AND #finished < :day_start)",
            {":done": "done", ":day_start": start},
            {"#phase": "phase", "#finished": "finished_at"},
        )
        try:
            self._store.update(
                key, expression + " SET expires_at = :exp", values, names, checks=[no_deletion]
            )
        except ConditionFailed:
            logger.info("usage of a deleted org dropped", extra={"org_id": org_id})

    def _between(self, pk: str, first: date, last: date, index: str | None) -> Iterator[Item]:
        sort_key = "gsi1sk" if index else "sk"
        low, high = first.isoformat(), last.isoformat()
        for month in _months(first, last):
            prefix = f"{keys.USAGE_PREFIX}{month}"
            for item in self._store.query_all(pk, sk_prefix=prefix, index=index):
                day = str(item[sort_key])[len(keys.USAGE_PREFIX) :][:10]
                if low <= day <= high:
                    yield item

    def org_days(self, org_id: str, first: date, last: date) -> dict[str, dict[str, int]]:
        """`YYYY-MM-DD` -> feature -> sum, for the days of [first, last] with any use."""
        return {
            str(item["sk"])[len(keys.USAGE_PREFIX) :]: counts_of(item)
            for item in self._between(keys.org_pk(org_id), first, last, None)
        }

    def hits(self, org_id: str, first: date, last: date) -> dict[str, dict[str, int]]:
        """`YYYY-MM-DD` -> `opens_<verdict>`/`clicks_<verdict>` -> count, for the days of
        [first, last] with any: the sum of the org's HIT_SHARDS counter shards (`hit_adds`),
        one Query per shard over the period's sort keys, so at most shards x days small items
        are read whatever the traffic was."""
        found: dict[str, dict[str, int]] = {}
        period = (keys.USAGE_PREFIX + first.isoformat(), keys.USAGE_PREFIX + last.isoformat())
        for shard in range(keys.HIT_SHARDS):
            items = self._store.query_all(
                keys.org_hits_pk(org_id, shard), sk_between=period, page_size=None
            )
            for item in items:
                counts = found.setdefault(str(item["sk"])[len(keys.USAGE_PREFIX) :], {})
                for feature, n in counts_of(item).items():
                    counts[feature] = counts.get(feature, 0) + n
        return found

    def users(
        self, org_id: str, user_ids: Sequence[str], first: date, last: date, features: Sequence[str]
    ) -> dict[str, UserUsage]:
        """user id -> their sums of `features` over [first, last], for these users only (those
        with any use): one batch read of their days' items, so a page of the users list reads
        only its own users' figures."""
        days = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
        wanted = [keys.user_usage_key(org_id, u, day) for u in user_ids for day in days]
        attributes = ("pk", "last_at", *(COUNT_PREFIX + f for f in features))
        found: dict[str, UserUsage] = {}
        for item in self._store.batch_get(wanted, attributes=attributes):
            usage = found.setdefault(str(item["pk"]).rsplit("#", 1)[1], UserUsage())
            for feature, n in counts_of(item).items():
                usage.counts[feature] = usage.counts.get(feature, 0) + n
            last_at = int(item.get("last_at") or 0) or None
            if last_at and (usage.last_at is None or last_at > usage.last_at):
                usage.last_at = last_at
        return found
