"""Email addresses: the one rule for what is plausibly valid, and the two forms we keep.

`normalise` is the comparison key (trimmed, lower case: Salesforce compares Email
case-insensitively, so `Sam.Rivera@Rivera-Consulting.com` and `sam.rivera@rivera-consulting.com`
are one lookup and one cache entry). `canonical` is the address as it is shown back: trimmed,
domain lower-cased, the local part as written (it may be case-sensitive: RFC 5321 section 2.4).
Deliverability is not our question; an address is valid when it could be one.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_LENGTH = 254  # RFC 5321 path limit, less the angle brackets
_SPECIALS = r"\s@\"(),:;<>\[\]\\"
_ADDRESS = re.compile(
    rf"^[^{_SPECIALS}]{{1,64}}@(?=.{{1,253}}$)[^{_SPECIALS}.]+(?:\.[^{_SPECIALS}.]+)+$"
)


def normalise(address: str) -> str:
    """How an address is compared and cached: trimmed, lower case."""
    return address.strip().lower()


def _is_host_label(label: str) -> bool:
    """A DNS label as a mail domain may have it (RFC 5321 §4.1.2, RFC 1123 §2.1: letters,
    digits, inner hyphens, at most 63; IDN labels in Unicode letters, RFC 6531 §3.3)."""
    return (
        len(label) <= 63
        and not label.startswith("-")
        and not label.endswith("-")
        and all(c.isalnum() or c == "-" for c in label)
    )


def is_valid(address: str) -> bool:
    """An address (trimmed, any case) that could be an email: local@domain.tld, no spaces or
    specials, no control characters, within the length limits; the domain's labels are host
    names and its top-level label is not all digits (no address ends in an IP-like `.2`)."""
    if len(address) > MAX_LENGTH or any(ord(c) < 0x20 or ord(c) == 0x7F for c in address):
        return False
    local, _, domain = address.partition("@")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    if not _ADDRESS.match(address):
        return False
    labels = domain.split(".")
    return all(_is_host_label(label) for label in labels) and not labels[-1].isdigit()


def canonical(address: str) -> str:
    """The address trimmed, its domain lower-cased, its local part as written; ValueError
    when it is not valid (the message names no address: callers decide what to show)."""
    text = address.strip()
    if not is_valid(text):
        raise ValueError("is not a valid email address")
    local, _, domain = text.partition("@")
    return f"{local}@{domain.lower()}"


class NamedAddress(BaseModel):
    """`{"email", "name"?}` in a request (a sender, a recipient): the address validated and
    normalised here, once for every feature that takes one."""

    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320)
    name: str | None = Field(default=None, max_length=300)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not is_valid(value):
            raise ValueError("is not an email address")
        return normalise(value)
