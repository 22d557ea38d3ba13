"""Session items: a session (by the SHA-256 of its token) and the user's reference to it."""

from __future__ import annotations

from dataclasses import dataclass

from chalicelib.store import keys
from chalicelib.store.table import Item, Store


@dataclass(frozen=True)
class SessionRecord:
    """A stored session (the token itself is never stored)."""

    session_id: str  # SHA-256 of the token
    org_id: str
    user_id: str
    is_admin: bool
    admin_checked_at: int
    created_at: int
    expires_at: int


def _items(record: SessionRecord) -> list[Item]:
    pk, sk = keys.session_key(record.session_id)
    ref_pk, ref_sk = keys.session_ref_key(record.org_id, record.user_id, record.session_id)
    return [
        {
            "pk": pk,
            "sk": sk,
            "gsi1pk": keys.user_pk(record.org_id, record.user_id),
            "gsi1sk": f"SESSION#{record.created_at}#{record.session_id[:16]}",
            "org_id": record.org_id,
            "user_id": record.user_id,
            "is_admin": record.is_admin,
            "admin_checked_at": record.admin_checked_at,
            "created_at": record.created_at,
            "expires_at": record.expires_at,
        },
        {
            "pk": ref_pk,
            "sk": ref_sk,
            keys.REF_PK: pk,
            keys.REF_SK: sk,
            "expires_at": record.expires_at,
        },
    ]


def _record(session_id: str, item: Item) -> SessionRecord:
    created_at = int(item.get("created_at") or 0)
    return SessionRecord(
        session_id=session_id,
        org_id=str(item["org_id"]),
        user_id=str(item["user_id"]),
        is_admin=bool(item.get("is_admin", False)),
        admin_checked_at=int(item.get("admin_checked_at") or created_at),
        created_at=created_at,
        expires_at=int(item["expires_at"]),
    )


class SessionItems:
    """Where sessions are kept: written with their reference in one transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def create(self, record: SessionRecord) -> None:
        self._store.put_new(_items(record))

    def get(self, session_id: str) -> SessionRecord | None:
        item = self._store.get(keys.session_key(session_id))
        return _record(session_id, item) if item is not None else None

    def record_admin_check(self, session_id: str, is_admin: bool, now: int) -> None:
        """ConditionFailed when the session no longer exists."""
        self._store.update(
            keys.session_key(session_id),
            "SET is_admin = :admin, admin_checked_at = :now",
            {":admin": is_admin, ":now": now},
            condition="attribute_exists(pk)",
        )

    def delete(self, session_id: str) -> None:
        """Delete the session and the user's reference to it (nothing if it is gone)."""
        gone = self._store.take(keys.session_key(session_id))
        if gone is not None:
            record = _record(session_id, gone)
            self._store.delete(keys.session_ref_key(record.org_id, record.user_id, session_id))
