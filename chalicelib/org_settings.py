"""An org's settings: the one table of settings, their item, and the hot paths' cache.

`OrgSettings` is the table: each setting's name, default and description, once; the admin
API's models are derived from it. One item per org (`ORG#<org>` / `SETTINGS`); a missing item
or attribute is the default, so a setting can be added without migrating items. Tracking reads
them (the hot paths through `OrgSettingsCache`), the admin feature writes them.

The same item carries the org's revoked tracking links (`OrgState.revoked`): when a user's
account is deleted, every link and pixel they prepared until then stops working, and the hot
paths learn it with the settings, in the same read (docs/tracking.md, Revocation).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Protocol

from chalicelib.caching import TTLCache
from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed
from chalicelib.logs import logger
from chalicelib.store import keys
from chalicelib.store.table import Item, Store


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


#: Attribute of the org's item for one revoked user: `tracking_revoked#<revocation_tag>`.
REVOKED_PREFIX = "tracking_revoked#"
#: Stale revocations removed by one revocation's write, at most (keeps the expression small).
_PRUNE_PER_WRITE = 50


def revocation_tag(user_id: str) -> str:
    """A one-way tag of a user id (16 characters): the org's item names deleted users by it."""
    digest = hashlib.sha256(b"stratus/revoked-user\x00" + user_id.encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest[:12]).decode("ascii")


@dataclass(frozen=True)
class OrgState:
    """What the tracking hot paths know of an org, from its one item: its settings, and the
    users whose tracking links are revoked (revocation tag -> epoch second: links prepared up
    to then are dead)."""

    settings: OrgSettings = field(default_factory=OrgSettings)
    revoked: Mapping[str, int] = field(default_factory=dict)

    def revoked_link(self, user_id: str, prepared_at: int) -> bool:
        """Whether a link or pixel that `user_id` prepared at `prepared_at` is revoked."""
        if not self.revoked:  # the usual case: nothing to hash
            return False
        before = self.revoked.get(revocation_tag(user_id))
        return before is not None and prepared_at <= before


def _state(item: Item) -> OrgState:
    settings = OrgSettings(**{s.name: bool(item.get(s.name, s.default)) for s in SETTINGS})
    revoked = {
        name[len(REVOKED_PREFIX) :]: int(value)
        for name, value in item.items()
        if name.startswith(REVOKED_PREFIX) and isinstance(value, int)
    }
    return OrgState(settings, revoked)


class OrgSettingsSource(Protocol):
    def get(self, org_id: str) -> OrgSettings: ...


class OrgStateSource(Protocol):
    def state(self, org_id: str) -> OrgState: ...


@dataclass(frozen=True)
class StoredOrgSettings:
    """The settings items of the table: read as they are now (a consistent read), changed by
    name."""

    store: Store
    clock: Clock

    def get(self, org_id: str) -> OrgSettings:
        return self.state(org_id).settings

    def state(self, org_id: str) -> OrgState:
        """The settings and the revocations: one read of the org's item."""
        return _state(self.store.get(keys.org_settings_key(org_id)) or {})

    def revoke_tracking_links(self, org_id: str, user_id: str, keep_seconds: int) -> None:
        """Revoke every tracking link and pixel `user_id` has prepared until now (their account
        was deleted). One entry per user, kept while any such link could still verify
        (`keep_seconds`: the longest a token lives); entries older than that are removed by
        later revocations, so the item holds at most one entry per user deleted within a
        token's lifetime. A conditional write: a later revocation of the same user is kept."""
        key = keys.org_settings_key(org_id)
        now = int(self.clock.now())
        mine = REVOKED_PREFIX + revocation_tag(user_id)
        cutoff = now - keep_seconds
        stale = [
            name
            for name, value in (self.store.get(key) or {}).items()
            if name.startswith(REVOKED_PREFIX) and name != mine and _older(value, cutoff)
        ][:_PRUNE_PER_WRITE]
        try:
            self._revoke(key, mine, now, stale, cutoff)
        except ConditionFailed:  # another writer pruned or renewed one of them: do not prune
            self._revoke(key, mine, now, [], cutoff)

    def _revoke(self, key: keys.Key, name: str, now: int, stale: list[str], cutoff: int) -> None:
        """SET the user's entry to `now` (unless a later one is there) and REMOVE `stale`
        entries while they are still stale; ConditionFailed only when `stale` was given."""
        names = {"#r": name, **{f"#s{i}": attr for i, attr in enumerate(stale)}}
        values: dict[str, Any] = {":now": now}
        expression = "SET #r = :now"
        condition = "(attribute_not_exists(#r) OR #r <= :now)"
        if stale:
            values[":cutoff"] = cutoff
            expression += " REMOVE " + ", ".join(f"#s{i}" for i in range(len(stale)))
            condition += "".join(f" AND #s{i} <= :cutoff" for i in range(len(stale)))
        try:
            self.store.update(key, expression, values, names, condition=condition)
        except ConditionFailed:
            if stale:
                raise
            # a later revocation of this user is already there: it covers this one

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
    """Org settings (and revocations: `OrgState`) cached per container for `ttl` seconds
    (bounded; failures fall back).

    At most one read per org per `ttl` seconds per container, so an admin's change, or a
    revocation, reaches pixels and links already sent within that time. A failed read serves
    the last known state if there is one, remembered for `ttl` seconds like a successful one,
    so an outage costs at most one read per org per `ttl` per container, as a working table
    does. With nothing known yet (a new container) it serves the defaults (all off, nothing
    revoked) for UNKNOWN_RETRY_SECONDS only, so one blip does not leave a minute of hits
    unrecorded.
    """

    def __init__(
        self, source: OrgStateSource, clock: Clock, ttl: float = 60.0, max_orgs: int = 1024
    ) -> None:
        self._source = source
        self._fresh: TTLCache[str, OrgState] = TTLCache(clock, ttl, max_orgs)
        self._known: TTLCache[str, OrgState] = TTLCache(clock, max_entries=max_orgs)

    def get(self, org_id: str) -> OrgSettings:
        return self.state(org_id).settings

    def state(self, org_id: str) -> OrgState:
        state = self._fresh.get(org_id)
        if state is not None:
            return state
        lifetime = self._fresh.ttl
        try:
            state = self._source.state(org_id)
        except Exception:
            logger.warning("org settings unavailable", extra={"org_id": org_id})
            state = self._known.get(org_id)
            if state is None:  # nothing known: the defaults, but not for a whole TTL
                state, lifetime = OrgState(), min(lifetime, UNKNOWN_RETRY_SECONDS)
        self._fresh.put(org_id, state, ttl=lifetime)
        self._known.put(org_id, state)
        return state

    def forget(self, org_id: str) -> None:
        """Drop the org's entry (this container sees an admin's change at once)."""
        self._fresh.discard(org_id)
        self._known.discard(org_id)


def _older(value: Any, cutoff: int) -> bool:
    return isinstance(value, int) and value <= cutoff
