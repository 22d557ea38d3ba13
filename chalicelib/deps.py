"""The composition root: every collaborator and feature service, built lazily once per container.

Nothing here runs at import time (cold start; moto must intercept every boto3 client a test
creates). Each factory is a `@component`: cached once built, and registered, so `reset()` (a
new container, new settings: tests) forgets them all without a hand-kept list. This is the one
module that imports every feature's service to build it; services never import `deps`, their
collaborators are passed in. Cross-feature effects are wired here, on `hooks()`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _lru_cache_wrapper, lru_cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from chalicelib import metrics
from chalicelib.clock import Clock, SystemClock
from chalicelib.settings import get_settings

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient
    from mypy_boto3_kms.client import KMSClient

    from chalicelib.account.service import Accounts
    from chalicelib.admin.service import Admin
    from chalicelib.auth.service import SignIn
    from chalicelib.caching import TTLCache
    from chalicelib.connections.authorize import Authorizations
    from chalicelib.connections.vault import ConnectionVault
    from chalicelib.crypto.envelope import Envelope
    from chalicelib.hooks import AccountDeleted, ApiUsageSeen, ConnectionForgotten, Hooks
    from chalicelib.lookup.service import Lookups
    from chalicelib.mailboxes.service import Mailboxes
    from chalicelib.org_settings import OrgSettingsCache, StoredOrgSettings
    from chalicelib.providers.google.provider import GoogleProvider
    from chalicelib.providers.microsoft.provider import MicrosoftProvider
    from chalicelib.providers.salesforce.client import ApiUsage, SalesforceClient
    from chalicelib.providers.salesforce.provider import SalesforceProvider
    from chalicelib.sessions import Principal, Sessions
    from chalicelib.store.table import Store
    from chalicelib.tracking.hits import EventRecorder, HotPath
    from chalicelib.tracking.service import Tracking
    from chalicelib.tracking.tokens import SigningKeys

T = TypeVar("T")
_COMPONENTS: list[_lru_cache_wrapper[Any]] = []


def component(factory: Callable[[], T]) -> _lru_cache_wrapper[T]:
    """A factory whose product is built on first use and kept for the container's life."""
    cached = lru_cache(maxsize=1)(factory)
    _COMPONENTS.append(cached)
    return cached


def built(factory: _lru_cache_wrapper[Any]) -> bool:
    """Whether the component has been built in this container (no side effect)."""
    return factory.cache_info().currsize > 0


def reset() -> None:
    """Forget every built component and the settings (a new container; tests)."""
    for factory in _COMPONENTS:
        factory.cache_clear()
    get_settings.cache_clear()


# -- AWS ----------------------------------------------------------------------------------------
@component
def clock() -> Clock:
    return SystemClock()


@component
def _session() -> object:
    import boto3

    return boto3.session.Session()


def _client(service: str, *, connect_timeout: int, read_timeout: int, attempts: int) -> Any:
    """A client of the shared session with explicit timeouts and standard-mode retries."""
    import boto3
    from botocore.config import Config

    session: boto3.session.Session = _session()  # type: ignore[assignment]
    config = Config(
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        retries={"max_attempts": attempts, "mode": "standard"},
    )
    return session.client(service, config=config)  # type: ignore[call-overload]


@component
def dynamodb_client() -> DynamoDBClient:
    return cast(
        "DynamoDBClient", _client("dynamodb", connect_timeout=2, read_timeout=5, attempts=3)
    )


@component
def hot_path_dynamodb_client() -> DynamoDBClient:
    """For the tracking pixel and redirect: short timeouts, one retry (never hold an email)."""
    return cast(
        "DynamoDBClient", _client("dynamodb", connect_timeout=1, read_timeout=1, attempts=2)
    )


@component
def kms_client() -> KMSClient:
    return cast("KMSClient", _client("kms", connect_timeout=2, read_timeout=5, attempts=3))


@component
def ssm_client() -> Any:
    return _client("ssm", connect_timeout=2, read_timeout=3, attempts=3)


SECRET_RETRY_SECONDS = 30.0


@component
def _failed_secrets() -> TTLCache[str, bool]:
    """Secret settings whose last read failed, for SECRET_RETRY_SECONDS."""
    from chalicelib.caching import TTLCache

    return TTLCache(clock(), ttl=SECRET_RETRY_SECONDS, max_entries=8)


def secret(value: str) -> str:
    """A secret setting resolved (`ssm:<name>` read once per container; see chalicelib.secrets).
    A failed read raises SecretUnavailable (503); the next read is tried after
    SECRET_RETRY_SECONDS, so an SSM outage or a wrong parameter does not turn every request
    (the pixel, the redirect) into an SSM call."""
    from chalicelib.secrets import SecretUnavailable

    if _failed_secrets().get(value) is not None:
        raise SecretUnavailable()
    try:
        return _resolved_secret(value)
    except SecretUnavailable:
        _failed_secrets().put(value, True)
        raise


@lru_cache(maxsize=8)
def _resolved_secret(value: str) -> str:
    from chalicelib.secrets import resolve

    resolved = resolve(value, ssm_client)
    _failed_secrets().discard(value)
    return resolved


_COMPONENTS.append(_resolved_secret)


# -- core ---------------------------------------------------------------------------------------
@component
def store() -> Store:
    from chalicelib.store.table import Store

    return Store(dynamodb_client(), get_settings().table_name, clock())


@component
def hot_path_store() -> Store:
    from chalicelib.store.table import Store

    return Store(hot_path_dynamodb_client(), get_settings().table_name, clock())


@component
def envelope() -> Envelope:
    from chalicelib.crypto.envelope import Envelope

    settings = get_settings()
    return Envelope(
        kms_client(),
        settings.kms_key_id,
        clock(),
        max_age=settings.data_key_max_age_seconds,
        max_uses=settings.data_key_max_uses,
        max_entries=settings.data_key_cache_entries,
    )


@component
def sessions() -> Sessions:
    from chalicelib.sessions import Sessions

    return Sessions(store(), clock(), get_settings().session_ttl_seconds)


def signed_in(request: Any) -> Principal:
    """The request's signed-in user (session cookie or Bearer token), or 401 unauthenticated;
    403 csrf_rejected for a cookie another site's page presented (chalicelib/csrf.py)."""
    from chalicelib import csrf

    settings = get_settings()
    trusted = csrf.trusted_origins(settings.public_base_url, settings.cors_origins)
    reason = csrf.cross_site_read(request.headers, trusted)
    if reason is not None:
        raise csrf.rejected(reason)
    return sessions().authenticate(request.headers)


# -- connections ----------------------------------------------------------------------------------
@component
def salesforce() -> SalesforceProvider:
    from chalicelib.providers.salesforce.provider import SalesforceProvider

    return SalesforceProvider(get_settings(), secret, _salesforce_usage_seen)


def _salesforce_usage_seen(org_id: str, usage: ApiUsage) -> None:
    from chalicelib.hooks import ApiUsageSeen

    hooks().api_usage_seen.emit(ApiUsageSeen(org_id, "salesforce", usage.used, usage.limit))


@component
def google() -> GoogleProvider:
    from chalicelib.providers.google.provider import GoogleProvider

    return GoogleProvider(get_settings(), secret)


@component
def microsoft() -> MicrosoftProvider:
    from chalicelib.providers.microsoft.provider import MicrosoftProvider

    return MicrosoftProvider(get_settings(), secret)


@component
def vault() -> ConnectionVault:
    """Every provider's connections (a new provider registers here)."""
    from chalicelib.connections.provider import Provider
    from chalicelib.connections.vault import ConnectionVault

    providers: dict[str, Provider] = {
        "salesforce": salesforce(),
        "google": google(),
        "microsoft": microsoft(),
    }
    forgotten = hooks().connection_forgotten
    return ConnectionVault(store(), envelope(), clock(), providers, forgotten, metrics.recorder())


@component
def authorizations() -> Authorizations:
    from chalicelib.connections.authorize import Authorizations

    return Authorizations(store(), envelope(), clock())


def admin_rights(org_id: str, user_id: str) -> bool:
    """The user's admin rights as Salesforce says now (one Composite API call)."""
    from chalicelib.providers.salesforce import org

    return org.admin_rights(vault().client("salesforce", org_id, user_id), user_id)


# -- features -------------------------------------------------------------------------------------
@component
def sign_in() -> SignIn:
    from chalicelib.auth.service import SignIn
    from chalicelib.store.profiles import ProfileItems

    return SignIn(
        store(), ProfileItems(store()), authorizations(), vault(), sessions(), salesforce(), clock()
    )


@component
def lookups() -> Lookups:
    """The lookup service: its cache lives as long as the container."""
    from chalicelib.lookup.service import Lookups

    def client_for(org_id: str, user_id: str) -> SalesforceClient:
        client: SalesforceClient = vault().client("salesforce", org_id, user_id)
        return client

    return Lookups(get_settings(), clock(), client_for, metrics.recorder())


@component
def mailboxes() -> Mailboxes:
    from chalicelib.mailboxes.service import Mailboxes, MailboxKind
    from chalicelib.providers.google import provider as google_provider
    from chalicelib.providers.microsoft import provider as microsoft_provider

    kinds = {
        "google": MailboxKind(google(), google_provider.missing_features),
        "microsoft": MailboxKind(microsoft(), microsoft_provider.missing_features),
    }
    return Mailboxes(store(), authorizations(), vault(), kinds, clock())


@component
def accounts() -> Accounts:
    from chalicelib.account.service import Accounts

    return Accounts(store(), vault(), hooks().account_deleted)


# -- tracking and admin ---------------------------------------------------------------------------
def _stored_org_settings() -> StoredOrgSettings:
    from chalicelib.org_settings import StoredOrgSettings

    return StoredOrgSettings(store(), clock())


@component
def org_settings_cache() -> OrgSettingsCache:
    """The hot paths' org settings: one read per org per ORG_SETTINGS_CACHE_SECONDS."""
    from chalicelib.org_settings import OrgSettingsCache, StoredOrgSettings

    source = StoredOrgSettings(hot_path_store(), clock())
    return OrgSettingsCache(source, clock(), ttl=get_settings().org_settings_cache_seconds)


def _org_settings_changed(org_id: str) -> None:
    """This container's hot paths see an admin's change at once (nothing to do, and nothing
    built, when no hit came to this container)."""
    if built(org_settings_cache):
        org_settings_cache().forget(org_id)


@component
def tracking_keys() -> SigningKeys | None:
    """The tracking signing keys, or None (tracking unconfigured: nothing verifies).
    SecretUnavailable (an `ssm:` reference that could not be read) propagates: not cached."""
    from chalicelib.logs import logger
    from chalicelib.tracking.tokens import KeyConfigError, SigningKeys

    try:
        keys = SigningKeys.parse(secret(get_settings().tracking_signing_keys))
    except KeyConfigError as exc:
        logger.error("TRACKING_SIGNING_KEYS is invalid", extra={"problem": str(exc)})
        return None
    if keys is None:
        logger.warning("TRACKING_SIGNING_KEYS is not set: email tracking is unavailable")
    return keys


def tracking_retention_seconds() -> int:
    return get_settings().tracking_retention_days * 86400


@component
def tracking_recorder() -> EventRecorder:
    from chalicelib.store.tracking_events import TrackingEvents

    return TrackingEvents(hot_path_store())


@component
def tracking_hot_path() -> HotPath:
    """The pixel's and the redirect's collaborators (a benchmark swaps the recorder)."""
    from chalicelib.tracking.hits import HotPath

    return HotPath(
        keys=tracking_keys(),
        org_settings=org_settings_cache(),
        recorder=tracking_recorder(),
        clock=clock(),
        retention_seconds=tracking_retention_seconds(),
        metrics=metrics.recorder(),
        origin_secret=cloudfront_origin_secret,
    )


def cloudfront_origin_secret() -> bytes | None:
    """CLOUDFRONT_ORIGIN_SECRET resolved (an `ssm:` reference is read once per container, and
    only when a request presents an X-Origin-Secret), or None: then CloudFront's viewer headers
    are not trusted. A parameter that cannot be read costs the location, not the hit (logged;
    tried again after SECRET_RETRY_SECONDS)."""
    from chalicelib.secrets import SecretUnavailable

    configured = get_settings().cloudfront_origin_secret
    if not configured:
        return None
    try:
        return secret(configured).encode("utf-8")
    except SecretUnavailable:
        return None


@component
def tracking() -> Tracking:
    from chalicelib.store.tracked_messages import TrackedMessages
    from chalicelib.store.tracking_events import TrackingEvents
    from chalicelib.tracking.service import Tracking, TrackingConfig

    config = TrackingConfig(get_settings().public_base_url, tracking_retention_seconds())
    return Tracking(
        TrackedMessages(store()),
        TrackingEvents(store()),
        _stored_org_settings(),
        tracking_keys,
        clock(),
        config,
    )


@component
def admin() -> Admin:
    from chalicelib.admin.service import Admin

    return Admin(_stored_org_settings(), sessions(), clock(), admin_rights, _org_settings_changed)


# -- cross-feature effects --------------------------------------------------------------------
@component
def hooks() -> Hooks:
    """The hook registry, with every cross-feature subscription wired."""
    from chalicelib.hooks import Hooks

    registry = Hooks()
    registry.connection_forgotten.subscribe(_drop_cached_lookups)
    registry.api_usage_seen.subscribe(_spend_api_limit)
    registry.account_deleted.subscribe(_revoke_tracking_links)
    return registry


def _revoke_tracking_links(event: AccountDeleted) -> None:
    """The deleted user's tracking links and pixels stop working: on the org's settings item,
    which every container's hot paths re-read within ORG_SETTINGS_CACHE_SECONDS (this one at
    once). Kept as long as any of those tokens could still verify."""
    from chalicelib.tracking.tokens import GRACE_SECONDS

    lifetime = tracking_retention_seconds() + GRACE_SECONDS
    _stored_org_settings().revoke_tracking_links(event.org_id, event.user_id, lifetime)
    _org_settings_changed(event.org_id)


def _drop_cached_lookups(event: ConnectionForgotten) -> None:
    """Lookups answered through a forgotten connection are not served again (nothing to do,
    and nothing built, when no lookup ran in this container)."""
    if event.provider == "salesforce" and built(lookups):
        lookups().invalidate_user(event.org_id, event.user_id)


def _spend_api_limit(event: ApiUsageSeen) -> None:
    """Every Salesforce answer's usage, whichever feature called, reaches the lookup's guard."""
    from chalicelib.providers.salesforce.client import ApiUsage

    if event.provider == "salesforce":
        lookups().record_usage(event.org_id, ApiUsage(event.used, event.limit))
