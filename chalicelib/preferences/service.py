"""The signed-in user's own settings: shown with where each value comes from, changed where
their org allows it (chalicelib/user_settings.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from chalicelib.errors import ErrorCode, StratusError
from chalicelib.sessions import Principal
from chalicelib.user_settings import StoredUserSettings, effective


@dataclass(frozen=True)
class Preferences:
    """The `/me/settings` feature."""

    user_settings: StoredUserSettings

    def show(self, principal: Principal) -> dict[str, Any]:
        """Every overridable setting: its value for the user and where it comes from."""
        org, choices = self.user_settings.read(principal.org_id, principal.user_id)
        return {row.name: row.as_dict() for row in effective(org, choices)}

    def change(self, principal: Principal, changes: Mapping[str, bool | None]) -> dict[str, Any]:
        """Apply the user's choices; 403 naming the settings the org does not let them choose
        (nothing is written then)."""
        org, _ = self.user_settings.read(principal.org_id, principal.user_id)
        refused = [name for name in changes if name not in org.user_overrides]
        if refused:
            raise StratusError(
                ErrorCode.FORBIDDEN,
                "Your org does not let users choose these settings: " + ", ".join(refused) + ".",
                403,
            )
        if changes:
            self.user_settings.choose(principal.org_id, principal.user_id, changes, org)
        return self.show(principal)
