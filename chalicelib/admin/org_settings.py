"""An org's settings: one item (`ORG#<org>` / `SETTINGS`), read directly or through a cache.

Every setting defaults to off/empty when the item or the attribute is absent, so new settings
can be added without migrating items. Hot paths (the tracking pixel and redirect) read through
`OrgSettingsCache`: at most one read per org per `ttl` seconds per container, so an admin's
change reaches pixels already sent within that time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass, fields
from typing import Any, Protocol

from chalicelib.clock import Clock
from chalicelib.logs import logger
from chalicelib.store import keys
from chalicelib.store.table import Store


@dataclass(frozen=True)
class OrgSettings:
    email_tracking: bool = False
    link_tracking: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


SETTING_NAMES = tuple(f.name for f in fields(OrgSettings))


class OrgSettingsSource(Protocol):
    def get(self, org_id: str) -> OrgSettings: ...


def _from_item(item: dict[str, Any] | None) -> OrgSettings:
    item = item or {}
    return OrgSettings(**{name: bool(item.get(name, False)) for name in SETTING_NAMES})


def read_org_settings(store: Store, org_id: str) -> OrgSettings:
    """The org's settings as stored now (a consistent read)."""
    return _from_item(store.get(keys.org_settings_key(org_id)))


def write_org_settings(store: Store, clock: Clock, org_id: str, changes: dict[str, bool]) -> None:
    """Set the given settings (others untouched): one UpdateItem, no read-modify-write."""
    unknown = set(changes) - set(SETTING_NAMES)
    if unknown:
        raise ValueError(f"unknown settings: {sorted(unknown)}")
    names = {f"#s{i}": name for i, name in enumerate(changes)}
    values: dict[str, Any] = {f":s{i}": bool(v) for i, v in enumerate(changes.values())}
    values[":now"] = int(clock.now())
    assignments = [f"#s{i} = :s{i}" for i in range(len(changes))] + ["updated_at = :now"]
    store.update(keys.org_settings_key(org_id), "SET " + ", ".join(assignments), values, names)


UNKNOWN_RETRY_SECONDS = 10.0


class OrgSettingsCache:
    """Org settings cached per container for `ttl` seconds (bounded; failures fall back).

    A failed read serves the last known settings if there are any, remembered for `ttl` seconds
    like a successful one, so an outage costs at most one read per org per `ttl` per container,
    as a working table does. With nothing known yet (a new container) it serves all-off for
    UNKNOWN_RETRY_SECONDS only, so one blip does not leave a minute of hits unrecorded.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock,
        ttl: float = 60.0,
        max_orgs: int = 1024,
    ) -> None:
        self._store = store
        self._clock = clock
        self._ttl = ttl
        self._max = max_orgs
        self._entries: OrderedDict[str, tuple[float, OrgSettings]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, org_id: str) -> OrgSettings:
        now = self._clock.now()
        with self._lock:
            entry = self._entries.get(org_id)
            if entry is not None and entry[0] > now:
                self._entries.move_to_end(org_id)
                return entry[1]
        lifetime = self._ttl
        try:
            settings = read_org_settings(self._store, org_id)
        except Exception:
            logger.warning("org settings unavailable", extra={"org_id": org_id})
            if entry is not None:
                settings = entry[1]
            else:  # nothing known: all-off, but not for a whole TTL (hits would go unrecorded)
                settings, lifetime = OrgSettings(), min(self._ttl, UNKNOWN_RETRY_SECONDS)
        with self._lock:
            self._entries[org_id] = (now + lifetime, settings)
            self._entries.move_to_end(org_id)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
        return settings

    def forget(self, org_id: str) -> None:
        """Drop the org's entry (this container sees an admin's change at once)."""
        with self._lock:
            self._entries.pop(org_id, None)
