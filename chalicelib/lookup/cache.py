"""The lookup cache: what each user saw for an address, in this container's memory only.

Keyed by (org, user, address): Salesforce sharing differs per user, so two users never share an
entry. Entries live `ttl_seconds` (5-10 minutes) and the least recently used are dropped beyond
`max_entries`. Nothing is written to disk or DynamoDB: a cold container starts empty.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from chalicelib.clock import Clock

CacheKey = tuple[str, str, str]  # (org id, user id, normalised address)


class LookupCache:
    """A bounded, expiring, thread-safe map from (org, user, address) to a lookup result."""

    def __init__(self, clock: Clock, ttl_seconds: float, max_entries: int) -> None:
        self._clock = clock
        self.ttl_seconds = ttl_seconds
        self._max_entries = max_entries
        self._lock = threading.Lock()
        self._entries: OrderedDict[CacheKey, tuple[float, dict[str, Any]]] = OrderedDict()

    def get(self, key: CacheKey) -> dict[str, Any] | None:
        """The live entry for `key` (now the most recently used), or None."""
        now = self._clock.now()
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] <= now:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: CacheKey, result: dict[str, Any]) -> None:
        expires_at = self._clock.now() + self.ttl_seconds
        with self._lock:
            self._entries[key] = (expires_at, result)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def discard(self, key: CacheKey) -> bool:
        """Forget one entry; True if there was one."""
        with self._lock:
            return self._entries.pop(key, None) is not None

    def discard_address(self, org_id: str, address: str) -> int:
        """Forget the address for every user of the org; how many entries were dropped."""
        with self._lock:
            stale = [k for k in self._entries if k[0] == org_id and k[2] == address]
            for key in stale:
                del self._entries[key]
            return len(stale)

    def discard_user(self, org_id: str, user_id: str) -> int:
        """Forget every entry of one user of the org; how many were dropped."""
        with self._lock:
            stale = [k for k in self._entries if k[0] == org_id and k[1] == user_id]
            for key in stale:
                del self._entries[key]
            return len(stale)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
