"""Request and response models of email logging (docs/email.md)."""

from __future__ import annotations

import base64
import binascii
import re
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from chalicelib import addresses
from chalicelib.providers.salesforce.ids import case_safe

#: the whole request: API Gateway takes 10 MB and Lambda 6 MB; base64 and JSON need room
MAX_REQUEST_BYTES = 5 * 1024 * 1024
MAX_PARTICIPANTS = 200  # to + cc + bcc of a client-sent message
MAX_ATTACHMENTS = 100
#: key prefixes of the records an email may be related to (Account, Opportunity, Case)
RELATED_PREFIXES = {"001": "Account", "006": "Opportunity", "500": "Case"}
_PROVIDER_ID = re.compile(r"^[A-Za-z0-9=_+/-]{1,1024}$")
_MESSAGE_ID = re.compile(r"^<?[^<>\s]+@[^<>\s]+>?$")


def _related(value: str | None) -> str | None:
    if value is None:
        return None
    found = case_safe(value)
    if found is None or found[:3] not in RELATED_PREFIXES:
        raise ValueError("must be the Id of an Account, an Opportunity or a Case")
    return found


AttachmentChoice = (
    Literal["all", "none"]
    | Annotated[
        list[Annotated[str, Field(min_length=1, max_length=1024)]],
        Field(max_length=MAX_ATTACHMENTS),
    ]
)


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    attachments: AttachmentChoice | None = Field(
        default=None,
        description='"all", "none", or the ids or names of the attachments to save (default: '
        "all when the org saves attachments, else none)",
    )
    related_to: str | None = Field(
        default=None, description="The Salesforce Id of an Account, Opportunity or Case"
    )

    @field_validator("related_to")
    @classmethod
    def _related_to(cls, value: str | None) -> str | None:
        return _related(value)


class _ProviderSource(_Options):
    message_id: str = Field(description="The message's id in the mailbox's API")

    @field_validator("message_id")
    @classmethod
    def _message_id(cls, value: str) -> str:
        if not _PROVIDER_ID.match(value):
            raise ValueError("is not a Gmail or Graph message id")
        return value


class GmailSource(_ProviderSource):
    source: Literal["gmail"]


class OutlookSource(_ProviderSource):
    source: Literal["outlook"]


Participant = addresses.NamedAddress


class ClientAttachment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=255)
    content_type: str = Field(min_length=1, max_length=255)
    content_base64: str = Field(repr=False)
    content_id: str | None = Field(
        default=None, max_length=998, description="Its Content-ID, when the HTML shows it inline"
    )

    @field_validator("content_base64")
    @classmethod
    def _base64(cls, value: str) -> str:
        try:
            base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("is not base64") from None
        return value

    def content(self) -> bytes:
        return base64.b64decode(self.content_base64, validate=True)


class ClientMessage(BaseModel):
    """A message the client holds (mobile, IMAP): processed within the request, never stored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    internet_message_id: str = Field(max_length=998)
    subject: str = Field(default="", max_length=100_000)
    date: datetime = Field(description="RFC 3339 with its offset")
    sender: Participant = Field(alias="from")
    to: list[Participant] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    cc: list[Participant] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    bcc: list[Participant] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    text: str | None = Field(default=None, repr=False)
    html: str | None = Field(default=None, repr=False)
    in_reply_to: str | None = Field(default=None, max_length=998)
    references: list[Annotated[str, Field(max_length=998)]] = Field(
        default_factory=list, max_length=100
    )
    attachments: list[ClientAttachment] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)

    @field_validator("internet_message_id")
    @classmethod
    def _message_id(cls, value: str) -> str:
        if not _MESSAGE_ID.match(value.strip()):
            raise ValueError("is not an RFC 5322 Message-ID (<local@domain>)")
        core = value.strip().removeprefix("<").removesuffix(">")
        return f"<{core}>"

    @field_validator("date")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("needs a time zone offset (e.g. Z)")
        return value


class ClientSource(_Options):
    source: Literal["client"]
    message: ClientMessage


LogEmail = Annotated[GmailSource | OutlookSource | ClientSource, Field(discriminator="source")]


class LogEmailRequest(RootModel[LogEmail]):
    """`POST /emails`: one of the three sources (by `source`), with the options."""


class RelationView(BaseModel):
    email: str
    id: str
    type: Literal["Contact", "Lead", "User"]


class AttachmentView(BaseModel):
    name: str
    size: int
    status: Literal["saved", "skipped", "too_large", "failed"]
    content_version_id: str | None = None
    reason: str | None = None


class DriveLinkView(BaseModel):
    url: str
    title: str | None = None


class JobResult(BaseModel):
    salesforce_id: str | None
    kind: Literal["EmailMessage", "Task"] | None
    duplicate: bool
    relations: list[RelationView]
    unmatched: list[str]
    attachments: list[AttachmentView]
    drive_links: list[DriveLinkView]
    reason: str | None = Field(default=None, description="Why a skipped job was skipped")


class JobError(BaseModel):
    code: str
    message: str
    provider: str | None = Field(
        default=None, description="The connection to make again (connection_required)"
    )


class JobView(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed", "skipped"]
    source: Literal["gmail", "outlook", "client"]
    result: JobResult | None = None
    error: JobError | None = None


class JobAnswer(BaseModel):
    job: JobView
