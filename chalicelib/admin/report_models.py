"""Request and response models of the admin dashboard's figures: /admin/usage(.csv) and
/admin/users (the settings' models are in models.py, derived from the settings table)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class UsageQuery(BaseModel):
    """The period of a usage report: UTC days, both included (at most 400 days; by default the
    last 30 days to today)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False)

    first: date | None = Field(
        None, alias="from", description="First UTC day, YYYY-MM-DD (default: 29 days before to)"
    )
    last: date | None = Field(None, alias="to", description="Last UTC day (default: today)")

    @field_validator("first", "last", mode="before")
    @classmethod
    def _iso_day(cls, value: Any) -> Any:
        if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
            raise ValueError("must be a day as YYYY-MM-DD")
        return value


class FeatureView(BaseModel):
    name: str = Field(description="The feature's name (a CSV column)")
    label: str = Field(description="Its name for people")


class UsageDayView(BaseModel):
    day: date
    counts: dict[str, int] = Field(description="Feature name -> uses that UTC day")


class UsageView(BaseModel):
    """The org's uses per feature per UTC day (every day of the period, zeros included)."""

    model_config = ConfigDict(populate_by_name=True)

    first: date = Field(alias="from")
    last: date = Field(alias="to")
    features: list[FeatureView]
    days: list[UsageDayView]


class UserView(BaseModel):
    user_id: str
    name: str
    email: str = Field(description="The user's own address (their Salesforce profile's)")
    last_active: str | None = Field(
        description="RFC 3339: the latest use in the last 30 days, else the last sign-in"
    )
    broken: bool = Field(description="Whether a connection was revoked and needs reconnecting")
    connections: dict[str, Literal["active", "revoked", "not_connected"]] = Field(
        description="salesforce, google, microsoft -> the connection's state"
    )
    calendar_sync: Literal["disabled", "never_run", "ok", "reauth_required", "paused", "error"] = (
        Field(description="The state of the user's calendar sync (disabled: off or never set up)")
    )
    usage_30_days: dict[str, int] = Field(
        description="emails_logged, lookups, tracked_messages over the last 30 UTC days"
    )


class UsersQuery(BaseModel):
    """A page of the users list."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(25, ge=1, le=50, description="Users per page, at most")
    cursor: str | None = Field(
        None, max_length=2048, description="The previous page's `next` (this session's only)"
    )


class UsersView(BaseModel):
    """A page of the org's users: those with a revoked connection come first (across pages),
    then the others; by name within a page."""

    users: list[UserView]
    next: str | None = Field(
        description="Pass back as `cursor` for the next page; null on the last"
    )


class DashboardQuery(BaseModel):
    """The dashboard page's period: its charts cover the last 30 or 90 UTC days."""

    model_config = ConfigDict(extra="ignore")

    days: Literal["30", "90"] = Field("30", description="The charts' period, in days")
    users: str | None = Field(
        None, max_length=2048, description="The users table's page: a `next` it linked to"
    )
    saved: str | None = Field(
        None,
        max_length=400,
        description="Set by the form's redirect after a save: the settings it changed "
        "(comma-separated; `-`: none), which the page then names",
    )
