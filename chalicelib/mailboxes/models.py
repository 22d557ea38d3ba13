"""Request and response models of mailbox connections."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chalicelib.connections.browser import is_safe_return_path

#: The error codes of an authorization response (RFC 6749 §4.1.2.1); any other value is
#: answered as OTHER_ERROR: the callback never reflects text a link could put there.
OAUTH_ERRORS = frozenset(
    {
        "invalid_request",
        "unauthorized_client",
        "access_denied",
        "unsupported_response_type",
        "invalid_scope",
        "server_error",
        "temporarily_unavailable",
        "consent_required",
        "interaction_required",
        "login_required",
    }
)
OTHER_ERROR = "unrecognised_error"


class StartQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

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

    code: str | None = Field(default=None, max_length=4096)
    state: str | None = Field(default=None, max_length=200)
    error: str | None = Field(default=None, max_length=200)

    @field_validator("error", mode="before")
    @classmethod
    def _known_error(cls, value: object) -> object:
        if value is None or value == "":
            return value
        return value if value in OAUTH_ERRORS else OTHER_ERROR


class MailboxCheck(BaseModel):
    status: Literal["active", "partial"]
    email: str = Field(description="The connected account's address")
    scopes: list[str] = Field(description="The scopes the user granted")
    missing: list[str] = Field(
        description="Features the granted scopes leave out (email_logging, calendar_sync)"
    )
    checked_at: str
