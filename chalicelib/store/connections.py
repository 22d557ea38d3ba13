"""Connection items: one per user, org and provider, holding the sealed tokens."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chalicelib.errors import ConditionFailed
from chalicelib.store import keys
from chalicelib.store.table import Item, Store

ACTIVE = "active"
REVOKED = "revoked"
# attributes of every connection item; anything else on it is the provider's
_OWN = frozenset(
    {
        "pk",
        "sk",
        "org_id",
        "user_id",
        "status",
        "tokens",
        "token_version",
        "connected_at",
        "refreshed_at",
        "revoked_at",
        "gsi1pk",
        "gsi1sk",
    }
)


@dataclass(frozen=True)
class Connection:
    """A user's stored connection to one provider (never its tokens)."""

    org_id: str
    user_id: str
    provider: str
    status: str
    token_version: int
    # what the provider keeps beside the tokens (Salesforce: instance_url, login_base)
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ConnectionRecord:
    """A connection as stored: with its sealed tokens and when they were minted."""

    connection: Connection
    sealed_tokens: bytes = field(repr=False)
    minted_at: float  # when its access token was stored (refreshed, else connected)


def _record(provider: str, item: Item) -> ConnectionRecord:
    connection = Connection(
        org_id=str(item["org_id"]),
        user_id=str(item["user_id"]),
        provider=provider,
        status=str(item["status"]),
        token_version=int(item["token_version"]),
        attributes={k: str(v) for k, v in item.items() if k not in _OWN},
    )
    minted_at = float(item.get("refreshed_at") or item.get("connected_at") or 0)
    return ConnectionRecord(connection, bytes(item["tokens"]), minted_at)


class ConnectionItems:
    """Reads and conditional writes of connection items (version-guarded)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, org_id: str, user_id: str, provider: str) -> ConnectionRecord | None:
        item = self._store.get(keys.connection_key(org_id, user_id, provider))
        return _record(provider, item) if item is not None else None

    @staticmethod
    def from_item(provider: str, item: Item | None) -> ConnectionRecord | None:
        """The record of an item read elsewhere (a batched read of a connection's key)."""
        return _record(provider, item) if item is not None else None

    def put(
        self,
        org_id: str,
        user_id: str,
        provider: str,
        sealed_tokens: bytes,
        attributes: Mapping[str, str],
        now: int,
    ) -> int:
        """Store (or replace) the connection as active; returns its new token version."""
        pk, sk = keys.connection_key(org_id, user_id, provider)
        previous = self._store.get((pk, sk))
        version = int(previous["token_version"]) + 1 if previous else 1
        self._store.put(
            {
                **attributes,
                "pk": pk,
                "sk": sk,
                "org_id": org_id,
                "user_id": user_id,
                "status": ACTIVE,
                "tokens": sealed_tokens,
                "token_version": version,
                "connected_at": now,
            }
        )
        return version

    def replace_tokens(self, record: ConnectionRecord, sealed_tokens: bytes, now: int) -> bool:
        """New tokens, if nobody changed the connection since `record` was read."""
        return self._update(
            record,
            "SET #t = :tokens, token_version = :next, refreshed_at = :now",
            {":tokens": sealed_tokens, ":next": record.connection.token_version + 1, ":now": now},
            {"#t": "tokens"},
        )

    def mark_revoked(self, record: ConnectionRecord, now: int) -> bool:
        """Revoked, if nobody changed the connection since `record` was read; listed in the
        org's index of revoked connections (the admin's users list shows them first)."""
        connection = record.connection
        return self._update(
            record,
            "SET #s = :revoked, revoked_at = :now, gsi1pk = :g, gsi1sk = :gs",
            {
                ":revoked": REVOKED,
                ":now": now,
                ":g": keys.org_broken_connections_index(connection.org_id),
                ":gs": keys.broken_connection_index_sk(connection.user_id, connection.provider),
            },
            {"#s": "status"},
        )

    def _update(
        self, record: ConnectionRecord, update: str, values: dict[str, Any], names: dict[str, str]
    ) -> bool:
        connection = record.connection
        key = keys.connection_key(connection.org_id, connection.user_id, connection.provider)
        try:
            self._store.update(
                key,
                update,
                {**values, ":version": connection.token_version},
                names,
                condition="token_version = :version",
            )
        except ConditionFailed:
            return False
        return True
