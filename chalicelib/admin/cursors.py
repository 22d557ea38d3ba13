"""The `next` cursor of `GET /admin/users`: where the next page of the org's users starts.

The list has two parts (README "Admin dashboard"): the users with a revoked connection (the
org's index of revoked connections), then every user (the org's members index), leaving out
those the first part listed. A cursor names the part, the store's cursor within it and the
user last shown (whose further revoked connections the next page skips).

It is signed with a key derived from the session's CSRF key (itself derived from the session
token, which nothing stores): a cursor works only for the session it was given to, so a
caller can neither forge one nor point one at another org's partition (the store also refuses
a cursor outside the query's partition). Nothing is written; it dies with the session.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Literal

from chalicelib.errors import ValidationFailed

Part = Literal["broken", "members"]
BROKEN: Part = "broken"
MEMBERS: Part = "members"
#: Longer is not ours (ours hold the store's cursor of one index entry: a few hundred).
MAX_LENGTH = 2048
_CONTEXT = b"stratus admin users cursor v1"
_MAC_BYTES = 32


@dataclass(frozen=True)
class Position:
    """Where a page of the users list starts."""

    part: Part = BROKEN
    after: str | None = None  # the store's cursor within the part (None: its start)
    skip: str | None = None  # a user the previous page showed (their next revoked entries)


START = Position()


def _key(session_key: bytes) -> bytes:
    if len(session_key) != _MAC_BYTES:
        raise ValueError("the principal carries no session key")
    return hmac.new(session_key, _CONTEXT, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode((text + "=" * (-len(text) % 4)).encode("ascii"))


def sign(session_key: bytes, position: Position) -> str:
    """The opaque cursor of `position` for the session whose CSRF key is `session_key`."""
    payload = json.dumps(
        {"p": position.part, "a": position.after, "s": position.skip},
        separators=(",", ":"),
        sort_keys=True,
    ).encode()
    mac = hmac.new(_key(session_key), payload, hashlib.sha256).digest()
    return f"{_b64(payload)}.{_b64(mac)}"


def read(session_key: bytes, cursor: str) -> Position:
    """The position a cursor of this session names; 400 for anything else (another session's,
    altered, truncated)."""
    invalid = ValidationFailed("Query field 'cursor': not a cursor this list gave.", "cursor")
    try:
        if len(cursor) > MAX_LENGTH or cursor.count(".") != 1:
            raise invalid
        encoded, mac = cursor.split(".")
        payload = _unb64(encoded)
        expected = hmac.new(_key(session_key), payload, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(mac)):
            raise invalid
        fields = json.loads(payload)
    except (ValueError, binascii.Error):  # UnicodeError is a ValueError
        raise invalid from None
    return Position(part=fields["p"], after=fields["a"], skip=fields["s"])
