"""The `/status` answer's model (for the OpenAPI document)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

StateName = Literal["operational", "degraded", "down"]


class ComponentView(BaseModel):
    """A component's state and its figures (which ones depends on the component: error_rate,
    failed_requests and requests; latency_ms; oldest_message_age_seconds and messages;
    lag_seconds)."""

    model_config = ConfigDict(extra="allow")
    state: StateName


class ComponentsView(BaseModel):
    api: ComponentView
    database: ComponentView
    encryption: ComponentView
    queue: ComponentView
    salesforce: ComponentView
    google: ComponentView
    microsoft: ComponentView
    calendar_sync: ComponentView


class StatusView(BaseModel):
    """Whether Stratus is up."""

    status: StateName
    computed_at: int = Field(description="Epoch second the status was computed")
    window_minutes: int = Field(description="The period the rates cover")
    components: ComponentsView
