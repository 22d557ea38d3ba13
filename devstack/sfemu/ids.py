"""Salesforce record IDs: 15-character case-sensitive IDs and their 18-character case-safe form.

An 18-character ID is the 15-character ID plus three characters that encode, for each block of
five characters, which of them are upper-case letters (one bit per character, low bit first),
each mapped into ``A..Z0..5``.
"""

from __future__ import annotations

import re
import threading

_SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ID15 = re.compile(r"^[a-zA-Z0-9]{15}$")
_ID18 = re.compile(r"^[a-zA-Z0-9]{18}$")

#: The pod/instance characters and reserved character every emulator ID carries after its prefix.
_INSTANCE = "5g0"


def checksum_suffix(id15: str) -> str:
    """The three case-safe characters Salesforce appends to a 15-character ID."""
    out = []
    for block in range(3):
        chunk = id15[block * 5 : block * 5 + 5]
        bits = 0
        for position, char in enumerate(chunk):
            if "A" <= char <= "Z":
                bits |= 1 << position
        out.append(_SUFFIX_ALPHABET[bits])
    return "".join(out)


def to18(value: str) -> str:
    """Convert a 15-character ID to its 18-character form (18-character IDs are normalised)."""
    if _ID15.match(value):
        return value + checksum_suffix(value)
    if _ID18.match(value):
        return value[:15] + checksum_suffix(value[:15])
    raise ValueError(f"not a Salesforce ID: {value!r}")


def is_valid_id(value: object) -> bool:
    """True for a well-formed 15-character ID, or an 18-character ID whose suffix is right."""
    if not isinstance(value, str):
        return False
    if _ID15.match(value):
        return True
    if _ID18.match(value):
        return checksum_suffix(value[:15]).lower() == value[15:].lower()
    return False


def canonical_id(value: str) -> str | None:
    """The 18-character form of a valid ID, or None when ``value`` is not a valid ID."""
    return to18(value[:15]) if is_valid_id(value) else None


def _base62(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, remainder = divmod(number, 62)
        digits.append(_BASE62[remainder])
    if number:
        raise OverflowError("ID space exhausted")
    return "".join(reversed(digits))


class IdFactory:
    """Deterministic ID generator: one counter per key prefix, so a re-seed gives the same IDs."""

    def __init__(self, start: int = 1_000_003) -> None:
        self._start = start
        self._counters: dict[str, int] = {}
        self._lock = threading.Lock()

    @property
    def start(self) -> int:
        return self._start

    def new(self, prefix: str) -> str:
        if len(prefix) != 3:
            raise ValueError("key prefix must be three characters")
        with self._lock:
            counter = self._counters.get(prefix, self._start)
            self._counters[prefix] = counter + 7919  # step through mixed-case digits
        return to18(prefix + _INSTANCE + _base62(counter * 104_729, 9))
