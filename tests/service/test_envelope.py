"""Envelope encryption on moto's KMS: binding, tamper detection, and the bounded key cache."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chalicelib.crypto.envelope import Envelope
from chalicelib.errors import DecryptionFailed, EncryptionUnavailable
from devstack.awscalls import AwsCallCounter
from devstack.provision import ProvisionedStack
from tests.fakes import FakeClock

CONTEXT = {"purpose": "salesforce-refresh-token", "org": "00D000000000001", "user": "005A"}


def test_round_trip(envelope: Envelope) -> None:
    blob = envelope.seal(b"5Aep861refresh-token", CONTEXT)
    assert envelope.open(blob, CONTEXT) == b"5Aep861refresh-token"
    assert b"refresh-token" not in blob
    assert blob[0] == 1  # version byte


def test_flipping_any_byte_is_a_clear_error(
    stack: ProvisionedStack, kms: object, clock: FakeClock
) -> None:
    sealer = Envelope(kms, stack.key_alias, clock)  # type: ignore[arg-type]
    blob = sealer.seal(b"secret", CONTEXT)
    edk_end = 3 + int.from_bytes(blob[1:3], "big")
    for position in range(len(blob)):
        tampered = bytearray(blob)
        tampered[position] ^= 0x01
        # moto answers AccessDeniedException (a key out of reach: 503) when the flip lands in
        # the key id it embeds in the data key's ciphertext (KMS: InvalidCiphertextException)
        expected = (
            (DecryptionFailed, EncryptionUnavailable) if position < edk_end else DecryptionFailed
        )
        opener = Envelope(kms, stack.key_alias, clock)  # type: ignore[arg-type]
        with pytest.raises(expected):
            opener.open(bytes(tampered), CONTEXT)
        # the warm cache of the sealer must not make tampering pass either
        with pytest.raises(expected):
            sealer.open(bytes(tampered), CONTEXT)


@pytest.mark.parametrize("cut", [0, 1, 2, 3, 40, -1, -16])
def test_a_truncated_blob_is_a_clear_error(envelope: Envelope, cut: int) -> None:
    blob = envelope.seal(b"secret", CONTEXT)
    with pytest.raises(DecryptionFailed):
        envelope.open(blob[:cut], CONTEXT)


def test_another_context_does_not_decrypt(
    stack: ProvisionedStack, kms: object, clock: FakeClock
) -> None:
    # Given a blob sealed for one user, copied onto another user's item
    blob = Envelope(kms, stack.key_alias, clock).seal(b"secret", CONTEXT)  # type: ignore[arg-type]
    other = {**CONTEXT, "user": "005B"}
    # Then neither a fresh container nor the sealing one opens it under the other context
    with pytest.raises(DecryptionFailed):
        Envelope(kms, stack.key_alias, clock).open(blob, other)  # type: ignore[arg-type]
    with pytest.raises(DecryptionFailed):
        Envelope(kms, stack.key_alias, clock).open(blob, {**CONTEXT, "purpose": "x"})  # type: ignore[arg-type]


def test_an_empty_context_is_refused(envelope: Envelope) -> None:
    with pytest.raises(ValueError):
        envelope.seal(b"x", {})


def test_a_thousand_encryptions_within_bounds_cost_one_generate_data_key(
    envelope: Envelope, aws_calls: AwsCallCounter
) -> None:
    for i in range(1000):
        envelope.seal(f"token-{i}".encode(), CONTEXT)
    assert aws_calls.calls == {"kms.GenerateDataKey": 1}


def test_decrypting_a_thousand_blobs_under_one_data_key_costs_one_decrypt(
    stack: ProvisionedStack, kms: object, clock: FakeClock, aws_calls: AwsCallCounter
) -> None:
    # Given 1,000 blobs sealed in another container under one data key
    sealer = Envelope(kms, stack.key_alias, clock)  # type: ignore[arg-type]
    blobs = [sealer.seal(f"token-{i}".encode(), CONTEXT) for i in range(1000)]
    aws_calls.reset()
    # When a fresh container opens them all
    opener = Envelope(kms, stack.key_alias, clock)  # type: ignore[arg-type]
    opened = [opener.open(blob, CONTEXT) for blob in blobs]
    # Then KMS was asked to decrypt the data key once
    assert opened == [f"token-{i}".encode() for i in range(1000)]
    assert aws_calls.calls == {"kms.Decrypt": 1}


def test_threads_sealing_and_opening_at_once_still_cost_one_request_each(
    stack: ProvisionedStack, kms: object, clock: FakeClock, aws_calls: AwsCallCounter
) -> None:
    # Given a fresh container whose 8 threads seal under one context at the same moment
    envelope = Envelope(kms, stack.key_alias, clock)  # type: ignore[arg-type]
    start = threading.Barrier(8)

    def seal(i: int) -> bytes:
        start.wait()
        return envelope.seal(f"token-{i}".encode(), CONTEXT)

    with ThreadPoolExecutor(8) as pool:
        blobs = list(pool.map(seal, range(8)))
    # Then KMS made one data key for all of them
    assert aws_calls.calls == {"kms.GenerateDataKey": 1}
    # When another fresh container's 8 threads open them at the same moment
    aws_calls.reset()
    opener = Envelope(kms, stack.key_alias, clock)  # type: ignore[arg-type]

    def open_one(blob: bytes) -> bytes:
        start.wait()
        return opener.open(blob, CONTEXT)

    with ThreadPoolExecutor(8) as pool:
        opened = list(pool.map(open_one, blobs))
    # Then KMS decrypted the data key once
    assert opened == [f"token-{i}".encode() for i in range(8)]
    assert aws_calls.calls == {"kms.Decrypt": 1}


def test_exceeding_the_age_bound_generates_a_new_key(
    stack: ProvisionedStack, kms: object, clock: FakeClock, aws_calls: AwsCallCounter
) -> None:
    envelope = Envelope(kms, stack.key_alias, clock, max_age=60, max_uses=1000)  # type: ignore[arg-type]
    first = envelope.seal(b"a", CONTEXT)
    clock.advance(59)
    envelope.seal(b"b", CONTEXT)
    assert aws_calls.count("kms.GenerateDataKey") == 1
    clock.advance(1)
    second = envelope.seal(b"c", CONTEXT)
    assert aws_calls.count("kms.GenerateDataKey") == 2
    assert first[3:40] != second[3:40]  # a different encrypted data key


def test_exceeding_the_use_bound_generates_a_new_key(
    stack: ProvisionedStack, kms: object, clock: FakeClock, aws_calls: AwsCallCounter
) -> None:
    envelope = Envelope(kms, stack.key_alias, clock, max_age=300, max_uses=10)  # type: ignore[arg-type]
    for _ in range(10):
        envelope.seal(b"x", CONTEXT)
    assert aws_calls.count("kms.GenerateDataKey") == 1
    envelope.seal(b"x", CONTEXT)
    assert aws_calls.count("kms.GenerateDataKey") == 2
    # and decryption honours the same bounds
    blobs = [envelope.seal(b"y", CONTEXT) for _ in range(5)]
    opener = Envelope(kms, stack.key_alias, clock, max_age=300, max_uses=2)  # type: ignore[arg-type]
    aws_calls.reset()
    for blob in blobs:
        assert opener.open(blob, CONTEXT) == b"y"
    assert aws_calls.count("kms.Decrypt") == 3  # uses 1-2, 3-4, 5


def test_the_cache_is_bounded_in_entries(
    stack: ProvisionedStack, kms: object, clock: FakeClock, aws_calls: AwsCallCounter
) -> None:
    envelope = Envelope(kms, stack.key_alias, clock, max_entries=2)  # type: ignore[arg-type]
    for user in ["u1", "u2", "u3", "u1"]:
        envelope.seal(b"x", {**CONTEXT, "user": user})
    assert aws_calls.count("kms.GenerateDataKey") == 4  # u1 was evicted by u3


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    payload=st.binary(max_size=4096),
    context=st.dictionaries(_text, _text, min_size=1, max_size=4),
    other=st.dictionaries(_text, _text, min_size=1, max_size=4),
)
def test_any_payload_round_trips_only_under_its_own_context(
    envelope: Envelope, payload: bytes, context: dict[str, str], other: dict[str, str]
) -> None:
    blob = envelope.seal(payload, context)
    assert envelope.open(blob, context) == payload
    if other != context:
        with pytest.raises(DecryptionFailed):
            envelope.open(blob, other)
