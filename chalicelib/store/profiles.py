"""Profile items: who a user is and how their org is configured, as Salesforce said at sign-in."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from chalicelib.store import keys
from chalicelib.store.table import Item, Store

FIELDS = (
    "username",
    "name",
    "email",
    "time_zone",
    "language",
    "locale",
    "profile_name",
    "permission_sets",
    "is_admin",
    "org_name",
    "is_sandbox",
)


class ProfileItems:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, org_id: str, user_id: str) -> Item | None:
        return self._store.get(keys.profile_key(org_id, user_id))

    def exists(self, org_id: str, user_id: str) -> bool:
        return self.get(org_id, user_id) is not None

    def in_org(self, org_id: str) -> Iterator[Item]:
        """Every profile of the org (signed in since profiles joined the org's index)."""
        return self._store.query_all(keys.org_members_index(org_id), index="gsi1")

    def put(self, org_id: str, user_id: str, fields: Mapping[str, Any], now: int) -> keys.Key:
        """Store (or replace) the profile with `fields` (those of FIELDS); returns its key."""
        key = keys.profile_key(org_id, user_id)
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise ValueError(f"not profile fields: {sorted(unknown)}")
        self._store.put(
            {
                "pk": key[0],
                "sk": key[1],
                "org_id": org_id,
                "user_id": user_id,
                # the org's list of users (the admin dashboard): gsi1, by user id
                "gsi1pk": keys.org_members_index(org_id),
                "gsi1sk": keys.profile_key(org_id, user_id)[0],
                **{name: fields.get(name) for name in FIELDS},
                "updated_at": now,
            }
        )
        return key
