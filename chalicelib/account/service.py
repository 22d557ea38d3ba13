"""The signed-in user's account: /me, the live Salesforce check, and deletion on request."""

from __future__ import annotations

from typing import Any

from chalicelib.connections.vault import ConnectionVault, refresh_lease
from chalicelib.hooks import AccountDeleted, Hook
from chalicelib.logs import logger
from chalicelib.providers.salesforce import org
from chalicelib.providers.salesforce.provider import NAME as SALESFORCE
from chalicelib.sessions import Principal, unauthenticated
from chalicelib.store import keys
from chalicelib.store.profiles import ProfileItems
from chalicelib.store.table import Store
from chalicelib.timefmt import rfc3339


class Accounts:
    def __init__(self, store: Store, vault: ConnectionVault, deleted: Hook[AccountDeleted]) -> None:
        self._store = store
        self._profiles = ProfileItems(store)
        self._vault = vault
        self._deleted = deleted

    def describe(self, principal: Principal) -> dict[str, Any]:
        """Who the user is, their org, their connections and their session."""
        profile = self._profiles.get(principal.org_id, principal.user_id)
        if profile is None:
            raise unauthenticated()
        connection = self._vault.get(SALESFORCE, principal.org_id, principal.user_id)
        return {
            "user": {
                "id": principal.user_id,
                **{
                    name: profile.get(name)
                    for name in ("username", "name", "email", "time_zone", "language", "locale")
                },
            },
            "org": {
                "id": principal.org_id,
                "name": profile.get("org_name"),
                "is_sandbox": profile.get("is_sandbox"),
                "profile": profile.get("profile_name"),
                "permission_sets": list(profile.get("permission_sets") or []),
                "is_admin": bool(profile.get("is_admin")),
            },
            "connections": {
                SALESFORCE: {
                    "status": connection.status if connection else "missing",
                    "instance_url": connection.attributes["instance_url"] if connection else None,
                }
            },
            "session": {"expires_at": rfc3339(principal.expires_at)},
        }

    def check_salesforce(self, principal: Principal) -> dict[str, Any]:
        """One live API call on the user's connection."""
        client = self._vault.client(SALESFORCE, principal.org_id, principal.user_id)
        return {"status": "active", **org.check_user(client, principal.user_id)}

    def delete(self, principal: Principal) -> dict[str, Any]:
        """Revoke every connection at its provider (best effort), then delete every item of
        the user; features drop the rest through the AccountDeleted hook."""
        org_id, user_id = principal.org_id, principal.user_id
        revoked = {name: self._vault.revoke(name, org_id, user_id) for name in self._vault.names}
        deleted = self._store.delete_owned_by(keys.user_pk(org_id, user_id))
        for name in self._vault.names:  # outside the partition: removed by name
            self._store.delete(keys.lease_key(refresh_lease(name, org_id, user_id)))
            self._vault.forget(name, org_id, user_id)
        self._deleted.emit(AccountDeleted(org_id, user_id))
        logger.info("account deleted", extra={"org_id": org_id, "items": deleted})
        return {"deleted": deleted, "salesforce_revoked": revoked[SALESFORCE]}
