"""Tracking tokens: compact, URL-safe, versioned, HMAC-SHA256 signed, with a key id.

A token is `base64url(payload || mac)` without padding, where `mac` is the first 16 bytes
(128 bits) of HMAC-SHA256(key, DOMAIN || payload) and `payload` is

    version (1) | kind (1) | len(kid) (1) | kid | prepared_at (4, epoch s)
    [version 2 and 3: expires_at (4, epoch s)] [version 3 only: source (1)] | message (12)
    | recipient (1) | sender session fingerprint (6) | len(org) (1) | org | len(user) (1) | user
    [click only: link (2) | len(url) (2) | url]

Version 2 (signed since tokens expire) carries its expiry: the retention period plus
GRACE_SECONDS after `prepared_at`, fixed when it is signed. Version 1 tokens (signed before)
carry none: they verify until `prepared_at` + the lifetime the verifier is given (the same
retention plus grace), so links already sent keep working until then, and no longer.

Version 3 (signed since users may choose tracking for themselves) carries where the setting
that made the token came from: 0 `org` (the org's own setting was on), 1 `user` (the org's was
off and the sender chose it on). The hot paths record an `org` token only while the org's
setting is on, a `user` one only while the org still lets users choose it (docs/tracking.md,
"Per-user settings"). Older tokens carry none and read as `org`: the org's switch stops them.

Everything the hot paths need (who sent it, when, until when, to whom, where a click goes) is
in the token, so neither the pixel nor the redirect reads the table. Verification is strict:
the encoding must be canonical (so no two strings carry the same bytes), the key id must be
known, the MAC must match (constant-time), and the payload must parse to the last byte. Tokens
are signed, not encrypted: their content (ids, the destination URL) is not secret.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import struct
from dataclasses import dataclass
from typing import Literal

VERSION = 3  # what `sign` writes; `verify` also reads versions 1 (no expiry) and 2 (no source)
_VERSIONS = frozenset({1, 2, 3})
#: How long a link keeps redirecting after its message's retention ends: a recipient who opens
#: an old email still reaches the page for this long; then the link answers 404.
GRACE_SECONDS = 30 * 86400
MAC_BYTES = 16
MESSAGE_ID_BYTES = 12
FINGERPRINT_BYTES = 6
MAX_URL_BYTES = 2048
MAX_TOKEN_CHARS = 4096
_DOMAIN = b"stratus/tracking/v1\x00"
_KINDS: dict[str, int] = {"open": 1, "click": 2}
_KIND_NAMES = {code: name for name, code in _KINDS.items()}
_KID = re.compile(r"[A-Za-z0-9_-]{1,16}")
_B64URL = re.compile(r"[A-Za-z0-9_-]+")
Kind = Literal["open", "click"]
#: Where the setting that made a token came from: the org's own, or the sender's choice.
Source = Literal["org", "user"]
_SOURCE_NAMES: dict[int, Source] = {0: "org", 1: "user"}
_SOURCES = {name: code for code, name in _SOURCE_NAMES.items()}


class KeyConfigError(ValueError):
    """TRACKING_SIGNING_KEYS is malformed."""


@dataclass(frozen=True)
class SigningKeys:
    """The configured keys: the first signs, every one verifies (rotation)."""

    current_kid: str
    keys: dict[str, bytes]

    @classmethod
    def parse(cls, raw: str) -> SigningKeys | None:
        """`kid1:base64key,kid0:base64key` (first = current) -> keys; empty -> None."""
        entries = [part.strip() for part in raw.split(",") if part.strip()]
        if not entries:
            return None
        keys: dict[str, bytes] = {}
        for entry in entries:
            kid, sep, encoded = entry.partition(":")
            if not sep or not _KID.fullmatch(kid) or kid in keys:
                raise KeyConfigError("each entry is kid:base64key with a unique kid [A-Za-z0-9_-]")
            try:
                key = base64.b64decode(
                    _pad(encoded.replace("-", "+").replace("_", "/")), validate=True
                )
            except (binascii.Error, ValueError):
                raise KeyConfigError(f"key {kid} is not base64") from None
            if len(key) < 32:
                raise KeyConfigError(f"key {kid} must be at least 32 bytes")
            keys[kid] = key
        return cls(current_kid=entries[0].partition(":")[0], keys=keys)


@dataclass(frozen=True)
class Claim:
    """What a verified token says."""

    kind: Kind
    kid: str
    prepared_at: int
    message_id: str  # base64url of the 12 random bytes: the id the API shows
    recipient: int
    sender_fingerprint: bytes
    org_id: str
    user_id: str
    expires_at: int  # epoch seconds: the token is refused from then on
    link: int | None = None
    url: str | None = None
    source: Source = "org"

    def expired(self, now: float) -> bool:
        return now >= self.expires_at


def _pad(text: str) -> str:
    return text + "=" * (-len(text) % 4)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def new_message_id(random_bytes: bytes) -> str:
    if len(random_bytes) != MESSAGE_ID_BYTES:
        raise ValueError("a message id is 12 bytes")
    return _b64(random_bytes)


def is_message_id(value: str) -> bool:
    return len(value) == 16 and bool(_B64URL.fullmatch(value))


def sender_fingerprint(session_id: str | None) -> bytes:
    """A short, one-way tag of the session that prepared a message (no session -> zeros)."""
    if not session_id:
        return bytes(FINGERPRINT_BYTES)
    digest = hashlib.sha256(b"stratus/sender\x00" + session_id.encode("ascii", "replace"))
    return digest.digest()[:FINGERPRINT_BYTES]


def _short_text(value: str, what: str) -> bytes:
    data = value.encode("utf-8")
    if not 1 <= len(data) <= 255:
        raise ValueError(f"{what} must be 1-255 bytes")
    return bytes([len(data)]) + data


def _mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, _DOMAIN + payload, hashlib.sha256).digest()[:MAC_BYTES]


def sign(claim: Claim, keys: SigningKeys) -> str:
    """Encode and sign `claim` with the current key (its kid field is ignored)."""
    kid = keys.current_kid
    message = base64.urlsafe_b64decode(_pad(claim.message_id))
    if len(message) != MESSAGE_ID_BYTES:
        raise ValueError("message_id is not a tracking message id")
    if not 0 <= claim.recipient <= 255 or len(claim.sender_fingerprint) != FINGERPRINT_BYTES:
        raise ValueError("recipient or fingerprint out of range")
    if not claim.prepared_at < claim.expires_at < 2**32:
        raise ValueError("a token expires after it was prepared")
    payload = bytearray((VERSION, _KINDS[claim.kind]))
    payload += _short_text(kid, "kid")
    payload += struct.pack(">II", claim.prepared_at, claim.expires_at)
    payload += bytes([_SOURCES[claim.source]])
    payload += message
    payload += bytes([claim.recipient])
    payload += claim.sender_fingerprint
    payload += _short_text(claim.org_id, "org_id")
    payload += _short_text(claim.user_id, "user_id")
    if claim.kind == "click":
        url = (claim.url or "").encode("ascii")
        if not url or len(url) > MAX_URL_BYTES or claim.link is None:
            raise ValueError("a click token needs a link index and an ASCII URL")
        payload += struct.pack(">HH", claim.link, len(url)) + url
    return _b64(bytes(payload) + _mac(keys.keys[kid], bytes(payload)))


class _Reader:
    """Reads the payload strictly: any short read raises, leftovers are rejected by the caller."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        end = self.pos + n
        if end > len(self.data):
            raise ValueError("truncated")
        chunk = self.data[self.pos : end]
        self.pos = end
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def short_text(self) -> str:
        n = self.byte()
        if n == 0:
            raise ValueError("empty text")
        return self.take(n).decode("utf-8")


def _expiry_and_source(reader: _Reader, version: int, v1_expiry: int) -> tuple[int, Source]:
    """What follows `prepared_at`: version 1 has neither (it expires at `v1_expiry`, its
    source is `org`), version 2 its expiry, version 3 its expiry and source."""
    if version == 1:
        return v1_expiry, "org"
    (expires_at,) = struct.unpack(">I", reader.take(4))
    if version == 2:
        return expires_at, "org"
    source = _SOURCE_NAMES.get(reader.byte())
    if source is None:
        raise ValueError("unknown source")
    return expires_at, source


def verify(
    token: str, keys: SigningKeys | None, expected: Kind, *, v1_lifetime: int
) -> Claim | None:
    """The claim of a token this server signed for `expected`, or None. Never raises.
    `v1_lifetime`: seconds after `prepared_at` that a version 1 token (no expiry of its own)
    expires. Whether the claim has expired is the caller's question (`Claim.expired`)."""
    if keys is None or not token or len(token) > MAX_TOKEN_CHARS or not _B64URL.fullmatch(token):
        return None
    try:
        raw = base64.urlsafe_b64decode(_pad(token))
    except (binascii.Error, ValueError):
        return None
    if _b64(raw) != token or len(raw) <= MAC_BYTES + 3:  # canonical encoding only
        return None
    payload, mac = raw[:-MAC_BYTES], raw[-MAC_BYTES:]
    try:
        reader = _Reader(payload)
        version = reader.byte()
        if version not in _VERSIONS or _KIND_NAMES.get(reader.byte()) != expected:
            return None
        kid = reader.short_text()
        key = keys.keys.get(kid)
        if key is None or not hmac.compare_digest(mac, _mac(key, payload)):
            return None
        (prepared_at,) = struct.unpack(">I", reader.take(4))
        expires_at, source = _expiry_and_source(reader, version, prepared_at + v1_lifetime)
        message_id = _b64(reader.take(MESSAGE_ID_BYTES))
        recipient = reader.byte()
        fingerprint = reader.take(FINGERPRINT_BYTES)
        org_id = reader.short_text()
        user_id = reader.short_text()
        link: int | None = None
        url: str | None = None
        if expected == "click":
            link, length = struct.unpack(">HH", reader.take(4))
            url = reader.take(length).decode("ascii")
        if reader.pos != len(payload):
            return None
    except (ValueError, UnicodeDecodeError, struct.error):
        return None
    return Claim(
        kind=expected,
        kid=kid,
        prepared_at=prepared_at,
        message_id=message_id,
        recipient=recipient,
        sender_fingerprint=fingerprint,
        org_id=org_id,
        user_id=user_id,
        expires_at=expires_at,
        link=link,
        url=url,
        source=source,
    )
