"""The connection vault: one Salesforce connection per user and org, shared by every client.

Refresh and access tokens are stored only sealed (envelope encryption bound to purpose, org and
user). Access tokens are also cached in memory per container. A refresh is serialised per
connection by a lease and re-reads the stored tokens after taking it: refresh-token rotation
makes the loser of a race fail with invalid_grant, so a concurrent refresh is never repeated.
`invalid_grant` marks the connection revoked; routes then answer 401 salesforce_reauth_required.
"""

from __future__ import annotations

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
from chalicelib.errors import ConditionFailed, LeaseHeld, StratusError
from chalicelib.logs import logger
from chalicelib.providers.salesforce import oauth
from chalicelib.providers.salesforce.client import SalesforceClient
from chalicelib.settings import Settings
from chalicelib.store import keys
from chalicelib.store.table import Store

PROVIDER = "salesforce"
ACTIVE = "active"
REVOKED = "revoked"
LEASE_SECONDS = 20.0
WAIT_SECONDS = 15.0


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
    ) -> None:
        self._store = store
        self._envelope = envelope
        self._clock = clock
        self._settings = settings
        self._refresh = refresh
        self._sleep = sleep
        self._lock = threading.Lock()
        self._access: OrderedDict[tuple[str, str], tuple[int, str]] = OrderedDict()

    # -- the stored connection ---------------------------------------------------------------
    def save(self, org_id: str, user_id: str, grant: oauth.TokenGrant, login_base: str) -> None:
        """Store (or replace: one per user and org) the connection after a sign-in."""
        if not grant.refresh_token:
            raise StratusError(
                "salesforce_no_refresh_token",
                "Salesforce did not grant offline access: the connected app needs the "
                "refresh_token scope.",
                502,
            )
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
        return self._open(org_id, user_id, item)["refresh_token"]

    def client(self, org_id: str, user_id: str) -> SalesforceClient:
        """A REST client on the user's own connection; 401 reauth when there is none."""
        connection = self.get(org_id, user_id)
        if connection is None or connection.status != ACTIVE:
            raise reauth_required()
        return SalesforceClient(
            connection.instance_url,
            _Tokens(self, org_id, user_id),
            self._settings.salesforce_api_version,
        )

    # -- tokens ------------------------------------------------------------------------------
    def _seal(self, org_id: str, user_id: str, access: str, refresh: str) -> bytes:
        plaintext = json.dumps({"access_token": access, "refresh_token": refresh}).encode()
        return self._envelope.seal(plaintext, _context(org_id, user_id))

    def _open(self, org_id: str, user_id: str, item: dict[str, Any]) -> dict[str, str]:
        blob = item["tokens"]
        opened = self._envelope.open(bytes(blob), _context(org_id, user_id))
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
        resource = f"sf-refresh#{org_id}#{user_id}"
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
        if tokens["access_token"] != stale:
            self._remember(org_id, user_id, version, tokens["access_token"])
            return tokens["access_token"]
        settings = self._settings
        try:
            grant = self._refresh(
                str(item["login_base"]),
                settings.salesforce_client_id,
                settings.salesforce_client_secret,
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
        with self._lock:
            self._access.pop((org_id, user_id), None)


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
