"""The token vault: one connection per user, org and provider, shared by every client.

Refresh and access tokens are stored only sealed (envelope encryption bound to the provider's
purpose, the org and the user); access tokens are also cached in memory per container. A
refresh is serialised per connection by a lease and re-reads the stored tokens after taking it:
refresh-token rotation makes the loser of a race fail with invalid_grant, so a concurrent
refresh is never repeated. A refusal the provider calls a revocation marks the connection
revoked; routes then answer 401 `<provider>_reauth_required`. Forgetting a connection emits
`ConnectionForgotten` (hooks), so features drop what they answered through it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from chalicelib import backoff
from chalicelib.caching import TTLCache
from chalicelib.clock import Clock
from chalicelib.connections.provider import (
    Connection,
    Grant,
    OAuthRejected,
    Provider,
    TokenSource,
)
from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import (
    DecryptionFailed,
    LeaseHeld,
    RevocationUnanswered,
    StratusError,
    Unavailable,
)
from chalicelib.hooks import ConnectionForgotten, Hook
from chalicelib.logs import logger
from chalicelib.metrics import TOKEN_REFRESH_FAILURES, TOKEN_REFRESHES, MetricsRecorder
from chalicelib.store import keys
from chalicelib.store.connections import ACTIVE, ConnectionItems, ConnectionRecord
from chalicelib.store.table import Item, Store

LEASE_SECONDS = 20.0
WAIT_SECONDS = 15.0
# A token stored by another request this recently is handed to a waiter instead of renewing
# again (Salesforce sessions last 15 minutes at the least, so it is still good).
HANDOVER_SECONDS = 60.0
ACCESS_TOKENS_CACHED = 1024
_UserKey = tuple[str, str, str]  # (provider, org, user)


# Salesforce's leases kept their name from before connections were provider-neutral: during a
# deployment, old and new containers must serialise on the same lease (two concurrent refreshes
# would make the loser's rotated refresh token fail with invalid_grant: a false revocation).
_LEASE_NAMES = {"salesforce": "sf"}


def refresh_lease(provider: str, org_id: str, user_id: str) -> str:
    """The lease that serialises a connection's refreshes (its item lives outside the user's
    partition, so account deletion removes it by name)."""
    return f"{_LEASE_NAMES.get(provider, provider)}-refresh#{org_id}#{user_id}"


def _context(provider: str, org_id: str, user_id: str) -> dict[str, str]:
    return {"purpose": f"{provider}-tokens", "org": org_id, "user": user_id}


class ConnectionVault:
    def __init__(
        self,
        store: Store,
        envelope: Envelope,
        clock: Clock,
        providers: Mapping[str, Provider],
        forgotten: Hook[ConnectionForgotten],
        metrics: MetricsRecorder,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._store = store
        self._items = ConnectionItems(store)
        self._envelope = envelope
        self._clock = clock
        self._providers = providers
        self._forgotten = forgotten
        self._metrics = metrics
        self._sleep = sleep
        self._access: TTLCache[_UserKey, tuple[int, str]] = TTLCache(
            clock, max_entries=ACCESS_TOKENS_CACHED
        )
        # connections read by the caller's batched read, each used once by `client`/`tokens`
        # while `prefetched` holds (None: read, and absent)
        self._prefetched: dict[_UserKey, ConnectionRecord | None] = {}

    # -- the stored connection ---------------------------------------------------------------
    def save(
        self, provider: str, org_id: str, user_id: str, grant: Grant, attributes: Mapping[str, str]
    ) -> None:
        """Store (or replace: one per user, org and provider) the connection after a grant."""
        if not grant.refresh_token:
            raise self._providers[provider].no_refresh_token()
        sealed = self._seal(provider, org_id, user_id, grant.access_token, grant.refresh_token)
        now = int(self._clock.now())
        version = self._items.put(org_id, user_id, provider, sealed, attributes, now)
        self._access.put((provider, org_id, user_id), (version, grant.access_token))

    def get(self, provider: str, org_id: str, user_id: str) -> Connection | None:
        record = self._items.get(org_id, user_id, provider)
        return record.connection if record is not None else None

    def refresh_token(self, provider: str, org_id: str, user_id: str) -> str | None:
        """The stored refresh token (for revocation at deletion), or None. Unavailable (KMS or
        the table out of reach) propagates: nothing is known about the token yet."""
        record = self._items.get(org_id, user_id, provider)
        if record is None:
            return None
        try:
            return self._open(record)["refresh_token"]
        except Unavailable:
            raise
        except StratusError:  # unreadable for good: there is nothing we could revoke
            return None

    def client(self, provider: str, org_id: str, user_id: str) -> Any:
        """The provider's API client on the user's own connection; 401 reauth when there is
        none or it is revoked."""
        record = self._checked(provider, org_id, user_id)
        return self._providers[provider].client(
            record.connection, _Tokens(self, provider, org_id, user_id)
        )

    def tokens(self, provider: str, org_id: str, user_id: str) -> TokenSource:
        """The user's tokens for `provider` (current, renewed under the lease); 401 reauth
        when there is no active connection."""
        self._checked(provider, org_id, user_id)
        return _Tokens(self, provider, org_id, user_id)

    # -- batched reads (a worker reads its own item and the user's connections in one request)
    def connection_keys(self, org_id: str, user_id: str) -> tuple[keys.Key, ...]:
        """The keys of the user's connections, one per provider, for a caller's batched read."""
        return tuple(keys.connection_key(org_id, user_id, name) for name in self._providers)

    @contextmanager
    def prefetched(
        self, org_id: str, user_id: str, found: Mapping[keys.Key, Item]
    ) -> Iterator[None]:
        """While this holds, `client` and `tokens` check the user's connections as `found` (a
        consistent batched read of `connection_keys`, just made; a key not in it: no
        connection) instead of reading each item: same answers (revoked or missing: reauth),
        one request fewer per connection. Each prefetched record is used once; refreshes,
        revocations and anything else read the item as always."""
        mine = [(name, org_id, user_id) for name in self._providers]
        for user_key in mine:
            item = found.get(keys.connection_key(org_id, user_id, user_key[0]))
            self._prefetched[user_key] = ConnectionItems.from_item(user_key[0], item)
        try:
            yield
        finally:
            for user_key in mine:
                self._prefetched.pop(user_key, None)

    @property
    def names(self) -> tuple[str, ...]:
        """The providers a user may connect."""
        return tuple(self._providers)

    def revoke(
        self, provider: str, org_id: str, user_id: str, *, unanswered_ok: bool = True
    ) -> bool:
        """Revoke the stored grant at the provider (e.g. before deleting the account); True
        when the provider confirmed. A token we cannot read (Unavailable: KMS, the table)
        propagates (503: the caller retries). A provider that does not answer is False when
        `unanswered_ok` (a user's own deletion or disconnect goes on: their choice), else
        RevocationUnanswered (an org's deletion retries, rather than leave the grant live)."""
        connection = self.get(provider, org_id, user_id)
        if connection is None:
            return False
        try:
            refresh_token = self.refresh_token(provider, org_id, user_id)
        except Unavailable:
            raise
        except Exception:  # a token we cannot open must not block deletion
            logger.exception("could not open the stored token for revocation")
            refresh_token = None
        if not refresh_token:
            return False
        try:
            revoked = self._providers[provider].revoke(connection, refresh_token)
        except RevocationUnanswered:
            if not unanswered_ok:
                raise
            revoked = False
        if not revoked:
            logger.warning(
                "revoke failed at the provider; deleting locally",
                extra={"provider": provider, "org_id": org_id},
            )
        return revoked

    # -- tokens ------------------------------------------------------------------------------
    def _seal(self, provider: str, org_id: str, user_id: str, access: str, refresh: str) -> bytes:
        plaintext = json.dumps({"access_token": access, "refresh_token": refresh}).encode()
        return self._envelope.seal(plaintext, _context(provider, org_id, user_id))

    def _open(self, record: ConnectionRecord) -> dict[str, str]:
        """The connection's tokens. A blob that does not decrypt (tampered, copied from
        another user) can never work again: the connection is marked revoked and the user is
        asked to connect again, instead of a 500 on every request. KMS out of reach (the
        envelope's EncryptionUnavailable, 503) changes nothing: it is not DecryptionFailed."""
        connection = record.connection
        context = _context(connection.provider, connection.org_id, connection.user_id)
        try:
            opened = self._envelope.open(record.sealed_tokens, context)
        except DecryptionFailed as failed:
            logger.error(
                "connection tokens do not decrypt; connection marked revoked",
                extra={
                    "provider": connection.provider,
                    "org_id": connection.org_id,
                    "user_id": connection.user_id,
                    "problem": str(failed),
                },
            )
            self._revoked(record)
            raise self._providers[connection.provider].reauth_required() from None
        tokens: dict[str, str] = json.loads(opened)
        return tokens

    def _active(self, provider: str, org_id: str, user_id: str) -> ConnectionRecord:
        return self._live(provider, self._items.get(org_id, user_id, provider))

    def _checked(self, provider: str, org_id: str, user_id: str) -> ConnectionRecord:
        """`_active`, from the prefetched record when there is one (used once)."""
        user_key = (provider, org_id, user_id)
        if user_key in self._prefetched:
            return self._live(provider, self._prefetched.pop(user_key))
        return self._active(provider, org_id, user_id)

    def _live(self, provider: str, record: ConnectionRecord | None) -> ConnectionRecord:
        if record is None or record.connection.status != ACTIVE:
            raise self._providers[provider].reauth_required()
        return record

    def current_access_token(self, provider: str, org_id: str, user_id: str) -> str:
        cached = self._access.get((provider, org_id, user_id))
        if cached is not None:
            return cached[1]
        record = self._active(provider, org_id, user_id)
        access = self._open(record)["access_token"]
        self._access.put((provider, org_id, user_id), (record.connection.token_version, access))
        return access

    def refreshed_access_token(self, provider: str, org_id: str, user_id: str, stale: str) -> str:
        """A token newer than `stale`: ours after a refresh under the lease, or the one a
        concurrent refresh (this container or another) already stored."""
        deadline = self._clock.now() + WAIT_SECONDS
        resource = refresh_lease(provider, org_id, user_id)
        while True:
            try:
                lease = self._store.acquire_lease(resource, LEASE_SECONDS)
            except LeaseHeld:
                if self._clock.now() > deadline:
                    raise self._providers[provider].busy() from None
                self._sleep(backoff.delay(1, base=0.08, cap=0.08, jitter=0.75))  # 20-80 ms
                continue
            try:
                return self._refresh_holding_lease(provider, org_id, user_id, stale)
            finally:
                self._store.release_lease(lease)

    def _refresh_holding_lease(self, provider: str, org_id: str, user_id: str, stale: str) -> str:
        record = self._active(provider, org_id, user_id)
        tokens = self._open(record)
        fresh = self._clock.now() - record.minted_at < HANDOVER_SECONDS
        if tokens["access_token"] != stale and fresh:
            # a concurrent request (this container or another) has just renewed it: use that
            self._access.put(
                (provider, org_id, user_id),
                (record.connection.token_version, tokens["access_token"]),
            )
            return tokens["access_token"]
        # the stored token is ours, or another container stored it long enough ago that it
        # may have expired as well: renew (handing it back would end in a false "sign in again")
        chosen = self._providers[provider]
        # KMS first: with refresh-token rotation the old token dies when the provider answers,
        # so the new one must not then be lost to a KMS outage (a later false revocation)
        self._envelope.prepare(_context(provider, org_id, user_id))
        try:
            grant = chosen.refresh(record.connection, tokens["refresh_token"])
        except OAuthRejected as rejected:
            self._metrics.add(TOKEN_REFRESH_FAILURES)
            if chosen.is_revocation(rejected):
                self._revoked(record)
                logger.info("connection revoked", extra={"provider": provider, "org_id": org_id})
                raise chosen.reauth_required() from None
            raise chosen.refresh_refused() from None
        refresh_token = grant.refresh_token or tokens["refresh_token"]
        sealed = self._seal(provider, org_id, user_id, grant.access_token, refresh_token)
        if not self._items.replace_tokens(record, sealed, int(self._clock.now())):
            logger.info("connection changed during refresh; keeping the newer tokens")
        self._access.put(
            (provider, org_id, user_id), (record.connection.token_version + 1, grant.access_token)
        )
        self._metrics.add(TOKEN_REFRESHES)
        return grant.access_token

    def _revoked(self, record: ConnectionRecord) -> None:
        if not self._items.mark_revoked(record, int(self._clock.now())):
            logger.info("connection changed before it could be marked revoked")
        self.forget(record.connection.provider, record.connection.org_id, record.connection.user_id)

    def forget(self, provider: str, org_id: str, user_id: str) -> None:
        """Forget what this container holds for the connection (it was revoked, or the account
        is being deleted): the access token here, and what features answered through it."""
        self._access.discard((provider, org_id, user_id))
        self._prefetched.pop((provider, org_id, user_id), None)
        self._forgotten.emit(ConnectionForgotten(org_id, user_id, provider))


class _Tokens:
    """The TokenSource of one connection."""

    def __init__(self, vault: ConnectionVault, provider: str, org_id: str, user_id: str) -> None:
        self._vault = vault
        self._key = (provider, org_id, user_id)

    def current(self) -> str:
        return self._vault.current_access_token(*self._key)

    def refreshed(self, stale: str) -> str:
        return self._vault.refreshed_access_token(*self._key, stale)
