"""Salesforce record ids in one comparable form: the 18-character case-safe id.

A Salesforce id is 15 case-sensitive base-62 characters; the API's 18-character form appends
three characters that encode, for each block of five, which characters are upper-case letters
(bit i set: character i of the block is A-Z), each 5-bit value written as one of `A..Z0..5`.
The two forms name the same record, and the suffix lets a case-mangled 18-character id be
restored. (Salesforce Object Reference, "Field Types", ID Field Type:
https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/field_types.htm;
the suffix algorithm: https://salesforce.stackexchange.com/tags/salesforce-id/info.)
"""

from __future__ import annotations

import re

_SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_ID15 = re.compile(r"[a-zA-Z0-9]{15}")
_ID18 = re.compile(r"[a-zA-Z0-9]{15}[a-zA-Z0-5]{3}")
ORG_PREFIX = "00D"  # the key prefix of Organization ids


def _suffix(id15: str) -> str:
    """The three case-safe characters of a 15-character id."""
    letters = []
    for start in (0, 5, 10):
        bits = sum(1 << i for i, c in enumerate(id15[start : start + 5]) if "A" <= c <= "Z")
        letters.append(_SUFFIX_ALPHABET[bits])
    return "".join(letters)


def _restored_case(id18: str) -> str | None:
    """The 15-character id whose case the suffix of `id18` records, or None when the suffix
    marks a digit as upper-case (not an id)."""
    restored = []
    for block, marker in enumerate(id18[15:].upper()):
        bits = _SUFFIX_ALPHABET.index(marker)
        for i, char in enumerate(id18[block * 5 : block * 5 + 5]):
            upper = bool(bits >> i & 1)
            if upper and not char.isalpha():
                return None
            restored.append(char.upper() if upper else char.lower())
    return "".join(restored)


def case_safe(value: str) -> str | None:
    """The 18-character form of a 15- or 18-character id (an 18-character one may have lost
    its case: the suffix restores it), or None when `value` is not an id."""
    if _ID15.fullmatch(value):
        return value + _suffix(value)
    if _ID18.fullmatch(value):
        restored = _restored_case(value)
        return restored + _suffix(restored) if restored is not None else None
    return None


def case_safe_org_id(value: str) -> str | None:
    """`case_safe` for an Organization id (key prefix 00D), else None."""
    canonical = case_safe(value.strip())
    return canonical if canonical is not None and canonical.startswith(ORG_PREFIX) else None
