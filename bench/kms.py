"""(c) KMS requests of envelope encryption, counted at the botocore boundary on moto."""

from __future__ import annotations

import os
import time

from bench.core import Figure, environment, median, runs

ORDER = 30
TITLE = "Envelope encryption: KMS requests (moto) and in-process cost"
METHOD = """
moto (`mock_aws`) provisioned from infra/template.yaml (`devstack.provision.provision_stack`);
every request the KMS client sends is counted by `devstack.awscalls.AwsCallCounter`
(retries included). `Envelope` runs with its defaults (data keys cached up to 300 s and
10,000 uses), the same as the settings' defaults. Encryptions: 1,000 `seal` calls with one
encryption context. Decryptions: a fresh `Envelope` (empty cache, as in a new container)
opening 1,000 blobs sealed under one data key. Timing: 1,000 seals on a warmed envelope
against 1,000 `AESGCM.encrypt` calls with a fixed key (same plaintext, nonce size and
associated data), medians of repeated rounds.
"""

OPERATIONS = 1_000
PLAINTEXT = b"5Aep861KIwKdekr90I4iHdtDgWwRoXS3Q4m7PaCwvpe_MmGzgDx7.example.refresh-token"
CONTEXT = {"purpose": "salesforce-token", "org": "00D5g000000bench", "user": "0055g00000bench"}


def run() -> list[Figure]:
    import boto3
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from moto import mock_aws

    from chalicelib.clock import SystemClock
    from chalicelib.crypto.envelope import NONCE_BYTES, Envelope, canonical_context
    from devstack.awscalls import AwsCallCounter
    from devstack.provision import provision_stack

    rounds = runs(7)
    with environment(), mock_aws():
        stack = provision_stack(boto3.session.Session(), stage="bench")
        counter = AwsCallCounter()
        kms = counter.attach(boto3.client("kms"))
        clock = SystemClock()

        sealer = Envelope(kms, stack.key_alias, clock)
        blobs = [sealer.seal(PLAINTEXT, CONTEXT) for _ in range(OPERATIONS)]
        seal_requests = counter.count("kms.")
        seal_detail = dict(counter.calls)

        counter.reset()
        opener = Envelope(kms, stack.key_alias, clock)
        for blob in blobs:
            if opener.open(blob, CONTEXT) != PLAINTEXT:
                raise RuntimeError("a sealed blob did not open to its plaintext")
        open_requests = counter.count("kms.")
        open_detail = dict(counter.calls)

        seal_times, raw_times = [], []
        aad = canonical_context(CONTEXT)
        aead = AESGCM(AESGCM.generate_key(bit_length=256))
        for _ in range(rounds):
            envelope = Envelope(kms, stack.key_alias, clock)
            envelope.seal(PLAINTEXT, CONTEXT)  # the one KMS request, outside the timing
            started = time.perf_counter()
            for _ in range(OPERATIONS):
                envelope.seal(PLAINTEXT, CONTEXT)
            seal_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            for _ in range(OPERATIONS):
                aead.encrypt(os.urandom(NONCE_BYTES), PLAINTEXT, aad)
            raw_times.append(time.perf_counter() - started)

    seal_s, raw_s = median(seal_times), median(raw_times)
    return [
        _kms_requests_figure(
            "KMS requests per 1,000 encryptions (one context)",
            seal_requests,
            seal_detail,
            "KMS requests (billed, throttled per account) per 1,000 secrets sealed for one "
            "user; 1 means one GenerateDataKey serves them all from the key cache.",
        ),
        _kms_requests_figure(
            "KMS requests per 1,000 decryptions (fresh envelope, one data key)",
            open_requests,
            open_detail,
            "KMS requests a new container makes to open 1,000 blobs sealed under one "
            "data key; 1 means one Decrypt, then the cache.",
        ),
        Figure(
            label="1,000 seals / 1,000 raw AES-GCM encryptions (in-process time)",
            value=seal_s / raw_s,
            unit="x",
            informational=True,
            detail=(
                f"medians of {rounds}: seal {seal_s * 1e6 / OPERATIONS:.1f} us, "
                f"raw {raw_s * 1e6 / OPERATIONS:.1f} us per operation"
            ),
            how_to_read=(
                "The envelope's own overhead (context encoding, cache, lock, key object) "
                "over the cipher itself, once the data key is cached; KMS is not in it."
            ),
        ),
    ]


def _kms_requests_figure(
    label: str, requests: int, by_call: dict[str, int], how_to_read: str
) -> Figure:
    """KMS requests per 1,000 operations against the target of one (the data key cache's
    promise), with the counted calls by name as the detail: sealing and opening alike."""
    return Figure(
        label=label,
        value=requests * 1000 / OPERATIONS,
        unit="requests",
        target=1,
        detail=", ".join(f"{k} {v}" for k, v in sorted(by_call.items())),
        how_to_read=how_to_read,
    )
