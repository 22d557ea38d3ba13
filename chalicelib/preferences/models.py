"""Request and response models of /me/settings (the OVERRIDABLE settings of the org's table)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from chalicelib.org_settings import OVERRIDABLE, SETTINGS


class EffectiveSetting(BaseModel):
    """One setting as it applies to the user."""

    value: bool = Field(description="The value that applies to the user")
    source: Literal["org", "user"] = Field(
        description="Where the value comes from: the org's setting or the user's own choice"
    )
    org_value: bool = Field(description="The org's setting")
    may_override: bool = Field(description="Whether the org lets its users choose this one")


_DESCRIBED = {s.name: s.description for s in SETTINGS}
_SHOWN: dict[str, Any] = {
    n: (EffectiveSetting, Field(description=_DESCRIBED[n])) for n in OVERRIDABLE
}

UserSettingsView: type[BaseModel] = create_model(
    "UserSettingsView",
    __doc__="Every setting a user may be allowed to choose, as it applies to the signed-in user.",
    __module__=__name__,
    **_SHOWN,
)

_CHOICES: dict[str, Any] = {
    n: (bool | None, Field(None, description=f"{_DESCRIBED[n]} (null: follow the org)"))
    for n in OVERRIDABLE
}
UserSettingsUpdate: type[BaseModel] = create_model(
    "UserSettingsUpdate",
    __doc__=(
        "The user's choices to change (true or false; null: follow the org again); those left "
        "out are kept. A setting the org does not let users choose is refused (403)."
    ),
    __config__=ConfigDict(extra="forbid", strict=True),
    __module__=__name__,
    **_CHOICES,
)
