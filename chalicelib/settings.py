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

    @property
    def salesforce_origins(self) -> tuple[str, ...]:
        """Origins trusted as given: the configured login URLs and the extra hosts."""
        configured = (self.salesforce_login_url, self.salesforce_sandbox_url)
        extra = tuple(_origin(entry) for entry in self.salesforce_extra_login_hosts)
        return tuple(dict.fromkeys(_origin(url) for url in configured)) + extra

    @property
    def salesforce_redirect_uri(self) -> str:
        return f"{self.public_base_url}/auth/salesforce/callback"


def _origin(entry: str) -> str:
    """`host:port` or a full origin -> origin; plain http only for loopback hosts."""
    if "://" in entry:
        return entry.rstrip("/").lower()
    host = entry.split(":", 1)[0]
    scheme = "http" if host in {"127.0.0.1", "localhost", "[::1]"} else "https"
    return f"{scheme}://{entry.lower()}"


def load_settings() -> Settings:
    """Build settings from the environment (defaults suit the local stack)."""
    port = os.environ.get("PORT", "8000")
    return Settings(
        stage=os.environ.get("STRATUS_STAGE", "dev"),
        table_name=os.environ.get("STRATUS_TABLE", "stratus"),
        kms_key_id=os.environ.get("STRATUS_KMS_KEY_ID", "alias/stratus"),
        public_base_url=os.environ.get("PUBLIC_BASE_URL", f"http://127.0.0.1:{port}").rstrip("/"),
        cors_origins=_csv("STRATUS_CORS_ORIGINS"),
        salesforce_login_url=os.environ.get(
            "SALESFORCE_LOGIN_URL", "https://login.salesforce.com"
        ).rstrip("/"),
        salesforce_sandbox_url=os.environ.get(
            "SALESFORCE_SANDBOX_URL", "https://test.salesforce.com"
        ).rstrip("/"),
        salesforce_client_id=os.environ.get("SALESFORCE_CLIENT_ID", ""),
        salesforce_client_secret=os.environ.get("SALESFORCE_CLIENT_SECRET", ""),
        salesforce_extra_login_hosts=_csv("SALESFORCE_EXTRA_LOGIN_HOSTS"),
        salesforce_api_version=os.environ.get("SALESFORCE_API_VERSION", "62.0"),
        session_ttl_seconds=_int("STRATUS_SESSION_TTL_SECONDS", 30 * 24 * 3600),
        data_key_max_age_seconds=_float("STRATUS_DATA_KEY_MAX_AGE_SECONDS", 300.0),
        data_key_max_uses=_int("STRATUS_DATA_KEY_MAX_USES", 10_000),
        salesforce_timeout_seconds=max(0.05, _float("SALESFORCE_TIMEOUT_SECONDS", 10.0)),
        lookup_cache_seconds=min(max(_int("LOOKUP_CACHE_SECONDS", 300), 300), 600),
        lookup_cache_entries=max(1, _int("LOOKUP_CACHE_ENTRIES", 5000)),
        lookup_limit_share=min(max(_float("LOOKUP_LIMIT_SHARE", 0.9), 0.0), 1.0),
        tracking_signing_keys=os.environ.get("TRACKING_SIGNING_KEYS", ""),
        tracking_retention_days=max(1, _int("TRACKING_RETENTION_DAYS", 180)),
        org_settings_cache_seconds=min(max(_float("ORG_SETTINGS_CACHE_SECONDS", 60.0), 0.0), 60.0),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The container's settings, read once."""
    return load_settings()
