"""Request and response models of email tracking."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chalicelib import addresses

MAX_RECIPIENTS = 100
MAX_HTML_BYTES = 1024 * 1024
VerdictName = Literal["human", "apple_mpp", "image_proxy", "scanner", "sender", "prefetch"]

_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}")


class PrepareMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: str | None = Field(default=None, max_length=998)
    message_id: str | None = Field(
        default=None, max_length=998, description="The RFC 5322 Message-ID, if known"
    )
    recipients: list[str] = Field(min_length=1, max_length=MAX_RECIPIENTS)
    html: str = Field(min_length=1, description="The message's HTML body, at most 1 MiB")

    @field_validator("recipients")
    @classmethod
    def _addresses(cls, values: list[str]) -> list[str]:
        normalised = [addresses.canonical(v) for v in values]
        if len({addresses.normalise(v) for v in normalised}) != len(normalised):
            raise ValueError("lists the same address twice")
        return normalised

    @field_validator("html")
    @classmethod
    def _size(cls, value: str) -> str:
        if len(value) > MAX_HTML_BYTES or len(value.encode("utf-8")) > MAX_HTML_BYTES:
            raise ValueError("is larger than 1 MiB")
        return value


class RecipientCopy(BaseModel):
    email: str
    html: str = Field(description="The HTML to send to this recipient")


class PreparedMessage(BaseModel):
    id: str
    recipients: list[RecipientCopy]


class LocationView(BaseModel):
    country: str | None
    region: str | None
    city: str | None


class EventView(BaseModel):
    kind: Literal["open", "click"]
    at: str = Field(description="RFC 3339, UTC (2026-11-29T19:24:42.123Z)")
    verdict: VerdictName
    reason: str
    location: LocationView | None
    link: int | None = Field(description="Index of the clicked link in the message")
    url: str | None = Field(description="The clicked link's destination")


class RecipientReport(BaseModel):
    email: str
    opens: int = Field(description="Every recorded open, machines included")
    human_opens: int = Field(description="Opens by a person (human, or a webmail image proxy)")
    clicks: int
    human_clicks: int
    first_human_open: str | None
    last_human_open: str | None
    location: LocationView | None = Field(description="Of the latest located event")
    events: list[EventView] = Field(
        description="The newest 50 events, oldest first (the counts cover every event)"
    )
    events_truncated: bool = Field(description="True when older events are not listed")


class MessageReport(BaseModel):
    id: str
    subject: str | None
    message_id: str | None
    created_at: str
    email_tracking: bool
    link_tracking: bool
    recipients: list[RecipientReport]


class ActivityQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    since: datetime | None = Field(default=None, description="Only events at or after (ISO 8601)")
    limit: int = Field(default=50, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=2048)

    @field_validator("since", mode="before")
    @classmethod
    def _iso_8601(cls, value: object) -> object:
        # pydantic would also read a number as epoch seconds, or a bare date: the schema says
        # an ISO 8601 date-time, so only that is accepted
        if value is not None and not (isinstance(value, str) and _DATE_TIME.match(value)):
            raise ValueError("must be an ISO 8601 date-time")
        return value

    @field_validator("since")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class ActivityEvent(EventView):
    message_id: str
    subject: str | None
    recipient: str | None


class Activity(BaseModel):
    events: list[ActivityEvent] = Field(description="Newest first")
    cursor: str | None = Field(description="Pass back for the next page; null on the last")
