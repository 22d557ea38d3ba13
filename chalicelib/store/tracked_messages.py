"""Tracked messages: the item of a message prepared for tracking, built and read here only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chalicelib.store import keys
from chalicelib.store.table import Item, Store


@dataclass(frozen=True)
class TrackedMessage:
    """A message prepared for tracking, in its sender's partition until `expires_at`."""

    org_id: str
    user_id: str
    message_id: str
    subject: str | None
    rfc_message_id: str | None  # the RFC 5322 Message-ID, when the client knew it
    recipients: tuple[str, ...]
    email_tracking: bool  # the org's settings when it was prepared
    link_tracking: bool
    created_at: int  # epoch seconds
    expires_at: int

    @property
    def key(self) -> keys.Key:
        return keys.tracked_message_key(self.org_id, self.user_id, self.message_id)

    def recipient(self, index: int) -> str | None:
        return self.recipients[index] if 0 <= index < len(self.recipients) else None


def _item(message: TrackedMessage) -> Item:
    pk, sk = message.key
    return {
        "pk": pk,
        "sk": sk,
        "subject": message.subject,
        "rfc_message_id": message.rfc_message_id,
        "recipients": list(message.recipients),
        "email_tracking": message.email_tracking,
        "link_tracking": message.link_tracking,
        "created_at": message.created_at,
        "expires_at": message.expires_at,
    }


def _message(org_id: str, user_id: str, message_id: str, item: dict[str, Any]) -> TrackedMessage:
    subject, rfc_message_id = item.get("subject"), item.get("rfc_message_id")
    return TrackedMessage(
        org_id=org_id,
        user_id=user_id,
        message_id=message_id,
        subject=str(subject) if subject is not None else None,
        rfc_message_id=str(rfc_message_id) if rfc_message_id is not None else None,
        recipients=tuple(str(r) for r in item.get("recipients") or ()),
        email_tracking=bool(item.get("email_tracking")),
        link_tracking=bool(item.get("link_tracking")),
        created_at=int(item["created_at"]),
        expires_at=int(item["expires_at"]),
    )


@dataclass(frozen=True)
class TrackedMessages:
    """The tracked messages of the table."""

    store: Store

    def create(self, message: TrackedMessage) -> None:
        """Store a new message (ConditionFailed if a live one holds its id)."""
        self.store.put_if_absent(_item(message))

    def get(
        self, org_id: str, user_id: str, message_id: str, *, consistent: bool = True
    ) -> TrackedMessage | None:
        """The sender's live message, or None (another user's is not in this partition)."""
        key = keys.tracked_message_key(org_id, user_id, message_id)
        item = self.store.get(key, consistent=consistent)
        return _message(org_id, user_id, message_id, item) if item is not None else None
