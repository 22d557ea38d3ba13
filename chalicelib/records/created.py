"""The addresses a user created a Lead or Contact for lately, for every container's lookup
(docs/records.md, "The lookup after a create").

The lookup caches in each container's memory, so dropping the entry where the record was
created leaves other containers serving "not in Salesforce" for up to the cache lifetime. One
item per user (`CREATEDADDRS`, one attribute per address: its SHA-256, never the address)
keeps when each was created, for as long as a cached answer may live; the lookup reads it only
before serving a cached answer that found nothing (never for a cached match), once per request.
Each write drops the attributes older than the lifetime, and the oldest beyond MAX_ADDRESSES, so
the item stays far below DynamoDB's 400 KB.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence

from chalicelib.addresses import normalise
from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed
from chalicelib.store import keys
from chalicelib.store.table import Store

_PREFIX = "a_"  # attribute names: a_<sha256 of the normalised address>
#: the most addresses kept (about 80 bytes each): a user creating more records within one
#: lifetime loses the freshness of the oldest (a cached "not found" served at most that long)
MAX_ADDRESSES = 1000
_MAX_DROPPED = 50


class CreatedAddresses:
    """Per user: the addresses created within the lookup cache's lifetime."""

    def __init__(self, store: Store, clock: Clock, lifetime_seconds: float) -> None:
        self._store = store
        self._clock = clock
        self._lifetime = lifetime_seconds  # the longest a cached lookup may be served

    def remember(self, org_id: str, user_id: str, address: str) -> None:
        """`address` is now a record of the user's: no cached "not found" for it is served."""
        now = int(self._clock.now())
        key = keys.created_addresses_key(org_id, user_id)
        name = _attribute(address)
        item = self._store.get(key)
        if item is None:  # none, or expired with whatever it held: start afresh
            with contextlib.suppress(ConditionFailed):  # else another create just made it
                self._store.put_if_absent(
                    {"pk": key[0], "sk": key[1], name: now, "expires_at": now + self._lifetime}
                )
                return
            item = {}
        self._renew(key, name, now, _droppable(item, name, now - self._lifetime))

    def _renew(
        self, key: tuple[str, str], name: str, now: int, dropped: list[tuple[str, int]]
    ) -> None:
        """SET the address and the TTL, and REMOVE `dropped` while they still hold what was
        read (another create may have renewed one); without removing on a conflict."""
        values: dict[str, object] = {":now": now, ":expires": int(now + self._lifetime)}
        names = {"#address": name}
        expression = "SET #address = :now, expires_at = :expires"
        if dropped:
            removal = {f"#d{i}": attribute for i, (attribute, _) in enumerate(dropped)}
            held = {f":d{i}": at for i, (_, at) in enumerate(dropped)}
            try:
                self._store.update(
                    key,
                    expression + " REMOVE " + ", ".join(removal),
                    {**values, **held},
                    {**names, **removal},
                    condition=" AND ".join(f"#d{i} = :d{i}" for i in range(len(dropped))),
                )
                return
            except ConditionFailed:
                pass
        self._store.update(key, expression, values, names)

    def among(self, org_id: str, user_id: str, addresses: Sequence[str]) -> set[str]:
        """Those of `addresses` the user created a record for within the lifetime (one
        consistent read: the create may have been answered a moment ago, elsewhere)."""
        if not addresses:
            return set()
        item = self._store.get(keys.created_addresses_key(org_id, user_id)) or {}
        since = self._clock.now() - self._lifetime
        return {a for a in addresses if float(item.get(_attribute(a), 0)) > since}


def _droppable(item: dict[str, object], keep: str, since: float) -> list[tuple[str, int]]:
    """The attributes to drop: created before `since`, and the oldest beyond MAX_ADDRESSES (at
    most _MAX_DROPPED a write, so the expression stays small)."""
    held = sorted(
        ((k, int(str(v))) for k, v in item.items() if k.startswith(_PREFIX) and k != keep),
        key=lambda pair: pair[1],
    )
    stale = [pair for pair in held if pair[1] <= since]
    excess = max(0, len(held) + 1 - MAX_ADDRESSES - len(stale))
    return (stale + held[len(stale) : len(stale) + excess])[:_MAX_DROPPED]


def _attribute(address: str) -> str:
    return _PREFIX + hashlib.sha256(normalise(address).encode("utf-8")).hexdigest()
