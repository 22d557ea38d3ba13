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
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, Protocol, get_args, get_origin, get_type_hints

from chalicelib.caching import TTLCache
from chalicelib.clock import Clock
from chalicelib.errors import ConditionFailed, StorageUnavailable, Unavailable
from chalicelib.logs import logger
from chalicelib.store import keys
from chalicelib.store.table import Item, Store

#: A domain name as `excluded_domains` takes it (lower case, at least one dot, no scheme/path).
DOMAIN_PATTERN = r"(?i)^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
DOMAIN_MAX_LENGTH = 253
MAX_EXCLUDED_DOMAINS = 100

EmailLogging = Literal["email_message", "task"]
DriveLinks = Literal["activity", "chatter"]


def _setting(default: Any, description: str, **constraints: Any) -> Any:
    """A setting: its default, its description (shown in the API and the dashboard) and the
    pydantic constraints of its values (`ge`, `le`, `max_length`)."""
    return field(default=default, metadata={"description": description, **constraints})


@dataclass(frozen=True)
class OrgSettings:
    """The org's settings. Tracking, attachments and anything that reaches outside Salesforce
    default to off."""

    email_tracking: bool = _setting(False, "Add an open-tracking pixel to prepared messages")
    link_tracking: bool = _setting(False, "Rewrite http(s) links in prepared messages")
    email_logging: EmailLogging = _setting(  # noqa: RUF009 - a str default, immutable
        "email_message",
        "How emails are logged: as Enhanced Email (`email_message`: an EmailMessage on every "
        "matched person's timeline) or as a completed Task (`task`)",
    )
    attachments: bool = _setting(False, "Save the attachments of logged emails as Salesforce Files")
    max_attachment_mb: int = _setting(
        25, "The largest attachment saved, in MB (larger ones: too_large)", ge=1, le=2000
    )
    drive_links: DriveLinks = _setting(  # noqa: RUF009 - a str default, immutable
        "activity",
        "Google Drive links found in a logged email: appended to the activity's body "
        "(`activity`) or posted to Chatter on the related record (`chatter`)",
    )
    excluded_domains: tuple[str, ...] = _setting(
        (),
        "Domains whose mail is never logged: an email whose every participant is in them is "
        "skipped (e.g. internal mail)",
        max_length=MAX_EXCLUDED_DOMAINS,
    )
    signature_extraction: bool = _setting(
        True,
        "Pre-fill new Leads and Contacts from the signature of an email (parsed by Stratus "
        "itself: no third party sees the email, nothing is stored)",
    )
    calendar_sync: bool = _setting(
        True,
        "Let users keep their Google or Outlook calendar and their Salesforce Events in step "
        "(only event ids and attendees' addresses are stored, and only inside the sync window)",
    )

    def as_dict(self) -> dict[str, Any]:
        return {name: list(v) if isinstance(v, tuple) else v for name, v in asdict(self).items()}


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    description: str
    kind: Any  # the annotation: bool, int, a Literal of choices, tuple[str, ...]
    constraints: Mapping[str, Any]

    @property
    def choices(self) -> tuple[str, ...]:
        """The values of an enumerated setting (empty for others)."""
        return tuple(get_args(self.kind)) if get_origin(self.kind) is Literal else ()

    def coerce(self, stored: Any) -> Any:
        """The stored value as this setting's type; the default for anything unusable (an
        attribute written by an older or newer version)."""
        if stored is None:
            return self.default
        if self.kind is bool:
            return bool(stored)
        if self.kind is int:
            return int(stored) if isinstance(stored, int | float) else self.default
        if self.choices:
            return stored if stored in self.choices else self.default
        if isinstance(stored, list | tuple):
            return tuple(str(v) for v in stored)
        return self.default


def _settings_table() -> tuple[Setting, ...]:
    hints = get_type_hints(OrgSettings)
    return tuple(
        Setting(
            f.name,
            f.default,
            str(f.metadata["description"]),
            hints[f.name],
            {k: v for k, v in f.metadata.items() if k != "description"},
        )
        for f in fields(OrgSettings)
    )


#: The settings an org may let its users choose for themselves (`user_overrides`, /me/settings).
OVERRIDABLE = (
    "email_tracking",
    "link_tracking",
    "attachments",
    "signature_extraction",
    "calendar_sync",
)
#: Attribute of the org's item: the OVERRIDABLE settings its users may choose (none by default).
USER_OVERRIDES = "user_overrides"

#: Every setting, in the order of the table above.
SETTINGS = _settings_table()
SETTING_NAMES = tuple(s.name for s in SETTINGS)
_BY_NAME = {s.name: s for s in SETTINGS}


#: Attribute of the org's item: when email logging found the org without Enhanced Email
ENHANCED_EMAIL_MISSING = "enhanced_email_missing_at"
#: Attribute of the org's item for one revoked user: `tracking_revoked#<revocation_tag>`.
REVOKED_PREFIX = "tracking_revoked#"
#: Attribute of the org's item for a user's opt-out of one kind of tracking (they chose it off
#: for themselves): `tracking_optout#<setting>#<revocation_tag>` -> the second they last did.
OPT_OUT_PREFIX = "tracking_optout#"
#: Attribute of the org's item for the opt-outs of one bucket of its users, once the item holds
#: MAX_OPT_OUTS opt-outs: `tracking_optout_bucket#<setting>#<bucket>` -> the second of the
#: latest. The org's item stays bounded (one 400 KB item per org); the price is that the
#: bucket's other users' pixels or links of that kind, prepared until then, record no more
#: hits either. Never the other way: no hit a user opted out of is recorded.
OPT_OUT_BUCKET_PREFIX = "tracking_optout_bucket#"
#: Users' opt-outs the org's item keeps one by one (about 70 bytes each, pruned once no token
#: they could stop still verifies); beyond, an opt-out goes to its user's bucket.
MAX_OPT_OUTS = 1_000
#: Buckets of users (a byte of the user's tag): at most 2 x 256 bucket entries.
OPT_OUT_BUCKETS = 256
#: Stale revocations removed by one revocation's write, at most (keeps the expression small).
_PRUNE_PER_WRITE = 50


def _tag_digest(user_id: str) -> bytes:
    return hashlib.sha256(b"stratus/revoked-user\x00" + user_id.encode("utf-8")).digest()


def revocation_tag(user_id: str) -> str:
    """A one-way tag of a user id (16 characters): the org's item names deleted users by it."""
    return base64.urlsafe_b64encode(_tag_digest(user_id)[:12]).decode("ascii")


def opt_out_bucket(user_id: str) -> str:
    """The user's bucket of opt-outs (`00`-`ff`: one byte of their tag's digest)."""
    return f"{_tag_digest(user_id)[15] % OPT_OUT_BUCKETS:02x}"


@dataclass(frozen=True)
class OrgState:
    """What the tracking hot paths know of an org, from its one item: its settings, and the
    users whose tracking links are revoked (revocation tag -> epoch second: links prepared up
    to then are dead)."""

    settings: OrgSettings = field(default_factory=OrgSettings)
    revoked: Mapping[str, int] = field(default_factory=dict)
    #: when email logging last found the org without Enhanced Email (epoch second), if ever
    enhanced_email_missing_at: int | None = None
    #: the settings the org lets its users choose for themselves (OVERRIDABLE ones)
    user_overrides: frozenset[str] = frozenset()
    #: users' opt-outs of tracking ("<setting>#<revocation tag>" -> epoch second)
    opted_out: Mapping[str, int] = field(default_factory=dict)
    #: opt-outs beyond MAX_OPT_OUTS, per bucket of users ("<setting>#<bucket>" -> epoch second)
    opted_out_buckets: Mapping[str, int] = field(default_factory=dict)

    def revoked_link(self, user_id: str, prepared_at: int) -> bool:
        """Whether a link or pixel that `user_id` prepared at `prepared_at` is revoked."""
        if not self.revoked:  # the usual case: nothing to hash
            return False
        before = self.revoked.get(revocation_tag(user_id))
        return before is not None and prepared_at <= before

    def opted_out_since(self, user_id: str, setting: str, prepared_at: int) -> bool:
        """Whether `user_id` turned `setting` off for themselves after preparing at
        `prepared_at`: their pixels or links of that kind prepared until then record nothing."""
        if not (self.opted_out or self.opted_out_buckets):  # the usual case: nothing to hash
            return False
        since = self.opted_out.get(f"{setting}#{revocation_tag(user_id)}")
        if since is not None and prepared_at <= since:
            return True
        if not self.opted_out_buckets:
            return False
        since = self.opted_out_buckets.get(f"{setting}#{opt_out_bucket(user_id)}")
        return since is not None and prepared_at <= since


def _state(item: Item) -> OrgState:
    settings = OrgSettings(**{s.name: s.coerce(item.get(s.name)) for s in SETTINGS})
    revoked = _entries(item, REVOKED_PREFIX)
    opted_out = _entries(item, OPT_OUT_PREFIX)
    missing = item.get(ENHANCED_EMAIL_MISSING)
    overrides = item.get(USER_OVERRIDES)
    allowed = (
        frozenset(str(name) for name in overrides or () if str(name) in OVERRIDABLE)
        if isinstance(overrides, list | tuple | set)
        else frozenset()
    )
    return OrgState(
        settings,
        revoked,
        int(missing) if isinstance(missing, int) else None,
        allowed,
        opted_out,
        _entries(item, OPT_OUT_BUCKET_PREFIX),
    )


def _entries(item: Item, prefix: str) -> dict[str, int]:
    """The item's `prefix<name>` attributes: name -> epoch second."""
    return {
        name[len(prefix) :]: int(value)
        for name, value in item.items()
        if name.startswith(prefix) and isinstance(value, int)
    }


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
    max_opt_outs: int = MAX_OPT_OUTS

    def get(self, org_id: str) -> OrgSettings:
        return self.state(org_id).settings

    def state(self, org_id: str) -> OrgState:
        """The settings and the revocations: one read of the org's item."""
        return _state(self.store.get(keys.org_settings_key(org_id)) or {})

    def note_enhanced_email_missing(self, org_id: str) -> None:
        """Remember that Salesforce refused an EmailMessage for the org's lack of Enhanced
        Email: email logging logs Tasks for a while, then tries again (an org may turn it on)."""
        self.store.update(
            keys.org_settings_key(org_id),
            "SET #m = :now",
            {":now": int(self.clock.now())},
            {"#m": ENHANCED_EMAIL_MISSING},
        )

    def revoke_tracking_links(self, org_id: str, user_id: str, keep_seconds: int) -> None:
        """Revoke every tracking link and pixel `user_id` has prepared until now (their account
        was deleted). One entry per user, kept while any such link could still verify
        (`keep_seconds`: the longest a token lives); entries older than that are removed by
        later revocations, so the item holds at most one entry per user deleted within a
        token's lifetime. A conditional write: a later revocation of the same user is kept."""
        self._mark(org_id, REVOKED_PREFIX, REVOKED_PREFIX + revocation_tag(user_id), keep_seconds)

    def opt_out_of_tracking(
        self, org_id: str, user_id: str, setting: str, keep_seconds: int
    ) -> None:
        """Remember that `user_id` turned `setting` (email or link tracking) off for themselves:
        what they prepared until now records no more hits of that kind, even where the org's
        setting is on. Kept, and pruned, as revocations are; beyond `max_opt_outs` live ones,
        in the user's bucket (OPT_OUT_BUCKET_PREFIX), so the item stays bounded."""
        if setting not in ("email_tracking", "link_tracking"):
            raise ValueError(f"not a tracking setting: {setting}")
        name = f"{OPT_OUT_PREFIX}{setting}#{revocation_tag(user_id)}"
        bucket = f"{OPT_OUT_BUCKET_PREFIX}{setting}#{opt_out_bucket(user_id)}"
        self._mark(org_id, OPT_OUT_PREFIX, name, keep_seconds, overflow=bucket)

    def _mark(
        self, org_id: str, prefix: str, mine: str, keep_seconds: int, overflow: str | None = None
    ) -> None:
        """SET `mine` to now on the org's item, removing entries of `prefix` older than
        `keep_seconds` (at most _PRUNE_PER_WRITE); `overflow` instead of a new `mine` when the
        item already holds `max_opt_outs` live entries of `prefix`."""
        key = keys.org_settings_key(org_id)
        now = int(self.clock.now())
        cutoff = now - keep_seconds
        item = self.store.get(key) or {}
        entries = {name: value for name, value in item.items() if name.startswith(prefix)}
        stale = [name for name, value in entries.items() if name != mine and _older(value, cutoff)]
        stale = stale[:_PRUNE_PER_WRITE]
        full = len(entries) - len(stale) >= self.max_opt_outs
        if overflow is not None and mine not in entries and full:
            mine = overflow  # its bucket's: the item holds no more one by one
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

    def allow_overrides(self, org_id: str, names: Sequence[str]) -> None:
        """Let the org's users choose these OVERRIDABLE settings for themselves (and no others)."""
        unknown = set(names) - set(OVERRIDABLE)
        if unknown:
            raise ValueError(f"settings users cannot override: {sorted(unknown)}")
        ordered = [name for name in OVERRIDABLE if name in names]
        self.store.update(
            keys.org_settings_key(org_id),
            "SET #o = :o, updated_at = :now",
            {":o": ordered, ":now": int(self.clock.now())},
            {"#o": USER_OVERRIDES},
        )

    def change(self, org_id: str, changes: Mapping[str, Any]) -> None:
        """Set the given settings (others untouched, values already validated by the admin
        models): one UpdateItem, no read-modify-write."""
        unknown = set(changes) - set(SETTING_NAMES)
        if unknown:
            raise ValueError(f"unknown settings: {sorted(unknown)}")
        names = {f"#s{i}": name for i, name in enumerate(changes)}
        values: dict[str, Any] = {
            f":s{i}": _stored(_BY_NAME[name], value)
            for i, (name, value) in enumerate(changes.items())
        }
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
    unrecorded. Background work asks `confirmed_state`, which never answers with those
    defaults (calendar sync is on by default: a cycle must not run for an org that turned it
    off only because its item could not be read).
    """

    def __init__(
        self, source: OrgStateSource, clock: Clock, ttl: float = 60.0, max_orgs: int = 1024
    ) -> None:
        self._source = source
        self._fresh: TTLCache[str, OrgState] = TTLCache(clock, ttl, max_orgs)
        self._known: TTLCache[str, OrgState] = TTLCache(clock, max_entries=max_orgs)
        # the orgs whose fresh entry is the defaults served for a failed read: True when the
        # read failed as an outage (Unavailable), False for any other error (a bug)
        self._guessed: TTLCache[str, bool] = TTLCache(clock, ttl, max_orgs)

    def get(self, org_id: str) -> OrgSettings:
        return self.state(org_id).settings

    def state(self, org_id: str) -> OrgState:
        state = self._fresh.get(org_id)
        if state is not None:
            return state
        lifetime = self._fresh.ttl
        try:
            state = self._source.state(org_id)
        except Exception as exc:
            logger.warning("org settings unavailable", extra={"org_id": org_id})
            known = self._known.get(org_id)
            if known is None:  # nothing known: the defaults, but not for a whole TTL
                lifetime = min(lifetime, UNKNOWN_RETRY_SECONDS)
                self._fresh.put(org_id, OrgState(), ttl=lifetime)
                self._guessed.put(org_id, isinstance(exc, Unavailable), ttl=lifetime)
                return OrgState()
            state = known
        self._cached(org_id, state, lifetime)
        return state

    def _cached(self, org_id: str, state: OrgState, lifetime: float) -> None:
        self._guessed.discard(org_id)
        self._fresh.put(org_id, state, ttl=lifetime)
        self._known.put(org_id, state)

    def confirmed_state(self, org_id: str) -> OrgState:
        """`state`, read from the org's item now or before (the last known state during an
        outage); never the defaults served when nothing was ever read: StorageUnavailable
        for an outage (background work skips its run and tries again later), and for any
        other failure (a malformed item, a bug) the item is read again and its error raised
        to the caller, which records it rather than wait for ever."""
        state = self.state(org_id)
        outage = self._guessed.get(org_id)
        if outage is None:
            return state
        if outage:
            raise StorageUnavailable()
        state = self._source.state(org_id)
        self._cached(org_id, state, self._fresh.ttl)
        return state

    def forget(self, org_id: str) -> None:
        """Drop the org's entry (this container sees an admin's change at once)."""
        self._fresh.discard(org_id)
        self._known.discard(org_id)
        self._guessed.discard(org_id)


def _stored(setting: Setting, value: Any) -> Any:
    """A setting's value as the item keeps it (a list for a tuple; the type checked)."""
    stored = list(value) if isinstance(value, list | tuple) else value
    if setting.coerce(stored) != (tuple(stored) if isinstance(stored, list) else stored):
        raise ValueError(f"{setting.name}: {value!r} is not a valid value")
    return stored


def _older(value: Any, cutoff: int) -> bool:
    return isinstance(value, int) and value <= cutoff
