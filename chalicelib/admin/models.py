"""Request and response models of /admin/settings."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class OrgSettingsView(BaseModel):
    """The org's settings; every one defaults to off."""

    email_tracking: bool = Field(description="Add an open-tracking pixel to prepared messages")
    link_tracking: bool = Field(description="Rewrite http(s) links in prepared messages")


class OrgSettingsUpdate(BaseModel):
    """The settings to change; those left out (or null) keep their value. Only JSON booleans
    are accepted (strict: 0, 1 or "true" are refused, as the schema says)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    email_tracking: bool | None = None
    link_tracking: bool | None = None
