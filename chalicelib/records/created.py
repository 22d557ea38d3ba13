"""The addresses a user created a Lead or Contact for lately, for every container's lookup
(docs/records.md, "The lookup after a create").

The lookup caches in each container's memory, so dropping the entry where the record was
created leaves other containers serving "not in Salesforce" for up to the cache lifetime. One
item per user (`CREATEDADDRS`, one attribute per address: its SHA-256, never the address)
keeps when each was created, for as long as a cached answer may live; the lookup reads it only
before serving a cached answer that found nothing (never for a cached match), once per request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from chalicelib.addresses import normalise
from chalicelib.clock import Clock
from chalicelib.store import keys
from chalicelib.store.table import Store

_PREFIX = "a_"  # attribute names: a_<sha256 of the normalised address>


class CreatedAddresses:
    """Per user: the addresses created within the lookup cache's lifetime."""

    def __init__(self, store: Store, clock: Clock, lifetime_seconds: float) -> None:
        self._store = store
        self._clock = clock
        self._lifetime = lifetime_seconds  # the longest a cached lookup may be served

    def remember(self, org_id: str, user_id: str, address: str) -> None:
        """`address` is now a record of the user's: no cached "not found" for it is served."""
        now = int(self._clock.now())
        self._store.update(
            keys.created_addresses_key(org_id, user_id),
            "SET #address = :now, expires_at = :expires",
            {":now": now, ":expires": int(now + self._lifetime)},
            {"#address": _attribute(address)},
        )

    def among(self, org_id: str, user_id: str, addresses: Sequence[str]) -> set[str]:
        """Those of `addresses` the user created a record for within the lifetime (one
        consistent read: the create may have been answered a moment ago, elsewhere)."""
        if not addresses:
            return set()
        item = self._store.get(keys.created_addresses_key(org_id, user_id)) or {}
        since = self._clock.now() - self._lifetime
        return {a for a in addresses if float(item.get(_attribute(a), 0)) > since}


def _attribute(address: str) -> str:
    return _PREFIX + hashlib.sha256(normalise(address).encode("utf-8")).hexdigest()
