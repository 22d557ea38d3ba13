"""Which Salesforce hosts we send users and tokens to: an allow-list, never an open redirect.

Login hosts (where a user signs in): login.salesforce.com, test.salesforce.com, My Domain
(`*.my.salesforce.com`, `*.sandbox.my.salesforce.com`), Experience Cloud sites
(`*.my.site.com`, `*.force.com`), plus the configured login URLs and extra hosts (the local
emulator). Instance hosts (where API calls go, from the token response) are Salesforce domains
or the configured ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
LOGIN_EXACT = frozenset({"login.salesforce.com", "test.salesforce.com"})
LOGIN_SUFFIXES = (
    ".my.salesforce.com",
    ".sandbox.my.salesforce.com",
    ".my.site.com",
    ".force.com",
)
INSTANCE_SUFFIXES = (".salesforce.com", ".force.com", ".my.site.com", ".cloudforce.com")


def _valid_hostname(host: str) -> bool:
    if not host or len(host) > 253 or host != host.strip() or host.endswith("."):
        return False
    labels = host.split(".")
    return len(labels) >= 2 and all(_LABEL.match(label) for label in labels)


def _matches(host: str, exact: Iterable[str], suffixes: Iterable[str]) -> bool:
    if host in exact:
        return True
    # a suffix match needs at least one whole label before it ("x.my.salesforce.com")
    return any(host.endswith(s) and _valid_hostname(host[: -len(s)] + ".x") for s in suffixes)


def parse_login_host(value: str, configured: Iterable[str] = ()) -> str | None:
    """The login base URL for a user-supplied host, or None when it is not allowed.

    `value` is a bare host name ("acme.my.salesforce.com"), optionally with `https://` and a
    trailing slash. `configured` holds origins allowed as given (`http://127.0.0.1:8123`),
    matched exactly — only they may carry a port or plain http.
    """
    if not value or len(value) > 300 or any(c in value for c in "\\@%?#\t\r\n ;,"):
        return None
    for origin in configured:
        if value in (origin, origin + "/", origin.split("://", 1)[-1]):
            return origin
    candidate = value.lower()
    if candidate.startswith("https://"):
        candidate = candidate[len("https://") :]
    candidate = candidate.removesuffix("/")
    if "/" in candidate or ":" in candidate or not candidate.isascii():
        return None
    if not _valid_hostname(candidate):
        return None
    if not _matches(candidate, LOGIN_EXACT, LOGIN_SUFFIXES):
        return None
    return f"https://{candidate}"


def is_allowed_instance(url: str, configured: Iterable[str] = ()) -> bool:
    """Whether an instance URL from a token response is a Salesforce host we may call."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
    if origin in set(configured) and parts.path in ("", "/"):
        return True
    host = (parts.hostname or "").lower()
    return (
        parts.scheme == "https"
        and parts.port is None
        and parts.username is None
        and parts.path in ("", "/")
        and not parts.query
        and not parts.fragment
        and _valid_hostname(host)
        and _matches(host, (), INSTANCE_SUFFIXES)
    )
