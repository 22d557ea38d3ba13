"""The composition root: every collaborator and feature service, built lazily once per container.

Nothing here runs at import time (cold start; moto must intercept every boto3 client a test
creates). Each factory is a `@component`: cached once built, and registered, so `reset()` (a
new container, new settings: tests) forgets them all without a hand-kept list. This is the one
module that imports every feature's service to build it; services never import `deps`, their
collaborators are passed in. Cross-feature effects are wired here, on `hooks()`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import _lru_cache_wrapper, lru_cache, partial
from typing import TYPE_CHECKING, Any, TypeVar, cast

from chalicelib import metrics
from chalicelib.clock import Clock, SystemClock
from chalicelib.settings import get_settings

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.client import DynamoDBClient
    from mypy_boto3_kms.client import KMSClient

    from chalicelib.account.service import Accounts
    from chalicelib.admin.deletion import OrgDeletion, UserDeleted
    from chalicelib.admin.service import Admin
    from chalicelib.auth.service import SignIn
    from chalicelib.caching import TTLCache
    from chalicelib.calendar.salesforce import SalesforceEvents
    from chalicelib.calendar.service import CalendarSync
    from chalicelib.calendars import CalendarClient
    from chalicelib.connections.authorize import Authorizations
    from chalicelib.connections.vault import ConnectionVault
    from chalicelib.crypto.envelope import Envelope
    from chalicelib.emails.service import EmailLogging
    from chalicelib.hooks import (
        AccountDeleted,
        ApiUsageSeen,
        ConnectionDeleted,
        ConnectionForgotten,
        Hooks,
        RecordCreated,
    )
    from chalicelib.idempotency import Idempotency
    from chalicelib.lookup.service import Lookups
    from chalicelib.mailboxes.service import Mailboxes
    from chalicelib.offline.service import OfflineQueue
    from chalicelib.org_settings import OrgSettingsCache, StoredOrgSettings
    from chalicelib.preferences.service import Preferences
    from chalicelib.providers.google.provider import GoogleProvider
    from chalicelib.providers.microsoft.provider import MicrosoftProvider
    from chalicelib.providers.salesforce.client import ApiUsage, Deadline, SalesforceClient
    from chalicelib.providers.salesforce.provider import SalesforceProvider
    from chalicelib.queues import JobQueue
    from chalicelib.records.created import CreatedAddresses
    from chalicelib.records.models import NewContact, NewLead
    from chalicelib.records.service import RecordCreation, Records
    from chalicelib.sessions import Principal, Sessions
    from chalicelib.status.service import StatusPage
    from chalicelib.store.calendar_sync import SyncState
    from chalicelib.store.status import StatusCounters
    from chalicelib.store.table import Store
    from chalicelib.tracking.hits import EventRecorder, HotPath
    from chalicelib.tracking.service import Tracking
    from chalicelib.tracking.tokens import SigningKeys
    from chalicelib.usage import Usage
    from chalicelib.user_settings import StoredUserSettings

T = TypeVar("T")
_NewRecord = TypeVar("_NewRecord", "NewLead", "NewContact")
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
    from chalicelib import outcomes

    for factory in _COMPONENTS:
        factory.cache_clear()
    get_settings.cache_clear()
    outcomes.outcomes().reset()


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
    """The user's admin rights as Salesforce says now (one Composite API call, counted)."""
    from chalicelib.providers.salesforce import org

    return org.admin_rights(_counted_salesforce_client(org_id, user_id), user_id)


# -- features -------------------------------------------------------------------------------------
@component
def sign_in() -> SignIn:
    from chalicelib.auth.service import SignIn
    from chalicelib.store.profiles import ProfileItems

    return SignIn(
        store(),
        ProfileItems(store()),
        authorizations(),
        vault(),
        sessions(),
        salesforce(),
        clock(),
        deleting=_org_being_deleted,
        usage=usage(),
    )


def _org_being_deleted(org_id: str) -> bool:
    """Whether the org's deletion is under way (chalicelib/admin/deletion.py)."""
    from chalicelib.store.org_deletion import OrgDeletionJobs

    job = OrgDeletionJobs(store(), clock()).get(org_id)
    return job is not None and not job.done


@component
def lookups() -> Lookups:
    """The lookup service: its cache lives as long as the container."""
    from chalicelib.lookup.service import Lookups

    def client_for(org_id: str, user_id: str) -> SalesforceClient:
        client: SalesforceClient = vault().client("salesforce", org_id, user_id)
        return client

    return Lookups(
        get_settings(),
        clock(),
        client_for,
        metrics.recorder(),
        usage(),
        created_among=lambda org_id, user_id, found: created_addresses().among(
            org_id, user_id, found
        ),
    )


@component
def created_addresses() -> CreatedAddresses:
    """The addresses each user created a record for lately, read by every container's lookup
    before it serves a cached "not found" (docs/records.md)."""
    from chalicelib.records.created import CreatedAddresses

    # as long as a cached lookup lives (LOOKUP_CACHE_SECONDS)
    return CreatedAddresses(store(), clock(), get_settings().lookup_cache_seconds)


@component
def mailboxes() -> Mailboxes:
    from chalicelib.mailboxes.service import Mailboxes, MailboxKind
    from chalicelib.providers.google import provider as google_provider
    from chalicelib.providers.microsoft import provider as microsoft_provider

    kinds = {
        "google": MailboxKind(google(), google_provider.missing_features),
        "microsoft": MailboxKind(microsoft(), microsoft_provider.missing_features),
    }
    return Mailboxes(store(), authorizations(), vault(), kinds, clock(), hooks().connection_deleted)


@component
def accounts() -> Accounts:
    from chalicelib.account.service import Accounts

    return Accounts(store(), vault(), hooks().account_deleted, usage())


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

    return TrackingEvents(
        hot_path_store(), uncounted=lambda _: metrics.recorder().add(metrics.TRACKING_UNCOUNTED)
    )


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
        usage=usage(),
        idempotency=idempotency(),
        settings_for=user_settings().personal_for,
    )


@component
def admin() -> Admin:
    from chalicelib.admin.service import Admin
    from chalicelib.store.profiles import ProfileItems
    from chalicelib.store.usage import UsageItems

    return Admin(
        _stored_org_settings(),
        sessions(),
        clock(),
        admin_rights,
        _org_settings_changed,
        usage_items=UsageItems(store()),
        profiles=ProfileItems(store()),
        store=store(),
        usage=usage(),
    )


@component
def usage() -> Usage:
    """This container's usage figures (chalicelib/usage.py): summed in memory, flushed with
    atomic ADDs at most once a minute after a request that is not a hot path, or by a
    worker's last act, through the short-timeout client."""
    from chalicelib.store.usage import UsageItems
    from chalicelib.usage import Usage

    return Usage(UsageItems(hot_path_store()), clock())


# -- email logging (docs/email.md) ------------------------------------------------------------
@component
def sqs_client() -> Any:
    return _client("sqs", connect_timeout=2, read_timeout=5, attempts=3)


@component
def email_queue() -> JobQueue:
    from chalicelib.queues import JobQueue

    return JobQueue(sqs_client(), get_settings().email_queue_name)


@component
def idempotency() -> Idempotency:
    from chalicelib.idempotency import Idempotency

    return Idempotency(get_settings().table_name, dynamodb_client())


@component
def email_logging() -> EmailLogging:
    from chalicelib.emails.log import EmailLog
    from chalicelib.emails.service import EmailLogging
    from chalicelib.providers.google import provider as google_provider
    from chalicelib.providers.microsoft import provider as microsoft_provider
    from chalicelib.store.email_jobs import EmailJobs, LoggedEmails

    settings = get_settings()
    day = 24 * 3600
    log = EmailLog(
        store(),
        LoggedEmails(store(), clock(), settings.logged_email_days * day),
        clock(),
        _stored_org_settings(),
        _find_people,
        _salesforce_client,
        _own_addresses,
        settings.lookup_cache_seconds,
        _email_usage(),
        for_user=user_settings().for_user,
    )
    return EmailLogging(
        store(),
        EmailJobs(store(), envelope(), clock(), settings.email_job_days * day),
        email_queue(),
        log,
        vault(),
        {"google": google().mail_reader, "microsoft": microsoft().mail_reader},
        {
            "google": google_provider.missing_features,
            "microsoft": microsoft_provider.missing_features,
        },
        idempotency(),
        settings.email_job_stalled_seconds,
    )


def _email_usage() -> metrics.UsageWithMetrics:
    """Email logging's usage figures, emails logged also as a business metric."""
    from chalicelib import usage as features

    return metrics.UsageWithMetrics(usage(), {features.EMAILS_LOGGED: metrics.EMAILS_LOGGED})


def _find_people(
    org_id: str,
    user_id: str,
    emails: Sequence[str],
    extra: Mapping[str, str],
    deadline: Deadline | None,
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]] | None]:
    """The lookup's batch and cache, for a user who may not be in a request (the worker)."""
    from chalicelib.sessions import Principal

    acting = Principal(org_id, user_id, session_id="", expires_at=0, is_admin=False)
    return lookups().lookup_with(acting, emails, extra, deadline)


def _salesforce_client(org_id: str, user_id: str) -> SalesforceClient:
    client: SalesforceClient = vault().client("salesforce", org_id, user_id)
    return client


def _counted_salesforce_client(org_id: str, user_id: str) -> SalesforceClient:
    """The user's client, each API call it makes counted in the usage figures (for features
    that do not count their own: records, calendar sync)."""
    from chalicelib.usage import SALESFORCE_API_CALLS

    client = _salesforce_client(org_id, user_id)
    client.on_call = partial(usage().count, org_id, user_id, SALESFORCE_API_CALLS)
    return client


@component
def _own_addresses_cache() -> TTLCache[tuple[str, str], frozenset[str]]:
    from chalicelib.caching import TTLCache

    return TTLCache(clock(), 300.0, 10_000)


def _own_addresses(org_id: str, user_id: str) -> set[str]:
    """The user's own addresses: their Salesforce user's, and their mailboxes' (what tells a
    sent email from a received one); cached 5 minutes per container."""
    from chalicelib.store.profiles import ProfileItems

    cache = _own_addresses_cache()
    found = cache.get((org_id, user_id))
    if found is None:
        profile = ProfileItems(store()).get(org_id, user_id) or {}
        mailboxes_ = (vault().get(name, org_id, user_id) for name in ("google", "microsoft"))
        emails = {str(profile.get("email") or "")} | {
            str(c.attributes.get("email", "")) for c in mailboxes_ if c is not None
        }
        found = frozenset(e for e in emails if e)
        cache.put((org_id, user_id), found)
    return set(found)


# -- cross-feature effects --------------------------------------------------------------------
@component
def hooks() -> Hooks:
    """The hook registry, with every cross-feature subscription wired."""
    from chalicelib.hooks import Hooks

    registry = Hooks()
    registry.connection_forgotten.subscribe(_drop_cached_lookups)
    registry.connection_deleted.subscribe(_end_calendar_sync)
    registry.api_usage_seen.subscribe(_spend_api_limit)
    registry.account_deleted.subscribe(_revoke_tracking_links)
    registry.record_created.subscribe(_drop_cached_lookup_of_address)
    registry.record_created.subscribe(_remember_created_address)
    return registry


def _drop_cached_lookup_of_address(event: RecordCreated) -> None:
    """A new Lead or Contact is what the next lookup of its address answers, for every user of
    the org in this container (nothing to do, and nothing built, when no lookup ran here)."""
    if built(lookups):
        lookups().invalidate_address(event.org_id, event.address)


def _remember_created_address(event: RecordCreated) -> None:
    """Other containers' lookups must not serve their cached "not found" for the address to
    the user who created the record (chalicelib/records/created.py)."""
    created_addresses().remember(event.org_id, event.user_id, event.address)


def _revoke_tracking_links(event: AccountDeleted) -> None:
    """The deleted user's tracking links and pixels stop working: on the org's settings item,
    which every container's hot paths re-read within ORG_SETTINGS_CACHE_SECONDS (this one at
    once). Kept as long as any of those tokens could still verify."""
    from chalicelib.tracking.tokens import GRACE_SECONDS

    lifetime = tracking_retention_seconds() + GRACE_SECONDS
    _stored_org_settings().revoke_tracking_links(event.org_id, event.user_id, lifetime)
    _org_settings_changed(event.org_id)


def _end_calendar_sync(event: ConnectionDeleted) -> None:
    """A disconnected mailbox takes its calendar sync along: the sync state (its sealed
    cursor) and every pair are deleted, when the sync used that provider."""
    calendar_sync().connection_deleted(event.org_id, event.user_id, event.provider)


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


# -- the status page (chalicelib/status/) -------------------------------------------------------
@component
def cloudwatch_client() -> Any:
    return _client("cloudwatch", connect_timeout=2, read_timeout=3, attempts=2)


@component
def status_counters() -> StatusCounters:
    """The status page's request counts (chalicelib/outcomes.py flushes through it, at most
    once a minute, at the end of a request): on a client of their own with short timeouts and
    no retry, so a flush never holds an answer for long."""
    from chalicelib.store.status import StatusCounters
    from chalicelib.store.table import Store

    client = cast(
        "DynamoDBClient", _client("dynamodb", connect_timeout=1, read_timeout=1, attempts=1)
    )
    return StatusCounters(Store(client, get_settings().table_name, clock()))


@component
def status_page() -> StatusPage:
    import time

    from chalicelib import metrics
    from chalicelib.status.probes import KmsProbe, QueueProbe, SyncLagProbe
    from chalicelib.status.service import StatusPage

    settings = get_settings()
    queues = {
        "email": email_queue(),
        "calendar": calendar_queue(),
        "org_deletion": org_deletion_queue(),
    }
    urls = {q.name: q for q in queues.values()}
    return StatusPage(
        status_counters(),
        KmsProbe(kms_client(), settings.kms_key_id),
        QueueProbe(sqs_client(), cloudwatch_client(), lambda name: urls[name].url()),
        [q.name for q in queues.values()],
        calendar_queue().name,
        sync_lag=SyncLagProbe(cloudwatch_client(), metrics.NAMESPACE, metrics.SERVICE, time.time),
    )


# -- org deletion (chalicelib/admin/deletion.py) --------------------------------------------------
@component
def org_deletion_queue() -> JobQueue:
    from chalicelib.queues import JobQueue

    return JobQueue(sqs_client(), get_settings().org_deletion_queue_name)


@component
def org_deletion() -> OrgDeletion:
    from chalicelib.admin.deletion import OrgDeletion
    from chalicelib.store.org_deletion import OrgDeletionJobs

    return OrgDeletion(
        store(),
        OrgDeletionJobs(store(), clock()),
        org_deletion_queue(),
        _delete_user,
        clock(),
        envelope(),
        before_done=lambda: usage().flush(force=True),
        settle_seconds=get_settings().org_deletion_settle_seconds,
    )


def _delete_user(org_id: str, user_id: str, *, unanswered_ok: bool) -> UserDeleted:
    """A user of a deleted org goes as their own account deletion goes (connections revoked
    at the providers first); the items deleted and the grants not revoked."""
    from chalicelib.admin.deletion import UserDeleted
    from chalicelib.sessions import Principal

    acting = Principal(org_id, user_id, session_id="", expires_at=0, is_admin=False)
    answer, not_revoked = accounts().delete_all(acting, unanswered_ok=unanswered_ok)
    return UserDeleted(int(answer["deleted"]), tuple(not_revoked))


# -- per-user settings (chalicelib/user_settings.py) ---------------------------------------------
@component
def user_settings() -> StoredUserSettings:
    from chalicelib.tracking.tokens import GRACE_SECONDS
    from chalicelib.user_settings import StoredUserSettings

    # a user's opt-out of tracking is kept while a token they prepared could still verify
    return StoredUserSettings(store(), clock(), tracking_retention_seconds() + GRACE_SECONDS)


@component
def preferences() -> Preferences:
    from chalicelib.preferences.service import Preferences

    return Preferences(user_settings())


# -- records (docs/records.md) ------------------------------------------------------------------
def signature_extraction_enabled(org_id: str, user_id: str) -> bool:
    """The effective `signature_extraction` of a user: the org's setting, or the user's own
    choice where the org lets users choose it (/me/settings; two consistent reads)."""
    return bool(user_settings().settings_for(org_id, user_id).signature_extraction)


@component
def records() -> Records:
    from chalicelib.records.attempts import Attempts
    from chalicelib.records.service import Records

    return Records(
        _counted_salesforce_client,
        idempotency(),
        signature_extraction_enabled,
        hooks().record_created.emit,
        Attempts(store(), clock()),
    )


# -- the offline queue (docs/records.md) ----------------------------------------------------------
@component
def offline_queue() -> OfflineQueue:
    """`POST /actions`: each path runs what its route runs, with the action's key as the
    request's Idempotency-Key (the queue never imports the features it replays)."""
    from chalicelib.emails.models import MAX_REQUEST_BYTES
    from chalicelib.offline.service import OfflineQueue, slowest_action_seconds
    from chalicelib.records.models import MAX_RECORD_BYTES

    return OfflineQueue(
        {
            "/emails": _offline_email,
            "/records/leads": _offline_lead,
            "/records/contacts": _offline_contact,
            "/tracking/messages": _offline_tracked_message,
        },
        limits={
            "/emails": MAX_REQUEST_BYTES,
            "/records/leads": MAX_RECORD_BYTES,
            "/records/contacts": MAX_RECORD_BYTES,
        },  # /tracking/messages: its model bounds the HTML, as on its route
        completed=_completed_earlier,
        action_seconds=slowest_action_seconds(get_settings().salesforce_timeout_seconds),
    )


#: the idempotency route names of the paths an offline action may take
_OFFLINE_ROUTES = ("emails", "records_leads", "records_contacts", "tracking_messages")


def _completed_earlier(principal: Principal, key: str) -> bool | None:
    """Whether a request with this key completed (a `depends_on` from an earlier batch): the
    idempotency store under each route an action may take (read only for such dependencies)."""
    for route in _OFFLINE_ROUTES:
        found = idempotency().completed(principal.org_id, principal.user_id, route, key)
        if found is not None:
            return found
    return None


def _offline_email(
    principal: Principal, body: dict[str, Any], key: str, context: Any, deadline: Deadline
) -> tuple[int, dict[str, Any]]:
    # a client-held message is logged within the request, by the action's deadline; a queued
    # one's worker has its own time (docs/email.md, "The time budget")
    from chalicelib.emails.models import LogEmailRequest
    from chalicelib.web import parse_value

    request = parse_value(LogEmailRequest, body).root
    submitted = email_logging().submit(
        principal,
        request,
        idempotency_key=key,
        body=body,
        lambda_context=context,
        deadline=deadline,
    )
    return submitted.status, {"job": submitted.job.view()}


def _offline_lead(
    principal: Principal, body: dict[str, Any], key: str, context: Any, deadline: Deadline
) -> tuple[int, dict[str, Any]]:
    from chalicelib.records.models import NewLead
    from chalicelib.records.service import Records

    return _offline_record(NewLead, Records.create_lead, principal, body, key, context, deadline)


def _offline_contact(
    principal: Principal, body: dict[str, Any], key: str, context: Any, deadline: Deadline
) -> tuple[int, dict[str, Any]]:
    from chalicelib.records.models import NewContact
    from chalicelib.records.service import Records

    return _offline_record(
        NewContact, Records.create_contact, principal, body, key, context, deadline
    )


def _offline_record(
    model: type[_NewRecord],
    create: RecordCreation[_NewRecord],
    principal: Principal,
    body: dict[str, Any],
    key: str,
    context: Any,
    deadline: Deadline,
) -> tuple[int, dict[str, Any]]:
    """Replay a queued Lead or Contact as its route creates it (chalicelib/records/routes.py),
    with the action's key as the Idempotency-Key: one path for both kinds."""
    from chalicelib.web import parse_value

    created = create(
        records(),
        principal,
        parse_value(model, body),
        idempotency_key=key,
        body=body,
        lambda_context=context,
        deadline=deadline,
    )
    return created.status, created.body


def _offline_tracked_message(
    principal: Principal, body: dict[str, Any], key: str, context: Any, deadline: Deadline
) -> tuple[int, dict[str, Any]]:
    # prepares tokens (no Salesforce call): the deadline is not needed
    import json

    from chalicelib.tracking.models import PrepareMessage
    from chalicelib.web import parse_value

    prepared = tracking().prepare(
        principal,
        parse_value(PrepareMessage, body),
        idempotency_key=key,
        body=body,
        lambda_context=context,
    )
    return 201, dict(json.loads(prepared))


# -- calendar sync (docs/calendar.md) -----------------------------------------------------------
@component
def calendar_queue() -> JobQueue:
    from chalicelib.queues import JobQueue

    return JobQueue(sqs_client(), get_settings().calendar_queue_name)


@component
def calendar_sync() -> CalendarSync:
    from chalicelib.calendar.service import CalendarSync
    from chalicelib.calendar.sync import SyncOptions
    from chalicelib.store.calendar_sync import CalendarSyncStore

    settings = get_settings()
    options = SyncOptions(
        past_days=settings.calendar_sync_past_days,
        future_days=settings.calendar_sync_future_days,
        limit_share=settings.lookup_limit_share,
    )
    return CalendarSync(
        CalendarSyncStore(store(), envelope(), clock()),
        store(),
        _calendar_clients,
        _calendar_connection_ready,
        clock(),
        options,
        calendar_queue(),
        # the org's calendar_sync, or the user's own choice where the org lets users choose;
        # the org's item from the container's cache (a worker runs thousands of one org's
        # users: one read per org per ORG_SETTINGS_CACHE_SECONDS, docs/calendar.md), never
        # the defaults a failed read serves (StorageUnavailable: the cycle is skipped)
        lambda org_id, user_id: bool(
            user_settings()
            .for_user(org_settings_cache().confirmed_state(org_id), org_id, user_id)
            .calendar_sync
        ),
        usage=usage(),
        connections=vault(),  # the state and the connections: one BatchGetItem per cycle
    )


def _calendar_clients(state: SyncState) -> tuple[CalendarClient, SalesforceEvents]:
    """The user's calendar and Salesforce Events, on their own connections (401 reauth when
    either is missing or revoked)."""
    from chalicelib.calendar.salesforce import SalesforceEvents

    provider = google() if state.provider == "google" else microsoft()
    tokens = vault().tokens(state.provider, state.org_id, state.user_id)
    calendar = provider.calendar(tokens, state.calendar_id)
    salesforce = _counted_salesforce_client(state.org_id, state.user_id)
    events = SalesforceEvents(salesforce, state.user_id)
    return calendar, events


def _calendar_connection_ready(org_id: str, user_id: str, provider: str) -> bool:
    """A live connection to `provider` whose grant includes the calendar scope."""
    from chalicelib.providers.google import provider as google_provider
    from chalicelib.providers.microsoft import provider as microsoft_provider
    from chalicelib.store.connections import ACTIVE

    connection = vault().get(provider, org_id, user_id)
    if connection is None or connection.status != ACTIVE:
        return False
    if provider == "salesforce":  # a live sign-in is all the sync needs of it
        return True
    scopes = str(connection.attributes.get("scopes", "")).split()
    missing = (
        google_provider.missing_features(scopes)
        if provider == "google"
        else microsoft_provider.missing_features(scopes)
    )
    return "calendar_sync" not in missing


def _register_outcome_sink() -> None:
    """The middleware's request counts and usage figures flush into the table (built on the
    first flush)."""
    from chalicelib import outcomes
    from chalicelib import usage as usage_figures

    outcomes.use_sink(status_counters)
    usage_figures.use_counter(usage)


_register_outcome_sink()
