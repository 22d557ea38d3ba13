"""Request and response models of the records routes (docs/records.md, "API")."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chalicelib import addresses
from chalicelib.providers.salesforce.ids import case_safe

#: `POST /signatures/parse`: the whole request (the parser reads at most this much anyway)
MAX_PARSE_BYTES = 256 * 1024
#: `POST /records/*`: a form's fields, far below this
MAX_RECORD_BYTES = 64 * 1024


Sender = addresses.NamedAddress


class ParseSignature(BaseModel):
    """`POST /signatures/parse`: an email's body (text, HTML or both) and its sender."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    text: str | None = Field(default=None, repr=False)
    html: str | None = Field(default=None, repr=False)
    sender: Sender = Field(alias="from")


class SignatureFields(BaseModel):
    """Only the fields found in the signature block, written as there (phones in E.164)."""

    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    mobile: str | None = None
    fax: str | None = None
    website: str | None = None
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None
    linkedin: str | None = None


class ParsedSignature(BaseModel):
    fields: SignatureFields
    confidence: dict[str, float] = Field(description="Per field found: 0..1")
    signature: str = Field(description='The signature block the fields come from ("": none)')


class _PersonFields(BaseModel):
    """The form's fields, as `POST /signatures/parse` names them (the user may have edited
    them). Lengths are Salesforce's field lengths; Salesforce checks the rest."""

    model_config = ConfigDict(extra="forbid")

    first_name: str | None = Field(default=None, max_length=40)
    last_name: str | None = Field(default=None, max_length=80)
    title: str | None = Field(default=None, max_length=128)
    email: str | None = Field(default=None, max_length=80)
    phone: str | None = Field(default=None, max_length=40)
    mobile: str | None = Field(default=None, max_length=40)
    fax: str | None = Field(default=None, max_length=40)
    website: str | None = Field(default=None, max_length=255)
    street: str | None = Field(default=None, max_length=255)
    city: str | None = Field(default=None, max_length=40)
    state: str | None = Field(default=None, max_length=80)
    postal_code: str | None = Field(default=None, max_length=20)
    country: str | None = Field(default=None, max_length=80)
    linkedin: str | None = Field(
        default=None,
        max_length=255,
        description="Kept by no standard field: answered in `not_saved`",
    )
    allow_duplicates: bool = Field(
        default=False,
        description="Save although the org's duplicate rules alert (never past a blocking rule)",
    )

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not addresses.is_valid(value):
            raise ValueError("is not an email address")
        return value


class NewLead(_PersonFields):
    """`POST /records/leads`."""

    company: str | None = Field(default=None, max_length=255)


class NewContact(_PersonFields):
    """`POST /records/contacts`: the Account by id, or by name among those the user sees
    (`account_name`, else `company`), created when `create_account` says so."""

    company: str | None = Field(
        default=None, max_length=255, description="The Account's name when `account_name` is absent"
    )
    account_id: str | None = Field(default=None, description="The Salesforce Id of an Account")
    account_name: str | None = Field(default=None, min_length=1, max_length=255)
    create_account: bool = Field(
        default=False, description="Create the Account when none of that name is visible"
    )

    @field_validator("account_id")
    @classmethod
    def _account_id(cls, value: str | None) -> str | None:
        if value is None:
            return None
        found = case_safe(value)
        if found is None or not found.startswith("001"):
            raise ValueError("must be the Id of an Account")
        return found


class CreatedRecordView(BaseModel):
    id: str
    type: Literal["Lead", "Contact"]
    account_id: str | None = Field(default=None, description="A Contact's Account")
    account_created: bool = False


class CreatedRecord(BaseModel):
    record: CreatedRecordView
    not_saved: list[str] = Field(description="Fields sent that no Salesforce field keeps")


class DuplicateView(BaseModel):
    """A record the org's duplicate rules matched (name and email when the user sees it)."""

    id: str
    type: str
    name: str | None
    email: str | None
