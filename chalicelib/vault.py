"""The connection vault: one Salesforce connection per user and org, shared by every client.

Refresh and access tokens are stored only sealed (envelope encryption bound to purpose, org and
user). Access tokens are also cached in memory per container. A refresh is serialised per
connection by a lease and re-reads the stored tokens after taking it: refresh-token rotation
makes the loser of a race fail with invalid_grant, so a concurrent refresh is never repeated.
`invalid_grant` marks the connection revoked; routes then answer 401 salesforce_reauth_required.

Every client it builds reports the API usage of each Salesforce answer to the lookup's limit
guard, and forgetting a connection (revoked, or the account deleted) drops the user's cached
lookups; both import the lookup only when they happen (cold start).
"""

from __future__ import annotations

import functools
import json
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chalicelib.clock import Clock
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import (
    ConditionFailed,
    DecryptionFailed,
    EncryptionUnavailable,
    LeaseHeld,
    StratusError,
)
from chalicelib.logs import logger
from chalicelib.providers.salesforce import oauth
from chalicelib.providers.salesforce.client import ApiUsage, SalesforceClient
from chalicelib.settings import Settings
from chalicelib.store import keys
from chalicelib.store.table import Store

PROVIDER = "salesforce"
ACTIVE = "active"
REVOKED = "revoked"
LEASE_SECONDS = 20.0
WAIT_SECONDS = 15.0
# A token stored by another request this recently is handed to a waiter instead of renewing
# again (Salesforce sessions last 15 minutes at the least, so it is still good).
HANDOVER_SECONDS = 60.0


@dataclass(frozen=True)
class Connection:
    org_id: str
    user_id: str
    status: str
    instance_url: str
    login_base: str
    token_version: int


def reauth_required() -> StratusError:
    return StratusError(
        "salesforce_reauth_required",
        "Salesforce access was revoked or has expired: sign in with Salesforce again.",
        401,
    )


def no_refresh_token() -> StratusError:
    """A grant without a refresh token: the connected app lacks the refresh_token scope."""
    return StratusError(
        "salesforce_no_refresh_token",
        "Salesforce did not grant offline access: the connected app needs the refresh_token scope.",
        502,
    )


def refresh_lease(org_id: str, user_id: str) -> str:
    """The lease that serialises a connection's refreshes (its item lives outside the user's
    partition, so account deletion removes it by name)."""
    return f"sf-refresh#{org_id}#{user_id}"


def _context(org_id: str, user_id: str) -> dict[str, str]:
    return {"purpose": "salesforce-tokens", "org": org_id, "user": user_id}


class ConnectionVault:
    def __init__(
        self,
        store: Store,
        envelope: Envelope,
        clock: Clock,
        settings: Settings,
        *,
        refresh: Callable[[str, str, str, str], oauth.TokenGrant] = oauth.refresh,
        sleep: Callable[[float], None] = time.sleep,
        secret: Callable[[str], str] = str,
    ) -> None:
        self._store = store
        self._envelope = envelope
        self._clock = clock
        self._settings = settings
        self._refresh = refresh
        self._sleep = sleep
        self._secret = secret  # resolves a secret setting (deps.secret: `ssm:` references)
        self._lock = threading.Lock()
        self._access: OrderedDict[tuple[str, str], tuple[int, str]] = OrderedDict()

    def client_secret(self) -> str:
        """The connected app's consumer secret (read from SSM on first use when referenced)."""
        return self._secret(self._settings.salesforce_client_secret)

    # -- the stored connection ---------------------------------------------------------------
    def save(self, org_id: str, user_id: str, grant: oauth.TokenGrant, login_base: str) -> None:
        """Store (or replace: one per user and org) the connection after a sign-in."""
        if not grant.refresh_token:
            raise no_refresh_token()
        pk, sk = keys.connection_key(org_id, user_id, PROVIDER)
        previous = self._store.get((pk, sk))
        version = int(previous["token_version"]) + 1 if previous else 1
        self._store.put(
            {
                "pk": pk,
                "sk": sk,
                "org_id": org_id,
                "user_id": user_id,
                "status": ACTIVE,
                "instance_url": grant.instance_url,
                "login_base": login_base,
                "tokens": self._seal(org_id, user_id, grant.access_token, grant.refresh_token),
                "token_version": version,
                "connected_at": int(self._clock.now()),
            }
        )
        self._remember(org_id, user_id, version, grant.access_token)

    def get(self, org_id: str, user_id: str) -> Connection | None:
        item = self._store.get(keys.connection_key(org_id, user_id, PROVIDER))
        if item is None:
            return None
        return Connection(
            org_id,
            user_id,
            str(item["status"]),
            str(item["instance_url"]),
            str(item["login_base"]),
            int(item["token_version"]),
        )

    def refresh_token(self, org_id: str, user_id: str) -> str | None:
        """The stored refresh token (for revocation at deletion), or None."""
        item = self._store.get(keys.connection_key(org_id, user_id, PROVIDER))
        if item is None:
            return None
        try:
            return self._open(org_id, user_id, item)["refresh_token"]
        except StratusError:  # unreadable: there is nothing we could revoke at Salesforce
            return None

    def client(self, org_id: str, user_id: str) -> SalesforceClient:
        """A REST client on the user's own connection; 401 reauth when there is none."""
        connection = self.get(org_id, user_id)
        if connection is None or connection.status != ACTIVE:
            raise reauth_required()
        return SalesforceClient(
            connection.instance_url,
            _Tokens(self, org_id, user_id),
            self._settings.salesforce_api_version,
            on_usage=functools.partial(usage_seen, org_id),
        )

    # -- tokens ------------------------------------------------------------------------------
    def _seal(self, org_id: str, user_id: str, access: str, refresh: str) -> bytes:
        plaintext = json.dumps({"access_token": access, "refresh_token": refresh}).encode()
        return self._envelope.seal(plaintext, _context(org_id, user_id))

    def _open(self, org_id: str, user_id: str, item: dict[str, Any]) -> dict[str, str]:
        """The connection's tokens. A blob that does not decrypt (tampered, copied from
        another user, its KMS key disabled) can never work again: the connection is marked
        revoked and the user is asked to sign in again, instead of a 500 on every request."""
        try:
            opened = self._envelope.open(bytes(item["tokens"]), _context(org_id, user_id))
        except DecryptionFailed as failed:
            if not failed.permanent:  # the key is out of reach: change nothing, retry later
                logger.error("KMS key unavailable", extra={"problem": str(failed)})
                raise EncryptionUnavailable() from None
            logger.error(
                "salesforce tokens do not decrypt; connection marked revoked",
                extra={"org_id": org_id, "user_id": user_id, "problem": str(failed)},
            )
            key = keys.connection_key(org_id, user_id, PROVIDER)
            self._mark_revoked(key, int(item["token_version"]))
            self.forget(org_id, user_id)
            raise reauth_required() from None
        tokens: dict[str, str] = json.loads(opened)
        return tokens

    def _remember(self, org_id: str, user_id: str, version: int, access: str) -> None:
        with self._lock:
            self._access[(org_id, user_id)] = (version, access)
            self._access.move_to_end((org_id, user_id))
            while len(self._access) > 1024:
                self._access.popitem(last=False)

    def current_access_token(self, org_id: str, user_id: str) -> str:
        with self._lock:
            cached = self._access.get((org_id, user_id))
        if cached is not None:
            return cached[1]
        item = self._store.get(keys.connection_key(org_id, user_id, PROVIDER))
        if item is None or item.get("status") != ACTIVE:
            raise reauth_required()
        access = self._open(org_id, user_id, item)["access_token"]
        self._remember(org_id, user_id, int(item["token_version"]), access)
        return access

    def refreshed_access_token(self, org_id: str, user_id: str, stale: str) -> str:
        """A token newer than `stale`: ours after a refresh under the lease, or the one a
        concurrent refresh (this container or another) already stored."""
        deadline = self._clock.now() + WAIT_SECONDS
        resource = refresh_lease(org_id, user_id)
        while True:
            try:
                lease = self._store.acquire_lease(resource, LEASE_SECONDS)
            except LeaseHeld:
                if self._clock.now() > deadline:
                    message = "The Salesforce session is being renewed; retry."
                    busy = StratusError("salesforce_busy", message, 503, {"Retry-After": "1"})
                    raise busy from None
                self._sleep(random.uniform(0.02, 0.08))  # noqa: S311 - jitter
                continue
            try:
                return self._refresh_holding_lease(org_id, user_id, stale)
            finally:
                self._store.release_lease(lease)

    def _refresh_holding_lease(self, org_id: str, user_id: str, stale: str) -> str:
        key = keys.connection_key(org_id, user_id, PROVIDER)
        item = self._store.get(key)
        if item is None or item.get("status") != ACTIVE:
            raise reauth_required()
        version = int(item["token_version"])
        tokens = self._open(org_id, user_id, item)
        minted_at = float(item.get("refreshed_at") or item.get("connected_at") or 0)
        if tokens["access_token"] != stale and self._clock.now() - minted_at < HANDOVER_SECONDS:
            # a concurrent request (this container or another) has just renewed it: use that
            self._remember(org_id, user_id, version, tokens["access_token"])
            return tokens["access_token"]
        # the stored token is ours, or another container stored it long enough ago that it
        # may have expired as well: renew (handing it back would end in a false "sign in again")
        settings = self._settings
        try:
            grant = self._refresh(
                str(item["login_base"]),
                settings.salesforce_client_id,
                self.client_secret(),
                tokens["refresh_token"],
            )
        except oauth.OAuthRejected as rejected:
            if rejected.error == "invalid_grant":
                self._mark_revoked(key, version)
                self.forget(org_id, user_id)
                logger.info("salesforce connection revoked", extra={"org_id": org_id})
                raise reauth_required() from None
            raise StratusError(
                "salesforce_unavailable", "Salesforce refused to renew the session.", 502
            ) from None
        refresh_token = grant.refresh_token or tokens["refresh_token"]
        self._update_tokens(key, version, org_id, user_id, grant.access_token, refresh_token)
        self._remember(org_id, user_id, version + 1, grant.access_token)
        return grant.access_token

    def _update_tokens(
        self, key: keys.Key, version: int, org_id: str, user_id: str, access: str, refresh: str
    ) -> None:
        self._conditional_update(
            key,
            "SET #t = :tokens, token_version = :next, refreshed_at = :now",
            {
                ":tokens": self._seal(org_id, user_id, access, refresh),
                ":next": version + 1,
                ":now": int(self._clock.now()),
                ":version": version,
            },
            names={"#t": "tokens"},
        )

    def _mark_revoked(self, key: keys.Key, version: int) -> None:
        self._conditional_update(
            key,
            "SET #s = :revoked, revoked_at = :now",
            {":revoked": REVOKED, ":now": int(self._clock.now()), ":version": version},
            names={"#s": "status"},
        )

    def _conditional_update(
        self, key: keys.Key, update: str, values: dict[str, Any], names: dict[str, str]
    ) -> None:
        """An update that applies only if nobody changed the tokens since we read them."""
        try:
            self._store.update(key, update, values, names, condition="token_version = :version")
        except ConditionFailed:
            logger.info("connection changed during refresh; keeping the newer tokens")

    def forget(self, org_id: str, user_id: str) -> None:
        """Forget what this container holds for the connection (it was revoked, or the account
        is being deleted): the access token, and the lookups answered with it."""
        with self._lock:
            self._access.pop((org_id, user_id), None)
        from chalicelib.lookup import invalidate_user

        invalidate_user(org_id, user_id)


def usage_seen(org_id: str, usage: ApiUsage) -> None:
    """A Salesforce answer's Sforce-Limit-Info, whichever feature called: the lookup's limit
    guard spends the org's API limit for all of them."""
    from chalicelib.lookup import record_usage

    record_usage(org_id, usage)


class _Tokens:
    """The TokenSource a SalesforceClient uses for one connection."""

    def __init__(self, vault: ConnectionVault, org_id: str, user_id: str) -> None:
        self._vault = vault
        self._org_id = org_id
        self._user_id = user_id

    def current(self) -> str:
        return self._vault.current_access_token(self._org_id, self._user_id)

    def refreshed(self, stale: str) -> str:
        return self._vault.refreshed_access_token(self._org_id, self._user_id, stale)
