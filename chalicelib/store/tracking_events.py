"""Open and click events: what is kept of a hit, its item, and the reads of the reports.

An event keeps the verdict and its reason, the coarse location (only for a person's own
request) and which link; never the IP address or the user agent. Its key is fixed by the
token and the second before the write and the write is conditional (docs/tracking.md,
Storage), so a replay or an SDK retry is refused instead of counted twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from chalicelib.errors import ConditionFailed, StoreBusy
from chalicelib.logs import logger
from chalicelib.store import keys
from chalicelib.store import usage as usage_items
from chalicelib.store.table import Conflicted, Item, Page, Store

#: What a report needs of every event to count and choose (no URL, no gsi1 keys): small items.
SUMMARY_ATTRIBUTES = (
    "sk",
    "recipient",
    "kind",
    "at_ms",
    "verdict",
    "reason",
    "link",
    "country",
    "region",
    "city",
    "expires_at",
)
_LOCATION_ATTRIBUTES = ("country", "region", "city")


@dataclass(frozen=True)
class Location:
    country: str | None = None
    region: str | None = None
    city: str | None = None

    def as_dict(self) -> dict[str, str | None] | None:
        if not (self.country or self.region or self.city):
            return None
        return {"country": self.country, "region": self.region, "city": self.city}


NOWHERE = Location()


@dataclass(frozen=True)
class TrackingEvent:
    org_id: str
    user_id: str
    message_id: str
    recipient: int
    kind: str  # "open" | "click"
    at_ms: int
    event_id: str
    verdict: str
    reason: str
    expires_at: int
    location: Location = NOWHERE
    link: int | None = None
    url: str | None = None

    @property
    def key(self) -> keys.Key:
        return keys.tracking_event_key(
            self.org_id, self.user_id, self.message_id, self.at_ms // 1000, self.event_id
        )


def _item(event: TrackingEvent) -> Item:
    pk, sk = event.key
    item: Item = {
        "pk": pk,
        "sk": sk,
        "gsi1pk": pk,
        "gsi1sk": keys.tracking_activity_sk(event.at_ms, event.message_id, event.event_id),
        "message_id": event.message_id,
        "recipient": event.recipient,
        "kind": event.kind,
        "at_ms": event.at_ms,
        "verdict": event.verdict,
        "reason": event.reason,
        "expires_at": event.expires_at,
    }
    for name in _LOCATION_ATTRIBUTES:
        value = getattr(event.location, name)
        if value:
            item[name] = value
    if event.link is not None:
        item["link"] = event.link
        item["url"] = event.url
    return item


def _event(
    org_id: str, user_id: str, item: dict[str, Any], message_id: str | None = None
) -> TrackingEvent:
    """The event of a stored item (`message_id` when the item was read without it)."""
    link, url = item.get("link"), item.get("url")
    return TrackingEvent(
        org_id=org_id,
        user_id=user_id,
        message_id=message_id or str(item["message_id"]),
        recipient=int(item["recipient"]),
        kind=str(item["kind"]),
        at_ms=int(item["at_ms"]),
        event_id=str(item["sk"]).rsplit("#", 1)[-1],
        verdict=str(item["verdict"]),
        reason=str(item["reason"]),
        expires_at=int(item["expires_at"]),
        location=Location(*(item.get(name) for name in _LOCATION_ATTRIBUTES)),
        link=int(link) if link is not None else None,
        url=str(url) if url is not None else None,
    )


def _uncounted(event: TrackingEvent) -> None:
    """By default a hit whose count was lost is only logged (deps adds a metric)."""


@dataclass(frozen=True)
class TrackingEvents:
    """The tracking events of the table: the hot path's one write, the reports' reads."""

    store: Store
    #: called for an event stored without its count (conflicts on two counter shards)
    uncounted: Callable[[TrackingEvent], None] = _uncounted

    def record(self, event: TrackingEvent) -> bool:
        """One conditional write in the sender's partition (TTL `expires_at`), only while the
        tracked message is stored, with the org's daily count of the hit added in one of its
        counter shards (one transaction: a ConditionCheck on the message, the Put, the ADD):
        a hit after the sender deleted their account or the message expired recreates and
        counts nothing, and a repeat is refused whole, so nothing is counted twice. A refusal
        (already recorded, message gone) is not an error: False.

        A conflict with another transaction (two hits on one shard, or on one message, at
        once) is tried once more on the next shard; a second one stores the event alone
        (`put_if_absent`, which retries conflicts on the message) and reports it `uncounted`:
        at most the hits that met two conflicts in a row go uncounted (docs/operations.md)."""
        item = _item(event)
        message = keys.tracked_message_key(event.org_id, event.user_id, event.message_id)
        day = datetime.fromtimestamp(event.at_ms // 1000, UTC).date()
        try:
            for attempt in (0, 1):
                shard = usage_items.hit_shard(event.event_id, attempt)
                adds = usage_items.hit_adds(event.org_id, day, shard, event.kind, event.verdict)
                with suppress(Conflicted):
                    self.store.put_if_absent_and_add(item, requires=message, adds=adds)
                    return True
            self.store.put_if_absent(item, requires=message)
        except ConditionFailed:
            return False
        logger.warning("tracking hit stored uncounted", extra={"org_id": event.org_id})
        self.uncounted(event)
        return True

    def summaries(self, org_id: str, user_id: str, message_id: str) -> Iterator[TrackingEvent]:
        """Every live event of the message, without its URL (oldest key first): projected to
        SUMMARY_ATTRIBUTES across pages, so the counts are exact whatever their number."""
        items = self.store.query_all(
            keys.user_pk(org_id, user_id),
            sk_prefix=keys.tracking_events_prefix(message_id),
            attributes=SUMMARY_ATTRIBUTES,
            page_size=None,
        )
        for item in items:
            yield _event(org_id, user_id, item, message_id)

    def link_urls(self, events: Iterable[TrackingEvent]) -> dict[tuple[str, int], str]:
        """(message id, link index) -> URL, read from one stored click per link. Links the
        table keeps refusing to read (throttling) are left out: listed without their URL."""
        wanted: dict[tuple[str, int], keys.Key] = {}
        for event in events:
            if event.kind == "click" and event.link is not None:
                wanted.setdefault((event.message_id, event.link), event.key)
        found: dict[tuple[str, int], str] = {}
        items = self.store.batch_get(
            list(wanted.values()), attributes=("message_id", "link", "url")
        )
        with suppress(StoreBusy):
            for item in items:
                if item.get("url") is not None and item.get("link") is not None:
                    found[(str(item["message_id"]), int(item["link"]))] = str(item["url"])
        return found

    def activity(
        self, org_id: str, user_id: str, limit: int, cursor: str | None
    ) -> Page[TrackingEvent]:
        """One page of the user's events across messages, newest first (through gsi1)."""
        page = self.store.query(
            keys.user_pk(org_id, user_id),
            index="gsi1",
            sk_prefix=keys.TRACKING_ACTIVITY_PREFIX,
            limit=limit,
            cursor=cursor,
            newest_first=True,
        )
        return Page([_event(org_id, user_id, item) for item in page.items], page.cursor)
