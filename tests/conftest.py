"""Shared fixtures: moto (in-process) provisioned from infra/template.yaml, store, envelope, app.

Service tests run against moto's in-process mock; end-to-end tests (tests/e2e) start the local
stack and talk to it over HTTP on 127.0.0.1.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import boto3
import pytest
import requests
from chalice.test import Client
from moto import mock_aws

from chalicelib import deps
from chalicelib.crypto.envelope import Envelope
from chalicelib.store.table import Store
from devstack.awscalls import AwsCallCounter
from devstack.motoatomic import make_moto_atomic
from devstack.provision import ProvisionedStack, provision_stack
from devstack.sfemu import Emulator, EmulatorServer
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


def table_items(table_name: str) -> list[dict[str, Any]]:
    """Every item in the table, in DynamoDB's wire format: what a test looks through to prove
    that nothing of a user is left, or that no secret is stored in plain text."""
    items: list[dict[str, Any]] = []
    for page in boto3.client("dynamodb").get_paginator("scan").paginate(TableName=table_name):
        items.extend(page["Items"])
    return items


def _empty(table_name: str) -> None:
    client = boto3.client("dynamodb")
    keys = []
    for page in client.get_paginator("scan").paginate(TableName=table_name):
        keys.extend({"pk": item["pk"], "sk": item["sk"]} for item in page["Items"])
    for start in range(0, len(keys), 25):
        client.batch_write_item(
            RequestItems={
                table_name: [{"DeleteRequest": {"Key": k}} for k in keys[start : start + 25]]
            }
        )


@pytest.fixture
def stack(aws: ProvisionedStack) -> Iterator[ProvisionedStack]:
    """The provisioned stack, empty when each test starts and emptied after it, so no test sees
    another's items (not even those of a test that used the session's stack without this)."""
    _empty(aws.table_name)
    yield aws
    _empty(aws.table_name)


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
    monkeypatch.setenv("STRATUS_STAGE", "test")  # as the `test` stage says, read when it may
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


# -- Salesforce: the bundled sandbox emulator on 127.0.0.1 ---------------------------------------


@dataclass
class Salesforce:
    emu: Emulator
    url: str

    def redeem_refresh_token(self, refresh_token: str) -> requests.Response:
        """Redeem a refresh token at the emulator as the app would (its client id and secret):
        how a test proves a grant was revoked (400 invalid_grant) or still works (200)."""
        return requests.post(
            f"{self.url}/services/oauth2/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": refresh_token,
                "client_id": "stratus-test",
                "client_secret": "test-secret",
            },
            timeout=10,
        )


@pytest.fixture
def salesforce() -> Iterator[Salesforce]:
    """A fresh emulated org (seeded demo data) served over HTTP on a free loopback port."""
    emu = Emulator(client_id="stratus-test", client_secret="test-secret")
    server = EmulatorServer(emu, host="127.0.0.1", port=0).start()
    try:
        yield Salesforce(emu, server.url)
    finally:
        server.stop()


@pytest.fixture
def sf_env(
    app_env: None, salesforce: Salesforce, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Salesforce]:
    """The app pointed at the emulator, as the local stack points it."""
    monkeypatch.setenv("SALESFORCE_LOGIN_URL", salesforce.url)
    monkeypatch.setenv("SALESFORCE_SANDBOX_URL", salesforce.url)
    monkeypatch.setenv("SALESFORCE_EXTRA_LOGIN_HOSTS", salesforce.url.split("://", 1)[1])
    # the emulator speaks plain http on loopback; oauthlib refuses that unless told
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    monkeypatch.setenv("PUBLIC_BASE_URL", "http://127.0.0.1:8999")
    deps.reset()
    yield salesforce
    deps.reset()


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


@dataclass
class SignIn:
    """Drives the browser's part of the sign-in: our login -> the emulator -> our callback.

    Like a browser, it keeps the `__Secure-stratus_oauth` cookie that /auth/salesforce/login sets
    (the latest one) and sends it to the callback; chalice.test.Client keeps no cookies itself.
    """

    client: Client
    salesforce: Salesforce
    browser_nonce: str | None = None

    @staticmethod
    def set_cookies(response: Any) -> list[str]:
        """Every Set-Cookie of a response (chalice.test.Client gives one string or a list)."""
        raw = response.headers.get("Set-Cookie") or []
        return [raw] if isinstance(raw, str) else list(raw)

    @classmethod
    def cookie(cls, response: Any, name: str) -> str | None:
        """The value a response sets for cookie `name` ("" when it clears it), else None."""
        for header in cls.set_cookies(response):
            jar: SimpleCookie = SimpleCookie()
            jar.load(header)
            if name in jar:
                return jar[name].value
        return None

    def authorize_url(self, login: str = "production", return_to: str = "/me") -> str:
        response = self.client.http.get(
            f"/auth/salesforce/login?{urlencode({'login': login, 'return_to': return_to})}"
        )
        assert response.status_code == 302, response.body
        self.browser_nonce = self.cookie(response, "__Secure-stratus_oauth")
        return str(response.headers["Location"])

    def consent(self, authorize_url: str, username: str) -> dict[str, str]:
        """The emulator's consent for `username` (login_hint): the callback's query."""
        reply = requests.get(
            authorize_url + "&" + urlencode({"login_hint": username}),
            allow_redirects=False,
            timeout=10,
        )
        assert reply.status_code == 302, reply.text
        return _query(reply.headers["Location"])

    def callback(self, params: dict[str, str]) -> Any:
        headers = (
            {"Cookie": f"__Secure-stratus_oauth={self.browser_nonce}"} if self.browser_nonce else {}
        )
        response = self.client.http.get(
            f"/auth/salesforce/callback?{urlencode(params)}", headers=headers
        )
        if self.cookie(response, "__Secure-stratus_oauth") == "":
            self.browser_nonce = None  # the callback cleared it
        return response

    def __call__(self, username: str = "alice@acme.demo", return_to: str = "/me") -> str:
        """Sign `username` in; returns the session token."""
        response = self.callback(self.consent(self.authorize_url(return_to=return_to), username))
        assert response.status_code == 302, response.body
        token = self.cookie(response, "__Host-stratus_session")
        assert token, self.set_cookies(response)
        return token


@pytest.fixture
def sign_in(client: Client, sf_env: Salesforce) -> SignIn:
    return SignIn(client, sf_env)


# -- Google and Microsoft: the bundled emulators on 127.0.0.1 -------------------------------------

GOOGLE_CLIENT = ("stratus-google-test.apps.googleusercontent.com", "google-test-secret")
MICROSOFT_CLIENT = ("stratus-ms-test", "ms-test-secret")


@dataclass
class Mailboxes:
    """Both mailbox providers' emulators, with the app pointed at them."""

    google: Any  # devstack.googleemu.GoogleEmulator
    microsoft: Any  # devstack.msemu.MicrosoftEmulator


@pytest.fixture
def mailbox_env(sf_env: Salesforce, monkeypatch: pytest.MonkeyPatch) -> Iterator[Mailboxes]:
    """Fresh Google and Microsoft emulators (seeded with the demo org's users) over HTTP on
    free loopback ports, and the app's settings pointed at them, as `make run` points them."""
    from devstack.googleemu import GoogleEmulator
    from devstack.msemu import MicrosoftEmulator

    base = "http://127.0.0.1:8999"  # sf_env's PUBLIC_BASE_URL
    google = GoogleEmulator(
        *GOOGLE_CLIENT, redirect_uris=[f"{base}/connections/google/callback"]
    ).start()
    microsoft = MicrosoftEmulator(
        *MICROSOFT_CLIENT, redirect_uris=[f"{base}/connections/microsoft/callback"]
    ).start()
    try:
        monkeypatch.setenv("GOOGLE_CLIENT_ID", GOOGLE_CLIENT[0])
        monkeypatch.setenv("GOOGLE_CLIENT_SECRET", GOOGLE_CLIENT[1])
        for name in ("GOOGLE_ACCOUNTS_URL", "GOOGLE_OAUTH_URL", "GOOGLE_API_URL"):
            monkeypatch.setenv(name, google.url)
        monkeypatch.setenv("MICROSOFT_CLIENT_ID", MICROSOFT_CLIENT[0])
        monkeypatch.setenv("MICROSOFT_CLIENT_SECRET", MICROSOFT_CLIENT[1])
        monkeypatch.setenv("MICROSOFT_TENANT", microsoft.tenant)
        monkeypatch.setenv("MICROSOFT_LOGIN_URL", microsoft.url)
        monkeypatch.setenv("MICROSOFT_GRAPH_URL", microsoft.url)
        deps.reset()
        yield Mailboxes(google, microsoft)
    finally:
        google.stop()
        microsoft.stop()
        deps.reset()
