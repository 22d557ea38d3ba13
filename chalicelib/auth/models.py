"""Request models of sign-in with Salesforce."""

from __future__ import annotations

from pydantic import Field

from chalicelib.connections.models import OAuthCallbackQuery, ReturnToQuery


class LoginQuery(ReturnToQuery):
    login: str = Field(
        default="production",
        max_length=300,
        description="production, sandbox, or a My Domain / Experience Cloud host",
    )


class CallbackQuery(OAuthCallbackQuery):
    """Salesforce's redirect back to the sign-in."""
