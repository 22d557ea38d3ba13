"""Request and response models of /lookup (the response models document the OpenAPI schema)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chalicelib import addresses

MAX_BATCH = 25


def _checked(raw: str) -> str:
    """The lookup's form of an address (see chalicelib.addresses.normalise), or a ValueError that
    names it."""
    address = addresses.normalise(raw)
    if not addresses.is_valid(address):
        shown = raw.strip()[: addresses.MAX_LENGTH]
        raise ValueError(f"'{shown}' is not a valid email address")
    return address


class LookupQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    email: str = Field(max_length=1000, description="The address to look up (any case)")

    @field_validator("email")
    @classmethod
    def _address(cls, value: str) -> str:
        return _checked(value)


class LookupBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    emails: list[Annotated[str, Field(max_length=1000)]] = Field(
        min_length=1,
        max_length=MAX_BATCH,
        description="1-25 addresses (a compose window's recipients); duplicates are folded",
    )

    @field_validator("emails")
    @classmethod
    def _addresses(cls, values: list[str]) -> list[str]:
        """Validated, normalised, and folded to the first occurrence of each address."""
        return list(dict.fromkeys(_checked(value) for value in values))


class Match(BaseModel):
    type: Literal["Contact", "Lead"]
    id: str
    name: str | None
    title: str | None
    phone: str | None
    company: str | None = Field(description="The Contact's account name or the Lead's company")
    owner: str | None = Field(description="The record owner's name")
    url: str = Field(description="Opens the record in Salesforce")


class AccountView(BaseModel):
    id: str
    name: str | None
    industry: str | None
    type: str | None
    website: str | None
    phone: str | None
    owner: str | None
    url: str


class OpportunityView(BaseModel):
    id: str
    name: str | None
    stage: str | None
    amount: float | None
    close_date: str | None = Field(description="YYYY-MM-DD")
    url: str


class CaseView(BaseModel):
    id: str
    number: str | None
    subject: str | None
    status: str | None
    priority: str | None
    url: str


class ActivityView(BaseModel):
    type: Literal["Task", "Event"]
    id: str
    subject: str | None
    date: str | None = Field(
        description="A Task's due date (YYYY-MM-DD) or an Event's start (RFC 3339, UTC, `Z`)"
    )
    status: str | None = Field(description="A Task's status; null for an Event")
    url: str


class LookupResult(BaseModel):
    email: str = Field(description="The address as matched: trimmed, lower case")
    matches: list[Match] = Field(
        description="Contacts before Leads, each most recently active first; empty if nobody "
        "this user can see has the address"
    )
    account: AccountView | None = Field(description="The first match's account (Contacts only)")
    opportunities: list[OpportunityView] = Field(
        description="Up to 5 open Opportunities of that account, newest first"
    )
    cases: list[CaseView] = Field(description="Up to 5 open Cases of that account, newest first")
    activities: list[ActivityView] = Field(
        description="The first match's 5 most recent past Tasks and Events (due up to today or "
        "started up to now, UTC), latest first; upcoming ones are not shown"
    )


class LookupResults(BaseModel):
    results: list[LookupResult] = Field(description="One per distinct address, in request order")
