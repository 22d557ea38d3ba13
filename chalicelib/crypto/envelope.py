"""Envelope encryption: KMS GenerateDataKey (AES-256) + AES-256-GCM, with a bounded key cache.

Blob layout (all integers big-endian)::

    version (1 byte, 0x01) | len(edk) (2 bytes) | edk | nonce (12 bytes) | ciphertext + tag (16)

The encryption context (purpose, org, user, ...) is bound twice: as the KMS encryption
context of the data key and as AES-GCM associated data, so a blob copied onto another user's
item does not decrypt. Plaintext data keys are cached in memory with bounds on age and uses,
as the AWS Encryption SDK's caching materials manager does, so KMS is not called per item.
KMS out of reach (unreachable, throttling, the key disabled or denied) is EncryptionUnavailable
(503) from `seal` and `open`; only a blob that can never open is DecryptionFailed.
"""

from __future__ import annotations

import os
import struct
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from botocore.exceptions import ClientError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from chalicelib.caching import TTLCache
from chalicelib.clock import Clock
from chalicelib.errors import DecryptionFailed, EncryptionUnavailable
from chalicelib.logs import logger
from chalicelib.outages import unavailable_on_outage

if TYPE_CHECKING:
    from mypy_boto3_kms.client import KMSClient

VERSION = 1
NONCE_BYTES = 12
TAG_BYTES = 16
_HEADER = struct.Struct(">BH")
# KMS's answers for a data key that is not ours, was altered, or is bound to another context:
# this blob will never open (permanent).
_REFUSED = frozenset({"InvalidCiphertextException", "IncorrectKeyException"})
# KMS's answers when the key itself is out of reach - a policy or IAM change, a disabled key,
# the wrong key id: a deployment problem, not a property of the blob (may pass): 503.
_KEY_UNAVAILABLE = frozenset(
    {
        "AccessDeniedException",
        "NotFoundException",
        "DisabledException",
        "KMSInvalidStateException",
        "KeyUnavailableException",
    }
)

EncryptionContext = Mapping[str, str]


def canonical_context(context: EncryptionContext) -> bytes:
    """A stable byte form of the context, used as AES-GCM associated data and cache key."""
    if not context:
        raise ValueError("an encryption context is required")
    parts = []
    for name in sorted(context):
        value = context[name]
        if not isinstance(name, str) or not isinstance(value, str):
            raise TypeError("encryption context names and values must be strings")
        parts.append(f"{len(name)}:{name}={len(value)}:{value}")
    return ";".join(parts).encode()


class _DataKey(NamedTuple):
    plaintext: bytes
    encrypted: bytes


def _refusal(exc: ClientError) -> Exception:
    """What a KMS error answer means for us: the blob never opens, or the key is out of reach
    (the outages of chalicelib.outages are the class decorator's); else the error itself."""
    code = exc.response.get("Error", {}).get("Code", "")
    if code in _REFUSED:
        return DecryptionFailed(f"KMS refused the data key ({code})")
    if code in _KEY_UNAVAILABLE:
        logger.error("KMS key unavailable", extra={"error": code})
        return EncryptionUnavailable()
    return exc


@unavailable_on_outage(EncryptionUnavailable)
class Envelope:
    """Seal and open secrets under KMS envelope encryption."""

    def __init__(
        self,
        kms: KMSClient,
        key_id: str,
        clock: Clock,
        *,
        max_age: float = 300.0,
        max_uses: int = 10_000,
        max_entries: int = 256,
    ) -> None:
        self._kms = kms
        self._key_id = key_id
        self._lock = threading.Lock()  # one KMS call per missing key, however many threads
        # An entry dies `max_age` seconds after KMS made or decrypted its key, or after
        # `max_uses` uses: keyed by context (sealing) and by encrypted key + context (opening).
        self._encrypt_keys: TTLCache[bytes, _DataKey] = TTLCache(
            clock, max_age, max_entries, max_uses
        )
        self._decrypt_keys: TTLCache[bytes, bytes] = TTLCache(clock, max_age, max_entries, max_uses)

    def seal(self, plaintext: bytes, context: EncryptionContext) -> bytes:
        """Encrypt `plaintext` bound to `context`; returns the versioned blob."""
        aad = canonical_context(context)
        entry = self._encrypt_keys.get(aad)
        if entry is None:
            entry = self._new_data_key(aad, context)
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(entry.plaintext).encrypt(nonce, plaintext, aad)
        return _HEADER.pack(VERSION, len(entry.encrypted)) + entry.encrypted + nonce + sealed

    def prepare(self, context: EncryptionContext) -> None:
        """Have a data key for `context` at hand, so that a seal soon after needs no KMS call
        (before a token refresh: the new tokens must not be lost to a KMS outage after the
        provider has issued them)."""
        aad = canonical_context(context)
        if self._encrypt_keys.get(aad) is None:
            self._new_data_key(aad, context)

    def _new_data_key(self, aad: bytes, context: EncryptionContext) -> _DataKey:
        with self._lock:  # another thread may have made it meanwhile: then use that one
            entry = self._encrypt_keys.get(aad)
            if entry is None:
                try:
                    reply = self._kms.generate_data_key(
                        KeyId=self._key_id, KeySpec="AES_256", EncryptionContext=dict(context)
                    )
                except ClientError as exc:
                    raise _refusal(exc) from None
                entry = _DataKey(reply["Plaintext"], reply["CiphertextBlob"])
                self._encrypt_keys.put(aad, entry, uses=1)
                self._decrypt_keys.put(_opening_key(entry.encrypted, aad), entry.plaintext)
            return entry

    def open(self, blob: bytes, context: EncryptionContext) -> bytes:
        """Decrypt a blob made by `seal` under the same context; DecryptionFailed otherwise."""
        aad = canonical_context(context)
        if len(blob) < _HEADER.size:
            raise DecryptionFailed("sealed blob is truncated")
        version, edk_len = _HEADER.unpack_from(blob)
        if version != VERSION:
            raise DecryptionFailed(f"unsupported sealed blob version {version}")
        body = blob[_HEADER.size :]
        if edk_len == 0 or len(body) < edk_len + NONCE_BYTES + TAG_BYTES:
            raise DecryptionFailed("sealed blob is truncated")
        edk = body[:edk_len]
        nonce = body[edk_len : edk_len + NONCE_BYTES]
        sealed = body[edk_len + NONCE_BYTES :]
        data_key = self._data_key_for(edk, context, aad)
        try:
            return AESGCM(data_key).decrypt(nonce, sealed, aad)
        except InvalidTag:
            raise DecryptionFailed("sealed blob failed authentication") from None

    def _data_key_for(self, edk: bytes, context: EncryptionContext, aad: bytes) -> bytes:
        cache_key = _opening_key(edk, aad)
        cached = self._decrypt_keys.get(cache_key)
        if cached is not None:
            return cached
        with self._lock:  # another thread may have decrypted it meanwhile: then use that one
            cached = self._decrypt_keys.get(cache_key)
            if cached is not None:
                return cached
            try:
                reply = self._kms.decrypt(
                    CiphertextBlob=edk, EncryptionContext=dict(context), KeyId=self._key_id
                )
            except ClientError as exc:
                raise _refusal(exc) from None
            plaintext = reply["Plaintext"]
            if len(plaintext) != 32:
                raise DecryptionFailed("data key has the wrong length")
            self._decrypt_keys.put(cache_key, plaintext, uses=1)
            return plaintext


def _opening_key(encrypted_key: bytes, aad: bytes) -> bytes:
    return encrypted_key + b"\0" + aad
