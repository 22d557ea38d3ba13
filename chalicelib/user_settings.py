"""A user's own choices of the settings their org lets them override (`/me/settings`).

The org's item says which settings its users may choose (`OrgState.user_overrides`, none by
default); a user's choices live on their own item (`USER#<org>#<user>` / `SETTINGS`, deleted
with the account). A choice counts only while the org allows it: a setting the org stops
letting users choose follows the org again (the choice is kept, unused). `personal` applies
the choices to the org's settings; every feature that acts for one user asks it (through a
collaborator `deps` passes), never the org's settings alone.

The tracking hot paths read nothing more: each token signs where its setting came from (`org`
when the org's own setting was on, else `user`), and a user's later opt-out of tracking is
noted on the org's item, which the hot paths already read (docs/tracking.md, "Per-user
settings").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from chalicelib.clock import Clock
from chalicelib.org_settings import OVERRIDABLE, OrgSettings, OrgState
from chalicelib.store import keys
from chalicelib.store.table import Store

Source = Literal["org", "user"]


def choices_of(item: Mapping[str, Any] | None) -> dict[str, bool]:
    """The user's stored choices (only booleans of OVERRIDABLE settings count)."""
    found = item or {}
    return {name: found[name] for name in OVERRIDABLE if isinstance(found.get(name), bool)}


def personal(org: OrgState, choices: Mapping[str, bool]) -> OrgSettings:
    """The org's settings as they apply to one user: their choices where the org allows them."""
    mine: dict[str, Any] = {n: v for n, v in choices.items() if n in org.user_overrides}
    return replace(org.settings, **mine) if mine else org.settings


@dataclass(frozen=True)
class Personal:
    """A user's settings and the org's own, from one read of the org's item."""

    settings: OrgSettings  # as they apply to the user
    org: OrgSettings  # the org's own

    def source(self, name: str) -> Source:
        """Where an on setting comes from: `org` when the org's own is on, else the user."""
        return "org" if getattr(self.org, name) else "user"


@dataclass(frozen=True)
class Effective:
    """One overridable setting as it applies to a user, and where its value comes from."""

    name: str
    value: bool
    source: Source
    org_value: bool
    may_override: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "source": self.source,
            "org_value": self.org_value,
            "may_override": self.may_override,
        }


def effective(org: OrgState, choices: Mapping[str, bool]) -> list[Effective]:
    """Every overridable setting for a user, in OVERRIDABLE order."""
    rows = []
    for name in OVERRIDABLE:
        org_value = bool(getattr(org.settings, name))
        allowed = name in org.user_overrides
        chosen = choices.get(name) if allowed else None
        rows.append(
            Effective(
                name,
                org_value if chosen is None else chosen,
                "org" if chosen is None else "user",
                org_value,
                allowed,
            )
        )
    return rows


@dataclass(frozen=True)
class StoredUserSettings:
    """The users' choice items, and the org's item beside them."""

    store: Store
    clock: Clock
    #: how long a tracking token lives at most: opt-outs are kept that long (0: not noted)
    token_lifetime: int = 0

    def read(self, org_id: str, user_id: str) -> tuple[OrgState, dict[str, bool]]:
        """The org's state and the user's choices (two consistent reads)."""
        from chalicelib.org_settings import StoredOrgSettings

        org = StoredOrgSettings(self.store, self.clock).state(org_id)
        return org, choices_of(self.store.get(keys.user_settings_key(org_id, user_id)))

    def settings_for(self, org_id: str, user_id: str) -> OrgSettings:
        """The org's settings as they apply to the user (the user's item is read only when the
        org lets its users choose something)."""
        from chalicelib.org_settings import StoredOrgSettings

        org = StoredOrgSettings(self.store, self.clock).state(org_id)
        return self.for_user(org, org_id, user_id)

    def personal_for(self, org_id: str, user_id: str) -> Personal:
        """The user's settings beside the org's own (what tracking signs into its tokens)."""
        from chalicelib.org_settings import StoredOrgSettings

        org = StoredOrgSettings(self.store, self.clock).state(org_id)
        return Personal(self.for_user(org, org_id, user_id), org.settings)

    def for_user(self, org: OrgState, org_id: str, user_id: str) -> OrgSettings:
        """The org's settings, already read, as they apply to the user (one more read only when
        the org lets its users choose anything)."""
        if not org.user_overrides:
            return org.settings
        return personal(org, choices_of(self.store.get(keys.user_settings_key(org_id, user_id))))

    def choose(
        self, org_id: str, user_id: str, changes: Mapping[str, bool | None], org: OrgState
    ) -> None:
        """Set the user's choices (None: follow the org again); one UpdateItem, and one more on
        the org's item for each kind of tracking the choice turns off for them (`org`: the
        org's state just read)."""
        unknown = set(changes) - set(OVERRIDABLE)
        if unknown:
            raise ValueError(f"settings users cannot override: {sorted(unknown)}")
        names = {f"#s{i}": name for i, name in enumerate(changes)}
        values: dict[str, Any] = {":now": int(self.clock.now())}
        sets, removes = ["updated_at = :now"], []
        for i, value in enumerate(changes.values()):
            if value is None:
                removes.append(f"#s{i}")
            else:
                values[f":s{i}"] = value
                sets.append(f"#s{i} = :s{i}")
        expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
        # only while the account lives: a request racing its deletion recreates nothing
        self.store.update(
            keys.user_settings_key(org_id, user_id),
            expression,
            values,
            names,
            requires=keys.profile_key(org_id, user_id),
        )
        self._note_opt_outs(org_id, user_id, changes, org)

    def _note_opt_outs(
        self, org_id: str, user_id: str, changes: Mapping[str, bool | None], org: OrgState
    ) -> None:
        """Their pixels and links already sent stop recording the kind they turned off (the
        hot paths read the org's item, never the user's)."""
        from chalicelib.org_settings import StoredOrgSettings

        stored = StoredOrgSettings(self.store, self.clock)
        for name in ("email_tracking", "link_tracking"):
            if name not in changes or not self.token_lifetime:
                continue
            value = changes[name]
            if (getattr(org.settings, name) if value is None else value) is False:
                stored.opt_out_of_tracking(org_id, user_id, name, self.token_lifetime)
