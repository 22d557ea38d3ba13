"""The one in-memory cache: bounded, expiring, least-recently-used, thread-safe.

Every per-container cache (lookups, org settings, data keys, access tokens) is one of these, so
the bounds and the expiry rule are written once. Time comes from the injected clock; an entry
may also be bounded in uses (the envelope's data keys, as the AWS Encryption SDK's caching
materials manager does). Nothing is ever written to disk.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from chalicelib.clock import Clock

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(slots=True)
class _Entry(Generic[V]):
    value: V
    expires_at: float
    uses: int


class TTLCache(Generic[K, V]):
    """A map whose entries live `ttl` seconds (or the `ttl` given to `put`) and at most
    `max_uses` reads; beyond `max_entries` the least recently used entry is dropped."""

    def __init__(
        self,
        clock: Clock,
        ttl: float = math.inf,
        max_entries: int = 1024,
        max_uses: int | None = None,
    ) -> None:
        self._clock = clock
        self.ttl = ttl
        self._max_entries = max_entries
        self._max_uses = math.inf if max_uses is None else max_uses
        self._lock = threading.Lock()
        self._entries: OrderedDict[K, _Entry[V]] = OrderedDict()

    def get(self, key: K) -> V | None:
        """The live entry's value (counted as one use, now the most recently used), or None.
        An entry that has expired or is used up is dropped."""
        now = self._clock.now()
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.expires_at <= now or entry.uses >= self._max_uses:
                del self._entries[key]
                return None
            entry.uses += 1
            self._entries.move_to_end(key)
            return entry.value

    def put(self, key: K, value: V, *, ttl: float | None = None, uses: int = 0) -> None:
        """Store `value` (replacing any entry) for `ttl` seconds (default: the cache's);
        `uses`: how many uses it has already served (1 when its creator used it)."""
        expires_at = self._clock.now() + (self.ttl if ttl is None else ttl)
        with self._lock:
            self._entries[key] = _Entry(value, expires_at, uses)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def discard(self, key: K) -> bool:
        """Forget one entry; True if there was one."""
        with self._lock:
            return self._entries.pop(key, None) is not None

    def discard_where(self, matches: Callable[[K], bool]) -> int:
        """Forget every entry whose key matches; how many were dropped."""
        with self._lock:
            stale = [key for key in self._entries if matches(key)]
            for key in stale:
                del self._entries[key]
            return len(stale)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
