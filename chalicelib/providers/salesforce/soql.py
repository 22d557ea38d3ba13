"""SOQL literals: every value we put into a query passes through here (no SOQL injection)."""

from __future__ import annotations

import re

_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_ID = re.compile(r"^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$")


def literal(value: str) -> str:
    """A quoted SOQL string literal for `value`."""
    return "'" + "".join(_ESCAPES.get(c, c) for c in value) + "'"


def id_literal(value: str) -> str:
    """A quoted Salesforce record ID; anything that is not a 15/18-character ID is refused."""
    if not _ID.match(value):
        raise ValueError("not a Salesforce ID")
    return f"'{value}'"


def is_salesforce_id(value: str) -> bool:
    return bool(_ID.match(value))
