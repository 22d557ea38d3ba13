"""Request and response models of /admin/settings."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class OrgSettingsView(BaseModel):
    """The org's settings; every one defaults to off."""

    email_tracking: bool = Field(description="Add an open-tracking pixel to prepared messages")
    link_tracking: bool = Field(description="Rewrite http(s) links in prepared messages")


class OrgSettingsUpdate(BaseModel):
    """The settings to change; those left out keep their value."""

    model_config = ConfigDict(extra="forbid")

    email_tracking: bool | None = None
    link_tracking: bool | None = None
