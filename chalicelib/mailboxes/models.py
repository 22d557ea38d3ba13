"""Request and response models of mailbox connections."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from chalicelib.connections.models import OAuthCallbackQuery, ReturnToQuery


class StartQuery(ReturnToQuery):
    """The start of connecting a mailbox."""


class CallbackQuery(OAuthCallbackQuery):
    """The provider's redirect back to the connection."""


class MailboxCheck(BaseModel):
    status: Literal["active", "partial"]
    email: str = Field(description="The connected account's address")
    scopes: list[str] = Field(description="The scopes the user granted")
    missing: list[str] = Field(
        description="Features the granted scopes leave out (email_logging, calendar_sync)"
    )
    checked_at: str
