"""Request and response models of org deletion (`DELETE /admin/org`, `GET /admin/org/deletion`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class OrgDeletionRequest(BaseModel):
    """Delete every item of every user of the org: the org's id, typed again, confirms it."""

    model_config = ConfigDict(extra="forbid", strict=True)
    confirm: str = Field(max_length=18, description="The org's id (18 characters)")


class OrgDeletionJobView(BaseModel):
    status: Literal["queued", "running", "done"]
    phase: Literal["users", "org", "sweep", "settle", "last_sweep", "done"]
    requested_at: str
    updated_at: str
    finished_at: str | None
    users_deleted: int
    items_deleted: int
    runs: int = Field(description="Runs of the background job so far")
    revocations_failed: dict[str, int] = Field(
        description="provider -> users whose grant it did not revoke (their tokens were "
        "deleted all the same; Microsoft has no per-grant revocation)"
    )


class OrgDeletionView(BaseModel):
    """An org deletion's progress (kept 30 days after the end, under a one-way tag)."""

    job: OrgDeletionJobView
    status_url: str | None = Field(
        None,
        description="Only in the answer that starts the deletion: a path that shows this "
        "job's progress without a session (the caller's session ends with the org), until 30 "
        "days after the end; keep it, it is not shown again",
    )
