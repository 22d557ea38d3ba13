"""Request and response models of calendar sync (docs/calendar.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

Provider = Literal["google", "microsoft"]
Direction = Literal["both", "to_salesforce", "from_salesforce"]
State = Literal["disabled", "never_run", "ok", "reauth_required", "paused", "error"]


class CalendarSyncRequest(BaseModel):
    """PUT /me/calendar-sync."""

    model_config = ConfigDict(extra="forbid")

    enabled: StrictBool
    provider: Provider = "google"
    calendar_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=1024,
        description="The calendar to sync (default: Google's `primary`, Microsoft's default)",
    )
    direction: Direction = "both"


class CalendarSyncError(BaseModel):
    code: str
    message: str


class CalendarSyncDirectionCounts(BaseModel):
    created: int
    updated: int
    deleted: int


class CalendarSyncCounts(BaseModel):
    to_salesforce: CalendarSyncDirectionCounts
    from_salesforce: CalendarSyncDirectionCounts
    conflicts: int


class CalendarSyncFailure(BaseModel):
    salesforce_id: str | None = None
    provider_id: str | None = None
    reason: str


class CalendarSyncStatus(BaseModel):
    state: State
    last_run_at: str | None = None
    last_success_at: str | None = None
    next_run_at: str | None = None
    last_error: CalendarSyncError | None = None
    counts: CalendarSyncCounts
    failed: list[CalendarSyncFailure]


class CalendarSyncAnswer(BaseModel):
    """GET and PUT /me/calendar-sync."""

    enabled: bool
    provider: Provider
    calendar_id: str | None
    direction: Direction
    status: CalendarSyncStatus


class CalendarSyncRun(BaseModel):
    """POST /me/calendar-sync/run (202)."""

    queued: bool
