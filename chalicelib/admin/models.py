"""Request and response models of /admin/settings, derived from the settings table
(`chalicelib.org_settings.SETTINGS`): a setting added there appears here, described once."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from chalicelib.org_settings import (
    DOMAIN_MAX_LENGTH,
    DOMAIN_PATTERN,
    OVERRIDABLE,
    SETTINGS,
    USER_OVERRIDES,
    OrgSettings,
    Setting,
)

Domain = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, max_length=DOMAIN_MAX_LENGTH, pattern=DOMAIN_PATTERN
    ),
]


def _annotation(setting: Setting) -> Any:
    """The setting's type in the API: a JSON array of domain names for a tuple."""
    return list[Domain] if setting.kind == tuple[str, ...] else setting.kind


_SHOWN: dict[str, Any] = {
    s.name: (_annotation(s), Field(description=s.description)) for s in SETTINGS
}
_CHANGED: dict[str, Any] = {
    s.name: (_annotation(s) | None, Field(None, **s.constraints)) for s in SETTINGS
}
#: Not a setting of the table: which of the OVERRIDABLE ones users may choose (/me/settings).
Overridable: Any = Literal[OVERRIDABLE]
_OVERRIDES_DOC = (
    "The settings users may choose for themselves (/me/settings); none by default: "
    "a user's change is then refused"
)
_SHOWN[USER_OVERRIDES] = (list[Overridable], Field(description=_OVERRIDES_DOC))
_CHANGED[USER_OVERRIDES] = (list[Overridable] | None, Field(None, description=_OVERRIDES_DOC))

OrgSettingsView: type[BaseModel] = create_model(
    "OrgSettingsView", __doc__=OrgSettings.__doc__, __module__=__name__, **_SHOWN
)

OrgSettingsUpdate: type[BaseModel] = create_model(
    "OrgSettingsUpdate",
    __doc__=(
        "The settings to change; those left out (or null) keep their value. Values are taken "
        'strictly as the schema says (a boolean is true or false, not 0, 1 or "true").'
    ),
    __config__=ConfigDict(extra="forbid", strict=True),
    __module__=__name__,
    **_CHANGED,
)
