"""Request and response models of /admin/settings, derived from the settings table
(`chalicelib.org_settings.SETTINGS`): a setting added there appears here, described once."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from chalicelib.org_settings import SETTINGS, OrgSettings

_SHOWN: dict[str, Any] = {s.name: (bool, Field(description=s.description)) for s in SETTINGS}
_CHANGED: dict[str, Any] = {s.name: (bool | None, None) for s in SETTINGS}

OrgSettingsView: type[BaseModel] = create_model(
    "OrgSettingsView", __doc__=OrgSettings.__doc__, __module__=__name__, **_SHOWN
)

OrgSettingsUpdate: type[BaseModel] = create_model(
    "OrgSettingsUpdate",
    __doc__=(
        "The settings to change; those left out (or null) keep their value. Only JSON booleans "
        'are accepted (strict: 0, 1 or "true" are refused, as the schema says).'
    ),
    __config__=ConfigDict(extra="forbid", strict=True),
    __module__=__name__,
    **_CHANGED,
)
