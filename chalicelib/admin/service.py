"""Org settings for org admins.

Admin rights are read at sign-in (`Principal.is_admin`); a session lives for weeks, so an
admin route trusts that reading for ADMIN_RECHECK_SECONDS only, then reads the rights again
(`read_admin_rights`: one Salesforce Composite call) and keeps the new reading on the session:
an admin an org demotes loses access within that time, a user it promotes gains it without
signing in again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from chalicelib.clock import Clock
from chalicelib.errors import ErrorCode, StratusError
from chalicelib.org_settings import StoredOrgSettings
from chalicelib.sessions import Principal, Sessions

ADMIN_RECHECK_SECONDS = 15 * 60
#: (org id, user id) -> whether the user is an org admin, as their org says now
AdminRights = Callable[[str, str], bool]


@dataclass(frozen=True)
class Admin:
    """The org administration feature."""

    org_settings: StoredOrgSettings
    sessions: Sessions
    clock: Clock
    read_admin_rights: AdminRights
    settings_changed: Callable[[str], None]  # (org id): this container's caches forget

    def require_admin(self, principal: Principal) -> Principal:
        """The principal, if an org admin by a reading at most ADMIN_RECHECK_SECONDS old (a
        new reading is taken and kept on the session when it is older); 403 otherwise."""
        if self.clock.now() - principal.admin_checked_at >= ADMIN_RECHECK_SECONDS:
            rights = self.read_admin_rights(principal.org_id, principal.user_id)
            principal = self.sessions.record_admin_check(principal, rights)
        if not principal.is_admin:
            raise StratusError(ErrorCode.FORBIDDEN, "Only an org admin can do this.", 403)
        return principal

    def settings(self, principal: Principal) -> dict[str, Any]:
        """The org's settings (org admins only)."""
        admin = self.require_admin(principal)
        return self.org_settings.get(admin.org_id).as_dict()

    def change_settings(self, principal: Principal, changes: Mapping[str, bool]) -> dict[str, Any]:
        """Apply the changes (org admins only); new messages see them at once, this
        container's hot paths too."""
        admin = self.require_admin(principal)
        if changes:
            self.org_settings.change(admin.org_id, changes)
            self.settings_changed(admin.org_id)
        return self.org_settings.get(admin.org_id).as_dict()
