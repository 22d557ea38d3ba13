"""Settings: every configurable fact, read from the environment once per container."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache

from chalicelib import __version__


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    return int(raw) if raw.strip() else default


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    return float(raw) if raw.strip() else default


def _csv(name: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in os.environ.get(name, "").split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    """What the app needs to know about its deployment; nothing secret is logged from here."""

    stage: str = "dev"
    version: str = __version__
    table_name: str = "stratus"
    kms_key_id: str = "alias/stratus"
    public_base_url: str = "http://127.0.0.1:8000"
    cors_origins: tuple[str, ...] = ()
    salesforce_login_url: str = "https://login.salesforce.com"
    salesforce_sandbox_url: str = "https://test.salesforce.com"
    salesforce_client_id: str = ""
    salesforce_client_secret: str = field(default="", repr=False)
    salesforce_extra_login_hosts: tuple[str, ...] = ()
    # org ids that may sign in; required outside the local and test stages (allowed_orgs.py)
    allowed_salesforce_orgs: tuple[str, ...] = ()
    salesforce_api_version: str = "62.0"
    session_ttl_seconds: int = 30 * 24 * 3600
    data_key_max_age_seconds: float = 300.0
    data_key_max_uses: int = 10_000
    data_key_cache_entries: int = 256
    # read timeout of every Salesforce call; with one retry the worst case must stay under API
    # Gateway's 29 s (client.worst_case_seconds: 2 x (3.05 + 10) + 1 = 27.1 s)
    salesforce_timeout_seconds: float = 10.0
    lookup_cache_seconds: int = 300  # 300-600: how long a lookup is served from memory
    lookup_cache_entries: int = 5000  # per container, least recently used dropped first
    lookup_limit_share: float = 0.9  # share of the org's daily API limit: above it, hits only
    tracking_signing_keys: str = field(default="", repr=False)  # "kid:base64key,..." first signs
    tracking_retention_days: int = 180  # tracked messages and their events expire after this
    org_settings_cache_seconds: float = 60.0  # hot paths see an admin's change within this
    # the X-Origin-Secret value our CloudFront adds: only then are its viewer headers trusted
    cloudfront_origin_secret: str = field(default="", repr=False)
    # Google Workspace and Microsoft 365 connections (a provider without a client id is not
    # offered); the secrets may be `ssm:` references (deps.secret)
    google_client_id: str = ""
    google_client_secret: str = field(default="", repr=False)
    google_accounts_url: str = "https://accounts.google.com"
    google_oauth_url: str = "https://oauth2.googleapis.com"
    google_api_url: str = "https://www.googleapis.com"
    microsoft_client_id: str = ""
    microsoft_client_secret: str = field(default="", repr=False)
    microsoft_tenant: str = "common"
    microsoft_login_url: str = "https://login.microsoftonline.com"
    microsoft_graph_url: str = "https://graph.microsoft.com"
    # read timeout of every Google and Microsoft call (connect: 3.05 s)
    mailbox_timeout_seconds: float = 10.0
    # email logging (docs/email.md): the jobs queue (by name: the worker's event source and
    # the sender resolve the same queue), how long a job's status is kept, how long the hash of
    # a logged Message-ID remembers its Salesforce record
    email_queue_name: str = "stratus-email-jobs"
    email_job_days: int = 7
    # a job not ended this long after its last change is failed `job_stalled` (its message
    # went to the dead-letter queue): above 5 receives of the queue's visibility timeout
    email_job_stalled_seconds: int = 2 * 3600
    logged_email_days: int = 30
    # calendar sync (docs/calendar.md): its queue (by name, like the email jobs'), the window
    # (days back and ahead of now), and the local stack's schedule interval (make run)
    calendar_queue_name: str = "stratus-calendar-sync"
    calendar_sync_past_days: int = 14
    calendar_sync_future_days: int = 60
    calendar_sync_local_interval: int = 60
    # org deletion (DELETE /admin/org): its queue (by name, like the others')
    org_deletion_queue_name: str = "stratus-org-deletion"
    #: how long after its sweep an org's deletion sweeps once more (SQS delays at most 900 s):
    #: longer than any email or calendar job already under way for one of its users may run
    org_deletion_settle_seconds: int = 900

    def connection_redirect_uri(self, provider: str) -> str:
        """The callback of a mailbox connection (registered at the provider exactly)."""
        return f"{self.public_base_url}/connections/{provider}/callback"

    @property
    def salesforce_origins(self) -> tuple[str, ...]:
        """Origins trusted as given: the configured login URLs and the extra hosts."""
        configured = (self.salesforce_login_url, self.salesforce_sandbox_url)
        extra = tuple(_origin(entry) for entry in self.salesforce_extra_login_hosts)
        return tuple(dict.fromkeys(_origin(url) for url in configured)) + extra

    @property
    def salesforce_redirect_uri(self) -> str:
        return f"{self.public_base_url}/auth/salesforce/callback"


_DEFAULTS = Settings()


def _origin(entry: str) -> str:
    """`host:port` or a full origin -> origin; plain http only for loopback hosts."""
    if "://" in entry:
        return entry.rstrip("/").lower()
    host = entry.split(":", 1)[0]
    scheme = "http" if host in {"127.0.0.1", "localhost", "[::1]"} else "https"
    return f"{scheme}://{entry.lower()}"


def _str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _url(name: str, default: str) -> str:
    return _str(name, default).rstrip("/")


def _clamped(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def load_settings() -> Settings:
    """Build settings from the environment; every default is the field's own (Settings above),
    and suits the local stack."""
    d = _DEFAULTS
    port = _str("PORT", "8000")
    return Settings(
        stage=_str("STRATUS_STAGE", d.stage),
        table_name=_str("STRATUS_TABLE", d.table_name),
        kms_key_id=_str("STRATUS_KMS_KEY_ID", d.kms_key_id),
        public_base_url=_url("PUBLIC_BASE_URL", f"http://127.0.0.1:{port}"),
        cors_origins=_csv("STRATUS_CORS_ORIGINS"),
        salesforce_login_url=_url("SALESFORCE_LOGIN_URL", d.salesforce_login_url),
        salesforce_sandbox_url=_url("SALESFORCE_SANDBOX_URL", d.salesforce_sandbox_url),
        salesforce_client_id=_str("SALESFORCE_CLIENT_ID", d.salesforce_client_id),
        salesforce_client_secret=_str("SALESFORCE_CLIENT_SECRET", d.salesforce_client_secret),
        salesforce_extra_login_hosts=_csv("SALESFORCE_EXTRA_LOGIN_HOSTS"),
        allowed_salesforce_orgs=_csv("ALLOWED_SALESFORCE_ORGS"),
        salesforce_api_version=_str("SALESFORCE_API_VERSION", d.salesforce_api_version),
        session_ttl_seconds=_int("STRATUS_SESSION_TTL_SECONDS", d.session_ttl_seconds),
        data_key_max_age_seconds=_float(
            "STRATUS_DATA_KEY_MAX_AGE_SECONDS", d.data_key_max_age_seconds
        ),
        data_key_max_uses=_int("STRATUS_DATA_KEY_MAX_USES", d.data_key_max_uses),
        salesforce_timeout_seconds=max(
            0.05, _float("SALESFORCE_TIMEOUT_SECONDS", d.salesforce_timeout_seconds)
        ),
        lookup_cache_seconds=int(
            _clamped(_int("LOOKUP_CACHE_SECONDS", d.lookup_cache_seconds), 300, 600)
        ),
        lookup_cache_entries=max(1, _int("LOOKUP_CACHE_ENTRIES", d.lookup_cache_entries)),
        lookup_limit_share=_clamped(_float("LOOKUP_LIMIT_SHARE", d.lookup_limit_share), 0.0, 1.0),
        tracking_signing_keys=_str("TRACKING_SIGNING_KEYS", d.tracking_signing_keys),
        tracking_retention_days=max(1, _int("TRACKING_RETENTION_DAYS", d.tracking_retention_days)),
        org_settings_cache_seconds=_clamped(
            _float("ORG_SETTINGS_CACHE_SECONDS", d.org_settings_cache_seconds), 0.0, 60.0
        ),
        cloudfront_origin_secret=_str("CLOUDFRONT_ORIGIN_SECRET", d.cloudfront_origin_secret),
        google_client_id=_str("GOOGLE_CLIENT_ID", d.google_client_id).strip(),
        google_client_secret=_str("GOOGLE_CLIENT_SECRET", d.google_client_secret),
        google_accounts_url=_url("GOOGLE_ACCOUNTS_URL", d.google_accounts_url),
        google_oauth_url=_url("GOOGLE_OAUTH_URL", d.google_oauth_url),
        google_api_url=_url("GOOGLE_API_URL", d.google_api_url),
        microsoft_client_id=_str("MICROSOFT_CLIENT_ID", d.microsoft_client_id).strip(),
        microsoft_client_secret=_str("MICROSOFT_CLIENT_SECRET", d.microsoft_client_secret),
        microsoft_tenant=_str("MICROSOFT_TENANT", d.microsoft_tenant).strip() or "common",
        microsoft_login_url=_url("MICROSOFT_LOGIN_URL", d.microsoft_login_url),
        microsoft_graph_url=_url("MICROSOFT_GRAPH_URL", d.microsoft_graph_url),
        mailbox_timeout_seconds=max(
            0.05, _float("MAILBOX_TIMEOUT_SECONDS", d.mailbox_timeout_seconds)
        ),
        email_queue_name=_str("STRATUS_EMAIL_QUEUE", d.email_queue_name).strip(),
        email_job_days=max(1, _int("EMAIL_JOB_DAYS", d.email_job_days)),
        email_job_stalled_seconds=max(
            10, _int("EMAIL_JOB_STALLED_SECONDS", d.email_job_stalled_seconds)
        ),
        logged_email_days=max(1, _int("LOGGED_EMAIL_DAYS", d.logged_email_days)),
        calendar_queue_name=_str("STRATUS_CALENDAR_QUEUE", d.calendar_queue_name).strip(),
        org_deletion_queue_name=_str(
            "STRATUS_ORG_DELETION_QUEUE", d.org_deletion_queue_name
        ).strip(),
        org_deletion_settle_seconds=min(
            900, max(0, _int("ORG_DELETION_SETTLE_SECONDS", d.org_deletion_settle_seconds))
        ),
        calendar_sync_past_days=max(1, _int("CALENDAR_SYNC_PAST_DAYS", d.calendar_sync_past_days)),
        calendar_sync_future_days=max(
            1, _int("CALENDAR_SYNC_FUTURE_DAYS", d.calendar_sync_future_days)
        ),
        calendar_sync_local_interval=max(
            5, _int("CALENDAR_SYNC_LOCAL_INTERVAL", d.calendar_sync_local_interval)
        ),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The container's settings, read once."""
    return load_settings()
