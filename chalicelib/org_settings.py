"""An org's settings: the one table of settings, their item, and the hot paths' cache.

`OrgSettings` is the table: each setting's name, default and description, once; the admin
API's models are derived from it. One item per org (`ORG#<org>` / `SETTINGS`); a missing item
or attribute is the default, so a setting can be added without migrating items. Tracking reads
them (the hot paths through `OrgSettingsCache`), the admin feature writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Protocol

from chalicelib.caching import TTLCache
from chalicelib.clock import Clock
from chalicelib.logs import logger
from chalicelib.store import keys
from chalicelib.store.table import Store


def _setting(default: bool, description: str) -> Any:
    return field(default=default, metadata={"description": description})


@dataclass(frozen=True)
class OrgSettings:
    """The org's settings; every one defaults to off."""

    email_tracking: bool = _setting(False, "Add an open-tracking pixel to prepared messages")
    link_tracking: bool = _setting(False, "Rewrite http(s) links in prepared messages")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Setting:
    name: str
    default: bool
    description: str


#: Every setting, in the order of the table above.
SETTINGS = tuple(
    Setting(f.name, bool(f.default), str(f.metadata["description"])) for f in fields(OrgSettings)
)
SETTING_NAMES = tuple(s.name for s in SETTINGS)


class OrgSettingsSource(Protocol):
    def get(self, org_id: str) -> OrgSettings: ...


@dataclass(frozen=True)
class StoredOrgSettings:
    """The settings items of the table: read as they are now (a consistent read), changed by
    name."""

    store: Store
    clock: Clock

    def get(self, org_id: str) -> OrgSettings:
        item = self.store.get(keys.org_settings_key(org_id)) or {}
        return OrgSettings(**{s.name: bool(item.get(s.name, s.default)) for s in SETTINGS})

    def change(self, org_id: str, changes: Mapping[str, bool]) -> None:
        """Set the given settings (others untouched): one UpdateItem, no read-modify-write."""
        unknown = set(changes) - set(SETTING_NAMES)
        if unknown:
            raise ValueError(f"unknown settings: {sorted(unknown)}")
        names = {f"#s{i}": name for i, name in enumerate(changes)}
        values: dict[str, Any] = {f":s{i}": bool(v) for i, v in enumerate(changes.values())}
        values[":now"] = int(self.clock.now())
        assignments = [f"#s{i} = :s{i}" for i in range(len(changes))] + ["updated_at = :now"]
        key = keys.org_settings_key(org_id)
        self.store.update(key, "SET " + ", ".join(assignments), values, names)


UNKNOWN_RETRY_SECONDS = 10.0


class OrgSettingsCache:
    """Org settings cached per container for `ttl` seconds (bounded; failures fall back).

    At most one read per org per `ttl` seconds per container, so an admin's change reaches
    pixels already sent within that time. A failed read serves the last known settings if
    there are any, remembered for `ttl` seconds like a successful one, so an outage costs at
    most one read per org per `ttl` per container, as a working table does. With nothing known
    yet (a new container) it serves the defaults for UNKNOWN_RETRY_SECONDS only, so one blip
    does not leave a minute of hits unrecorded.
    """

    def __init__(
        self, source: OrgSettingsSource, clock: Clock, ttl: float = 60.0, max_orgs: int = 1024
    ) -> None:
        self._source = source
        self._fresh: TTLCache[str, OrgSettings] = TTLCache(clock, ttl, max_orgs)
        self._known: TTLCache[str, OrgSettings] = TTLCache(clock, max_entries=max_orgs)

    def get(self, org_id: str) -> OrgSettings:
        settings = self._fresh.get(org_id)
        if settings is not None:
            return settings
        lifetime = self._fresh.ttl
        try:
            settings = self._source.get(org_id)
        except Exception:
            logger.warning("org settings unavailable", extra={"org_id": org_id})
            settings = self._known.get(org_id)
            if settings is None:  # nothing known: the defaults, but not for a whole TTL
                settings, lifetime = OrgSettings(), min(lifetime, UNKNOWN_RETRY_SECONDS)
        self._fresh.put(org_id, settings, ttl=lifetime)
        self._known.put(org_id, settings)
        return settings

    def forget(self, org_id: str) -> None:
        """Drop the org's entry (this container sees an admin's change at once)."""
        self._fresh.discard(org_id)
        self._known.discard(org_id)
