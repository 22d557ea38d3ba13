"""Open and click events: what is kept of a hit, and the collaborator that writes it.

An event keeps the verdict and its reason, the coarse location (only for a person's own
request) and which link; never the IP address or the user agent. The hot path writes it
through an `EventRecorder` (one write; DynamoDB in production, an in-memory recorder in the
benchmark and tests). The event's key is fixed by the token and the second before the write,
and the write is conditional, so a token replayed within one second and an SDK retry of a
write that did land are refused instead of counted twice; counts are computed from events,
so they are exact. `EventLog` reads one message's events for its report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, Protocol

from chalicelib.errors import ConditionFailed
from chalicelib.store import keys
from chalicelib.store.table import Item, Store, from_attrs, to_attrs

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
_BATCH_GET_KEYS = 100  # DynamoDB's BatchGetItem limit
_BATCH_GET_ATTEMPTS = 5  # keys still unprocessed after that are listed without their URL


def event_id(token: str, at_second: int) -> str:
    """Fixed per (token, second): a token's repeats within one second (a replay flood, an SDK
    retry) share one event key, so the conditional put stores the first and refuses the rest.
    The token is canonical (tokens.verify enforces it), so it stands for its payload and MAC."""
    digest = hashlib.sha256(b"stratus/tracking-event\x00%s\x00%d" % (token.encode(), at_second))
    return digest.hexdigest()[:20]


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

    def to_item(self) -> Item:
        pk, sk = self.key
        item: Item = {
            "pk": pk,
            "sk": sk,
            "gsi1pk": pk,
            "gsi1sk": keys.tracking_activity_sk(self.at_ms, self.message_id, self.event_id),
            "message_id": self.message_id,
            "recipient": self.recipient,
            "kind": self.kind,
            "at_ms": self.at_ms,
            "verdict": self.verdict,
            "reason": self.reason,
            "expires_at": self.expires_at,
        }
        for name in ("country", "region", "city"):
            value = getattr(self.location, name)
            if value:
                item[name] = value
        if self.link is not None:
            item["link"] = self.link
            item["url"] = self.url
        return item

    @classmethod
    def from_item(
        cls, org_id: str, user_id: str, item: dict[str, Any], message_id: str | None = None
    ) -> TrackingEvent:
        """The event of a stored item (`message_id` when the item was read without it)."""
        link = item.get("link")
        return cls(
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
            location=Location(item.get("country"), item.get("region"), item.get("city")),
            link=int(link) if link is not None else None,
            url=str(item["url"]) if item.get("url") is not None else None,
        )


class EventRecorder(Protocol):
    """Where the hot path writes an event: exactly one call per recorded hit."""

    def record(self, event: TrackingEvent) -> None: ...


class DynamoEventRecorder:
    """One conditional write per event, in the sender's partition (TTL `expires_at`): stored
    only while its tracked message is (one transaction: a ConditionCheck on the message and
    the Put), so a hit after the sender deleted their account or the message expired
    recreates nothing."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, event: TrackingEvent) -> None:
        # ConditionFailed: a retried write whose first attempt landed is already recorded once,
        # or the message is gone (account deleted, retention passed): nothing to record
        message = keys.tracked_message_key(event.org_id, event.user_id, event.message_id)
        with suppress(ConditionFailed):
            self._store.put_if_absent(event.to_item(), requires=message)


class EventLog(Store):
    """Reads one message's events for its report: all of them, projected to a few small
    attributes across pages (the counts are exact whatever their number), and the URLs of
    the links only for the events a report lists."""

    def summaries(self, org_id: str, user_id: str, message_id: str) -> Iterator[TrackingEvent]:
        """Every live event of the message, without its URL (oldest key first)."""
        names = {f"#a{i}": name for i, name in enumerate(SUMMARY_ATTRIBUTES)}
        paginator = self._client.get_paginator("query")
        pages = paginator.paginate(
            TableName=self._table,
            KeyConditionExpression="pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues=to_attrs(
                {
                    ":pk": keys.user_pk(org_id, user_id),
                    ":prefix": keys.tracking_events_prefix(message_id),
                }
            ),
            ProjectionExpression=", ".join(names),
            ExpressionAttributeNames=names,
        )
        for page in pages:
            for raw in page.get("Items", []):
                item = self._alive(from_attrs(raw))
                if item is not None:
                    yield TrackingEvent.from_item(org_id, user_id, item, message_id)

    def link_urls(self, events: Iterable[TrackingEvent]) -> dict[tuple[str, int], str]:
        """(message id, link index) -> URL, read from one stored click per link."""
        wanted: dict[tuple[str, int], TrackingEvent] = {}
        for event in events:
            if event.kind == "click" and event.link is not None:
                wanted.setdefault((event.message_id, event.link), event)
        found: dict[tuple[str, int], str] = {}
        pending = [to_attrs(dict(zip(("pk", "sk"), e.key, strict=True))) for e in wanted.values()]
        while pending:
            batch, pending = pending[:_BATCH_GET_KEYS], pending[_BATCH_GET_KEYS:]
            request: Any = {
                self._table: {
                    "Keys": batch,
                    "ProjectionExpression": "#m, #l, #u",
                    "ExpressionAttributeNames": {"#m": "message_id", "#l": "link", "#u": "url"},
                }
            }
            for attempt in range(_BATCH_GET_ATTEMPTS):
                if not request:
                    break
                if attempt:  # throttled: back off (50, 100, 200, 400 ms) before asking again
                    self._sleep(0.05 * 2 ** (attempt - 1))
                reply = self._client.batch_get_item(RequestItems=request)
                for raw in reply.get("Responses", {}).get(self._table, []):
                    item = from_attrs(raw)
                    if item.get("url") is not None and item.get("link") is not None:
                        found[(str(item["message_id"]), int(item["link"]))] = str(item["url"])
                request = reply.get("UnprocessedKeys") or None
        return found
