"""Org settings for org admins (as determined at sign-in: `Principal.is_admin`)."""

from __future__ import annotations

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


def require_admin(principal: Principal) -> None:
    if not principal.is_admin:
        raise StratusError("forbidden", "Only an org admin can do this.", 403)


def show_settings(store: Store, principal: Principal) -> dict[str, Any]:
    require_admin(principal)
    return read_org_settings(store, principal.org_id).as_dict()


def change_settings(
    store: Store,
    clock: Clock,
    cache: OrgSettingsCache,
    principal: Principal,
    changes: dict[str, bool],
) -> dict[str, Any]:
    """Apply the changes; new messages see them at once, this container's hot paths too."""
    require_admin(principal)
    if changes:
        write_org_settings(store, clock, principal.org_id, changes)
        cache.forget(principal.org_id)
    return read_org_settings(store, principal.org_id).as_dict()
