"""Request and response models of sign-in, /me and account deletion."""

from __future__ import annotations

from typing import Literal
from urllib.parse import unquote

from pydantic import BaseModel, ConfigDict, Field, field_validator


def is_safe_return_path(value: str) -> bool:
    """A same-site relative path: `/x`, never `//x`, `/\\x`, a scheme, or an encoded variant.

    Only printable ASCII without spaces: the path goes back in a Location header, where
    anything else is either unsafe (controls, U+2028) or not Latin-1 and fails the response.
    Non-ASCII characters must come percent-encoded (`/caf%C3%A9`).
    """
    if not value.startswith("/") or len(value) > 512:
        return False
    if not all(0x21 <= ord(c) <= 0x7E for c in value):
        return False
    decoded = value
    for _ in range(4):  # undo layers of percent-encoding, checking each
        if (
            decoded.startswith("//")
            or "\\" in decoded
            or any(ord(c) < 0x21 or ord(c) == 0x7F for c in decoded)
            or not decoded.startswith("/")
        ):
            return False
        once = unquote(decoded)
        if once == decoded:
            return True
        decoded = once
    return False


class LoginQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    login: str = Field(
        default="production",
        max_length=300,
        description="production, sandbox, or a My Domain / Experience Cloud host",
    )
    return_to: str = Field(default="/me", max_length=512)

    @field_validator("return_to")
    @classmethod
    def _same_site(cls, value: str) -> str:
        if not is_safe_return_path(value):
            raise ValueError(
                "must be a relative path on this site, like /me, in printable ASCII "
                "(percent-encode anything else)"
            )
        return value


class CallbackQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str | None = Field(default=None, max_length=2048)
    state: str | None = Field(default=None, max_length=200)
    error: str | None = Field(default=None, max_length=200)
    error_description: str | None = Field(default=None, max_length=1000)


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


class MeConnections(BaseModel):
    salesforce: SalesforceConnectionView


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
