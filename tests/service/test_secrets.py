"""Secret settings given as `ssm:<name>` references: read from SSM (moto) once per container."""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Iterator
from functools import lru_cache

import boto3
import pytest
from chalice.test import Client

from chalicelib import deps
from chalicelib.secrets import SecretUnavailable
from devstack.awscalls import AwsCallCounter
from devstack.provision import ProvisionedStack
from tests.conftest import SignIn
from tests.fakes import FakeClock

NAME = "/stratus/test/salesforce-client-secret"


@pytest.fixture
def ssm(stack: ProvisionedStack) -> Iterator[object]:
    client = boto3.client("ssm")
    yield client
    for name in (NAME, "/stratus/test/later"):
        with contextlib.suppress(client.exceptions.ParameterNotFound):
            client.delete_parameter(Name=name)
    deps.reset()


@pytest.fixture
def ssm_calls() -> Iterator[AwsCallCounter]:
    deps.reset()
    counter = AwsCallCounter()
    counter.attach(deps.ssm_client())
    yield counter
    deps.reset()


def test_a_plain_value_is_the_secret_itself_and_reads_nothing(
    ssm: object, ssm_calls: AwsCallCounter
) -> None:
    assert deps.secret("local-secret") == "local-secret"
    assert ssm_calls.count() == 0


def test_a_reference_is_read_once_per_container_and_decrypted(
    ssm: object, stack: ProvisionedStack, ssm_calls: AwsCallCounter
) -> None:
    boto3.client("ssm").put_parameter(
        Name=NAME, Value="s3cr3t-value", Type="SecureString", KeyId=stack.key_alias
    )
    assert [deps.secret(f"ssm:{NAME}") for _ in range(3)] == ["s3cr3t-value"] * 3
    assert ssm_calls.count("ssm.GetParameter") == 1


def test_an_unreadable_reference_is_a_503_and_is_retried_thirty_seconds_later(
    ssm: object,
    stack: ProvisionedStack,
    ssm_calls: AwsCallCounter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = FakeClock()
    monkeypatch.setattr(deps, "clock", lru_cache(maxsize=1)(lambda: clock))
    reference = "ssm:/stratus/test/later"
    with pytest.raises(SecretUnavailable) as raised:
        deps.secret(reference)
    assert raised.value.status == 503 and raised.value.code == "configuration_unavailable"
    assert "later" not in raised.value.message  # no deployment detail in the answer
    # the parameter appears; within 30 s requests are answered 503 without asking SSM again
    boto3.client("ssm").put_parameter(
        Name="/stratus/test/later", Value="now-there", Type="SecureString", KeyId=stack.key_alias
    )
    clock.advance(deps.SECRET_RETRY_SECONDS - 1)
    with pytest.raises(SecretUnavailable):
        deps.secret(reference)
    assert ssm_calls.count("ssm.GetParameter") == 1
    # then the next request reads it, and it stays read
    clock.advance(1)
    assert deps.secret(reference) == "now-there"
    assert deps.secret(reference) == "now-there"
    assert ssm_calls.count("ssm.GetParameter") == 2


@pytest.mark.parametrize("reference", ["ssm:", "ssm:   "])
def test_a_reference_without_a_name_is_refused(ssm: object, reference: str) -> None:
    with pytest.raises(SecretUnavailable):
        deps.secret(reference)


def test_sign_in_and_refresh_use_the_client_secret_from_ssm(
    ssm: object,
    stack: ProvisionedStack,
    sign_in: SignIn,
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given the consumer secret only in SSM, the setting naming it
    boto3.client("ssm").put_parameter(
        Name=NAME, Value="test-secret", Type="SecureString", KeyId=stack.key_alias
    )
    monkeypatch.setenv("SALESFORCE_CLIENT_SECRET", f"ssm:{NAME}")
    deps.reset()
    # When a user signs in, and later their access token is renewed
    token = sign_in("alice@acme.demo")
    emu = sign_in.salesforce.emu
    emu.expire_access_tokens()
    renewed = client.http.get("/me/salesforce", headers={"Authorization": f"Bearer {token}"})
    # Then Salesforce accepted the secret both times (it refuses any other)
    assert renewed.status_code == 200, renewed.body
    assert emu.token_refreshes == 1


def test_tracking_keys_from_ssm(
    ssm: object, stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = base64.urlsafe_b64encode(b"s" * 32).decode()
    boto3.client("ssm").put_parameter(
        Name=NAME, Value=f"k9:{key}", Type="SecureString", KeyId=stack.key_alias
    )
    monkeypatch.setenv("TRACKING_SIGNING_KEYS", f"ssm:{NAME}")
    deps.reset()
    keys = deps.tracking_keys()
    assert keys is not None and keys.current_kid == "k9" and keys.keys == {"k9": b"s" * 32}
