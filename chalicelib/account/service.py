"""The signed-in user's account: /me, the live Salesforce check, and deletion on request."""

from __future__ import annotations

from functools import partial
from typing import Any

from chalicelib.connections.vault import ConnectionVault, refresh_lease
from chalicelib.hooks import AccountDeleted, Hook
from chalicelib.logs import logger
from chalicelib.providers.google import provider as google
from chalicelib.providers.microsoft import provider as microsoft
from chalicelib.providers.salesforce import org
from chalicelib.providers.salesforce.provider import NAME as SALESFORCE
from chalicelib.sessions import Principal, unauthenticated
from chalicelib.store import keys
from chalicelib.store.connections import ACTIVE
from chalicelib.store.profiles import ProfileItems
from chalicelib.store.table import Store
from chalicelib.timefmt import rfc3339
from chalicelib.usage import NOT_COUNTED, SALESFORCE_API_CALLS, UsageCounter

#: mailbox providers shown in /me when connected: the features their granted scopes leave out
_MAILBOXES = {
    google.NAME: google.missing_features,
    microsoft.NAME: microsoft.missing_features,
}


class Accounts:
    def __init__(
        self,
        store: Store,
        vault: ConnectionVault,
        deleted: Hook[AccountDeleted],
        usage: UsageCounter = NOT_COUNTED,
    ) -> None:
        self._store = store
        self._usage = usage  # the live check's API call, in the dashboard's figures
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
                },
                **self._mailboxes(principal),
            },
            "session": {"expires_at": rfc3339(principal.expires_at)},
        }

    def _mailboxes(self, principal: Principal) -> dict[str, dict[str, Any]]:
        """The user's mailbox connections as stored (no call to the provider): active, partial
        (a granted scope leaves a feature out) or revoked; absent when not connected."""
        found: dict[str, dict[str, Any]] = {}
        for name, missing_features in _MAILBOXES.items():
            if name not in self._vault.names:
                continue
            connection = self._vault.get(name, principal.org_id, principal.user_id)
            if connection is None:
                continue
            scopes = connection.attributes.get("scopes", "").split()
            missing = missing_features(scopes)
            if connection.status != ACTIVE:
                status = "revoked"
            else:
                status = "partial" if missing else "active"
            found[name] = {
                "status": status,
                "email": connection.attributes.get("email"),
                "scopes": scopes,
                "missing": missing,
            }
        return found

    def check_salesforce(self, principal: Principal) -> dict[str, Any]:
        """One live API call on the user's connection."""
        client = self._vault.client(SALESFORCE, principal.org_id, principal.user_id)
        client.on_call = partial(
            self._usage.count, principal.org_id, principal.user_id, SALESFORCE_API_CALLS
        )
        return {"status": "active", **org.check_user(client, principal.user_id)}

    def delete(self, principal: Principal) -> dict[str, Any]:
        """DELETE /me: `delete_all`'s answer."""
        answer, _ = self.delete_all(principal)
        return answer

    def delete_all(
        self, principal: Principal, *, unanswered_ok: bool = True
    ) -> tuple[dict[str, Any], list[str]]:
        """Revoke every connection at its provider, let every feature drop what it holds of
        the user (the AccountDeleted hook), then delete every item of the user.

        The hook runs while the user's session still exists: if it or the deletion fails (an
        outage: 503), the same DELETE /me finishes the job (every step may run again). A
        provider that does not answer a revocation counts as not revoked when `unanswered_ok`
        (DELETE /me: the user's choice goes on); else RevocationUnanswered stops it before
        anything is deleted (an org's deletion, which SQS retries)."""
        org_id, user_id = principal.org_id, principal.user_id
        revoked: dict[str, bool] = {}
        for name in self._vault.names:
            revoked[name] = self._vault.revoke(name, org_id, user_id, unanswered_ok=unanswered_ok)
            if revoked[name]:  # forgotten at once: a retry after another provider's silence
                self._forget(name, org_id, user_id)  # must not revoke it again (a refusal)
        forgotten = sum(revoked.values())
        # the providers that held a grant they did not revoke (asked only on a refusal)
        not_revoked = [
            name
            for name, done in revoked.items()
            if not done and self._vault.get(name, org_id, user_id) is not None
        ]
        self._deleted.emit(AccountDeleted(org_id, user_id))
        deleted = forgotten + self._store.delete_owned_by(keys.user_pk(org_id, user_id))
        for name in self._vault.names:  # outside the partition: removed by name
            self._store.delete(keys.lease_key(refresh_lease(name, org_id, user_id)))
            self._vault.forget(name, org_id, user_id)
        logger.info("account deleted", extra={"org_id": org_id, "items": deleted})
        answer = {"deleted": deleted, "salesforce_revoked": revoked[SALESFORCE]}
        return answer, not_revoked

    def _forget(self, provider: str, org_id: str, user_id: str) -> None:
        """A connection its provider confirmed revoked: its item and this container's tokens."""
        self._store.delete(keys.connection_key(org_id, user_id, provider))
        self._vault.forget(provider, org_id, user_id)
