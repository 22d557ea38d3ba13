"""Shared fixtures: moto (in-process) provisioned from infra/template.yaml, store, envelope, app.

Service tests run against moto's in-process mock; end-to-end tests (tests/e2e) start the local
stack and talk to it over HTTP on 127.0.0.1.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import boto3
import pytest
from chalice.test import Client
from moto import mock_aws

from chalicelib import deps
from chalicelib.crypto.envelope import Envelope
from chalicelib.store.table import Store
from devstack.awscalls import AwsCallCounter
from devstack.motoatomic import make_moto_atomic
from devstack.provision import ProvisionedStack, provision_stack
from tests.fakes import FakeClock

_FAKE_AWS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
}
for _name, _value in _FAKE_AWS.items():
    os.environ[_name] = _value
os.environ.pop("AWS_ENDPOINT_URL", None)
os.environ.pop("AWS_PROFILE", None)
make_moto_atomic()


@pytest.fixture(scope="session")
def aws() -> Iterator[ProvisionedStack]:
    """One moto account for the session, provisioned once from the real template."""
    with mock_aws():
        yield provision_stack(boto3.session.Session(), stage="test")


@pytest.fixture
def stack(aws: ProvisionedStack) -> Iterator[ProvisionedStack]:
    """The provisioned stack, emptied after each test so tests do not see each other's items."""
    yield aws
    client = boto3.client("dynamodb")
    keys = []
    for page in client.get_paginator("scan").paginate(TableName=aws.table_name):
        keys.extend({"pk": item["pk"], "sk": item["sk"]} for item in page["Items"])
    for start in range(0, len(keys), 25):
        client.batch_write_item(
            RequestItems={
                aws.table_name: [{"DeleteRequest": {"Key": k}} for k in keys[start : start + 25]]
            }
        )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def aws_calls() -> AwsCallCounter:
    return AwsCallCounter()


@pytest.fixture
def dynamodb(stack: ProvisionedStack, aws_calls: AwsCallCounter) -> object:
    return aws_calls.attach(boto3.client("dynamodb"))


@pytest.fixture
def kms(stack: ProvisionedStack, aws_calls: AwsCallCounter) -> object:
    return aws_calls.attach(boto3.client("kms"))


@pytest.fixture
def store(stack: ProvisionedStack, dynamodb: object, clock: FakeClock) -> Store:
    return Store(dynamodb, stack.table_name, clock)  # type: ignore[arg-type]


@pytest.fixture
def envelope(stack: ProvisionedStack, kms: object, clock: FakeClock) -> Envelope:
    return Envelope(kms, stack.key_alias, clock)  # type: ignore[arg-type]


@pytest.fixture
def app_env(stack: ProvisionedStack, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the app's settings at the test stack; every collaborator is rebuilt."""
    monkeypatch.setenv("STRATUS_TABLE", stack.table_name)
    monkeypatch.setenv("STRATUS_KMS_KEY_ID", stack.key_alias)
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://stratus.test")
    monkeypatch.setenv("SALESFORCE_CLIENT_ID", "stratus-test")
    monkeypatch.setenv("SALESFORCE_CLIENT_SECRET", "test-secret")
    deps.reset()
    yield
    deps.reset()


@pytest.fixture
def client(app_env: None) -> Iterator[Client]:
    """The Chalice app driven in-process (its `test` stage), backed by moto."""
    from app import app

    with Client(app, stage_name="test") as test_client:
        yield test_client
