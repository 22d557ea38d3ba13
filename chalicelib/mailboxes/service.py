"""Mailbox connections: a signed-in user connects Google Workspace or Microsoft 365.

The flow, the vault, refresh under the lease and revocation are the provider-neutral
connections package's; this service chooses the provider, binds the state to the signed-in
user (and, through the binding cookie, to the browser), reads who the connected account is
(its address is kept beside the tokens, with the granted scopes; nothing else of the account),
and answers the live check. A connection granted without Gmail or Calendar is `partial`: the
features it disables are listed, never an error later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from chalicelib.clock import Clock
from chalicelib.connections.authorize import Authorizations, Started
from chalicelib.connections.provider import Provider, TokenSource, connection_required
from chalicelib.connections.vault import ConnectionVault, refresh_lease
from chalicelib.errors import ErrorCode, NotFound, StratusError
from chalicelib.hooks import ConnectionDeleted, Hook
from chalicelib.logs import logger
from chalicelib.sessions import Principal
from chalicelib.store import keys
from chalicelib.store.connections import ACTIVE
from chalicelib.store.profiles import ProfileItems
from chalicelib.store.table import Store
from chalicelib.timefmt import rfc3339


class MailboxProvider(Provider, Protocol):
    """A Provider that can also say who the connected account is."""

    @property
    def configured(self) -> bool: ...

    def api(self, tokens: TokenSource) -> Any:
        """The provider's API client on a token source."""
        ...

    def account_email(self, api: Any) -> str:
        """Who the connected account is (one live call)."""
        ...

    def revoke_token(self, token: str) -> bool:
        """Revoke a grant by one of its tokens (best effort)."""
        ...


class MissingFeatures(Protocol):
    def __call__(self, scopes: list[str]) -> list[str]: ...


@dataclass(frozen=True)
class MailboxKind:
    """One mailbox provider and what its granted scopes leave out."""

    provider: MailboxProvider
    missing: MissingFeatures


class _GrantTokens:
    """A TokenSource over tokens just granted, before anything is stored."""

    def __init__(self, provider: MailboxProvider, access_token: str) -> None:
        self._provider = provider
        self._access_token = access_token

    def current(self) -> str:
        return self._access_token

    def refreshed(self, stale: str) -> str:
        raise self._provider.refresh_refused()


class Mailboxes:
    def __init__(
        self,
        store: Store,
        authorizations: Authorizations,
        vault: ConnectionVault,
        kinds: Mapping[str, MailboxKind],
        clock: Clock,
        deleted: Hook[ConnectionDeleted] | None = None,
    ) -> None:
        self._deleted = deleted  # features that keep something per connection let go of it
        self._store = store
        self._profiles = ProfileItems(store)
        self._authorizations = authorizations
        self._vault = vault
        self._kinds = kinds
        self._clock = clock

    def _kind(self, name: str) -> MailboxKind:
        kind = self._kinds.get(name)
        if kind is None:
            raise NotFound(f"No provider {name!r}: google or microsoft.")
        if not kind.provider.configured:
            raise StratusError(
                ErrorCode.PROVIDER_NOT_CONFIGURED,
                f"{name} connections are not configured on this deployment.",
                404,
            )
        return kind

    def redirect_uri(self, name: str) -> str:
        return self._kind(name).provider.redirect_uri

    # -- the flow ----------------------------------------------------------------------------
    def start(self, principal: Principal, name: str, return_to: str) -> Started:
        provider = self._kind(name).provider
        profile = self._profiles.get(principal.org_id, principal.user_id) or {}
        email = profile.get("email")
        params = {"login_hint": str(email)} if email else {}
        return self._authorizations.start(
            provider,
            params=params,
            return_to=return_to,
            user=(principal.org_id, principal.user_id),
        )

    def refused(self, name: str, error: str, state: str | None) -> StratusError:
        """The provider sent the browser back with an error: spend the state, say why."""
        self._kind(name)
        if state:
            self._authorizations.spend(state)
        if error == "access_denied":
            return StratusError(
                ErrorCode.CONSENT_DENIED, f"The {name} connection was not allowed.", 400
            )
        return StratusError(
            ErrorCode.BAD_REQUEST, f"The {name} connection did not complete ({error}).", 400
        )

    def finish(
        self,
        principal: Principal,
        name: str,
        *,
        code: str,
        state: str,
        browser_nonce: str | None,
    ) -> str:
        """Finish the flow for the signed-in user who started it, in the browser that started
        it; store the connection; where to send the browser."""
        provider = self._kind(name).provider
        authorized = self._authorizations.finish(
            provider,
            state=state,
            code=code,
            browser_nonce=browser_nonce,
            user=(principal.org_id, principal.user_id),
        )
        grant = authorized.grant
        try:
            if not grant.refresh_token:
                raise provider.no_refresh_token()
            email = provider.account_email(provider.api(_GrantTokens(provider, grant.access_token)))
            attributes = {"email": email, "scopes": " ".join(grant.scope.split())}
            self._vault.save(name, principal.org_id, principal.user_id, grant, attributes)
        except Exception:
            # nothing was stored: the grant must not outlive the failed connection
            if not provider.revoke_token(grant.refresh_token or grant.access_token):
                logger.info("a failed connection's grant was not revoked", extra={"provider": name})
            raise
        logger.info(
            "mailbox connected",
            extra={"provider": name, "org_id": principal.org_id, "user_id": principal.user_id},
        )
        return authorized.return_to

    # -- the connection ----------------------------------------------------------------------
    def check(self, principal: Principal, name: str) -> dict[str, Any]:
        """A live call on the connection (refreshing an expired access token under the lease)."""
        kind = self._kind(name)
        org_id, user_id = principal.org_id, principal.user_id
        connection = self._vault.get(name, org_id, user_id)
        if connection is None:
            raise connection_required(name)
        if connection.status != ACTIVE:
            raise kind.provider.reauth_required()
        email = kind.provider.account_email(self._vault.client(name, org_id, user_id))
        scopes = connection.attributes.get("scopes", "").split()
        missing = kind.missing(scopes)
        return {
            "status": "partial" if missing else "active",
            "email": email,
            "scopes": scopes,
            "missing": missing,
            "checked_at": rfc3339(self._clock.now()),
        }

    def disconnect(self, principal: Principal, name: str) -> None:
        """Revoke at the provider where it can be (best effort), then delete the tokens."""
        self._kind(name)
        org_id, user_id = principal.org_id, principal.user_id
        revoked = self._vault.revoke(name, org_id, user_id)
        self._store.delete(keys.connection_key(org_id, user_id, name))
        self._store.delete(keys.lease_key(refresh_lease(name, org_id, user_id)))
        self._vault.forget(name, org_id, user_id)
        if self._deleted is not None:
            self._deleted.emit(ConnectionDeleted(org_id, user_id, name))
        logger.info(
            "mailbox disconnected",
            extra={"provider": name, "org_id": org_id, "revoked": revoked},
        )
