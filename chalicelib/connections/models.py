"""Query models every OAuth flow shares: where the browser returns, and the callback."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chalicelib.connections.browser import is_safe_return_path

#: The error codes of an authorization response (RFC 6749 §4.1.2.1, and OpenID Connect Core
#: §3.1.2.6 for the last three). Any other value is answered as OTHER_ERROR: the callback never
#: reflects text a link could put there.
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


class ReturnToQuery(BaseModel):
    """The start of a flow: where the browser goes once it is done."""

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


class OAuthCallbackQuery(BaseModel):
    """The provider's redirect back: a code and the state, or an error code."""

    model_config = ConfigDict(extra="ignore")

    code: str | None = Field(default=None, max_length=4096)
    state: str | None = Field(default=None, max_length=200)
    error: str | None = Field(default=None, max_length=200)
    error_description: str | None = Field(default=None, max_length=1000)

    @field_validator("error", mode="before")
    @classmethod
    def _known_error(cls, value: object) -> object:
        if value is None or value == "":
            return value
        return value if value in OAUTH_ERRORS else OTHER_ERROR
