"""Response models of /me, the live Salesforce check and account deletion."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class MeUser(BaseModel):
    id: str
    username: str | None
    name: str | None
    email: str | None
    time_zone: str | None
    language: str | None
    locale: str | None


class MeOrg(BaseModel):
    id: str
    name: str | None
    is_sandbox: bool | None
    profile: str | None
    permission_sets: list[str]
    is_admin: bool


class SalesforceConnectionView(BaseModel):
    status: Literal["active", "revoked", "missing"]
    instance_url: str | None


class MailboxConnectionView(BaseModel):
    status: Literal["active", "partial", "revoked"]
    email: str | None = Field(description="The connected account's address")
    scopes: list[str] = Field(description="The scopes the user granted")
    missing: list[str] = Field(description="Features the granted scopes leave out")


class MeConnections(BaseModel):
    salesforce: SalesforceConnectionView
    google: MailboxConnectionView | None = Field(
        default=None, description="Absent when not connected"
    )
    microsoft: MailboxConnectionView | None = Field(
        default=None, description="Absent when not connected"
    )


class MeSession(BaseModel):
    expires_at: str


class Me(BaseModel):
    user: MeUser
    org: MeOrg
    connections: MeConnections
    session: MeSession


class ApiUsageView(BaseModel):
    used: int
    limit: int


class SalesforceCheck(BaseModel):
    status: Literal["active"]
    user_id: str
    name: str | None
    api_usage: ApiUsageView | None


class Deleted(BaseModel):
    deleted: int = Field(description="How many stored items of the user were deleted")
    salesforce_revoked: bool
