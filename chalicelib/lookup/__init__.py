"""Email lookup: who an address is in Salesforce, cached per user in the container's memory.

Features that create or change a Salesforce record for an address (email sync, ...) call
`invalidate(org, user, address)` or `invalidate_address(org, address)` afterwards, so the
sidebar does not show the old answer for the rest of the cache lifetime. The connection vault
calls `invalidate_user` when a connection is revoked or forgotten, and `record_usage` with the
API usage of every Salesforce answer (importing this package only then: cold start).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chalicelib.lookup.service import Lookups
    from chalicelib.providers.salesforce.client import ApiUsage

_lock = threading.Lock()
_current: Lookups | None = None


def lookups() -> Lookups:
    """The container's lookup service (its cache lives as long as the container). It is built
    again when `deps.reset()` gives the container new settings and a new clock (tests)."""
    global _current
    from chalicelib import deps
    from chalicelib.lookup.service import Lookups
    from chalicelib.settings import get_settings

    settings, clock = get_settings(), deps.clock()
    with _lock:
        current = _current
        if current is None or current.settings is not settings or current.clock is not clock:
            current = _current = Lookups.from_settings(settings, clock)
        return current


def invalidate(org_id: str, user_id: str, address: str) -> bool:
    """Forget what one user saw for `address`; True if something was cached."""
    return lookups().invalidate(org_id, user_id, address)


def invalidate_address(org_id: str, address: str) -> int:
    """Forget `address` for every user of the org (in this container); how many entries."""
    return lookups().invalidate_address(org_id, address)


def invalidate_user(org_id: str, user_id: str) -> int:
    """Forget everything one user saw (connection revoked, account deleted); how many entries.
    Nothing to forget, and nothing built, when no lookup ran in this container."""
    current = _current
    return current.invalidate_user(org_id, user_id) if current is not None else 0


def record_usage(org_id: str, usage: ApiUsage) -> None:
    """The org's API usage as a Salesforce answer reported it, for the lookup's limit guard."""
    lookups().record_usage(org_id, usage)
