"""Request models of sign-in with Salesforce."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chalicelib.connections.browser import is_safe_return_path


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
