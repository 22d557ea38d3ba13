"""Org settings for org admins.

Admin rights are read from Salesforce at sign-in (`Principal.is_admin`); a session lives for
weeks, so an admin route trusts that reading for ADMIN_RECHECK_SECONDS only, then reads the
rights again (one Composite API call) and keeps the new reading on the session: an admin an
org demotes loses access within that time, a user it promotes gains it without signing in again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chalicelib.admin.org_settings import (
    OrgSettingsCache,
    read_org_settings,
    write_org_settings,
)
from chalicelib.clock import Clock
from chalicelib.errors import StratusError
from chalicelib.sessions import Principal
from chalicelib.store.table import Store

ADMIN_RECHECK_SECONDS = 15 * 60


def require_admin(
    principal: Principal, now: float, recheck: Callable[[Principal], Principal]
) -> Principal:
    """The principal, if an org admin by a reading at most ADMIN_RECHECK_SECONDS old (`recheck`
    takes a new one when it is older); 403 otherwise."""
    if now - principal.admin_checked_at >= ADMIN_RECHECK_SECONDS:
        principal = recheck(principal)
    if not principal.is_admin:
        raise StratusError("forbidden", "Only an org admin can do this.", 403)
    return principal


def show_settings(store: Store, principal: Principal) -> dict[str, Any]:
    return read_org_settings(store, principal.org_id).as_dict()


def change_settings(
    store: Store,
    clock: Clock,
    cache: OrgSettingsCache,
    principal: Principal,
    changes: dict[str, bool],
) -> dict[str, Any]:
    """Apply the changes; new messages see them at once, this container's hot paths too."""
    if changes:
        write_org_settings(store, clock, principal.org_id, changes)
        cache.forget(principal.org_id)
    return read_org_settings(store, principal.org_id).as_dict()
