"""Email addresses as the lookup compares them: trimmed, lower case, and plausibly valid.

Salesforce compares Email case-insensitively, so `Sam.Rivera@Rivera-Consulting.com` and
`sam.rivera@rivera-consulting.com` are one lookup (and one cache entry).
"""

from __future__ import annotations

import re

MAX_LENGTH = 254  # RFC 5321 path limit, less the angle brackets
_SPECIALS = r"\s@\"(),:;<>\[\]\\"
_ADDRESS = re.compile(
    rf"^[^{_SPECIALS}]{{1,64}}@(?=.{{1,253}}$)[^{_SPECIALS}.]+(?:\.[^{_SPECIALS}.]+)+$"
)


def normalise(address: str) -> str:
    """How an address is compared and cached: trimmed, lower case."""
    return address.strip().lower()


def is_valid(address: str) -> bool:
    """A normalised address that could be an email: local@domain.tld, no spaces or specials,
    no control characters, within the length limits. (Deliverability is not our question.)"""
    if len(address) > MAX_LENGTH or any(ord(c) < 0x20 or ord(c) == 0x7F for c in address):
        return False
    local = address.split("@", 1)[0]
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    return bool(_ADDRESS.match(address))
