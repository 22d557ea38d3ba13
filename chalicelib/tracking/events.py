"""Open and click events: what is kept of a hit, and the collaborator that writes it.

An event keeps the verdict and its reason, the coarse location (only for a person's own
request) and which link; never the IP address or the user agent. The hot path writes it
through an `EventRecorder` (one write; DynamoDB in production, an in-memory recorder in the
benchmark and tests). The event's key is fixed before the write and the write is conditional,
so an SDK retry of a write that did land is refused instead of counted twice; counts are
computed from events, so they are exact.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from typing import Any, Protocol

from chalicelib.errors import ConditionFailed
from chalicelib.store import keys
from chalicelib.store.table import Item, Store


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

    def to_item(self) -> Item:
        pk, sk = keys.tracking_event_key(
            self.org_id, self.user_id, self.message_id, self.at_ms, self.event_id
        )
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
    def from_item(cls, org_id: str, user_id: str, item: dict[str, Any]) -> TrackingEvent:
        link = item.get("link")
        return cls(
            org_id=org_id,
            user_id=user_id,
            message_id=str(item["message_id"]),
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
    """One conditional PutItem per event, in the sender's partition (TTL `expires_at`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, event: TrackingEvent) -> None:
        # ConditionFailed: a retried write whose first attempt landed is already recorded once
        with suppress(ConditionFailed):
            self._store.put_if_absent(event.to_item())
