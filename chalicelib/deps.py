"""Collaborators, built lazily once per container (never at import time: cold start, moto)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from chalicelib.clock import Clock, SystemClock
from chalicelib.settings import get_settings

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient
    from mypy_boto3_kms.client import KMSClient

    from chalicelib.admin.org_settings import OrgSettingsCache
    from chalicelib.crypto.envelope import Envelope
    from chalicelib.sessions import Sessions
    from chalicelib.store.table import Store
    from chalicelib.tracking.events import EventRecorder
    from chalicelib.tracking.hits import HotPath
    from chalicelib.tracking.tokens import SigningKeys
    from chalicelib.vault import ConnectionVault


@lru_cache(maxsize=1)
def clock() -> Clock:
    return SystemClock()


@lru_cache(maxsize=1)
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


@lru_cache(maxsize=1)
def dynamodb_client() -> DynamoDBClient:
    client: DynamoDBClient = _client("dynamodb", connect_timeout=2, read_timeout=5, attempts=3)
    return client


@lru_cache(maxsize=1)
def kms_client() -> KMSClient:
    client: KMSClient = _client("kms", connect_timeout=2, read_timeout=5, attempts=3)
    return client


@lru_cache(maxsize=1)
def ssm_client() -> Any:
    return _client("ssm", connect_timeout=2, read_timeout=3, attempts=3)


SECRET_RETRY_SECONDS = 30.0
_secret_failed_at: dict[str, float] = {}


def secret(value: str) -> str:
    """A secret setting resolved (`ssm:<name>` read once per container; see chalicelib.secrets).
    A failed read raises SecretUnavailable (503); the next read is tried after
    SECRET_RETRY_SECONDS, so an SSM outage or a wrong parameter does not turn every request
    (the pixel, the redirect) into an SSM call."""
    from chalicelib.secrets import SecretUnavailable

    failed_at = _secret_failed_at.get(value)
    if failed_at is not None and clock().now() - failed_at < SECRET_RETRY_SECONDS:
        raise SecretUnavailable()
    try:
        return _resolved_secret(value)
    except SecretUnavailable:
        _secret_failed_at[value] = clock().now()
        raise


@lru_cache(maxsize=8)
def _resolved_secret(value: str) -> str:
    from chalicelib.secrets import resolve

    resolved = resolve(value, ssm_client)
    _secret_failed_at.pop(value, None)
    return resolved


@lru_cache(maxsize=1)
def store() -> Store:
    from chalicelib.store.table import Store

    return Store(dynamodb_client(), get_settings().table_name, clock())


@lru_cache(maxsize=1)
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


@lru_cache(maxsize=1)
def sessions() -> Sessions:
    from chalicelib.sessions import Sessions

    return Sessions(store(), clock(), get_settings().session_ttl_seconds)


@lru_cache(maxsize=1)
def vault() -> ConnectionVault:
    from chalicelib.vault import ConnectionVault

    return ConnectionVault(store(), envelope(), clock(), get_settings(), secret=secret)


@lru_cache(maxsize=1)
def hot_path_dynamodb_client() -> DynamoDBClient:
    """For the tracking pixel and redirect: short timeouts, one retry (never hold an email)."""
    client: DynamoDBClient = _client("dynamodb", connect_timeout=1, read_timeout=1, attempts=2)
    return client


@lru_cache(maxsize=1)
def hot_path_store() -> Store:
    from chalicelib.store.table import Store

    return Store(hot_path_dynamodb_client(), get_settings().table_name, clock())


@lru_cache(maxsize=1)
def org_settings() -> OrgSettingsCache:
    from chalicelib.admin.org_settings import OrgSettingsCache

    ttl = get_settings().org_settings_cache_seconds
    return OrgSettingsCache(hot_path_store(), clock(), ttl=ttl)


@lru_cache(maxsize=1)
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


@lru_cache(maxsize=1)
def tracking_recorder() -> EventRecorder:
    from chalicelib.tracking.events import DynamoEventRecorder

    return DynamoEventRecorder(hot_path_store())


@lru_cache(maxsize=1)
def tracking_hot_path() -> HotPath:
    """The pixel's and the redirect's collaborators (a benchmark swaps the recorder)."""
    from chalicelib.tracking.hits import HotPath

    return HotPath(
        keys=tracking_keys(),
        org_settings=org_settings(),
        recorder=tracking_recorder(),
        clock=clock(),
        retention_seconds=get_settings().tracking_retention_days * 86400,
    )


def reset() -> None:
    """Forget every built collaborator (a new container; used when settings change)."""
    for factory in (clock, _session, dynamodb_client, kms_client, store, envelope, sessions, vault):
        factory.cache_clear()
    ssm_client.cache_clear()
    _resolved_secret.cache_clear()
    _secret_failed_at.clear()
    for tracking in (
        hot_path_dynamodb_client,
        hot_path_store,
        org_settings,
        tracking_keys,
        tracking_recorder,
        tracking_hot_path,
    ):
        tracking.cache_clear()
    get_settings.cache_clear()
