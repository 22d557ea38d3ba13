"""Envelope encryption (KMS data keys + AES-256-GCM) and other primitives."""

from chalicelib.crypto.envelope import EncryptionContext, Envelope

__all__ = ["EncryptionContext", "Envelope"]
